/**
 * Distances and paths between any two places of a layout (locations, docks, P&D points,
 * pack stations, staging lanes, or free points), along aisle centre lines. Each place is
 * anchored once on a graph edge; a query combines the edge ends with the precomputed
 * junction-to-junction table, so it costs O(1).
 */
import { buildTravelGraph, type TravelGraph } from "./travelGraph.ts";
import type { Layout, Location, XY } from "./types.ts";

/** A place: the id of a location, dock, P&D point, pack station or staging lane, or a point. */
export type PlaceRef = string | { x: number; y: number };

/** Where a place sits on the travel graph. */
export interface Anchor {
  /** Edge index in `graph.edges`. */
  edge: number;
  /** Distance along the edge from its `from` node, metres. */
  offsetM: number;
  /** Straight walk from the place onto the aisle centre line, metres (0 for locations). */
  snapM: number;
  /** The place itself, and its foot on the centre line. */
  place: XY;
  foot: XY;
}

/** Distances and paths on one layout. Build once per layout with `createTravelModel`. */
export interface TravelModel {
  readonly layout: Layout;
  readonly graph: TravelGraph;
  /**
   * Shortest travel distance from `a` to `b`, metres (directed when aisles are one-way).
   * Ids cost a few array reads; `{ x, y }` points are snapped to the nearest aisle on every
   * call (O(edges)), so anchor them once with `anchor()` in hot loops.
   */
  distanceM(a: PlaceRef, b: PlaceRef): number;
  /** The polyline `[[x, y], …]` of a shortest route from `a` to `b`, for animation. */
  path(a: PlaceRef, b: PlaceRef): XY[];
  /** The ids of the aisles and cross aisles a shortest route from `a` to `b` runs along, once each. */
  pathAisles(a: PlaceRef, b: PlaceRef): string[];
  /** The anchor of a place (cached for ids). Throws on an unknown id. */
  anchor(ref: PlaceRef): Anchor;
  /** Distance between two anchors, metres. */
  anchorDistanceM(a: Anchor, b: Anchor): number;
  /** True if `id` names a place of this layout. */
  has(id: string): boolean;
  /** The location with this id, if any (a map built once). */
  location(id: string): Location | undefined;
  /** Dense index of a place id (locations first, in layout order), or -1. For hot loops. */
  placeIndex(id: string): number;
  /** Distance between two places by `placeIndex`, metres: a few typed-array reads. */
  distanceByIndexM(a: number, b: number): number;
  /** Index of each aisle id of the layout's pick grid (`layout.pickGrid.aisles`); empty without one. */
  readonly pickGridAisleIndex: ReadonlyMap<string, number>;
  /** True if any aisle or cross aisle of the layout is one-way. */
  readonly hasOneWayAisles: boolean;
  /**
   * The pick grid in its own coordinates, built once (undefined without a pick grid):
   * aisle x offsets from the first aisle (`xs[0]` = 0), cross-aisle y offsets from the
   * front cross aisle (`rows[0]` = 0, last = aisle length), and the origin `x0`, metres.
   * Shared by every tour: read only.
   */
  readonly pickGridFrame: PickGridFrame | undefined;
}

/** A pick grid in grid coordinates (see `TravelModel.pickGridFrame`). */
export interface PickGridFrame {
  readonly x0: number;
  readonly xs: number[];
  readonly rows: number[];
  readonly lengthM: number;
}

/** Snapped points a travel model remembers (beyond this it starts afresh). */
const POINT_CACHE_SIZE = 1024;

/** A place's coordinates and, for a location, the aisle it is reached from. */
interface PlacePoint {
  x: number;
  y: number;
  aisle?: string;
}

