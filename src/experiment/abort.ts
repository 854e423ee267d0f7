/**
 * The error an executor rejects with when its run is aborted (Ctrl-C): it carries every
 * outcome that finished before the stop, so no finished replication is lost.
 */
import { hasErrorShape } from "../common/hasErrorShape.ts";
import type { ReplicationOutcome } from "./types.ts";

/** Rejection value of Executor.run() after its signal aborted. */
export class ExperimentAbortedError extends Error {
  /** The outcomes that finished before the abort, in job order (gaps removed). */
  readonly completed: readonly ReplicationOutcome[];
  constructor(completed: readonly ReplicationOutcome[]) {
    super(`experiment aborted after ${completed.length} finished replication(s)`);
    this.name = "ExperimentAbortedError";
    this.completed = completed;
  }
}

/** True for an ExperimentAbortedError, also across module boundaries. */
export function isExperimentAborted(error: unknown): error is ExperimentAbortedError {
  return (
    error instanceof ExperimentAbortedError ||
    hasErrorShape(error, "ExperimentAbortedError", "completed")
  );
}

/** Keeps the finished outcomes of a sparse, job-ordered array. */
export function finishedOutcomes(
  slots: readonly (ReplicationOutcome | undefined)[],
): ReplicationOutcome[] {
  return slots.filter((o): o is ReplicationOutcome => o !== undefined);
}
