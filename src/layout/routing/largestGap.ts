/**
 * Largest-gap routing (Hall 1993): the leftmost and rightmost aisles with picks are
 * traversed; in every other aisle the largest gap between adjacent stops (the cross aisles
 * counting as stops) is never walked: picks below it are taken from the front, above it
 * from the back.
 */
import { type Grid, gridOf } from "./grid.ts";
import { multiBlockRoute, splitBlock } from "./multiBlock.ts";
import { splitAislesRoute } from "./splitAisles.ts";
import type { Block, Pick, Route } from "./types.ts";

/**
 * The largest gap in an aisle of `lengthM` with picks at `positionsM` (ascending): the
 * longest stretch between adjacent stops, the aisle ends included. Returns its length and
 * how many picks lie below it.
 */
export function largestGapInAisle(
  positionsM: readonly number[],
  lengthM: number,
): { gapM: number; below: number } {
  let gapM = -1;
  let below = 0;
  let prev = 0;
  for (let k = 0; k <= positionsM.length; k++) {
    const next = k < positionsM.length ? positionsM[k] : lengthM;
    if (next - prev > gapM) {
      gapM = next - prev;
      below = k;
    }
    prev = next;
  }
  return { gapM, below };
}

/** The largest-gap policy in one block of the multi-block frame. */
const largestGapBlock = splitBlock((p, l) => largestGapInAisle(p, l).below);

/** Largest-gap-policy tour through `picks`, depot to depot; `withTour` false leaves `tour` empty. */
export function largestGapRoute(
  block: Block | Grid,
  picks: readonly Pick[],
  withTour = true,
): Route {
  const grid = "xs" in block ? block : gridOf(block);
  if (grid.rows.length > 2) {
    return multiBlockRoute(grid, picks, largestGapBlock, withTour);
  }
  return splitAislesRoute(
    grid,
    picks,
    (positions, length) => largestGapInAisle(positions, length).below,
    withTour,
  );
}
