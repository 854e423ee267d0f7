/**
 * A worker-thread pool (piscina) for plain-data tasks: results are placed by task index,
 * so they are identical for any number of threads and any completion order. A thread that
 * dies mid-task is replaced by the pool and its task re-run; an abort stops the run,
 * terminates running tasks and keeps the finished ones.
 */
import { availableParallelism } from "node:os";
import Piscina from "piscina";
import type { TaskReply, WorkerSetup } from "./worker.ts";

/** Options for createTaskPool(). */
export interface TaskPoolOptions {
  /** The module and export each thread runs, and how (see WorkerSetup). */
  setup: WorkerSetup;
  /** Worker threads. Defaults to the number of cores. */
  workers?: number;
  /** Times a task is re-run after its thread died. Defaults to 2. */
  maxRetries?: number;
}

/** Options for one TaskPool.run(). */
export interface TaskRunOptions<R> {
  /** Called once per finished task, in completion order. */
  onResult?(index: number, result: R): void;
  signal?: AbortSignal;
}

/** A task's function threw: fails the whole run with its message. */
export class TaskFailedError extends Error {
  readonly issues?: unknown;
  constructor(task: string, error: { name: string; message: string; issues?: unknown }) {
    super(`${task}: ${error.message}`);
    this.name = error.name === "InputError" ? "InputError" : "TaskFailedError";
    // Input problems found inside a task name the task, e.g. the candidate and replication.
    this.issues = Array.isArray(error.issues)
      ? error.issues.map((issue: { file?: string }) => ({
          ...issue,
          file: `${task}: ${issue.file ?? ""}`,
        }))
      : error.issues;
  }
}

/** Rejection of TaskPool.run() after an abort: the finished results by task index. */
export class TaskRunAborted<R> extends Error {
  readonly results: (R | undefined)[];
  constructor(results: (R | undefined)[]) {
    super("task run aborted");
    this.name = "TaskRunAborted";
    this.results = results;
  }
}

/** A pool of threads running one function over plain-data tasks. */
export interface TaskPool<T, R> {
  run(tasks: readonly T[], options?: TaskRunOptions<R>): Promise<R[]>;
  close(): Promise<void>;
}

/** The number of cores, the default worker count. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** execArgv for threads: adds the tsx loader when running from TypeScript sources. */
function workerExecArgv(): string[] {
  const args = [...process.execArgv];
  return args.some((a) => a.includes("tsx")) ? args : [...args, "--import", "tsx"];
}

/** Creates the pool; close() it when done. `describe(task)` names a task in error messages. */
export function createTaskPool<T, R>(
  options: TaskPoolOptions,
  describe: (task: T) => string = () => "task",
): TaskPool<T, R> {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const maxRetries = options.maxRetries ?? 2;
  const pool = new Piscina<T, TaskReply<R>>({
    filename: new URL("./worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    execArgv: workerExecArgv(),
    workerData: options.setup,
  });

  async function runOne(task: T, signal: AbortSignal): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      let reply: TaskReply<R>;
      try {
        reply = await pool.run(task, { signal });
      } catch (error) {
        if (signal.aborted || attempt >= maxRetries) throw error;
        continue; // the thread died; piscina has started a new one
      }
      if (reply.ok) return reply.value;
      throw new TaskFailedError(describe(task), reply.error);
    }
  }

  return {
    async run(tasks, runOptions = {}) {
      const slots: (R | undefined)[] = new Array(tasks.length);
      // `cancel` terminates running tasks (user abort); `failed` only stops new ones, so a
      // task error lets the tasks in flight finish instead of racing their replies.
      const cancel = new AbortController();
      const onAbort = () => cancel.abort();
      runOptions.signal?.addEventListener("abort", onAbort, { once: true });
      if (runOptions.signal?.aborted) cancel.abort();
      let next = 0;
      let failed = false;
      let failure: unknown;
      // NOTE: a window of 2 tasks per thread keeps threads busy without cloning every
      // task into the queue at once.
      const lane = async () => {
        while (next < tasks.length && !cancel.signal.aborted && !failed) {
          const index = next++;
          try {
            const result = await runOne(tasks[index], cancel.signal);
            slots[index] = result;
            runOptions.onResult?.(index, result);
          } catch (error) {
            if (!cancel.signal.aborted && !failed) {
              failed = true;
              failure = error;
            }
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(tasks.length, workers * 2) }, lane));
      } finally {
        runOptions.signal?.removeEventListener("abort", onAbort);
      }
      if (failed) throw failure;
      if (cancel.signal.aborted) throw new TaskRunAborted(slots);
      return slots as R[];
    },
    async close() {
      await pool.destroy();
    },
  };
}
