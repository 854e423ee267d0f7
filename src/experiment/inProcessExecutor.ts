/**
 * The sequential executor: runs jobs one after another in this thread, yielding to the
 * event loop between jobs so an abort (Ctrl-C) is seen promptly. Works in any runtime.
 */
import { InputError, isInputError } from "../common/inputError.ts";
import { ExperimentAbortedError, finishedOutcomes } from "./abort.ts";
import { runJob } from "./runJob.ts";
import { sharePreparations } from "./sharePreparations.ts";
import type { Executor, ReplicationOutcome, Runner, ScenarioData } from "./types.ts";

/** The error of a failed job, naming the job (as the worker-thread executor does). */
function inJob(task: string, error: unknown): Error {
  if (isInputError(error)) {
    return new InputError(
      error.issues.map((issue) => ({ ...issue, file: `${task}: ${issue.file}` })),
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${task}: ${message}`, { cause: error });
}

/**
 * An executor that runs every job in the calling thread with `runner`, sharing the
 * runner's preparation between jobs of the same scenario.
 */
export function createInProcessExecutor(runner: Runner<any>): Executor {
  const shared = sharePreparations(runner as Runner<ScenarioData>);
  return {
    async run(jobs, options = {}) {
      const slots: (ReplicationOutcome | undefined)[] = new Array(jobs.length);
      for (let i = 0; i < jobs.length; i++) {
        // NOTE: a macrotask boundary lets a SIGINT handler run and abort between jobs.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (options.signal?.aborted) throw new ExperimentAbortedError(finishedOutcomes(slots));
        let outcome: ReplicationOutcome;
        try {
          outcome = runJob(jobs[i] as never, shared);
        } catch (error) {
          throw inJob(`${jobs[i].candidate} replication ${jobs[i].replication}`, error);
        }
        slots[i] = outcome;
        options.onResult?.(outcome);
      }
      return slots as ReplicationOutcome[];
    },
    async close() {},
  };
}
