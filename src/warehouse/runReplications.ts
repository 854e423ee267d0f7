/**
 * The replication loop, kept in one small function so an executor (a worker pool) can
 * replace it: replications 0..R-1 of one scenario with one master seed, sequentially.
 */
import type { Scenario } from "../scenario/index.ts";
import { buildScenarioSite, simulate } from "./simulate.ts";
import type { RunResult, TraceRecord } from "./types.ts";

/** Options of `runReplications`. */
export interface ReplicationOptions {
  /** Master seed shared by every replication. */
  seed: number;
  /** Number of replications (>= 1). */
  replications: number;
  /** Called after each replication with its index and result. */
  onResult?: (replication: number, result: RunResult) => void;
  /** Called with overall progress 0..1. */
  onProgress?: (fraction: number) => void;
  /** Trace sink for replication 0 only (one trace per run keeps the file playable). */
  trace?: (record: TraceRecord) => void;
}

/**
 * Runs the replications in order and returns their results. The site (layout, travel
 * model, locations) is built once and shared: a run only reads it.
 */
export function runReplications(scenario: Scenario, options: ReplicationOptions): RunResult[] {
  const results: RunResult[] = [];
  const site = buildScenarioSite(scenario);
  for (let r = 0; r < options.replications; r++) {
    const result = simulate(scenario, {
      seed: options.seed,
      replication: r,
      site,
      trace: r === 0 ? options.trace : undefined,
      onProgress: options.onProgress
        ? (f) => options.onProgress?.((r + f) / options.replications)
        : undefined,
    });
    results.push(result);
    options.onResult?.(r, result);
  }
  return results;
}
