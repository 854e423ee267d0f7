/**
 * The sequential replication loop of `whsim run`, handing the event loop back between
 * chunks of simulated time (50 a replication) so a Ctrl-C or SIGTERM is heard: with `signal`
 * aborted it stops within the replication under way and throws RunStopped. The results are
 * those of runReplications.
 */
import type { Scenario } from "../scenario/index.ts";
import type { ReplicationOptions } from "../warehouse/runReplications.ts";
import { buildScenarioSite, simulateInChunks } from "../warehouse/simulate.ts";
import type { RunResult } from "../warehouse/types.ts";

/** Thrown when a run is stopped by its signal before every replication finished. */
export class RunStopped extends Error {
  constructor(readonly finished: number) {
    super(`run stopped after ${finished} replication(s)`);
    this.name = "RunStopped";
  }
}

/** Lets pending signals and I/O run. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs replications 0..R-1 in order; throws RunStopped once `signal` is aborted. */
export async function runReplicationsStoppable(
  scenario: Scenario,
  options: ReplicationOptions & { signal?: AbortSignal },
): Promise<RunResult[]> {
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
      // Between chunks of simulated time: a long replication still hears a signal.
      await yieldToEventLoop();
      if (options.signal?.aborted) throw new RunStopped(r);
      next = steps.next();
    } while (!next.done);
    const result = next.value;
    results.push(result);
    options.onResult?.(r, result);
  }
  return results;
}
