/**
 * Places that hold a limited number of workers at once: a pick face holds one picker (a
 * second waits until it is free: the pick-face blocking of wide aisles, Parikh & Meller
 * 2009), the P&D point holds `equipment.traffic.pdPointCapacity` pickers setting up a
 * tour, and a cross aisle `crossAisleCapacity` moving workers (crossAisleTraffic.ts). A wait
 * is booked as congestion at the place.
 */
import { Event, type ProcessGenerator, type Simulation } from "../../engine/index.ts";
import type { World } from "../world.ts";
import { bookCongestion } from "./aisleTraffic.ts";
import { traceBlock } from "./traceBlock.ts";
import type { Worker } from "./workforce.ts";

/**
 * A place: a location by its travel-model place index (a pick face, held in an array, as
 * faces are many and taken at every stop), or a named place (the P&D point, a cross aisle).
 */
export type PlaceKey = number | string;

/** Who holds which place, and the events of waiters for a place to free. */
export class PlaceTraffic {
  /** Holders of named places (absent: none). */
  private readonly holders = new Map<string, number>();
  /** Holders of each location, by place index. */
  private readonly locationHolders: Int32Array;
  private readonly freed = new Map<PlaceKey, Event>();

  constructor(
    private readonly sim: Simulation,
    locations: number,
  ) {
    this.locationHolders = new Int32Array(locations);
  }

  /** Takes one of `capacity` places at `place` when one is free; false when all are held. */
  tryTake(place: PlaceKey, capacity: number): boolean {
    if (typeof place === "number") {
      if (this.locationHolders[place] >= capacity) return false;
      this.locationHolders[place]++;
      return true;
    }
    const held = this.holders.get(place) ?? 0;
    if (held >= capacity) return false;
    this.holders.set(place, held + 1);
    return true;
  }

  /** Gives a place at `place` back and wakes its waiters. */
  release(place: PlaceKey): void {
    if (typeof place === "number") {
      if (this.locationHolders[place] > 0) this.locationHolders[place]--;
    } else {
      const held = this.holders.get(place) ?? 0;
      if (held <= 1) this.holders.delete(place);
      else this.holders.set(place, held - 1);
    }
    if (this.freed.size === 0) return;
    const freed = this.freed.get(place);
    if (freed === undefined) return;
    this.freed.delete(place);
    freed.succeed();
  }

  /** The event of the next release at `place`. */
  whenFreed(place: PlaceKey): Event {
    let freed = this.freed.get(place);
    if (freed === undefined) {
      freed = new Event(this.sim);
      this.freed.set(place, freed);
    }
    return freed;
  }
}

/**
 * Waits until one of `capacity` places at `place` is free and takes it (call after a failed
 * `tryTake`); books the wait as congestion at `where` (an aisle or place id) and as the
 * worker's wait for `reason`. Returns the wait, s.
 */
export function* waitForPlace(
  world: World,
  worker: Worker,
  place: PlaceKey,
  capacity: number,
  where: string,
  reason: "pickFace" | "pdPoint" | "crossAisle",
): ProcessGenerator<number> {
  const { sim, places } = world;
  const fromS = sim.now;
  worker.setState("waiting", fromS, reason);
  // A pick face (a place index) is traced by its location id.
  const location =
    typeof place === "number"
      ? world.site.layout.locations[place].id
      : place === where
        ? undefined
        : place;
  traceBlock(world, worker, { at: where, phase: "start", reason, location });
  while (!places.tryTake(place, capacity)) yield places.whenFreed(place);
  traceBlock(world, worker, { at: where, phase: "end" });
  const waitS = sim.now - fromS;
  bookCongestion(world, worker, where, waitS, true);
  return waitS;
}
