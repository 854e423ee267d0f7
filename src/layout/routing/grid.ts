/**
 * The ladder graph of a parallel-aisle area that every routing policy works on: aisle x
 * offsets, cross-aisle rows, the depot on the front cross aisle, picks sorted into
 * sub-aisles, and the shortest-path metric between any two points of it.
 */
import type { Block, Pick } from "./types.ts";

/** Internal geometry: aisles at `xs` (xs[0] = 0), cross aisles at `rows` (rows[0] = 0). */
export interface Grid {
  xs: number[];
  rows: number[];
  /** Depot x on the front cross aisle (y = 0). */
  depotX: number;
}

/** Grid of a `Block` (evenly spaced middle cross aisles). */
export function gridOf(block: Block): Grid {
  const { aisles, aisleLengthM, aisleSpacingM } = block;
  const cross = block.crossAisles ?? 0;
  const depot = block.depotAisle ?? 0;
  if (!Number.isInteger(aisles) || aisles < 1)
    throw new RangeError(`block.aisles must be an integer >= 1: ${aisles}`);
  if (!(aisleLengthM > 0) || !(aisleSpacingM > 0)) {
    throw new RangeError(
      `block lengths must be > 0: aisleLengthM ${aisleLengthM}, aisleSpacingM ${aisleSpacingM}`,
    );
  }
  if (!Number.isInteger(cross) || cross < 0)
    throw new RangeError(`block.crossAisles must be an integer >= 0: ${cross}`);
  if (!Number.isInteger(depot) || depot < 0 || depot >= aisles) {
    throw new RangeError(`block.depotAisle must be an aisle index 0..${aisles - 1}: ${depot}`);
  }
  const blocks = cross + 1;
  const xs = Array.from({ length: block.aisles }, (_, i) => i * block.aisleSpacingM);
  const rows = Array.from({ length: blocks + 1 }, (_, r) => (r * block.aisleLengthM) / blocks);
  return { xs, rows, depotX: (block.depotAisle ?? 0) * block.aisleSpacingM };
}

/** Sub-aisle (row band) index of a position: the lowest r with y ≤ rows[r + 1]. */
export function bandOf(grid: Grid, y: number): number {
  const last = grid.rows.length - 2;
  for (let r = 0; r < last; r++) if (y <= grid.rows[r + 1]) return r;
  return last;
}

/** Throws on picks outside the block (kernel misuse, not user input). */
export function checkPicks(grid: Grid, picks: readonly Pick[]): void {
  const length = grid.rows[grid.rows.length - 1];
  for (let k = 0; k < picks.length; k++) {
    const p = picks[k];
    if (!Number.isInteger(p.aisle) || p.aisle < 0 || p.aisle >= grid.xs.length) {
      throw new RangeError(`pick aisle ${p.aisle} outside 0..${grid.xs.length - 1}`);
    }
    if (!(p.positionM >= 0 && p.positionM <= length)) {
      throw new RangeError(`pick position ${p.positionM} outside 0..${length}`);
    }
  }
}

/** A point of the grid graph: on aisle `aisle` at height y, or on the front cross aisle (aisle = -1). */
interface GridPoint {
  aisle: number;
  x: number;
  y: number;
}

/**
 * Shortest-path distances between the depot (index 0) and the picks (1..m) along the grid's
 * aisles and cross aisles: a small Floyd–Warshall over the grid nodes, then O(1) per pair.
 */
