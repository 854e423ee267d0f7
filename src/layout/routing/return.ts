/**
 * Return routing: each aisle with a pick is entered from the front cross aisle, walked up to
 * its farthest pick and left the way it came, aisles taken left to right.
 */
import { checkPicks, type Grid, gridOf, picksByAisle, TourBuilder } from "./grid.ts";
import type { Block, Pick, Route } from "./types.ts";

/** Return-policy tour through `picks`, depot to depot; `withTour` false leaves `tour` empty. */
export function returnRoute(block: Block | Grid, picks: readonly Pick[], withTour = true): Route {
  const grid = "xs" in block ? block : gridOf(block);
  checkPicks(grid, picks);
  const byAisle = picksByAisle(grid.xs.length, picks);
  const b = new TourBuilder(grid.depotX, 0, withTour);
  byAisle.forEach((list, aisle) => {
    if (list.length === 0) return;
    const x = grid.xs[aisle];
    b.to(x, 0);
    for (const i of list) b.to(x, picks[i].positionM).visit(i);
    b.to(x, 0);
  });
  b.to(grid.depotX, 0);
  return { distanceM: b.distanceM, tour: b.tour, order: b.order };
}
