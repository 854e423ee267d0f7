/**
 * The sequential executor: runs jobs one after another in this thread, yielding to the
 * event loop between jobs so an abort (Ctrl-C) is seen promptly. Works in any runtime.
 */
import { ExperimentAbortedError, finishedOutcomes } from "./abort.ts";
import { runJob } from "./runJob.ts";
import type { Executor, ReplicationOutcome, Runner, ScenarioData } from "./types.ts";

/** An executor that runs every job in the calling thread with `runner`. */
export function createInProcessExecutor(runner: Runner<any>): Executor {
  return {
    async run(jobs, options = {}) {
      const slots: (ReplicationOutcome | undefined)[] = new Array(jobs.length);
      for (let i = 0; i < jobs.length; i++) {
        // NOTE: a macrotask boundary lets a SIGINT handler run and abort between jobs.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (options.signal?.aborted) throw new ExperimentAbortedError(finishedOutcomes(slots));
        const outcome = runJob(jobs[i] as never, runner as Runner<ScenarioData>);
        slots[i] = outcome;
        options.onResult?.(outcome);
      }
      return slots as ReplicationOutcome[];
    },
    async close() {},
  };
}
