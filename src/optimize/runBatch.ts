/**
 * One batch of replications for the sequential procedures (race, feasibility check,
 * Kim–Nelson): an abort (Ctrl-C) is an outcome, returned with the replications that
 * finished, not an exception.
 */
import { isExperimentAborted } from "../experiment/abort.ts";
import type { Executor, ReplicationJob, ReplicationOutcome } from "../experiment/types.ts";

/** How a procedure runs its replications: cancellation and a per-outcome callback. */
export interface BatchRunOptions {
  signal?: AbortSignal;
  onResult?(outcome: ReplicationOutcome): void;
}

/** What the fully sequential procedures (feasibility check, Kim–Nelson) take. */
export interface SequentialOptions extends BatchRunOptions {
  seed: number;
  /** Error probability of the procedure's decisions (its default in its own docs). */
  alpha?: number;
  /** First-stage replications n0 (≥ 2). */
  initialReplications?: number;
  /** Index of the first replication used (to keep clear of data used before). Defaults to 0. */
  firstReplication?: number;
  /** Most replications per candidate before giving up. */
  maxReplications?: number;
  /** Most replications in total. Defaults to unlimited. */
  budget?: number;
}

/** Runs `jobs`; `aborted` when the signal stopped them, with the finished outcomes. */
export async function runBatch(
  executor: Executor,
  jobs: readonly ReplicationJob<unknown>[],
  options: BatchRunOptions,
): Promise<{ outcomes: ReplicationOutcome[]; aborted: boolean }> {
  try {
    const outcomes = await executor.run(jobs as never, {
      signal: options.signal,
      onResult: options.onResult,
    });
    return { outcomes, aborted: false };
  } catch (error) {
    if (!isExperimentAborted(error)) throw error;
    return { outcomes: [...error.completed], aborted: true };
  }
}
