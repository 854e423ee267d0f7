/** Occupancy of a set of pallet places (staging lanes, staging areas). */
import type { Container } from "../../engine/index.ts";

/** The mean share of the containers' places in use (time-weighted since their last reset). */
export function meanOccupancy(containers: Iterable<Container>): number {
  let used = 0;
  let places = 0;
  for (const c of containers) {
    used += c.meanLevel();
    places += c.capacity;
  }
  return places > 0 ? used / places : 0;
}
