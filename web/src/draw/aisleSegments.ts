/**
 * Aisle segments for congestion heatmaps: each aisle centre line cut into pieces of a fixed
 * length, and values (waits) summed per piece from where they happened.
 */
import type { Aisle, Layout, XY } from "../../../src/layout/types.ts";

/** One piece of an aisle and the value summed on it. */
export interface AisleSegment {
  /** `aisle#index`. */
  key: string;
  aisle: string;
  /** 0-based piece index from the aisle's first point. */
  index: number;
  /** The piece of centre line, m. */
  points: XY[];
  value: number;
}

/** A value at a floor position, attributed to an aisle by key. */
export interface PlacedValue {
  x: number;
  y: number;
  value: number;
  /** Aisle id, or a key that starts with one (`A3:2`, `A3#2`). */
  aisle: string;
}

/** The layout aisle id a trace key names: itself, the part before `: # / @ |`, or the longest id it starts with. */
export function aisleIdOf(key: string, ids: ReadonlySet<string>): string | undefined {
  if (ids.has(key)) return key;
  const head = key.split(/[:#/@|]/)[0];
  if (ids.has(head)) return head;
  let best: string | undefined;
  for (const id of ids) if (key.startsWith(id) && (!best || id.length > best.length)) best = id;
  return best;
}

/** Distance along `points` of the point on the polyline closest to (x, y), m. */
export function alongPolyline(points: XY[], x: number, y: number): number {
  let best = Number.POSITIVE_INFINITY;
  let bestAlong = 0;
  let start = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const dx = points[i][0] - ax;
    const dy = points[i][1] - ay;
    const len2 = dx * dx + dy * dy;
    const f = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    const d = Math.hypot(ax + f * dx - x, ay + f * dy - y);
    if (d < best) {
      best = d;
      bestAlong = start + f * Math.sqrt(len2);
    }
    start += Math.sqrt(len2);
  }
  return bestAlong;
}

/** The part of `points` between distances `fromM` and `toM` along it. */
export function subPolyline(points: XY[], fromM: number, toM: number): XY[] {
  const out: XY[] = [];
  let start = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const len = Math.hypot(points[i][0] - ax, points[i][1] - ay);
    const end = start + len;
    const at = (d: number): XY => {
      const f = len > 0 ? (d - start) / len : 0;
      return [ax + (points[i][0] - ax) * f, ay + (points[i][1] - ay) * f];
    };
    if (end >= fromM && start <= toM && len > 0) {
      if (out.length === 0) out.push(at(Math.max(fromM, start)));
      out.push(at(Math.min(toM, end)));
    }
    start = end;
  }
  return out;
}

function lengthOf(points: XY[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) {
    len += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  }
  return len;
}

/**
 * Sums `values` per aisle piece of `segmentM` metres (default 5): each value goes to the
 * piece of its aisle nearest its position. Values without a position or a known aisle are
 * left out. Pieces are returned in aisle then index order.
 */
export function aisleSegments(
  layout: Pick<Layout, "aisles" | "crossAisles">,
  values: PlacedValue[],
  segmentM = 5,
): AisleSegment[] {
  const aisles = new Map<string, Aisle>(
    [...layout.crossAisles, ...layout.aisles].map((a) => [a.id, a] as const),
  );
  const ids = new Set(aisles.keys());
  const sums = new Map<string, AisleSegment>();
  for (const v of values) {
    if (!Number.isFinite(v.x) || !Number.isFinite(v.y)) continue;
    const id = aisleIdOf(v.aisle, ids);
    const aisle = id ? aisles.get(id) : undefined;
    if (!aisle) continue;
    const total = lengthOf(aisle.points);
    const count = Math.max(1, Math.ceil(total / segmentM - 1e-9));
    const index = Math.min(count - 1, Math.floor(alongPolyline(aisle.points, v.x, v.y) / segmentM));
    const key = `${aisle.id}#${index}`;
    let seg = sums.get(key);
    if (!seg) {
      const from = index * segmentM;
      seg = {
        key,
        aisle: aisle.id,
        index,
        points: subPolyline(aisle.points, from, Math.min(total, from + segmentM)),
        value: 0,
      };
      sums.set(key, seg);
    }
    seg.value += v.value;
  }
  return [...sums.values()].sort((a, b) =>
    a.aisle === b.aisle ? a.index - b.index : a.aisle < b.aisle ? -1 : 1,
  );
}
