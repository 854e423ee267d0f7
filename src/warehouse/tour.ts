/** Pick tours: the layout's planTour (temporary stand-in: stops in the given order). */
import type { TravelModel } from "../layout/index.ts";

/** A planned tour. */
export interface PlannedTour {
  distanceM: number;
  sequence: number[];
}

/** Plans a tour from `start` through `stops` to `end` by `policy`. */
export function planPickTour(
  travel: TravelModel,
  options: { start: string; end: string; stops: string[]; policy: string },
): PlannedTour {
  const sequence = options.stops.map((_, i) => i);
  let d = 0;
  let prev = options.start;
  for (const s of options.stops) {
    d += travel.distanceM(prev, s);
    prev = s;
  }
  d += travel.distanceM(prev, options.end);
  return { distanceM: d, sequence };
}