/** Builds the travel model of a layout: junction graph, all-pairs table, place anchors. */
export function createTravelModel(layout: Layout): TravelModel {
  const graph = buildTravelGraph([...layout.aisles, ...layout.crossAisles]);
  const locationById = new Map(layout.locations.map((l) => [l.id, l]));
  const points = placePoints(layout);
  const anchor = createAnchorer(layout, graph, points);
  const placeIds = [...points.keys()];
  const placeIdx = new Map(placeIds.map((id, i) => [id, i]));
  const distanceByIndexM = createIndexDistance(
    graph,
    placeIds.map((id) => anchor(id)),
  );
  return {
    layout,
    graph,
    pickGridAisleIndex: new Map((layout.pickGrid?.aisles ?? []).map((id, i) => [id, i])),
    hasOneWayAisles:
      layout.aisles.some((a) => a.oneWay) || layout.crossAisles.some((a) => a.oneWay),
    pickGridFrame: pickGridFrameOf(layout),
    anchor,
    anchorDistanceM: (a, b) => anchorDistanceM(graph, a, b),
    has: (id) => points.has(id),
    location: (id) => locationById.get(id),
    placeIndex: (id) => placeIdx.get(id) ?? -1,
    distanceByIndexM,
    distanceM: (a, b) => {
      if (typeof a === "string" && typeof b === "string") {
        const i = placeIdx.get(a);
        const j = placeIdx.get(b);
        if (i !== undefined && j !== undefined) return distanceByIndexM(i, j);
      }
      return bestRoute(graph, anchor(a), anchor(b)).d;
    },
    path: (a, b) => routePath(graph, anchor(a), anchor(b)),
    pathAisles: (a, b) => routeAisles(graph, edgeIndexOf(graph), anchor(a), anchor(b)),
  };
}

/** Every named place of the layout: locations (in layout order), docks, P&D points, pack stations, lanes. */
function placePoints(layout: Layout): Map<string, PlacePoint> {
  const points = new Map<string, PlacePoint>();
  for (const l of layout.locations) {
    points.set(l.id, { x: l.access.x, y: l.access.y, aisle: l.aisle });
  }
  for (const p of [...layout.docks, ...layout.pdPoints, ...layout.packStations]) {
    points.set(p.id, { x: p.x, y: p.y });
  }
  for (const s of layout.stagingLanes) points.set(s.id, { x: s.x, y: s.y });
  return points;
}

/** The anchor of (x, y) on the nearest of the `candidates` edges. */
function snap(
  layout: Layout,
  graph: TravelGraph,
  x: number,
  y: number,
  candidates: readonly number[],
): Anchor {
  const { nodes, edges } = graph;
  let best: Anchor | undefined;
  for (const i of candidates) {
    const e = edges[i];
    const [ax, ay] = nodes[e.from];
    const [bx, by] = nodes[e.to];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
    const fx = ax + t * dx;
    const fy = ay + t * dy;
    const d = Math.hypot(x - fx, y - fy);
    if (!best || d < best.snapM - 1e-9) {
      best = { edge: i, offsetM: t * e.lengthM, snapM: d, place: [x, y], foot: [fx, fy] };
    }
  }
  if (!best) throw new Error(`layout ${layout.name} has no aisles to travel on`);
  return best;
}

/**
 * The anchor function of a layout: a named place snaps once onto its own aisle (a location)
 * or the nearest edge, and is cached; a point snaps onto the nearest edge.
 */
