/**
 * A whsim worker process: takes jobs from the BullMQ queue, validates them, runs them in
 * worker threads (so lock renewals keep flowing during long jobs) and returns the outcome.
 * `stop()` finishes the active jobs; `stop({ release: true })` puts them back on the queue.
 * A job that cannot be read (its data is not JSON, or too large), fails its checks, throws
 * or runs past its time limit moves to failed with the reason and is never retried.
 */
import { hostname } from "node:os";
import { type Job, type JobJson, UnrecoverableError, WaitingError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { formatIssue, isInputError } from "../common/inputError.ts";
import { fromEnvelope, MAX_JOB_CHARS } from "./jobEnvelope.ts";
import { jobKind } from "./jobKinds.ts";
import { JobPool } from "./jobPool.ts";
import { jobTimeLimitMs } from "./jobTimeLimit.ts";
import { encodeJson } from "./numberCodec.ts";
import { type JobReturn, jobIdOf, QUEUE_PREFIX, queueName } from "./queueNames.ts";
import { connectRedis, DEFAULT_REDIS_URL, maskRedisUrl, waitForRedis } from "./redisUrl.ts";

/** Options of `DistributedWorker.start`; all optional. */
export interface DistributedWorkerOptions {
  /** Redis address; defaults to `redis://127.0.0.1:6379`. */
  url?: string;
  /** Queue base name; defaults to `replications`. */
  queue?: string;
  /** Jobs run at once, one worker thread each; defaults to 1. */
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, ms; defaults to 30000. A worker killed
   * mid-job has its job taken over by another worker after about this long.
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs of dead workers, ms; defaults to lockDurationMs. */
  stalledIntervalMs?: number;
  /** Receives one line per event (job started, finished, rejected); defaults to silence. */
  log?(line: string): void;
  /** Caps every job's run-time limit (estimated from its size, see jobTimeLimit.ts), ms. */
  maxJobMs?: number;
}

/** Job data that BullMQ could not read, in place of the data. */
interface UnreadableData {
  unreadable: string;
}

function isUnreadable(data: unknown): data is UnreadableData {
  return typeof (data as UnreadableData | null)?.unreadable === "string";
}

/**
 * A BullMQ worker that takes a job whose stored data is not JSON, or too large, instead of
 * failing inside BullMQ and leaving the job active: the job reaches the processor carrying
 * the reason, and the processor fails it.
 */
class GuardedWorker extends Worker {
  protected override createJob(data: JobJson, jobId: string): Job {
    const text = data.data ?? "{}";
    let reason: string | undefined;
    if (text.length > MAX_JOB_CHARS + 1024)
      reason = `job data of ${text.length} characters (too large)`;
    else {
      try {
        JSON.parse(text);
      } catch {
        reason = "job data is not JSON";
      }
    }
    if (!reason) return super.createJob(data, jobId);
    return super.createJob({ ...data, data: JSON.stringify({ unreadable: reason }) }, jobId);
  }
}

/** Thrown when a job runs past its time limit. */
class JobTimeLimitError extends Error {}

/**
 * Runs `run` with a signal aborted by `outer` (the worker stopping) or after `limitMs`;
 * a time-out rejects with JobTimeLimitError.
 */
async function withTimeLimit<T>(
  limitMs: number,
  outer: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onOuter = () => controller.abort();
  outer?.addEventListener("abort", onOuter, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limitMs);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (timedOut) throw new JobTimeLimitError(`ran past its time limit of ${limitMs / 1000} s`);
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuter);
  }
}

/** The processor's view of its worker: where to log, the thread pool, the time cap. */
interface ProcessorContext {
  pool: JobPool;
  log(line: string): void;
  maxJobMs: number | undefined;
  /** Counts a finished job; returns the count so far. */
  finishedOne(): number;
}

/** The job's task, checked; a job that fails a check is rejected for good. */
function readTask(job: Job, log: (line: string) => void): ReturnType<typeof fromEnvelope> {
  try {
    if (isUnreadable(job.data)) throw new Error(job.data.unreadable);
    const task = fromEnvelope(job.data);
    if (jobIdOf(task.job.key) !== job.id) throw new Error("the job id does not match its key");
    jobKind(task.kind).validate(task.job);
    return task;
  } catch (error) {
    const why = isInputError(error)
      ? error.issues.map(formatIssue).join("; ")
      : (error as Error).message;
    log(`rejected ${job.id}: ${why}`);
    throw new UnrecoverableError(`invalid job: ${why}`);
  }
}

