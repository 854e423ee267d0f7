/**
 * The sequential replication loop of `whsim run`, handing the event loop back between
 * chunks of simulated time (50 a replication) so a Ctrl-C or SIGTERM is heard: with `signal`
 * aborted it stops within the replication under way and throws RunStopped. The results are
 * those of runReplications.
 */
import type { Scenario } from "../scenario/index.ts";
import { type ReplicationOptions, replicationsInChunks } from "../warehouse/runReplications.ts";
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
  const steps = replicationsInChunks(scenario, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    // Between chunks of simulated time: a long replication still hears a signal.
    await yieldToEventLoop();
    if (options.signal?.aborted) throw new RunStopped(next.value);
  }
}