function createAnchorer(
  layout: Layout,
  graph: TravelGraph,
  points: ReadonlyMap<string, PlacePoint>,
): (ref: PlaceRef) => Anchor {
  const edgesByAisle = new Map<string, number[]>();
  graph.edges.forEach((e, i) => {
    const list = edgesByAisle.get(e.aisle) ?? [];
    list.push(i);
    edgesByAisle.set(e.aisle, list);
  });
  const allEdges = graph.edges.map((_, i) => i);
  const cache = new Map<string, Anchor>();
  // Points snapped lately (a pick tour's depot, a door's foot): a point costs O(edges) to
  // snap, and the same few recur. Bounded; emptied when full.
  const pointCache = new Map<number, Map<number, Anchor>>();
  let pointsCached = 0;
  return (ref: PlaceRef): Anchor => {
    if (typeof ref !== "string") {
      const hit = pointCache.get(ref.x)?.get(ref.y);
      if (hit) return hit;
      if (pointsCached >= POINT_CACHE_SIZE) {
        pointCache.clear();
        pointsCached = 0;
      }
      const made = snap(layout, graph, ref.x, ref.y, allEdges);
      let byY = pointCache.get(ref.x);
      if (!byY) pointCache.set(ref.x, (byY = new Map()));
      byY.set(ref.y, made);
      pointsCached++;
      return made;
    }
    const hit = cache.get(ref);
    if (hit) return hit;
    const p = points.get(ref);
    if (!p) throw new Error(`unknown place ${JSON.stringify(ref)} in layout ${layout.name}`);
    const own = p.aisle ? edgesByAisle.get(p.aisle) : undefined;
    const made = snap(layout, graph, p.x, p.y, own && own.length > 0 ? own : allEdges);
    cache.set(ref, made);
    return made;
  };
}

/** Best route between anchors: direct along one edge, or exit node `u` → entry node `v`. */
function bestRoute(graph: TravelGraph, a: Anchor, b: Anchor): { d: number; u: number; v: number } {
  const { edges, dist } = graph;
  const n = graph.nodes.length;
  const ea = edges[a.edge];
  const eb = edges[b.edge];
  let d = Number.POSITIVE_INFINITY;
  let u = -1;
  let v = -1;
  if (a.edge === b.edge && (ea.twoWay || b.offsetM >= a.offsetM)) {
    d = Math.abs(b.offsetM - a.offsetM);
  }
  const exitTo = ea.lengthM - a.offsetM;
  const entryFrom = b.offsetM;
  const consider = (node: number, exitCost: number, target: number, entryCost: number) => {
    const c = exitCost + dist[node * n + target] + entryCost;
    if (c < d) {
      d = c;
      u = node;
      v = target;
    }
  };
  consider(ea.to, exitTo, eb.from, entryFrom);
  if (eb.twoWay) consider(ea.to, exitTo, eb.to, eb.lengthM - b.offsetM);
  if (ea.twoWay) {
    consider(ea.from, a.offsetM, eb.from, entryFrom);
    if (eb.twoWay) consider(ea.from, a.offsetM, eb.to, eb.lengthM - b.offsetM);
  }
  return { d: d + a.snapM + b.snapM, u, v };
}

/** bestRoute(graph, a, b).d without building the route (same sums in the same order). */
function anchorDistanceM(graph: TravelGraph, a: Anchor, b: Anchor): number {
  const { edges, dist } = graph;
  const n = graph.nodes.length;
  const ea = edges[a.edge];
  const eb = edges[b.edge];
  let d = Number.POSITIVE_INFINITY;
  if (a.edge === b.edge && (ea.twoWay || b.offsetM >= a.offsetM)) {
    d = Math.abs(b.offsetM - a.offsetM);
  }
  const exitTo = ea.lengthM - a.offsetM;
  const entryFrom = b.offsetM;
  let c = exitTo + dist[ea.to * n + eb.from] + entryFrom;
  if (c < d) d = c;
  if (eb.twoWay) {
    c = exitTo + dist[ea.to * n + eb.to] + (eb.lengthM - b.offsetM);
    if (c < d) d = c;
  }
  if (ea.twoWay) {
    c = a.offsetM + dist[ea.from * n + eb.from] + entryFrom;
    if (c < d) d = c;
    if (eb.twoWay) {
      c = a.offsetM + dist[ea.from * n + eb.to] + (eb.lengthM - b.offsetM);
      if (c < d) d = c;
    }
  }
  return d + a.snapM + b.snapM;
}

/**
 * Distance between places by index (their anchors in index order), as anchorDistanceM()
 * computes it. NOTE: flat typed arrays for the hot path (no allocation per query).
 */
