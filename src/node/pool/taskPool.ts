/**
 * A worker-thread pool (piscina) for plain-data tasks: results are placed by task index,
 * so they are identical for any number of threads and any completion order. A thread that
 * dies mid-task is replaced by the pool and its task re-run; an abort stops the run,
 * terminates running tasks and keeps the finished ones.
 */
import { availableParallelism } from "node:os";
import Piscina from "piscina";
import { bundleWorker, type WorkerBundle } from "./bundleWorker.ts";
import type { TaskReply, WorkerSetup } from "./workerHandler.ts";
import {
  DEFAULT_YOUNG_GENERATION_MB,
  raiseThreadsInitialYoungGeneration,
} from "./youngGeneration.ts";

/** Options for createTaskPool(). */
export interface TaskPoolOptions {
  /** The module and export each thread runs, and how (see WorkerSetup). */
  setup: WorkerSetup;
  /** Worker threads. Defaults to the number of cores. */
  workers?: number;
  /** Times a task is re-run after its thread died. Defaults to 2. */
  maxRetries?: number;
  /** Bundle a TypeScript model with esbuild so threads start fast. Defaults to true. */
  bundle?: boolean;
  /**
   * Each thread's young generation (V8 nursery), MB. Defaults to
   * DEFAULT_YOUNG_GENERATION_MB, four times V8's 48 MB for a thread. Threads start with
   * all of it: the pool raises the process-wide `--min-semi-space-size` before starting
   * them (see raiseThreadsInitialYoungGeneration), which reaches every thread started
   * later in the process.
   */
  youngGenerationMb?: number;
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

/** Node options a thread takes with a value (module loading); it needs no others. */
const THREAD_OPTIONS_WITH_VALUE = new Set([
  "--import",
  "--require",
  "-r",
  "--loader",
  "--experimental-loader",
  "--conditions",
  "-C",
]);

/** Node options without a value a thread takes. */
const THREAD_FLAGS = new Set(["--enable-source-maps", "--no-warnings"]);

/**
 * The part of a process's execArgv a thread may take: module loaders, resolution
 * conditions, source maps and warnings. A thread refuses V8 options (such as
 * --max-semi-space-size) and per-process ones, and the pool would not start; V8 options
 * reach every thread anyway.
 */
export function threadArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].split("=", 1)[0];
    if (THREAD_OPTIONS_WITH_VALUE.has(name)) {
      if (args[i].includes("=")) out.push(args[i]);
      else if (i + 1 < args.length) out.push(args[i], args[++i]);
    } else if (THREAD_FLAGS.has(args[i])) {
      out.push(args[i]);
    }
  }
  return out;
}

/** True for the tsx loader, whatever form its option takes. */
function isTsxArg(arg: string): boolean {
  return arg.includes("tsx");
}

/** execArgv without the tsx loader (a bundled thread is plain JavaScript; tsx costs start-up). */
function withoutTsx(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (THREAD_OPTIONS_WITH_VALUE.has(args[i]) && isTsxArg(args[i + 1] ?? "")) {
      i++;
      continue;
    }
    if (isTsxArg(args[i])) continue;
    out.push(args[i]);
  }
  return out;
}

/** execArgv for threads: adds the tsx loader when running from TypeScript sources. */
function workerExecArgv(args: readonly string[]): string[] {
  return args.some(isTsxArg) ? [...args] : [...args, "--import", "tsx"];
}

/** A started pool and the bundle its threads load, if any. */
interface StartedPool<T, R> {
  pool: Piscina<T, TaskReply<R>>;
  bundle?: WorkerBundle;
}

/** Bundles the model if asked, then starts `workers` threads. */
async function startPool<T, R>(
  options: TaskPoolOptions,
  workers: number,
): Promise<StartedPool<T, R>> {
  const bundle =
    options.bundle !== false && options.setup.module.endsWith(".ts")
      ? await bundleWorker(options.setup.module)
      : undefined;
  const youngGenerationMb = options.youngGenerationMb ?? DEFAULT_YOUNG_GENERATION_MB;
  raiseThreadsInitialYoungGeneration(youngGenerationMb);
  const pool = new Piscina<T, TaskReply<R>>({
    filename: bundle?.url ?? new URL("./worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    execArgv: bundle
      ? withoutTsx(threadArgs(process.execArgv))
      : workerExecArgv(threadArgs(process.execArgv)),
    workerData: options.setup,
    resourceLimits: {
      maxYoungGenerationSizeMb: youngGenerationMb,
    },
  });
  // A thread that fails while the pool shuts down (e.g. one replacing an aborted thread)
  // must not crash the process; failures of tasks reach run() through their promises.
  pool.on("error", () => {});
  return { pool, bundle };
}

/** Runs one task, again (up to `maxRetries` times) if its thread died. */
async function runOne<T, R>(
  pool: Piscina<T, TaskReply<R>>,
  task: T,
  signal: AbortSignal,
  maxRetries: number,
  describe: (task: T) => string,
): Promise<R> {
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

/** Runs every task on `lanes` lanes; results by task index. */
async function runTasks<T, R>(
  tasks: readonly T[],
  lanes: number,
  runTask: (task: T, signal: AbortSignal) => Promise<R>,
  options: TaskRunOptions<R>,
): Promise<R[]> {
  const slots: (R | undefined)[] = new Array(tasks.length);
  // `cancel` terminates running tasks (user abort); `failed` only stops new ones, so a
  // task error lets the tasks in flight finish instead of racing their replies.
  const cancel = new AbortController();
  const onAbort = () => cancel.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) cancel.abort();
  let next = 0;
  let failed = false;
  let failure: unknown;
  const lane = async () => {
    while (next < tasks.length && !cancel.signal.aborted && !failed) {
      const index = next++;
      try {
        const result = await runTask(tasks[index], cancel.signal);
        slots[index] = result;
        options.onResult?.(index, result);
      } catch (error) {
        if (!cancel.signal.aborted && !failed) {
          failed = true;
          failure = error;
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  if (failed) throw failure;
  if (cancel.signal.aborted) throw new TaskRunAborted(slots);
  return slots as R[];
}

/** Creates the pool; close() it when done. `describe(task)` names a task in error messages. */
export function createTaskPool<T, R>(
  options: TaskPoolOptions,
  describe: (task: T) => string = () => "task",
): TaskPool<T, R> {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const maxRetries = options.maxRetries ?? 2;
  // The threads start on the first run(): bundling is asynchronous.
  let started: Promise<StartedPool<T, R>> | undefined;
  const runTask = async (task: T, signal: AbortSignal) => {
    started ??= startPool<T, R>(options, workers);
    const { pool } = await started;
    return runOne(pool, task, signal, maxRetries, describe);
  };
  return {
    // NOTE: a window of 2 tasks per thread keeps threads busy without cloning every
    // task into the queue at once.
    run: (tasks, runOptions = {}) =>
      runTasks(tasks, Math.min(tasks.length, workers * 2), runTask, runOptions),
    async close() {
      if (!started) return;
      const { pool } = await started;
      await pool.destroy();
    },
  };
}
