/**
 * The travel graph: aisle and cross-aisle centre lines split at every junction (shared
 * points and crossings, diagonals included), with all-pairs shortest paths between the
 * junctions precomputed so that a distance query costs a few array reads.
 */
import type { Aisle, XY } from "./types.ts";

/** One straight edge between two junctions. */
export interface GraphEdge {
  from: number;
  to: number;
  lengthM: number;
  /** False when the aisle is one-way (travel only from `from` to `to`). */
  twoWay: boolean;
  aisle: string;
}

/** Junction graph with all-pairs shortest distances (row-major `dist[u * n + v]`). */
export interface TravelGraph {
  nodes: XY[];
  edges: GraphEdge[];
  /** Shortest distance from node u to node v, metres (Infinity if unreachable). */
  dist: Float64Array;
  /** Predecessor of v on a shortest path from u (`-1` if none or u = v). */
  pred: Int32Array;
}

const EPS = 1e-6;

interface Segment {
  a: XY;
  b: XY;
  oneWay: boolean;
  aisle: string;
  /** Split parameters in [0, 1]. */
  cuts: number[];
}

/** Parameter t on segment p→q of the intersection with r→s, or undefined. */
function crossing(p: XY, q: XY, r: XY, s: XY): [number, number] | undefined {
  const dx1 = q[0] - p[0];
  const dy1 = q[1] - p[1];
  const dx2 = s[0] - r[0];
  const dy2 = s[1] - r[1];
  const den = dx1 * dy2 - dy1 * dx2;
  const len1 = Math.hypot(dx1, dy1);
  const len2 = Math.hypot(dx2, dy2);
  if (Math.abs(den) < 1e-12 * len1 * len2) {
    // Parallel: only collinear end points touching the other segment matter.
    return undefined;
  }
  const t = ((r[0] - p[0]) * dy2 - (r[1] - p[1]) * dx2) / den;
  const u = ((r[0] - p[0]) * dy1 - (r[1] - p[1]) * dx1) / den;
  const tolT = EPS / len1;
  const tolU = EPS / len2;
  if (t < -tolT || t > 1 + tolT || u < -tolU || u > 1 + tolU) return undefined;
  return [Math.min(1, Math.max(0, t)), Math.min(1, Math.max(0, u))];
}

/** Parameter of point x projected on segment p→q if x lies on it (within EPS). */
function onSegment(x: XY, p: XY, q: XY): number | undefined {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len2 = dx * dx + dy * dy;
  const t = ((x[0] - p[0]) * dx + (x[1] - p[1]) * dy) / len2;
  if (t < -EPS || t > 1 + EPS) return undefined;
  const px = p[0] + t * dx;
  const py = p[1] + t * dy;
  return Math.hypot(px - x[0], py - x[1]) <= 1e-4 ? Math.min(1, Math.max(0, t)) : undefined;
}

