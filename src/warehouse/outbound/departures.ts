/**
 * Carrier departures: each carrier's daily departure times over the horizon and the cut-off
 * of each (`cutoffMin` before it); an order or pallet is due on the first departure whose
 * cut-off is at or after its time.
 */
import { DAY_S, dailyTimes } from "../workforce/calendar.ts";
import type { World } from "../world.ts";

/** Carrier departures: times ascending and the cut-off of each, s. */
export interface Departures {
  timesS: number[];
  cutoffsS: number[];
}

/** Each carrier's departures over the horizon (and one day beyond, for due dates). */
export function carrierDepartures(world: Pick<World, "scenario" | "horizonS">): Departures[] {
  return world.scenario.outbound.carriers.map((c) => {
    const mask = [0, 1, 2, 3, 4, 5, 6].map((d) =>
      c.days.includes(["mon", "tue", "wed", "thu", "fri", "sat", "sun"][d] as never),
    );
    const timesS = dailyTimes(c.departures, mask, 0, world.horizonS + 8 * DAY_S);
    return { timesS, cutoffsS: timesS.map((t) => t - c.cutoffMin * 60) };
  });
}

/** The first departure whose cut-off is at or after `timeS` (Infinity if none). */
export function dueDeparture(departures: Departures, timeS: number): number {
  const { cutoffsS, timesS } = departures;
  let lo = 0;
  let hi = cutoffsS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cutoffsS[mid] >= timeS) hi = mid;
    else lo = mid + 1;
  }
  return lo < timesS.length ? timesS[lo] : Number.POSITIVE_INFINITY;
}
