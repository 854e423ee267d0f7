/**
 * Combined routing (Roodbergen & de Koster 2001): aisles with picks are visited left to
 * right; each is either traversed or entered and left from the side the picker is on, the
 * choice made by a small dynamic programme so that the sweep ends at the front.
 */
import { aisleVisits, type Grid, gridOf, TourBuilder } from "./grid.ts";
import { combinedBlock, multiBlockRoute } from "./multiBlock.ts";
import type { Block, Pick, Route } from "./types.ts";

/** Combined-policy tour through `picks`, depot to depot; `withTour` false leaves `tour` empty. */
export function combinedRoute(block: Block | Grid, picks: readonly Pick[], withTour = true): Route {
  const grid = "xs" in block ? block : gridOf(block);
  if (grid.rows.length > 2) {
    return multiBlockRoute(grid, picks, combinedBlock, withTour);
  }
  const { length, byAisle, visited } = aisleVisits(grid, picks);
  const v = visited.length;
  // cost[k][side]: cheapest vertical travel for aisles k.. starting on side (0 front, 1 back)
  // and ending at the front; choice[k][side]: true = traverse.
  const cost = Array.from({ length: v + 1 }, () => [0, Number.POSITIVE_INFINITY]);
  const choice = Array.from({ length: v }, () => [false, false]);
  for (let k = v - 1; k >= 0; k--) {
    const list = byAisle[visited[k]];
    const lo = picks[list[0]].positionM;
    const hi = picks[list[list.length - 1]].positionM;
    for (const side of [0, 1]) {
      const stay = (side === 0 ? 2 * hi : 2 * (length - lo)) + cost[k + 1][side];
      const cross = length + cost[k + 1][1 - side];
      choice[k][side] = cross < stay;
      cost[k][side] = Math.min(stay, cross);
    }
  }
  const b = new TourBuilder(grid.depotX, 0, withTour);
  let side = 0;
  visited.forEach((aisle, k) => {
    const x = grid.xs[aisle];
    const list = byAisle[aisle];
    const y0 = side === 0 ? 0 : length;
    b.to(x, y0);
    const ordered = side === 0 ? list : [...list].reverse();
    for (const i of ordered) b.to(x, picks[i].positionM).visit(i);
    if (choice[k][side]) {
      side = 1 - side;
      b.to(x, side === 0 ? 0 : length);
    } else b.to(x, y0);
  });
  b.to(grid.depotX, 0);
  return { distanceM: b.distanceM, tour: b.tour, order: b.order };
}
