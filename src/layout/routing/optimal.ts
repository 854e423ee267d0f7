/**
 * Optimal picker routing in a parallel-aisle area: the dynamic programme of Ratliff &
 * Rosenthal (1983), generalised to any number of cross aisles in the manner of Roodbergen &
 * de Koster (2001). The DP adds the ladder graph's edges one at a time, keeping for each
 * frontier node its degree class (none / odd / even) and connected component, so every
 * partial tour equivalence class is kept with its cheapest cost. Exact for every block count.
 */
import { bandOf, checkPicks, type Grid, gridOf } from "./grid.ts";
import type { Block, Pick, Route } from "./types.ts";

/** How an edge (sub-aisle or cross-aisle piece) with required points on it is covered. */
type Cover = "none" | "once" | "twice" | "low" | "high" | "split";

interface EdgeOption {
  cover: Cover;
  /** Edge copies added at the low / high end node. */
  dLow: number;
  dHigh: number;
  /** The two end nodes become connected. */
  connect: boolean;
  costM: number;
}

/** An edge of the ladder with the required points on it. */
interface Piece {
  /** Length, metres. */
  lengthM: number;
  /** Required offsets from the low end, ascending, with the index they stand for (-1 = depot). */
  points: { offsetM: number; index: number }[];
  options: EdgeOption[];
}

function optionsFor(piece: Omit<Piece, "options">): EdgeOption[] {
  const l = piece.lengthM;
  const q = piece.points;
  if (q.length === 0) {
    return [
      { cover: "none", dLow: 0, dHigh: 0, connect: false, costM: 0 },
      { cover: "once", dLow: 1, dHigh: 1, connect: true, costM: l },
      { cover: "twice", dLow: 2, dHigh: 2, connect: true, costM: 2 * l },
    ];
  }
  const out: EdgeOption[] = [
    { cover: "once", dLow: 1, dHigh: 1, connect: true, costM: l },
    { cover: "twice", dLow: 2, dHigh: 2, connect: true, costM: 2 * l },
    { cover: "low", dLow: 2, dHigh: 0, connect: false, costM: 2 * q[q.length - 1].offsetM },
    { cover: "high", dLow: 0, dHigh: 2, connect: false, costM: 2 * (l - q[0].offsetM) },
  ];
  if (q.length >= 2) {
    out.push({
      cover: "split",
      dLow: 2,
      dHigh: 2,
      connect: false,
      costM: 2 * (l - largestInnerGap(q)),
    });
  }
  return out;
}

function largestInnerGap(q: readonly { offsetM: number }[]): number {
  let gap = 0;
  for (let k = 1; k < q.length; k++) gap = Math.max(gap, q[k].offsetM - q[k - 1].offsetM);
  return gap;
}

/** Degree class after adding `k` edge copies: 0 none, 1 odd, 2 even and positive. */
function addDegree(cls: number, k: number): number {
  if (k === 0) return cls;
  if (cls === 0) return k % 2 === 1 ? 1 : 2;
  return k % 2 === 1 ? 3 - cls : cls;
}

interface Step {
  kind: "h" | "v";
  /** Frontier slot(s): for "h" the row; for "v" the low row (high = row + 1). */
  row: number;
  aisle: number;
  piece: Piece;
  /** Required points remain in a later step. */
  requiredLater: boolean;
}

const MAX_ROWS = 6;

