/**
 * The replication loop, kept in one small function so an executor (a worker pool) can
 * replace it: replications 0..R-1 of one scenario with one master seed, sequentially.
 */
import type { Scenario } from "../scenario/index.ts";
import { buildScenarioSite, simulateInChunks } from "./simulate.ts";
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
  const steps = replicationsInChunks(scenario, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The replication loop as a generator: before each chunk of simulated time it yields the
 * replication under way, so a caller may hand the event loop back or stop there;
 * runReplications() runs it through. The results are the same either way.
 */
export function* replicationsInChunks(
  scenario: Scenario,
  options: ReplicationOptions,
): Generator<number, RunResult[], void> {
  const results: RunResult[] = [];
  const site = buildScenarioSite(scenario);
  for (let r = 0; r < options.replications; r++) {
    const steps = simulateInChunks(scenario, {
      seed: options.seed,
      replication: r,
      site,
      trace: r === 0 ? options.trace : undefined,
      onProgress: options.onProgress
        ? (f) => options.onProgress?.((r + f) / options.replications)
        : undefined,
    });
    let next: IteratorResult<number, RunResult>;
    do {
      yield r;
      next = steps.next();
    } while (!next.done);
    results.push(next.value);
    options.onResult?.(r, next.value);
  }
  return results;
}