function createIndexDistance(
  graph: TravelGraph,
  anchors: readonly Anchor[],
): (i: number, j: number) => number {
  const { edges, dist } = graph;
  const n = graph.nodes.length;
  const pEdge = Int32Array.from(anchors, (a) => a.edge);
  const pOffset = Float64Array.from(anchors, (a) => a.offsetM);
  const pSnap = Float64Array.from(anchors, (a) => a.snapM);
  const eFrom = Int32Array.from(edges, (e) => e.from);
  const eTo = Int32Array.from(edges, (e) => e.to);
  const eLen = Float64Array.from(edges, (e) => e.lengthM);
  const eTwo = Uint8Array.from(edges, (e) => (e.twoWay ? 1 : 0));
  return (i: number, j: number): number => {
    const ea = pEdge[i];
    const eb = pEdge[j];
    const oa = pOffset[i];
    const ob = pOffset[j];
    let d = Number.POSITIVE_INFINITY;
    if (ea === eb && (eTwo[ea] === 1 || ob >= oa)) d = Math.abs(ob - oa);
    const aTo = eTo[ea] * n;
    const exitTo = eLen[ea] - oa;
    const bFrom = eFrom[eb];
    const bTo = eTo[eb];
    const entryTo = eLen[eb] - ob;
    let c = exitTo + dist[aTo + bFrom] + ob;
    if (c < d) d = c;
    if (eTwo[eb] === 1) {
      c = exitTo + dist[aTo + bTo] + entryTo;
      if (c < d) d = c;
    }
    if (eTwo[ea] === 1) {
      const aFrom = eFrom[ea] * n;
      c = oa + dist[aFrom + bFrom] + ob;
      if (c < d) d = c;
      if (eTwo[eb] === 1) {
        c = oa + dist[aFrom + bTo] + entryTo;
        if (c < d) d = c;
      }
    }
    return d + pSnap[i] + pSnap[j];
  };
}

/** Appends `p` to a polyline, skipping a repeat and merging a point straight on the way. */
function addPoint(out: XY[], p: XY): void {
  const k = out.length;
  const last = out[k - 1];
  if (last && Math.abs(last[0] - p[0]) <= 1e-9 && Math.abs(last[1] - p[1]) <= 1e-9) return;
  // Drop a middle point that lies straight on the way (same direction).
  if (k >= 2) {
    const prev = out[k - 2];
    const ax = last[0] - prev[0];
    const ay = last[1] - prev[1];
    const bx = p[0] - last[0];
    const by = p[1] - last[1];
    if (
      Math.abs(ax * by - ay * bx) <= 1e-9 * Math.hypot(ax, ay) * Math.hypot(bx, by) &&
      ax * bx + ay * by > 0
    ) {
      out[k - 1] = [p[0], p[1]];
      return;
    }
  }
  out.push([p[0], p[1]]);
}

/** The polyline of the best route from anchor `pa` to `pb`. */
function routePath(graph: TravelGraph, pa: Anchor, pb: Anchor): XY[] {
  const { nodes, pred } = graph;
  const n = nodes.length;
  const route = bestRoute(graph, pa, pb);
  const out: XY[] = [];
  addPoint(out, pa.place);
  addPoint(out, pa.foot);
  if (route.u >= 0) {
    const chain: number[] = [];
    for (let v = route.v; v !== -1 && v !== route.u; v = pred[route.u * n + v]) chain.push(v);
    chain.push(route.u);
    for (let i = chain.length - 1; i >= 0; i--) addPoint(out, nodes[chain[i]]);
  }
  addPoint(out, pb.foot);
  addPoint(out, pb.place);
  return out;
}

/** Index of the edge joining two nodes, keyed `u * n + v` both ways (built on first use). */
const edgeIndexes = new WeakMap<TravelGraph, Map<number, number>>();

function edgeIndexOf(graph: TravelGraph): Map<number, number> {
  let index = edgeIndexes.get(graph);
  if (index) return index;
  index = new Map();
  const n = graph.nodes.length;
  graph.edges.forEach((e, i) => {
    index?.set(e.from * n + e.to, i);
    if (e.twoWay) index?.set(e.to * n + e.from, i);
  });
  edgeIndexes.set(graph, index);
  return index;
}

