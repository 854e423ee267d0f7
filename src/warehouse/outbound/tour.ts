/**
 * Pick tours: the layout's planTour under the scenario's routing policy, returning the
 * tour length and the visiting order as indices into the stops.
 */
import { planTour, type RoutingPolicy, type TravelModel } from "../../layout/index.ts";

/** A planned tour: total length and stop indices in visiting order. */
export interface PlannedTour {
  distanceM: number;
  sequence: number[];
}

/** Plans a tour from `start` through distinct `stops` back to `end` by `policy`. */
export function planPickTour(
  travel: TravelModel,
  options: {
    start: string;
    end: string;
    stops: string[];
    /** The stops' place indices. */
    stopPlaces: ArrayLike<number>;
    policy: RoutingPolicy;
  },
): PlannedTour {
  const tour = planTour(travel, {
    start: options.start,
    end: options.end,
    stops: options.stops,
    stopPlaces: options.stopPlaces,
    policy: options.policy,
    withPath: false,
  });
  return { distanceM: tour.distanceM, sequence: tour.order };
}