/** Builds the pieces: vertical sub-aisles with picks, horizontal front pieces with the depot. */
function buildSteps(grid: Grid, picks: readonly Pick[]): Step[] {
  const n = grid.xs.length;
  const c = grid.rows.length;
  const vertical = (r: number): Omit<Piece, "options"> => ({
    lengthM: grid.rows[r + 1] - grid.rows[r],
    points: [],
  });
  const v: Omit<Piece, "options">[][] = Array.from({ length: n }, () =>
    Array.from({ length: c - 1 }, (_, r) => vertical(r)),
  );
  const h: Omit<Piece, "options">[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: c }, () => ({
      lengthM: i + 1 < n ? grid.xs[i + 1] - grid.xs[i] : 0,
      points: [],
    })),
  );
  picks.forEach((p, index) => {
    const r = bandOf(grid, p.positionM);
    v[p.aisle][r].points.push({ offsetM: p.positionM - grid.rows[r], index });
  });
  // The depot: on an aisle's front end, or on the front cross aisle between two aisles.
  const onAisle = grid.xs.findIndex((x) => Math.abs(x - grid.depotX) < 1e-9);
  if (onAisle >= 0) v[onAisle][0].points.push({ offsetM: 0, index: -1 });
  else {
    let i = 0;
    while (i + 2 < n && grid.depotX > grid.xs[i + 1]) i++;
    h[i][0].points.push({ offsetM: grid.depotX - grid.xs[i], index: -1 });
  }
  const steps: Step[] = [];
  const sort = (piece: Omit<Piece, "options">): Piece => {
    piece.points.sort((a, b) => a.offsetM - b.offsetM || a.index - b.index);
    return { ...piece, options: optionsFor(piece) };
  };
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      for (let r = 0; r < c; r++) {
        steps.push({
          kind: "h",
          row: r,
          aisle: i - 1,
          piece: sort(h[i - 1][r]),
          requiredLater: false,
        });
      }
    }
    for (let r = 0; r + 1 < c; r++) {
      steps.push({ kind: "v", row: r, aisle: i, piece: sort(v[i][r]), requiredLater: false });
    }
  }
  let later = false;
  for (let s = steps.length - 1; s >= 0; s--) {
    steps[s].requiredLater = later;
    if (steps[s].piece.points.length > 0) later = true;
  }
  return steps;
}

/** Packs a frontier (degree class and component label per slot, closed flag) into a key. */
function encode(deg: number[], comp: number[], closed: boolean): number {
  // Canonical labels: by first appearance (slot s's label is the first slot with its comp).
  let key = closed ? 1 : 0;
  let labels = 0;
  for (let s = 0; s < deg.length; s++) {
    let label = 0;
    if (deg[s] > 0) {
      for (let t = 0; t < s; t++) {
        if (deg[t] > 0 && comp[t] === comp[s]) {
          label = (Math.floor(key / 32 ** (s - 1 - t)) % 32) & 7;
          break;
        }
      }
      if (label === 0) label = ++labels;
    }
    key = key * 32 + deg[s] * 8 + label;
  }
  return key;
}

function decode(key: number, c: number, deg: number[], comp: number[]): boolean {
  for (let s = c - 1; s >= 0; s--) {
    const cell = key % 32;
    key = Math.floor(key / 32);
    deg[s] = cell >> 3;
    comp[s] = cell & 7;
  }
  return key === 1;
}

interface Scratch {
  deg: number[];
  comp: number[];
}

