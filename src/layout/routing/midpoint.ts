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

/** The midpoint policy in one block of the multi-block frame. */
const midpointBlock = splitBlock(frontHalf);

/** Midpoint-policy tour through `picks`, depot to depot; `withTour` false leaves `tour` empty. */
export function midpointRoute(block: Block | Grid, picks: readonly Pick[], withTour = true): Route {
  const grid = "xs" in block ? block : gridOf(block);
  if (grid.rows.length > 2) {
    return multiBlockRoute(grid, picks, midpointBlock, withTour);
  }
  return splitAislesRoute(grid, picks, frontHalf, withTour);
}
