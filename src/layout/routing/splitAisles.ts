/**
 * The frame shared by the midpoint and largest-gap policies: traverse the leftmost aisle with
 * picks, take the back part of each middle aisle from the back cross aisle, traverse the
 * rightmost aisle, and take the front parts from the front cross aisle on the way back.
 */
import { aisleVisits, type Grid, TourBuilder } from "./grid.ts";
import type { Pick, Route } from "./types.ts";

/**
 * Builds the tour; `splitAt(aisle picks ascending)` returns how many of the aisle's picks
 * (the lowest ones) are taken from the front. `withTour` false leaves `tour` empty.
 */
export function splitAislesRoute(
  grid: Grid,
  picks: readonly Pick[],
  splitAt: (positionsM: number[], lengthM: number) => number,
  withTour = true,
): Route {
  const { length, byAisle, visited } = aisleVisits(grid, picks);
  const b = new TourBuilder(grid.depotX, 0, withTour);
  if (visited.length === 1) {
    const aisle = visited[0];
    const x = grid.xs[aisle];
    b.to(x, 0);
    for (const i of byAisle[aisle]) b.to(x, picks[i].positionM).visit(i);
    b.to(x, 0);
  } else if (visited.length > 1) {
    const first = visited[0];
    const last = visited[visited.length - 1];
    const middle = visited.slice(1, -1);
    const front = new Map<number, number>();
    for (const aisle of middle) {
      front.set(
        aisle,
        splitAt(
          byAisle[aisle].map((i) => picks[i].positionM),
          length,
        ),
      );
    }
    b.to(grid.xs[first], 0);
    for (const i of byAisle[first]) b.to(grid.xs[first], picks[i].positionM).visit(i);
    b.to(grid.xs[first], length);
    for (const aisle of middle) {
      const x = grid.xs[aisle];
      const back = byAisle[aisle].slice(front.get(aisle));
      if (back.length === 0) continue;
      b.to(x, length);
      for (const i of [...back].reverse()) b.to(x, picks[i].positionM).visit(i);
      b.to(x, length);
    }
    const x = grid.xs[last];
    b.to(x, length);
    for (const i of [...byAisle[last]].reverse()) b.to(x, picks[i].positionM).visit(i);
    b.to(x, 0);
    for (const aisle of [...middle].reverse()) {
      const xa = grid.xs[aisle];
      const frontPicks = byAisle[aisle].slice(0, front.get(aisle));
      if (frontPicks.length === 0) continue;
      b.to(xa, 0);
      for (const i of frontPicks) b.to(xa, picks[i].positionM).visit(i);
      b.to(xa, 0);
    }
  }
  b.to(grid.depotX, 0);
  return { distanceM: b.distanceM, tour: b.tour, order: b.order };
}
