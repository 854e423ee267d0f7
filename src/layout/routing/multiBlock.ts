/**
 * The multi-block frame of the heuristics (after Roodbergen & de Koster 2001): walk up the
 * leftmost aisle with picks to the back of the farthest block with picks, then handle the
 * blocks one by one towards the front, each entered from its back cross aisle and left by
 * its front one, sweeping its sub-aisles from the nearer end; finally back to the depot.
 * A policy only says how one block's sub-aisles are picked.
 */
import { bandOf, checkPicks, type Grid, sortByPosition, TourBuilder } from "./grid.ts";
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

/**
 * Runs the multi-block frame with a per-block policy. `withTour` false leaves the route's
 * `tour` empty (distance and order unchanged).
 */
export function multiBlockRoute(
  grid: Grid,
  picks: readonly Pick[],
  pickBlock: BlockPicker,
  withTour = true,
): Route {
  checkPicks(grid, picks);
  const n = grid.xs.length;
  const bands = grid.rows.length - 1;
  // Pick indices per aisle and band; only aisles with picks get their lists (a large
  // layout has many aisles and a tour touches few).
  const cells: (number[][] | undefined)[] = new Array(n);
  const withPicks: number[][][] = [];
  let left = n;
  let farthest = -1;
  for (let i = 0; i < picks.length; i++) {
    const p = picks[i];
    let aisle = cells[p.aisle];
    if (aisle === undefined) {
      aisle = new Array<number[]>(bands).fill(NO_PICKS);
      cells[p.aisle] = aisle;
      withPicks.push(aisle);
    }
    const band = bandOf(grid, p.positionM);
    // Lists start at their exact size; most sub-aisles of a tour hold one pick.
    if (aisle[band] === NO_PICKS) aisle[band] = [i];
    else aisle[band].push(i);
    if (p.aisle < left) left = p.aisle;
    if (band > farthest) farthest = band;
  }
  // Indexed loops throughout: hot code without iterator objects.
  for (let a = 0; a < withPicks.length; a++) {
    const aisle = withPicks[a];
    for (let r = 0; r < bands; r++) if (aisle[r].length > 1) sortByPosition(aisle[r], picks);
  }
  const b = new TourBuilder(grid.depotX, 0, withTour);
  if (picks.length === 0) return { distanceM: 0, tour: b.tour, order: [] };
  // Up the leftmost aisle, picking all its picks.
  const xl = grid.xs[left];
  b.to(xl, 0);
  const own = cells[left] as number[][];
  for (let r = 0; r < bands; r++) {
    const list = own[r];
    for (let j = 0; j < list.length; j++) b.to(xl, picks[list[j]].positionM).visit(list[j]);
  }
  let band = farthest;
  let list = others(cells, left, farthest);
  if (list.length > 0) b.to(xl, grid.rows[farthest + 1]);
  else {
    // Nothing else in the farthest block: turn at the highest pick.
    b.to(xl, grid.rows[farthest]);
    band = farthest - 1;
  }
  let x = xl;
  for (; band >= 0; band--) {
    if (band !== farthest) list = others(cells, left, band);
    const frontY = grid.rows[band];
    const backY = grid.rows[band + 1];
    if (list.length === 0) {
      b.to(x, backY).to(x, frontY);
      continue;
    }
    const lo = grid.xs[list[0]];
    const hi = grid.xs[list[list.length - 1]];
    if (Math.abs(lo - x) > Math.abs(hi - x)) list.reverse();
    const bandPicks = new Array<number[]>(list.length);
    for (let j = 0; j < list.length; j++) bandPicks[j] = (cells[list[j]] as number[][])[band];
    b.to(x, backY);
    pickBlock(b, grid, picks, { aisles: list, picks: bandPicks, frontY, backY });
    x = b.atX;
    if (b.atY !== frontY) throw new Error("block policy did not end on the front cross aisle");
  }
  b.to(x, 0).to(grid.depotX, 0);
  return { distanceM: b.distanceM, tour: b.tour, order: b.order };
}

