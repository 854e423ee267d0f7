/**
 * The sequential replication loop of `whsim run`, handing the event loop back between
 * replications so a Ctrl-C or SIGTERM is heard: with `signal` aborted it stops after the
 * replication under way and throws RunStopped. The results are those of runReplications.
 */
import type { Scenario } from "../scenario/index.ts";
import type { ReplicationOptions } from "../warehouse/runReplications.ts";
import { buildScenarioSite, simulate } from "../warehouse/simulate.ts";
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
    await yieldToEventLoop();
    if (options.signal?.aborted) throw new RunStopped(r);
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
