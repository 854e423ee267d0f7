/**
 * The worker-thread executor: experiment jobs on a task pool (piscina), each run by
 * runJob() with the named model. Outcomes come back in job order, so results are
 * identical for any number of workers and any completion order; a crashed thread's job is
 * re-run; an abort keeps the finished outcomes.
 */
import { ExperimentAbortedError, finishedOutcomes } from "../../experiment/abort.ts";
import type { Executor, ReplicationJob, ReplicationOutcome } from "../../experiment/types.ts";
import { createTaskPool, defaultWorkerCount, TaskRunAborted } from "./taskPool.ts";
import type { RunnerRef } from "./workerHandler.ts";

export { defaultWorkerCount };

/** Options for createPoolExecutor(). */
export interface PoolExecutorOptions {
  /** The model (a Runner) the threads run. */
  runner: RunnerRef;
  /** Worker threads. Defaults to the number of cores. */
  workers?: number;
  /** Times a job is re-run after its thread died. Defaults to 2. */
  maxRetries?: number;
  /** Bundle the model with esbuild so threads start fast. Defaults to true. */
  bundle?: boolean;
  /** Each thread's young generation, MB. Defaults to DEFAULT_YOUNG_GENERATION_MB (192). */
  youngGenerationMb?: number;
}

/** Creates a worker-thread executor; close() it when done. */
export function createPoolExecutor(options: PoolExecutorOptions): Executor {
  const pool = createTaskPool<ReplicationJob, ReplicationOutcome>(
    {
      setup: { ...options.runner, mode: "job" },
      workers: options.workers,
      maxRetries: options.maxRetries,
      bundle: options.bundle,
      youngGenerationMb: options.youngGenerationMb,
    },
    (job) => `${job.candidate} replication ${job.replication}`,
  );
  return {
    async run(jobs, runOptions = {}) {
      try {
        return await pool.run(jobs, {
          signal: runOptions.signal,
          onResult: (_, outcome) => runOptions.onResult?.(outcome),
        });
      } catch (error) {
        if (error instanceof TaskRunAborted) {
          throw new ExperimentAbortedError(
            finishedOutcomes(error.results as (ReplicationOutcome | undefined)[]),
          );
        }
        throw error;
      }
    },
    close: () => pool.close(),
  };
}
