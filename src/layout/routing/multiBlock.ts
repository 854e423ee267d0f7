/**
 * The multi-block frame of the heuristics (after Roodbergen & de Koster 2001): walk up the
 * leftmost aisle with picks to the back of the farthest block with picks, then handle the
 * blocks one by one towards the front, each entered from its back cross aisle and left by
 * its front one, sweeping its sub-aisles from the nearer end; finally back to the depot.
 * A policy only says how one block's sub-aisles are picked.
 */
import { bandOf, checkPicks, type Grid, TourBuilder } from "./grid.ts";
import type { Pick, Route } from "./types.ts";

/** One block to pick: sub-aisles in sweep order, each with its pick indices ascending. */
export interface BlockVisit {
  /** Aisle indices in the order the sweep meets them. */
  aisles: number[];
  /** Pick indices per entry of `aisles`, ascending by position. */
  picks: number[][];
  /** y of the block's front and back cross aisles. */
  frontY: number;
  backY: number;
}

/**
 * Picks one block: starts at (current x, backY), must end on the front cross aisle
 * (y = frontY). `b` is at the start point when called.
 */
export type BlockPicker = (
  b: TourBuilder,
  grid: Grid,
  picks: readonly Pick[],
  visit: BlockVisit,
) => void;

/** Runs the multi-block frame with a per-block policy. */
export function multiBlockRoute(grid: Grid, picks: readonly Pick[], pickBlock: BlockPicker): Route {
  checkPicks(grid, picks);
  const n = grid.xs.length;
  const bands = grid.rows.length - 1;
  // Pick indices per aisle and band; only aisles with picks get their lists (a large
  // layout has many aisles and a tour touches few).
  const cells: (number[][] | undefined)[] = new Array(n);
  picks.forEach((p, i) => {
    let aisle = cells[p.aisle];
    if (aisle === undefined) {
      aisle = Array.from({ length: bands }, () => []);
      cells[p.aisle] = aisle;
    }
    aisle[bandOf(grid, p.positionM)].push(i);
  });
  const withPicks: number[][][] = [];
  for (const aisle of cells) if (aisle !== undefined) withPicks.push(aisle);
  for (const aisle of withPicks) {
    for (const list of aisle) list.sort((a, b) => picks[a].positionM - picks[b].positionM || a - b);
  }
  const b = new TourBuilder(grid.depotX, 0);
  if (picks.length === 0) return { distanceM: 0, tour: b.tour, order: [] };
  const left = Math.min(...picks.map((p) => p.aisle));
  const farthest = Math.max(...picks.map((p) => bandOf(grid, p.positionM)));
  const others = (band: number) => {
    const list: number[] = [];
    for (let i = 0; i < n; i++) {
      const aisle = cells[i];
      if (i !== left && aisle !== undefined && aisle[band].length > 0) list.push(i);
    }
    return list;
  };
  // Up the leftmost aisle, picking all its picks.
  const xl = grid.xs[left];
  b.to(xl, 0);
  const own = (cells[left] as number[][]).flat();
  for (const i of own) b.to(xl, picks[i].positionM).visit(i);
  let band = farthest;
  if (others(farthest).length > 0) b.to(xl, grid.rows[farthest + 1]);
  else {
    // Nothing else in the farthest block: turn at the highest pick.
    b.to(xl, grid.rows[farthest]);
    band = farthest - 1;
  }
  let x = xl;
  for (; band >= 0; band--) {
    const list = others(band);
    const frontY = grid.rows[band];
    const backY = grid.rows[band + 1];
    if (list.length === 0) {
      b.to(x, backY).to(x, frontY);
      continue;
    }
    const lo = grid.xs[list[0]];
    const hi = grid.xs[list[list.length - 1]];
    const ordered = Math.abs(lo - x) <= Math.abs(hi - x) ? list : [...list].reverse();
    b.to(x, backY);
    pickBlock(b, grid, picks, {
      aisles: ordered,
      picks: ordered.map((i) => (cells[i] as number[][])[band]),
      frontY,
      backY,
    });
    x = b.position[0];
    if (b.position[1] !== frontY)
      throw new Error("block policy did not end on the front cross aisle");
  }
  b.to(x, 0).to(grid.depotX, 0);
  return { distanceM: b.distanceM, tour: b.tour, order: b.order };
}