/** The frontier state after covering the step's edge with `opt`, or -1 if infeasible. */
function transition(key: number, step: Step, opt: EdgeOption, c: number, sc: Scratch): number {
  const { deg, comp } = sc;
  const closed = decode(key, c, deg, comp);
  if (closed && opt.dLow + opt.dHigh > 0) return -1;
  let isClosed = closed;
  const fresh = 100;
  if (step.kind === "v") {
    const lo = step.row;
    const hi = lo + 1;
    if (opt.dLow > 0 && deg[lo] === 0) comp[lo] = fresh;
    if (opt.dHigh > 0 && deg[hi] === 0) comp[hi] = fresh + 1;
    deg[lo] = addDegree(deg[lo], opt.dLow);
    deg[hi] = addDegree(deg[hi], opt.dHigh);
    if (opt.connect) {
      const from = comp[hi];
      const to = comp[lo];
      for (let s = 0; s < c; s++) if (deg[s] > 0 && comp[s] === from) comp[s] = to;
    }
  } else {
    const r = step.row;
    // Old node (slot r) gets dLow and leaves; the next aisle's node takes the slot with dHigh.
    let oldComp = comp[r];
    if (opt.dLow > 0 && deg[r] === 0) oldComp = fresh;
    const oldDeg = addDegree(deg[r], opt.dLow);
    if (oldDeg === 1) return -1;
    deg[r] = addDegree(0, opt.dHigh);
    comp[r] = opt.connect ? oldComp : fresh + 1;
    if (oldDeg > 0) {
      let survives = false;
      for (let s = 0; s < c; s++) if (deg[s] > 0 && comp[s] === oldComp) survives = true;
      if (!survives) {
        // The old node's component is finished: it must be the whole tour.
        for (let s = 0; s < c; s++) if (deg[s] > 0) return -1;
        if (isClosed || step.requiredLater) return -1;
        isClosed = true;
      }
    }
  }
  return encode(deg, comp, isClosed);
}

/** A DP layer: parallel arrays of state ids, costs, back-pointers (into the previous layer) and the option taken. */
interface Layer {
  ids: number[];
  costs: number[];
  prev: number[];
  option: number[];
}

const COVER_CODE: Record<Cover, number> = {
  none: 0,
  once: 1,
  twice: 2,
  low: 3,
  high: 4,
  split: 5,
};

/** The DP's frontier states interned to small ids, with their transitions memoised. */
class StateSpace {
  readonly idOf = new Map<number, number>();
  readonly keyOf: number[] = [];
  // NOTE: a transition depends only on the state, the step's shape and the cover, and the
  // same ones recur in every aisle: memoised per call, one array per (shape, cover), indexed
  // by state id (-1 infeasible). Read directly by `nextLayer`, the DP's inner loop.
  readonly memo: number[][] = [];
  readonly scratch: Scratch;

  constructor(readonly c: number) {
    this.scratch = { deg: new Array<number>(c).fill(0), comp: new Array<number>(c).fill(0) };
  }

  intern(key: number): number {
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.keyOf.length;
      this.keyOf.push(key);
      this.idOf.set(key, id);
    }
    return id;
  }

  /** The state id after covering `step` with `opt` from state `id`, or -1 if infeasible. */
  transitionId(id: number, step: Step, opt: EdgeOption): number {
    const nk = transition(this.keyOf[id], step, opt, this.c, this.scratch);
    return nk < 0 ? -1 : this.intern(nk);
  }
}

/** Where each state id stands in the layer being built (valid when `stamp[id]` is the layer). */
class LayerSlots {
  stamp = new Int32Array(64).fill(-1);
  slot = new Int32Array(64);

  /** Makes room for four times as many state ids. */
  grow(): void {
    const grownStamp = new Int32Array(this.stamp.length * 4).fill(-1);
    grownStamp.set(this.stamp);
    const grownSlot = new Int32Array(this.slot.length * 4);
    grownSlot.set(this.slot);
    this.stamp = grownStamp;
    this.slot = grownSlot;
  }
}