/** The aisle ids along the route `bestRoute` takes from `pa` to `pb`, in order, once each. */
function routeAisles(
  graph: TravelGraph,
  edgeIndex: Map<number, number>,
  pa: Anchor,
  pb: Anchor,
): string[] {
  const { edges, pred } = graph;
  const n = graph.nodes.length;
  const ea = edges[pa.edge];
  const eb = edges[pb.edge];
  const route = bestRoute(graph, pa, pb);
  if (route.u < 0) return [ea.aisle];
  const out: string[] = [];
  // The anchors' own edges count only when the route runs some way along them.
  if ((route.u === ea.to ? ea.lengthM - pa.offsetM : pa.offsetM) > 1e-9) out.push(ea.aisle);
  const chain: number[] = [];
  for (let v = route.v; v !== -1 && v !== route.u; v = pred[route.u * n + v]) chain.push(v);
  chain.push(route.u);
  for (let i = chain.length - 1; i > 0; i--) {
    const e = edgeIndex.get(chain[i] * n + chain[i - 1]);
    if (e !== undefined) out.push(edges[e].aisle);
  }
  if ((route.v === eb.from ? pb.offsetM : eb.lengthM - pb.offsetM) > 1e-9) out.push(eb.aisle);
  return [...new Set(out)];
}

/** The layout's pick grid in grid coordinates, or undefined. */
function pickGridFrameOf(layout: Layout): PickGridFrame | undefined {
  const g = layout.pickGrid;
  if (!g || g.aisles.length === 0) return undefined;
  const x0 = g.aisleXsM[0];
  const lengthM = g.backYM - g.frontYM;
  return {
    x0,
    xs: g.aisleXsM.map((x) => x - x0),
    rows: [0, ...g.middleYsM.map((y) => y - g.frontYM), lengthM],
    lengthM,
  };
}

/** Options for converting distance to time. */
export interface MotionOptions {
  /** Cruise speed, metres per second. */
  speedMps: number;
  /** Acceleration, m/s²; omitted or 0 = instant speed changes. */
  accelMps2?: number;
  /** Deceleration, m/s²; omitted = the acceleration, 0 = instant stops. */
  decelMps2?: number;
}

/**
 * Time to travel `distanceM` from standstill to standstill, seconds: `d / v` without
 * acceleration; with acceleration a and deceleration b, a trapezoidal profile
 * `d / v + v / (2a) + v / (2b)` (`d / v + v / a` when a = b), or triangular
 * `√(2d (1/a + 1/b))` (`2√(d / a)` when a = b) when the distance is too short to reach
 * cruise speed, i.e. d < v² (1/a + 1/b) / 2.
 */
export function travelTimeS(distanceM: number, options: MotionOptions): number {
  const { speedMps, accelMps2 } = options;
  if (distanceM <= 0) return 0;
  const decelMps2 = options.decelMps2 ?? accelMps2;
  const k = inverseOrZero(accelMps2) + inverseOrZero(decelMps2);
  if (k === 0) return distanceM / speedMps;
  if (2 * distanceM >= speedMps * speedMps * k) return distanceM / speedMps + (speedMps * k) / 2;
  return Math.sqrt(2 * distanceM * k);
}

/** 1/x for a positive finite rate, else 0 (an instant change). */
function inverseOrZero(x: number | undefined): number {
  return x !== undefined && x > 0 && Number.isFinite(x) ? 1 / x : 0;
}

/**
 * One-way vertical travel time to a level's height, seconds: `heightM / liftMps`
 * (a reach truck lifting or lowering its forks). A store or retrieve goes up and down: twice this.
 */
export function verticalTimeS(heightM: number, options: { liftMps: number }): number {
  return heightM > 0 ? heightM / options.liftMps : 0;
}