/** S-shape in one block: traverse sub-aisles alternately; an even count makes the last a return. */
export const sShapeBlock: BlockPicker = (b, grid, picks, v) => {
  let atBack = true;
  v.aisles.forEach((aisle, k) => {
    const x = grid.xs[aisle];
    const list = v.picks[k];
    b.to(x, atBack ? v.backY : v.frontY);
    if (k === v.aisles.length - 1 && v.aisles.length % 2 === 0) {
      // After an odd number of traversals the picker is at the front: return trip.
      for (const i of list) b.to(x, picks[i].positionM).visit(i);
      b.to(x, v.frontY);
      return;
    }
    const ordered = atBack ? [...list].reverse() : list;
    for (const i of ordered) b.to(x, picks[i].positionM).visit(i);
    atBack = !atBack;
    b.to(x, atBack ? v.backY : v.frontY);
  });
};

/**
 * Split picking in one block (largest gap, midpoint): back parts from the back cross aisle
 * on the way out, the last sub-aisle traversed, front parts from the front on the way back.
 * `splitAt` says how many of a sub-aisle's picks (lowest first) are taken from the front.
 */
export function splitBlock(
  splitAt: (positionsM: number[], lengthM: number) => number,
): BlockPicker {
  return (b, grid, picks, v) => {
    const length = v.backY - v.frontY;
    const last = v.aisles.length - 1;
    const fronts: number[][] = [];
    for (let k = 0; k < last; k++) {
      const x = grid.xs[v.aisles[k]];
      const list = v.picks[k];
      const cut = splitAt(
        list.map((i) => picks[i].positionM - v.frontY),
        length,
      );
      fronts.push(list.slice(0, cut));
      const back = list.slice(cut);
      if (back.length === 0) continue;
      b.to(x, v.backY);
      for (const i of [...back].reverse()) b.to(x, picks[i].positionM).visit(i);
      b.to(x, v.backY);
    }
    const x = grid.xs[v.aisles[last]];
    b.to(x, v.backY);
    for (const i of [...v.picks[last]].reverse()) b.to(x, picks[i].positionM).visit(i);
    b.to(x, v.frontY);
    for (let k = last - 1; k >= 0; k--) {
      if (fronts[k].length === 0) continue;
      const xa = grid.xs[v.aisles[k]];
      b.to(xa, v.frontY);
      for (const i of fronts[k]) b.to(xa, picks[i].positionM).visit(i);
      b.to(xa, v.frontY);
    }
  };
}

/** Combined in one block: per sub-aisle traverse or return, by DP, ending at the front. */
export const combinedBlock: BlockPicker = (b, grid, picks, v) => {
  const m = v.aisles.length;
  // cost[k][side]: sides 0 front, 1 back; must end at the front.
  const cost = Array.from({ length: m + 1 }, () => [0, Number.POSITIVE_INFINITY]);
  const cross = Array.from({ length: m }, () => [false, false]);
  for (let k = m - 1; k >= 0; k--) {
    const list = v.picks[k];
    const lo = picks[list[0]].positionM;
    const hi = picks[list[list.length - 1]].positionM;
    for (const side of [0, 1]) {
      const stay = (side === 0 ? 2 * (hi - v.frontY) : 2 * (v.backY - lo)) + cost[k + 1][side];
      const go = v.backY - v.frontY + cost[k + 1][1 - side];
      cross[k][side] = go < stay;
      cost[k][side] = Math.min(stay, go);
    }
  }
  let side = 1;
  v.aisles.forEach((aisle, k) => {
    const x = grid.xs[aisle];
    const y0 = side === 0 ? v.frontY : v.backY;
    b.to(x, y0);
    const list = side === 0 ? v.picks[k] : [...v.picks[k]].reverse();
    for (const i of list) b.to(x, picks[i].positionM).visit(i);
    if (cross[k][side]) {
      side = 1 - side;
      b.to(x, side === 0 ? v.frontY : v.backY);
    } else b.to(x, y0);
  });
};