/** The next DP layer: every state of `current` extended by every option of the step, cheapest kept. */
function nextLayer(
  space: StateSpace,
  slots: LayerSlots,
  current: Layer,
  step: Step,
  layer: number,
): Layer {
  const next: Layer = { ids: [], costs: [], prev: [], option: [] };
  const sig = (((step.kind === "h" ? 8 : 0) + step.row) * 2 + (step.requiredLater ? 1 : 0)) * 8;
  const options = step.piece.options;
  const memo = space.memo;
  let { stamp, slot } = slots;
  for (let k = 0; k < current.ids.length; k++) {
    const id = current.ids[k];
    const base = current.costs[k];
    for (let o = 0; o < options.length; o++) {
      const opt = options[o];
      const m = sig + COVER_CODE[opt.cover];
      let table = memo[m];
      if (!table) table = memo[m] = [];
      let nid = table[id];
      if (nid === undefined) nid = table[id] = space.transitionId(id, step, opt);
      if (nid < 0) continue;
      if (nid >= stamp.length) {
        slots.grow();
        ({ stamp, slot } = slots);
      }
      const cost = base + opt.costM;
      if (stamp[nid] !== layer) {
        stamp[nid] = layer;
        slot[nid] = next.ids.length;
        next.ids.push(nid);
        next.costs.push(cost);
        next.prev.push(k);
        next.option.push(o);
      } else {
        const at = slot[nid];
        if (cost < next.costs[at] - 1e-12) {
          next.costs[at] = cost;
          next.prev[at] = k;
          next.option[at] = o;
        }
      }
    }
  }
  return next;
}

/** The cheapest final state that is a tour: every frontier node even, one component overall. */
function bestTour(space: StateSpace, last: Layer): { at: number; costM: number } {
  const { deg, comp } = space.scratch;
  let bestAt = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let k = 0; k < last.ids.length; k++) {
    const closed = decode(space.keyOf[last.ids[k]], space.c, deg, comp);
    if (deg.some((d) => d === 1)) continue;
    const labels = new Set(comp.filter((_, s) => deg[s] > 0));
    if (closed ? labels.size !== 0 : labels.size !== 1) continue;
    if (last.costs[k] < bestCost) {
      bestCost = last.costs[k];
      bestAt = k;
    }
  }
  if (bestAt < 0) throw new Error("optimal routing found no tour (internal error)");
  return { at: bestAt, costM: bestCost };
}

/**
 * Exact shortest tour from the depot through every pick and back, on the block's aisles and
 * cross aisles. Up to 4 middle cross aisles (6 cross-aisle rows). `withTour` false leaves
 * `tour` empty.
 */
export function optimalRoute(block: Block | Grid, picks: readonly Pick[], withTour = true): Route {
  const grid = "xs" in block ? block : gridOf(block);
  checkPicks(grid, picks);
  if (picks.length === 0)
    return { distanceM: 0, tour: withTour ? [[grid.depotX, 0]] : [], order: [] };
  const c = grid.rows.length;
  if (c > MAX_ROWS)
    throw new RangeError(`optimal routing supports at most ${MAX_ROWS - 2} middle cross aisles`);
  const steps = buildSteps(grid, picks);
  const space = new StateSpace(c);
  const slots = new LayerSlots();
  const layers: Layer[] = [];
  let current: Layer = {
    ids: [space.intern(encode(new Array(c).fill(0), new Array(c).fill(0), false))],
    costs: [0],
    prev: [-1],
    option: [-1],
  };
  for (let layer = 0; layer < steps.length; layer++) {
    current = nextLayer(space, slots, current, steps[layer], layer);
    layers.push(current);
  }
  const best = bestTour(space, current);
  const chosen: number[] = new Array(steps.length);
  let at = best.at;
  for (let s = steps.length - 1; s >= 0; s--) {
    chosen[s] = layers[s].option[at];
    at = layers[s].prev[at];
  }
  return eulerTour(grid, steps, chosen, best.costM, withTour);
}

/** The tour's graph: corner nodes, one node per required point, and the chosen edge copies. */
interface TourGraph {
  coords: [number, number][];
  /** Pick index of each node: -2 a corner, -1 the depot. */
  pickOf: number[];
  adj: { to: number; edge: number }[][];
  used: boolean[];
  depot: number;
}

