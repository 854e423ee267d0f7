/**
 * Cross-aisle capacity: with `equipment.traffic.crossAisleCapacity` set, a move holds a place
 * in every cross aisle its route runs along for the whole move, and a move that finds one
 * full waits at its start until a place frees (booked as congestion at that cross aisle).
 * Places are taken in id order and held only while moving, so moves never wait on each other
 * in a circle.
 */

import type { ProcessGenerator } from "../../engine/index.ts";
import type { PlaceRef } from "../../layout/index.ts";
import type { World } from "../world.ts";
import { waitForPlace } from "./placeTraffic.ts";
import type { Worker } from "./workforce.ts";

const NONE: readonly string[] = [];

/** Takes a place in each cross aisle of the route `from` → `to`; returns the ids held. */
export function* takeCrossAisles(
  world: World,
  worker: Worker,
  from: PlaceRef,
  to: PlaceRef,
): ProcessGenerator<readonly string[]> {
  const capacity = world.scenario.equipment.traffic.crossAisleCapacity;
  if (capacity === undefined) return NONE;
  const crossAisles = world.site.layout.crossAisles;
  const held = world.site.travel
    .pathAisles(from, to)
    .filter((id) => crossAisles.some((c) => c.id === id))
    .sort();
  for (const id of held) {
    if (!world.places.tryTake(id, capacity))
      yield* waitForPlace(world, worker, id, capacity, id, "crossAisle");
  }
  return held;
}

/** Gives back the cross-aisle places a move held. */
export function releaseCrossAisles(world: World, held: readonly string[]): void {
  for (const id of held) world.places.release(id);
}
