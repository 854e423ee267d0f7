/**
 * Time lookups on a TraceIndex by binary search: a worker's position and state at time T,
 * a queue's length at T, and on-hand stock at a location at T.
 */
import type { StepSeries, TraceIndex, WorkerTrack } from "./traceIndex.ts";

/** Index of the last element of sorted `times` that is ≤ t, or -1. */
export function lastAtOrBefore(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A worker's position, m, and whether it is moving at that time. */
export interface WorkerPosition {
  x: number;
  y: number;
  moving: boolean;
}

/**
 * Where worker `w` is at time `t`: on its last move with start ≤ t, interpolated along the
 * path at constant speed while t < untilT, else at the path's last point. Before its first
 * move a worker stands at that move's first point. Returns false if it never moves.
 */
export function positionAt(
  index: Pick<TraceIndex, "px" | "py" | "pcum">,
  w: WorkerTrack,
  t: number,
  out: WorkerPosition,
): boolean {
  const n = w.moveT.length;
  if (n === 0) return false;
  const m = lastAtOrBefore(w.moveT, t);
  const { px, py, pcum } = index;
  if (m < 0) {
    const p = w.moveFirst[0];
    out.x = px[p];
    out.y = py[p];
    out.moving = false;
    return true;
  }
  const first = w.moveFirst[m];
  const last = first + w.moveCount[m] - 1;
  const t0 = w.moveT[m];
  const t1 = w.moveUntilT[m];
  if (t >= t1 || t1 <= t0 || last === first) {
    out.x = px[last];
    out.y = py[last];
    out.moving = false;
    return true;
  }
  const d = ((t - t0) / (t1 - t0)) * pcum[last];
  // Binary search the segment [i-1, i] with pcum[i-1] ≤ d < pcum[i].
  let lo = first + 1;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pcum[mid] <= d) lo = mid + 1;
    else hi = mid;
  }
  const a = lo - 1;
  const segLen = pcum[lo] - pcum[a];
  const f = segLen > 0 ? (d - pcum[a]) / segLen : 1;
  out.x = px[a] + (px[lo] - px[a]) * f;
  out.y = py[a] + (py[lo] - py[a]) * f;
  out.moving = true;
  return true;
}

/**
 * Height of worker `w`'s forks (or platform) at time `t`, m: during a lift, up to the
 * level's height at mid-lift and back down (a triangle over the lift's span); else 0.
 */
export function liftAt(w: WorkerTrack, t: number): number {
  if (!w.liftT || w.liftT.length === 0) return 0;
  const i = lastAtOrBefore(w.liftT, t);
  if (i < 0) return 0;
  const t0 = w.liftT[i];
  const t1 = w.liftUntilT[i];
  if (t >= t1 || t1 <= t0) return 0;
  const f = (t - t0) / (t1 - t0);
  return w.liftHeightM[i] * (1 - Math.abs(2 * f - 1));
}

/** A worker's state code at time t (idle before its first state record). */
export function stateAt(w: WorkerTrack, t: number, idleCode: number): number {
  const i = lastAtOrBefore(w.stateT, t);
  return i < 0 ? idleCode : w.stateCode[i];
}

/** The value of a step series at time t, or `before` if t precedes its first step. */
export function valueAt(s: StepSeries, t: number, before = 0): number {
  const i = lastAtOrBefore(s.t, t);
  return i < 0 ? before : s.v[i];
}
