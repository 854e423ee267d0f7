/**
 * Midpoint routing: like largest gap, but every middle aisle is split at its midpoint: picks
 * in the front half are taken from the front, those in the back half from the back.
 */
import { type Grid, gridOf } from "./grid.ts";
import { multiBlockRoute, splitBlock } from "./multiBlock.ts";
import { splitAislesRoute } from "./splitAisles.ts";
import type { Block, Pick, Route } from "./types.ts";

/** How many picks (lowest first) lie in the front half of a (sub-)aisle. */
const frontHalf = (positionsM: number[], lengthM: number) =>
  positionsM.filter((y) => y <= lengthM / 2).length;

/** Midpoint-policy tour through `picks`, depot to depot. */
export function midpointRoute(block: Block | Grid, picks: readonly Pick[]): Route {
  const grid = "xs" in block ? block : gridOf(block);
  if (grid.rows.length > 2) {
    return multiBlockRoute(grid, picks, splitBlock(frontHalf));
  }
  return splitAislesRoute(grid, picks, frontHalf);
}