/** Builds the junction graph from aisles and precomputes all-pairs shortest paths. */
export function buildTravelGraph(aisles: readonly Aisle[]): TravelGraph {
  const segments: Segment[] = [];
  for (const aisle of aisles) {
    for (let i = 0; i + 1 < aisle.points.length; i++) {
      const a = aisle.points[i];
      const b = aisle.points[i + 1];
      if (Math.hypot(b[0] - a[0], b[1] - a[1]) < EPS) continue;
      segments.push({ a, b, oneWay: aisle.oneWay, aisle: aisle.id, cuts: [0, 1] });
    }
  }
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    for (let j = i + 1; j < segments.length; j++) {
      const o = segments[j];
      // Quick bounding-box rejection.
      if (
        Math.max(s.a[0], s.b[0]) + 1e-4 < Math.min(o.a[0], o.b[0]) ||
        Math.max(o.a[0], o.b[0]) + 1e-4 < Math.min(s.a[0], s.b[0]) ||
        Math.max(s.a[1], s.b[1]) + 1e-4 < Math.min(o.a[1], o.b[1]) ||
        Math.max(o.a[1], o.b[1]) + 1e-4 < Math.min(s.a[1], s.b[1])
      ) {
        continue;
      }
      const hit = crossing(s.a, s.b, o.a, o.b);
      if (hit) {
        s.cuts.push(hit[0]);
        o.cuts.push(hit[1]);
        continue;
      }
      // Collinear or touching end points: an end point of one lying on the other.
      for (const end of [o.a, o.b]) {
        const t = onSegment(end, s.a, s.b);
        if (t !== undefined) s.cuts.push(t);
      }
      for (const end of [s.a, s.b]) {
        const t = onSegment(end, o.a, o.b);
        if (t !== undefined) o.cuts.push(t);
      }
    }
  }

  const nodes: XY[] = [];
  const index = new Map<string, number>();
  const nodeAt = (x: number, y: number): number => {
    const key = `${Math.round(x * 1e4)},${Math.round(y * 1e4)}`;
    let id = index.get(key);
    if (id === undefined) {
      id = nodes.length;
      nodes.push([x, y]);
      index.set(key, id);
    }
    return id;
  };
  const edges: GraphEdge[] = [];
  for (const s of segments) {
    const cuts = [...new Set(s.cuts)].sort((p, q) => p - q);
    let prev = nodeAt(s.a[0], s.a[1]);
    let prevT = 0;
    const len = Math.hypot(s.b[0] - s.a[0], s.b[1] - s.a[1]);
    for (const t of cuts) {
      if (t === 0) continue;
      const node = nodeAt(s.a[0] + t * (s.b[0] - s.a[0]), s.a[1] + t * (s.b[1] - s.a[1]));
      if (node !== prev) {
        edges.push({
          from: prev,
          to: node,
          lengthM: (t - prevT) * len,
          twoWay: !s.oneWay,
          aisle: s.aisle,
        });
      }
      prev = node;
      prevT = t;
    }
  }
  const { dist, pred } = allPairs(nodes.length, edges);
  return { nodes, edges, dist, pred };
}

/** Dijkstra from every node (binary heap); fine for the few thousand junctions of a building. */
function allPairs(
  n: number,
  edges: readonly GraphEdge[],
): { dist: Float64Array; pred: Int32Array } {
  const outStart = new Int32Array(n + 1);
  for (const e of edges) {
    outStart[e.from + 1]++;
    if (e.twoWay) outStart[e.to + 1]++;
  }
  for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
  const fill = outStart.slice(0, n);
  const outTo = new Int32Array(outStart[n]);
  const outLen = new Float64Array(outStart[n]);
  for (const e of edges) {
    outTo[fill[e.from]] = e.to;
    outLen[fill[e.from]++] = e.lengthM;
    if (e.twoWay) {
      outTo[fill[e.to]] = e.from;
      outLen[fill[e.to]++] = e.lengthM;
    }
  }
  const dist = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(n * n).fill(-1);
  const heapNode = new Int32Array(outStart[n] + n + 1);
  const heapKey = new Float64Array(outStart[n] + n + 1);
  for (let source = 0; source < n; source++) {
    const row = source * n;
    dist[row + source] = 0;
    let size = 0;
    const push = (node: number, key: number) => {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heapKey[parent] <= key) break;
        heapKey[i] = heapKey[parent];
        heapNode[i] = heapNode[parent];
        i = parent;
      }
      heapKey[i] = key;
      heapNode[i] = node;
    };
    push(source, 0);
    while (size > 0) {
      const node = heapNode[0];
      const key = heapKey[0];
      const lastKey = heapKey[--size];
      const lastNode = heapNode[size];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && heapKey[child + 1] < heapKey[child]) child++;
        if (heapKey[child] >= lastKey) break;
        heapKey[i] = heapKey[child];
        heapNode[i] = heapNode[child];
        i = child;
      }
      heapKey[i] = lastKey;
      heapNode[i] = lastNode;
      if (key > dist[row + node]) continue;
      for (let k = outStart[node]; k < outStart[node + 1]; k++) {
        const next = outTo[k];
        const d = key + outLen[k];
        if (d < dist[row + next] - 1e-12) {
          dist[row + next] = d;
          pred[row + next] = node;
          push(next, d);
        }
      }
    }
  }
  return { dist, pred };
}
