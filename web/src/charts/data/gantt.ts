/**
 * The rows of a state timeline from worker states: the window cut into `bins` equal slices,
 * each slice shown in the state that filled most of it, and equal neighbours merged. A day
 * of hundreds of short tasks per worker then draws as at most `bins` bars per row.
 */
import type { StateTimelineData } from "../stateTimeline.ts";
import { stepsInWindow, type WorkerSteps } from "./workerSteps.ts";

/** States in the order the timeline's legend lists them; idle and off-shift get light fills. */
export const TIMELINE_STATES: readonly string[] = [
  "travelling",
  "picking",
  "handling",
  "idle",
  "waiting",
  "lifting",
  "other",
  "off-shift",
];

/** The state that fills most of [a, b) in `w` (steps already cut to the window). */
function dominantState(w: WorkerSteps, a: number, b: number, from: number): string {
  const time = new Map<string, number>();
  for (let i = from; i < w.t.length && w.t[i] < b; i++) {
    const s = Math.max(a, w.t[i]);
    const e = Math.min(b, i + 1 < w.t.length ? w.t[i + 1] : b);
    if (e > s) time.set(w.states[i], (time.get(w.states[i]) ?? 0) + e - s);
  }
  let best = "";
  let most = -1;
  for (const [state, s] of time) {
    if (s > most) [best, most] = [state, s];
  }
  return best;
}

/**
 * Gantt rows for `workers` over [fromS, toS), states in the order of `states` (defaults to
 * TIMELINE_STATES; states not listed are added at the end).
 */
export function ganttRows(
  workers: WorkerSteps[],
  range: { fromS: number; toS: number; bins?: number; states?: string[] },
): StateTimelineData {
  const bins = range.bins ?? 480;
  const states = [...(range.states ?? TIMELINE_STATES)];
  const width = (range.toS - range.fromS) / bins;
  const rows = workers.map((worker) => {
    const w = stepsInWindow(worker, range.fromS, range.toS);
    const runs: StateTimelineData["rows"][number]["runs"] = [];
    let from = 0;
    for (let k = 0; k < bins; k++) {
      const a = range.fromS + k * width;
      while (from + 1 < w.t.length && w.t[from + 1] <= a) from++;
      const state = dominantState(w, a, a + width, from);
      let index = states.indexOf(state);
      if (index < 0) index = states.push(state) - 1;
      const last = runs[runs.length - 1];
      if (last && last[2] === index) last[1] = (a + width) / 3600;
      else runs.push([a / 3600, (a + width) / 3600, index]);
    }
    return { label: worker.id, runs };
  });
  return { fromH: range.fromS / 3600, toH: range.toS / 3600, states, rows };
}
