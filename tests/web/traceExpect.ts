/**
 * What a run's files say, read independently of the viewer's code: the files of a results
 * folder, and a worker's position and state at a time straight from the trace records.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Layout } from "../../src/layout/types.ts";

/** A results folder read independently of the viewer. */
export interface Run {
  dir: string;
  layout: Layout;
  summary: {
    kpis: Record<string, { mean: number }>;
    daily?: Record<string, { mean: number[] }>;
    warmupS?: number;
  };
  records: any[];
}

/** Reads layout.json, summary.json and every trace record of `dir`. */
export function readRun(dir: string): Run {
  return {
    dir,
    layout: JSON.parse(readFileSync(join(dir, "layout.json"), "utf8")),
    summary: JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")),
    records: readFileSync(join(dir, "trace.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l)),
  };
}

/** Expected [x, y] of a worker at t, straight from the definition of `move` records. */
export function expectedPosition(run: Run, id: string, t: number): [number, number] | null {
  let m: any = null;
  for (const r of run.records) if (r.kind === "move" && r.id === id && r.t <= t) m = r;
  if (!m) return null;
  const path = m.path as [number, number][];
  const lengths = path.slice(1).map((p, i) => Math.hypot(p[0] - path[i][0], p[1] - path[i][1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  if (t >= m.untilT || total === 0) return path.at(-1)!;
  let d = ((t - m.t) / (m.untilT - m.t)) * total;
  for (let i = 0; i < lengths.length; i++) {
    if (d <= lengths[i]) {
      const f = d / lengths[i];
      return [
        path[i][0] + (path[i + 1][0] - path[i][0]) * f,
        path[i][1] + (path[i + 1][1] - path[i][1]) * f,
      ];
    }
    d -= lengths[i];
  }
  return path.at(-1)!;
}

/** A worker's state at t, straight from its `state` records (idle before the first). */
export function expectedState(run: Run, id: string, t: number): string {
  let state = "idle";
  for (const r of run.records) if (r.kind === "state" && r.id === id && r.t <= t) state = r.state;
  return state;
}
