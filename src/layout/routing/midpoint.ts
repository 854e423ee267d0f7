/**
 * Midpoint routing: like largest gap, but every middle aisle is split at its midpoint: picks
 * in the front half are taken from the front, those in the back half from the back.
 */
import { type Grid, gridOf } from "./grid.ts";
import { splitAislesRoute } from "./splitAisles.ts";
import type { Block, Pick, Route } from "./types.ts";

/** Midpoint-policy tour through `picks`, depot to depot. */
export function midpointRoute(block: Block | Grid, picks: readonly Pick[]): Route {
  const grid = "xs" in block ? block : gridOf(block);
  return splitAislesRoute(
    grid,
    picks,
    (positions, length) => positions.filter((y) => y <= length / 2).length,
  );
}
