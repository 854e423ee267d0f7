/**
 * Worker states as step functions of time (from the trace's `state` records), and the time a
 * worker spends on shift and busy in a window: the base of utilisation per hour and per
 * shift, and of the state timeline.
 */

/** One worker's states: `states[i]` holds from `t[i]` (s) until `t[i + 1]`. */
export interface WorkerSteps {
  id: string;
  role: string;
  t: ArrayLike<number>;
  states: ArrayLike<string>;
}

/** States that are not work: everything else on shift counts as busy. */
export const NOT_BUSY: ReadonlySet<string> = new Set(["idle", "off-shift"]);
/** The state before a worker's first record and outside every shift. */
export const OFF_SHIFT = "off-shift";

/** Seconds on shift and busy of one worker in [fromS, toS). */
export function timeInWindow(
  w: WorkerSteps,
  fromS: number,
  toS: number,
): { onS: number; busyS: number } {
  let onS = 0;
  let busyS = 0;
  for (let i = 0; i < w.t.length; i++) {
    const a = Math.max(fromS, w.t[i]);
    const b = Math.min(toS, i + 1 < w.t.length ? w.t[i + 1] : toS);
    if (b <= a) continue;
    const state = w.states[i];
    if (state === OFF_SHIFT) continue;
    onS += b - a;
    if (!NOT_BUSY.has(state)) busyS += b - a;
  }
  return { onS, busyS };
}

/** The index of the last step at or before `t` (-1 before the first). */
export function stepAt(w: WorkerSteps, t: number): number {
  let lo = 0;
  let hi = w.t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (w.t[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The worker's steps cut to [fromS, toS): the state at fromS, then the changes inside. */
export function stepsInWindow(w: WorkerSteps, fromS: number, toS: number): WorkerSteps {
  const first = stepAt(w, fromS);
  const t: number[] = [fromS];
  const states: string[] = [first < 0 ? OFF_SHIFT : w.states[first]];
  for (let i = first + 1; i < w.t.length && w.t[i] < toS; i++) {
    t.push(w.t[i]);
    states.push(w.states[i]);
  }
  return { id: w.id, role: w.role, t, states };
}
