/**
 * What a comparison report charts over time for one candidate, recorded from its traced
 * replication 0: orders created and shipped per hour, orders in process, and utilisation per
 * role and shift after the warm-up. `whsim compare` writes it as candidates/<k>/timeline.json;
 * the trace itself is never stored.
 */
import { hourlyCounts } from "../../web/src/charts/data/hourlyCounts.ts";
import { type ShiftSpec, shiftWindows } from "../../web/src/charts/data/shiftWindows.ts";
import { utilizationPerShift } from "../../web/src/charts/data/utilization.ts";
import type { WorkerSteps } from "../../web/src/charts/data/workerSteps.ts";
import { timelineCollector } from "./traceTimelines.ts";

/** One candidate's charts-over-time data (candidates/<k>/timeline.json). */
export interface CandidateTimeline {
  kind: "timeline";
  /** The traced replication (0-based). */
  replication: number;
  warmupS: number;
  horizonS: number;
  /** Orders created in each hour from Monday 00:00 (the demand). */
  createdPerHour: number[];
  /** Orders shipped in each hour from Monday 00:00. */
  shippedPerHour: number[];
  /** Orders in process: `[hours from Monday 00:00, orders]`, at most about 500 samples. */
  wip: [number, number][];
  /** Busy share per role and shift after the warm-up; null where nobody of the role works it. */
  utilizationPerShift: { shifts: string[]; roles: { role: string; shares: (number | null)[] }[] };
}

/** The run a timeline describes: its window and the scenario's shifts. */
export interface TimelineWindow {
  warmupS: number;
  horizonS: number;
  replication: number;
  /** `workforce.shifts` of the resolved scenario. */
  shifts: Record<string, ShiftSpec>;
}

/** Receives trace records as a run makes them; `result()` gives the timeline. */
export interface TimelineRecorder {
  add(record: { kind: string; [field: string]: unknown }): void;
  /** The timeline of the run over `window`. */
  result(window: TimelineWindow): CandidateTimeline;
}

const MAX_WIP_POINTS = 500;

/** Counts per hour without the closing point of the step series. */
function perHour(times: number[], horizonS: number): number[] {
  return hourlyCounts(times, 0, horizonS)
    .slice(0, -1)
    .map(([, n]) => n);
}

function shiftShares(workers: WorkerSteps[], window: TimelineWindow) {
  const staffed = workers.filter((w) => Array.from(w.states).some((s) => s !== "off-shift"));
  const windows = shiftWindows(window.shifts, window.warmupS, window.horizonS);
  if (windows.length === 0 || staffed.length === 0) return { shifts: [], roles: [] };
  const per = utilizationPerShift(staffed, windows);
  return {
    shifts: per.shifts,
    roles: per.roles.map((r) => ({
      role: r.role,
      shares: r.shares.map((s) => (Number.isFinite(s) ? s : null)),
    })),
  };
}

/** A recorder for one candidate's traced replication. */
export function timelineRecorder(): TimelineRecorder {
  const collector = timelineCollector();
  const wip: [number, number][] = [];
  return {
    add(record) {
      if (record.kind === "sample") {
        if (typeof record.t === "number" && typeof record.wip === "number")
          wip.push([record.t / 3600, record.wip]);
      } else collector.add(record);
    },
    result(window) {
      const { workers, orders } = collector.result();
      const step = Math.ceil(wip.length / MAX_WIP_POINTS);
      return {
        kind: "timeline",
        replication: window.replication,
        warmupS: window.warmupS,
        horizonS: window.horizonS,
        createdPerHour: perHour(orders.created, window.horizonS),
        shippedPerHour: perHour(orders.shipped, window.horizonS),
        wip: step > 1 ? wip.filter((_, i) => i % step === 0) : wip,
        utilizationPerShift: shiftShares(workers, window),
      };
    },
  };
}