/** Turns the chosen edge covers into a closed walk from the depot (Hierholzer). */
function eulerTour(
  grid: Grid,
  steps: readonly Step[],
  chosen: readonly number[],
  costM: number,
  withTour: boolean,
): Route {
  const c = grid.rows.length;
  const g: TourGraph = { coords: [], pickOf: [], adj: [], used: [], depot: -1 };
  for (let i = 0; i < grid.xs.length; i++) {
    for (let r = 0; r < c; r++) {
      g.coords.push([grid.xs[i], grid.rows[r]]);
      g.pickOf.push(-2);
      g.adj.push([]);
    }
  }
  steps.forEach((step, s) => {
    const low = step.aisle * c + step.row;
    const high = step.kind === "v" ? low + 1 : low + c;
    addCover(g, step.piece, step.piece.options[chosen[s]].cover, low, high);
  });
  return routeOfWalk(g, hierholzer(g), costM, withTour);
}

function addEdge(g: TourGraph, a: number, b: number, times: number): void {
  for (let k = 0; k < times; k++) {
    g.adj[a].push({ to: b, edge: g.used.length });
    g.adj[b].push({ to: a, edge: g.used.length });
    g.used.push(false);
  }
}

/** Adds a piece's required points as nodes between `low` and `high`, and its edge copies. */
function addCover(g: TourGraph, piece: Piece, cover: Cover, low: number, high: number): void {
  const [lx, ly] = g.coords[low];
  const [hx, hy] = g.coords[high];
  const len = piece.lengthM;
  const chain = [low];
  for (const p of piece.points) {
    const t = len > 0 ? p.offsetM / len : 0;
    g.coords.push([lx + t * (hx - lx), ly + t * (hy - ly)]);
    g.pickOf.push(p.index);
    g.adj.push([]);
    if (p.index === -1) g.depot = g.coords.length - 1;
    chain.push(g.coords.length - 1);
  }
  chain.push(high);
  const offsets = [0, ...piece.points.map((p) => p.offsetM), len];
  let gapAt = -1;
  if (cover === "split") {
    let gap = -1;
    for (let k = 1; k + 1 < chain.length - 1; k++) {
      const gk = offsets[k + 1] - offsets[k];
      if (gk > gap) {
        gap = gk;
        gapAt = k;
      }
    }
  }
  const last = chain.length - 2;
  for (let k = 0; k + 1 < chain.length; k++) {
    let times = 0;
    if (cover === "once") times = 1;
    else if (cover === "twice") times = 2;
    else if (cover === "low") times = k < last ? 2 : 0;
    else if (cover === "high") times = k >= 1 ? 2 : 0;
    else if (cover === "split") times = k === gapAt ? 0 : 2;
    addEdge(g, chain[k], chain[k + 1], times);
  }
}

/** Hierholzer's algorithm: the closed walk from the depot using every edge copy once. */
function hierholzer(g: TourGraph): number[] {
  const { adj, used } = g;
  const ptr = adj.map(() => 0);
  const stack = [g.depot];
  const walk: number[] = [];
  while (stack.length > 0) {
    const u = stack[stack.length - 1];
    let moved = false;
    while (ptr[u] < adj[u].length) {
      const e = adj[u][ptr[u]++];
      if (used[e.edge]) continue;
      used[e.edge] = true;
      stack.push(e.to);
      moved = true;
      break;
    }
    if (!moved) walk.push(stack.pop()!);
  }
  return walk.reverse();
}

/** The route of a walk: picks in first-visit order and, with `withTour`, its distinct points. */
function routeOfWalk(
  g: TourGraph,
  walk: readonly number[],
  costM: number,
  withTour: boolean,
): Route {
  const order: number[] = [];
  const seen = new Set<number>();
  const tour: [number, number][] = [];
  for (const node of walk) {
    const pick = g.pickOf[node];
    if (pick >= 0 && !seen.has(pick)) {
      seen.add(pick);
      order.push(pick);
    }
    if (!withTour) continue;
    const [x, y] = g.coords[node];
    const lastPoint = tour[tour.length - 1];
    if (!lastPoint || lastPoint[0] !== x || lastPoint[1] !== y) tour.push([x, y]);
  }
  return { distanceM: costM, tour, order };
}
