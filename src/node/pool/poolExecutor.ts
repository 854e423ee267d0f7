/**
 * The worker-thread executor (piscina): runs jobs on W threads and puts each outcome at
 * its job's index, so results are identical for any W and any completion order. A thread
 * that dies mid-job is replaced by the pool and its job re-run; an abort stops the run,
 * terminates running jobs and keeps the finished ones.
 */
import { availableParallelism } from "node:os";
import Piscina from "piscina";
import { ExperimentAbortedError, finishedOutcomes } from "../../experiment/abort.ts";
import type {
  Executor,
  ExecutorRunOptions,
  ReplicationJob,
  ReplicationOutcome,
} from "../../experiment/types.ts";
import type { RunnerRef, WorkerReply } from "./worker.ts";

/** Options for createPoolExecutor(). */
export interface PoolExecutorOptions {
  /** The model the threads run. */
  runner: RunnerRef;
  /** Worker threads. Defaults to the number of cores. */
  workers?: number;
  /** Times a job is re-run after its thread died. Defaults to 2. */
  maxRetries?: number;
}

/** A job whose model threw: fails the whole run with the model's message. */
export class JobFailedError extends Error {
  readonly issues?: unknown;
  constructor(job: ReplicationJob, error: { name: string; message: string; issues?: unknown }) {
    super(`${job.candidate} replication ${job.replication}: ${error.message}`);
    this.name = error.name === "InputError" ? "InputError" : "JobFailedError";
    this.issues = error.issues;
  }
}

/** The number of cores, the default worker count. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** execArgv for threads: adds the tsx loader when running from TypeScript sources. */
function workerExecArgv(): string[] {
  const args = [...process.execArgv];
  const hasTsx = args.some((a) => a.includes("tsx"));
  return hasTsx ? args : [...args, "--import", "tsx"];
}

/** Creates a piscina-backed executor; close() it when done. */
export function createPoolExecutor(options: PoolExecutorOptions): Executor {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const maxRetries = options.maxRetries ?? 2;
  const pool = new Piscina<ReplicationJob, WorkerReply>({
    filename: new URL("./worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    execArgv: workerExecArgv(),
    workerData: { runner: options.runner },
  });

  async function runOne(job: ReplicationJob, signal: AbortSignal): Promise<ReplicationOutcome> {
    for (let attempt = 0; ; attempt++) {
      let reply: WorkerReply;
      try {
        reply = await pool.run(job, { signal });
      } catch (error) {
        if (signal.aborted || attempt >= maxRetries) throw error;
        continue; // the thread died; piscina has started a new one
      }
      if (reply.ok) return reply.outcome;
      throw new JobFailedError(job, reply.error);
    }
  }

  return {
    async run(jobs, runOptions: ExecutorRunOptions = {}) {
      const slots: (ReplicationOutcome | undefined)[] = new Array(jobs.length);
      // `cancel` terminates running jobs (user abort); `failed` only stops new ones, so
      // a model error lets the jobs in flight finish instead of racing their replies.
      const cancel = new AbortController();
      const onAbort = () => cancel.abort();
      runOptions.signal?.addEventListener("abort", onAbort, { once: true });
      if (runOptions.signal?.aborted) cancel.abort();
      let next = 0;
      let failed = false;
      let failure: unknown;
      // NOTE: a window of 2 jobs per thread keeps threads busy without cloning every
      // scenario into the queue at once.
      const lane = async () => {
        while (next < jobs.length && !cancel.signal.aborted && !failed) {
          const index = next++;
          try {
            const outcome = await runOne(jobs[index], cancel.signal);
            slots[index] = outcome;
            runOptions.onResult?.(outcome);
          } catch (error) {
            if (!cancel.signal.aborted && !failed) {
              failed = true;
              failure = error;
            }
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(jobs.length, workers * 2) }, lane));
      } finally {
        runOptions.signal?.removeEventListener("abort", onAbort);
      }
      if (failed) throw failure;
      if (cancel.signal.aborted) throw new ExperimentAbortedError(finishedOutcomes(slots));
      return slots as ReplicationOutcome[];
    },
    async close() {
      await pool.destroy();
    },
  };
}