export function gridMetric(grid: Grid, picks: readonly Pick[]): number[][] {
  const n = grid.xs.length;
  const c = grid.rows.length;
  const nodes = n * c;
  const d = Array.from({ length: nodes }, (_, u) =>
    Array.from({ length: nodes }, (_, v) => (u === v ? 0 : Number.POSITIVE_INFINITY)),
  );
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < c; r++) {
      const u = i * c + r;
      if (r + 1 < c) {
        const len = grid.rows[r + 1] - grid.rows[r];
        d[u][u + 1] = d[u + 1][u] = len;
      }
      if (i + 1 < n) {
        const len = grid.xs[i + 1] - grid.xs[i];
        d[u][u + c] = d[u + c][u] = len;
      }
    }
  }
  for (let k = 0; k < nodes; k++) {
    for (let u = 0; u < nodes; u++) {
      const duk = d[u][k];
      if (duk === Number.POSITIVE_INFINITY) continue;
      for (let v = 0; v < nodes; v++) {
        const w = duk + d[k][v];
        if (w < d[u][v]) d[u][v] = w;
      }
    }
  }
  // Each point reaches the two nodes at the ends of its edge.
  const ends = (p: GridPoint): [number, number, number, number] => {
    if (p.aisle < 0) {
      // On the front cross aisle between aisles i and i + 1.
      let i = 0;
      while (i + 2 < n && p.x > grid.xs[i + 1]) i++;
      const right = n > 1 ? Math.min(i + 1, n - 1) : 0;
      return [i * c, Math.abs(p.x - grid.xs[i]), right * c, Math.abs(grid.xs[right] - p.x)];
    }
    const r = bandOf(grid, p.y);
    return [p.aisle * c + r, p.y - grid.rows[r], p.aisle * c + r + 1, grid.rows[r + 1] - p.y];
  };
  const points: GridPoint[] = [
    depotPoint(grid),
    ...picks.map((p) => ({ aisle: p.aisle, x: grid.xs[p.aisle], y: p.positionM })),
  ];
  const e = points.map(ends);
  return points.map((p, a) =>
    points.map((q, b) => {
      if (a === b) return 0;
      let best = Number.POSITIVE_INFINITY;
      const [u1, cu1, u2, cu2] = e[a];
      const [v1, cv1, v2, cv2] = e[b];
      if (u1 === v1 && u2 === v2) {
        best = p.aisle < 0 || q.aisle < 0 ? Math.abs(p.x - q.x) : Math.abs(p.y - q.y);
      }
      best = Math.min(
        best,
        cu1 + d[u1][v1] + cv1,
        cu1 + d[u1][v2] + cv2,
        cu2 + d[u2][v1] + cv1,
        cu2 + d[u2][v2] + cv2,
      );
      return best;
    }),
  );
}

/** The depot as a grid point: on the first aisle's front end if it sits on an aisle. */
function depotPoint(grid: Grid): GridPoint {
  const i = grid.xs.findIndex((x) => Math.abs(x - grid.depotX) < 1e-9);
  return i >= 0 ? { aisle: i, x: grid.xs[i], y: 0 } : { aisle: -1, x: grid.depotX, y: 0 };
}

/**
 * Accumulates an axis-parallel tour: distance, the pick order and (unless `withTour` is
 * false) the waypoints. Without waypoints `tour` stays empty and a move allocates nothing;
 * the distance and order are the same either way.
 */
export class TourBuilder {
  readonly tour: [number, number][];
  readonly order: number[] = [];
  distanceM = 0;
  private x: number;
  private y: number;
  private readonly withTour: boolean;
  constructor(x: number, y: number, withTour = true) {
    this.x = x;
    this.y = y;
    this.withTour = withTour;
    this.tour = withTour ? [[x, y]] : [];
  }
  /** Moves straight to (x, y); the move must be along one axis. */
  to(x: number, y: number): this {
    if (x === this.x && y === this.y) return this;
    this.distanceM += Math.abs(x - this.x) + Math.abs(y - this.y);
    this.x = x;
    this.y = y;
    if (this.withTour) this.tour.push([x, y]);
    return this;
  }
  /** Records that the pick with this index is taken here. */
  visit(index: number): this {
    this.order.push(index);
    return this;
  }
  /** Current x, metres. */
  get atX(): number {
    return this.x;
  }
  /** Current y, metres. */
  get atY(): number {
    return this.y;
  }
  get position(): [number, number] {
    return [this.x, this.y];
  }
}

/** Sorts pick indices in place by position, ties by index (insertion sort: lists are short). */
export function sortByPosition(list: number[], picks: readonly Pick[]): void {
  for (let k = 1; k < list.length; k++) {
    const i = list[k];
    const y = picks[i].positionM;
    let j = k - 1;
    while (j >= 0) {
      const o = list[j];
      const oy = picks[o].positionM;
      if (oy < y || (oy === y && o < i)) break;
      list[j + 1] = o;
      j--;
    }
    list[j + 1] = i;
  }
}

/**
 * A one-block tour's start: the picks checked, the aisle length, the picks by aisle and the
 * aisles with picks, left to right.
 */
export function aisleVisits(
  grid: Grid,
  picks: readonly Pick[],
): { length: number; byAisle: number[][]; visited: number[] } {
  checkPicks(grid, picks);
  const length = grid.rows[grid.rows.length - 1];
  const byAisle = picksByAisle(grid.xs.length, picks);
  const visited = byAisle.map((list, i) => (list.length > 0 ? i : -1)).filter((i) => i >= 0);
  return { length, byAisle, visited };
}

/** Pick indices per aisle, sorted by position (ascending). */
export function picksByAisle(aisles: number, picks: readonly Pick[]): number[][] {
  const out: number[][] = Array.from({ length: aisles }, () => []);
  for (let i = 0; i < picks.length; i++) out[picks[i].aisle].push(i);
  for (const list of out) if (list.length > 1) sortByPosition(list, picks);
  return out;
}