/** The shared empty list of a sub-aisle without picks (never written to). */
const NO_PICKS: number[] = Object.freeze([]) as unknown as number[];

/**
 * Aisles other than `left` with picks in `band`, left to right. (A module function: a
 * closure made per tour would cost an allocation, and more under the name-keeping
 * transform that gives each named closure its `name` property.)
 */
function others(cells: readonly (number[][] | undefined)[], left: number, band: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const aisle = cells[i];
    if (i !== left && aisle !== undefined && aisle[band].length > 0) list.push(i);
  }
  return list;
}

/** S-shape in one block: traverse sub-aisles alternately; an even count makes the last a return. */
export const sShapeBlock: BlockPicker = (b, grid, picks, v) => {
  let atBack = true;
  const m = v.aisles.length;
  for (let k = 0; k < m; k++) {
    const x = grid.xs[v.aisles[k]];
    const list = v.picks[k];
    b.to(x, atBack ? v.backY : v.frontY);
    if (k === m - 1 && m % 2 === 0) {
      // After an odd number of traversals the picker is at the front: return trip.
      for (let j = 0; j < list.length; j++) b.to(x, picks[list[j]].positionM).visit(list[j]);
      b.to(x, v.frontY);
      return;
    }
    if (atBack) {
      for (let j = list.length - 1; j >= 0; j--) b.to(x, picks[list[j]].positionM).visit(list[j]);
    } else {
      for (let j = 0; j < list.length; j++) b.to(x, picks[list[j]].positionM).visit(list[j]);
    }
    atBack = !atBack;
    b.to(x, atBack ? v.backY : v.frontY);
  }
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
    const cuts: number[] = [];
    const positionsM: number[] = [];
    for (let k = 0; k < last; k++) {
      const x = grid.xs[v.aisles[k]];
      const list = v.picks[k];
      positionsM.length = 0;
      for (let j = 0; j < list.length; j++) positionsM.push(picks[list[j]].positionM - v.frontY);
      const cut = splitAt(positionsM, length);
      cuts.push(cut);
      // The back part: picks from index max(cut, 0) on (as list.slice(cut) would take them).
      const from = cut < 0 ? Math.max(0, list.length + cut) : Math.min(cut, list.length);
      if (from >= list.length) continue;
      b.to(x, v.backY);
      for (let j = list.length - 1; j >= from; j--)
        b.to(x, picks[list[j]].positionM).visit(list[j]);
      b.to(x, v.backY);
    }
    const x = grid.xs[v.aisles[last]];
    const lastList = v.picks[last];
    b.to(x, v.backY);
    for (let j = lastList.length - 1; j >= 0; j--) {
      b.to(x, picks[lastList[j]].positionM).visit(lastList[j]);
    }
    b.to(x, v.frontY);
    for (let k = last - 1; k >= 0; k--) {
      const list = v.picks[k];
      const cut = cuts[k];
      const to = cut < 0 ? Math.max(0, list.length + cut) : Math.min(cut, list.length);
      if (to === 0) continue;
      const xa = grid.xs[v.aisles[k]];
      b.to(xa, v.frontY);
      for (let j = 0; j < to; j++) b.to(xa, picks[list[j]].positionM).visit(list[j]);
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
    for (let side = 0; side < 2; side++) {
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
    const list = v.picks[k];
    if (side === 0) {
      for (let j = 0; j < list.length; j++) b.to(x, picks[list[j]].positionM).visit(list[j]);
    } else {
      for (let j = list.length - 1; j >= 0; j--) b.to(x, picks[list[j]].positionM).visit(list[j]);
    }
    if (cross[k][side]) {
      side = 1 - side;
      b.to(x, side === 0 ? v.frontY : v.backY);
    } else b.to(x, y0);
  });
};