/**
 * Runs one job on a thread within its time limit and returns its outcome. A stop with
 * release puts the job back on the queue; any other failure fails it for good.
 */
async function processJob(
  context: ProcessorContext,
  job: Job,
  token: string | undefined,
  signal: AbortSignal | undefined,
): Promise<JobReturn> {
  const { log } = context;
  const task = readTask(job, log);
  const { job: rep } = task;
  log(`started ${job.id} (candidate ${rep.candidate}, replication ${rep.replication})`);
  const startMs = performance.now();
  const limitMs = Math.min(jobTimeLimitMs(task.kind, rep), context.maxJobMs ?? Infinity);
  try {
    const outcome = await withTimeLimit(limitMs, signal, (s) =>
      context.pool.run(task.kind, rep, s),
    );
    const finished = context.finishedOne();
    const seconds = ((performance.now() - startMs) / 1000).toFixed(2);
    log(`finished ${job.id} in ${seconds} s (${finished} done)`);
    return { outcome: encodeJson(outcome) } satisfies JobReturn;
  } catch (error) {
    if (signal?.aborted) {
      await job.moveToWait(token);
      log(`released ${job.id} back to the queue`);
      throw new WaitingError();
    }
    log(`failed ${job.id}: ${(error as Error).message}`);
    // A job fails the same way every time it runs: retrying it only holds workers.
    throw new UnrecoverableError((error as Error).message);
  }
}

/** A worker's Redis connection, and whether a lost connection is being reported. */
interface WorkerConnection {
  connection: Redis;
  /** True from a connection error until the connection is ready again. */
  reported(): boolean;
}

/** Connects to Redis, logging a lost connection once and its return. */
async function connectWorker(
  url: string,
  name: string,
  log: (line: string) => void,
): Promise<WorkerConnection> {
  const connection = connectRedis(url, { connectionName: name });
  let connected = false;
  let reported = false;
  connection.on("error", (error) => {
    if (connected && !reported)
      log(`lost the connection to Redis (${error.message}); reconnecting`);
    reported = true;
  });
  connection.on("ready", () => {
    if (reported) log("connected to Redis again");
    reported = false;
  });
  try {
    await waitForRedis(connection, url);
    connected = true;
    reported = false;
  } catch (error) {
    connection.disconnect();
    throw error;
  }
  return { connection, reported: () => reported };
}

/** A running worker. */
export class DistributedWorker {
  /** Jobs finished by this worker. */
  finished = 0;
  private stopping?: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly pool: JobPool,
    private readonly connection: Redis,
  ) {}

  /** Connects to Redis and starts taking jobs. */
  static async start(options: DistributedWorkerOptions = {}): Promise<DistributedWorker> {
    const url = options.url ?? DEFAULT_REDIS_URL;
    const concurrency = options.concurrency ?? 1;
    const lockDuration = options.lockDurationMs ?? 30_000;
    const log = options.log ?? (() => {});
    const name = `whsim-worker-${hostname()}-${process.pid}`;
    const { connection, reported } = await connectWorker(url, name, log);
    const pool = new JobPool(concurrency);
    // The holder lets the processor reach the instance created just below.
    const holder: { self?: DistributedWorker } = {};
    const context: ProcessorContext = {
      pool,
      log,
      maxJobMs: options.maxJobMs,
      finishedOne: () => ++holder.self!.finished,
    };
    const worker = new GuardedWorker(
      queueName(options.queue),
      (job, token, signal) => processJob(context, job, token, signal),
      {
        connection,
        prefix: QUEUE_PREFIX,
        concurrency,
        lockDuration,
        stalledInterval: options.stalledIntervalMs ?? lockDuration,
        maxStalledCount: 3,
        name,
        autorun: false,
      },
    );
    worker.on("error", (error) => {
      if (!reported()) log(`redis: ${error.message}`);
    });
    const self = new DistributedWorker(worker, pool, connection);
    holder.self = self;
    void worker.run().catch((error) => log(`worker stopped: ${(error as Error).message}`));
    await worker.waitUntilReady();
    log(
      `serving queue ${queueName(options.queue)} at ${maskRedisUrl(url)} with ${concurrency} thread(s)`,
    );
    return self;
  }

  /** Stops taking jobs; finishes active ones, or with `release` puts them back on the queue. */
  stop(options: { release?: boolean } = {}): Promise<void> {
    if (options.release) this.worker.cancelAllJobs("worker shutting down");
    this.stopping ??= (async () => {
      await this.worker.close();
      await this.pool.close();
      this.connection.disconnect();
    })();
    return this.stopping;
  }
}
