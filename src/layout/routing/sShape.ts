/**
 * S-shape (traversal) routing: every aisle with a pick is traversed entirely, left to right;
 * when the number of such aisles is odd, the last one is entered and left from the front.
 * Middle cross aisles are not used (the aisles are taken end to end).
 */
import { aisleVisits, type Grid, gridOf, TourBuilder } from "./grid.ts";
import { multiBlockRoute, sShapeBlock } from "./multiBlock.ts";
import type { Block, Pick, Route } from "./types.ts";

/** S-shape tour through `picks`, depot to depot; `withTour` false leaves `tour` empty. */
export function sShapeRoute(block: Block | Grid, picks: readonly Pick[], withTour = true): Route {
  const grid = "xs" in block ? block : gridOf(block);
  if (grid.rows.length > 2) {
    return multiBlockRoute(grid, picks, sShapeBlock, withTour);
  }
  const { length, byAisle, visited } = aisleVisits(grid, picks);
  const b = new TourBuilder(grid.depotX, 0, withTour);
  let atFront = true;
  visited.forEach((aisle, k) => {
    const x = grid.xs[aisle];
    const list = byAisle[aisle];
    b.to(x, atFront ? 0 : length);
    const lastOdd = k === visited.length - 1 && visited.length % 2 === 1;
    if (lastOdd) {
      for (const i of list) b.to(x, picks[i].positionM).visit(i);
      b.to(x, 0);
    } else if (atFront) {
      for (const i of list) b.to(x, picks[i].positionM).visit(i);
      b.to(x, length);
      atFront = false;
    } else {
      for (const i of [...list].reverse()) b.to(x, picks[i].positionM).visit(i);
      b.to(x, 0);
      atFront = true;
    }
  });
  b.to(grid.depotX, 0);
  return { distanceM: b.distanceM, tour: b.tour, order: b.order };
}
