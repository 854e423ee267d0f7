/**
 * The distributed executor: one BullMQ job per (candidate, replication) with the job key as
 * job id, so a re-submitted job is never run twice; outcomes are collected from queue events
 * (with polling as a safety net), persisted in the result store, and returned in job order.
 */

import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { InputError } from "../common/inputError.ts";
import { VERSION } from "../common/version.ts";
import { ExperimentAbortedError, finishedOutcomes } from "../experiment/abort.ts";
import type {
  Executor,
  ExecutorRunOptions,
  ReplicationJob,
  ReplicationOutcome,
} from "../experiment/types.ts";
import { type JobKind, MAX_JOB_CHARS, toEnvelope } from "./jobEnvelope.ts";
import { decodeJson } from "./numberCodec.ts";
import { type JobReturn, jobIdOf, QUEUE_PREFIX, queueName } from "./queueNames.ts";
import { connectRedis, DEFAULT_REDIS_URL, maskRedisUrl, waitForRedis } from "./redisUrl.ts";
import type { ResultStore } from "./resultStore.ts";

/** Progress of a distributed run. */
export interface DistributedProgress {
  /** Jobs in this run. */
  total: number;
  /** Jobs with an outcome (reused or collected). */
  done: number;
  /** Jobs whose outcome came from the result store (not run again). */
  reused: number;
}

/** Options of `RedisExecutor`; all optional. */
export interface RedisExecutorOptions {
  /** Redis address; defaults to `redis://127.0.0.1:6379` (loopback). */
  url?: string;
  /** Job kind (model) the workers run; defaults to `warehouse`. */
  kind?: JobKind;
  /** Queue base name (see `queueName`); defaults to `replications`. */
  queue?: string;
  /** Store of finished outcomes; without it nothing survives the coordinator. */
  store?: ResultStore;
  /** Called after each outcome, and once at the start with the reused count. */
  onProgress?(progress: DistributedProgress): void;
  /** Warnings and notices (no workers connected, Redis lost); defaults to silence. */
  log?(message: string): void;
  /** How often pending jobs are polled, ms; defaults to 1000. */
  pollIntervalMs?: number;
  /** How long Redis may be unreachable before the run fails, ms; defaults to 60000. */
  outageTimeoutMs?: number;
  /** How long finished jobs stay in Redis for a re-run to collect, s; defaults to 7 days. */
  keepFinishedS?: number;
}

/** Counters of what the executor did, for tests and benchmarks. */
export interface RedisExecutorStats {
  /** Jobs added to the queue (a job already in Redis is not run again). */
  submitted: number;
  /** Outcomes taken from the result store. */
  reused: number;
  /** Jobs added again because they had vanished from Redis (e.g. a restart without persistence). */
  resubmitted: number;
  /** Failed jobs from an earlier run that were retried. */
  retried: number;
}

/** Thrown when a job fails on a worker (bad scenario, bug) or a worker returns a wrong outcome. */
export class DistributedJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DistributedJobError";
  }
}

/** Runs replications on `whsim worker` processes through a BullMQ queue on Redis. */
export class RedisExecutor implements Executor {
  readonly stats: RedisExecutorStats = { submitted: 0, reused: 0, resubmitted: 0, retried: 0 };
  private readonly url: string;
  private readonly kind: JobKind;
  private readonly name: string;
  private connection?: Redis;
  private eventsConnection?: Redis;
  private queue?: Queue;
  private events?: QueueEvents;

  constructor(private readonly options: RedisExecutorOptions = {}) {
    this.url = options.url ?? DEFAULT_REDIS_URL;
    this.kind = options.kind ?? "warehouse";
    this.name = queueName(options.queue);
  }

  /** Runs `jobs` and returns their outcomes in job order, reusing stored outcomes. */
  async run(
    jobs: ReplicationJob[],
    options: ExecutorRunOptions = {},
  ): Promise<ReplicationOutcome[]> {
    const { signal, onResult } = options;
    if (signal?.aborted) throw new ExperimentAbortedError([]);
    const store = this.options.store;
    const results: ReplicationOutcome[] = new Array(jobs.length);
    const byKey = new Map<string, number[]>();
    jobs.forEach((job, i) => {
      const list = byKey.get(job.key);
      if (list) list.push(i);
      else byKey.set(job.key, [i]);
    });
    const progress: DistributedProgress = { total: jobs.length, done: 0, reused: 0 };
    const pending = new Map<string, ReplicationJob>(); // by BullMQ job id
    let failure: Error | undefined;

    const accept = (key: string, outcome: ReplicationOutcome, reused: boolean) => {
      const indices = byKey.get(key) ?? [];
      const job = jobs[indices[0]];
      if (
        outcome === null ||
        typeof outcome !== "object" ||
        outcome.key !== key ||
        outcome.candidate !== job.candidate ||
        outcome.replication !== job.replication
      ) {
        throw new DistributedJobError(
          `job ${key} (candidate ${job.candidate}, replication ${job.replication}): the outcome belongs to another job`,
        );
      }
      if (!reused) store?.put(this.storeKey(key), outcome);
      for (const i of indices) results[i] = outcome;
      progress.done += indices.length;
      if (reused) progress.reused += indices.length;
      for (const _ of indices) onResult?.(outcome);
    };

    for (const [key, indices] of byKey) {
      const stored = store?.get(this.storeKey(key));
      if (stored) {
        this.stats.reused += indices.length;
        accept(key, stored, true);
      } else {
        pending.set(jobIdOf(key), jobs[indices[0]]);
      }
    }
    this.options.onProgress?.({ ...progress });
    if (progress.reused > 0) {
      this.options.log?.(
        `reusing ${progress.reused} finished replication(s) from ${store?.path}; ${pending.size} to run`,
      );
    }
    if (pending.size === 0) return results;

    const { queue, events } = await this.open();
    let woken = false;
    let resolveSleep: (() => void) | undefined;
    const wake = () => {
      woken = true;
      resolveSleep?.();
    };
    const collect = (jobId: string, value: unknown) => {
      const job = pending.get(jobId);
      if (!job || failure) return;
      try {
        const text = (value as JobReturn | null)?.outcome;
        if (typeof text !== "string") {
          throw new DistributedJobError(`job ${job.key}: a worker returned no outcome`);
        }
        pending.delete(jobId);
        accept(job.key, decodeJson(text) as ReplicationOutcome, false);
        this.options.onProgress?.({ ...progress });
      } catch (error) {
        failure = error as Error;
      }
      wake();
    };
    const failed = (jobId: string, reason: string) => {
      const job = pending.get(jobId);
      if (!job || failure) return;
      failure = new DistributedJobError(
        `job ${job.key} (candidate ${job.candidate}, replication ${job.replication}) failed on a worker: ${reason}`,
      );
      wake();
    };
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) =>
      collect(jobId, returnvalue);
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) =>
      failed(jobId, failedReason);
    events.on("completed", onCompleted);
    events.on("failed", onFailed);
    const onAbort = () => wake();
    signal?.addEventListener("abort", onAbort);

    try {
      await this.guard(
        queue.addBulk([...pending].map(([jobId, job]) => this.entry(jobId, job))),
        "submitting jobs",
      );
      this.stats.submitted += pending.size;
      await this.warnIfNoWorkers(queue);
      const baseIntervalMs = this.options.pollIntervalMs ?? 1000;
      let first = true;
      let lastPollMs = Number.NEGATIVE_INFINITY;
      let downSinceMs: number | undefined;
      while (pending.size > 0 && !failure && !signal?.aborted) {
        // Events bring outcomes; the poll is a safety net, so it slows down for big runs
        // (1 ms per pending job) to keep Redis load flat.
        const intervalMs = Math.max(baseIntervalMs, pending.size);
        if (Date.now() - lastPollMs >= intervalMs) {
          lastPollMs = Date.now();
          try {
            await this.poll(queue, pending, first, collect, failed);
            first = false;
            if (downSinceMs !== undefined) this.options.log?.("Redis is back; continuing");
            downSinceMs = undefined;
          } catch (error) {
            const now = Date.now();
            if (downSinceMs === undefined) {
              downSinceMs = now;
              this.options.log?.(
                `lost the connection to Redis at ${maskRedisUrl(this.url)} (${(error as Error).message}); retrying`,
              );
            } else if (now - downSinceMs > (this.options.outageTimeoutMs ?? 60_000)) {
              throw new Error(
                `Redis at ${maskRedisUrl(this.url)} unreachable for ${Math.round((now - downSinceMs) / 1000)} s; ` +
                  `${progress.done} of ${progress.total} outcomes are kept${store ? ` in ${store.path}` : ""}; re-run the same command to resume`,
              );
            }
          }
        }
        if (pending.size === 0 || failure || signal?.aborted) break;
        if (!woken) {
          const waitMs = Math.max(0, intervalMs - (Date.now() - lastPollMs));
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, waitMs);
            resolveSleep = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          resolveSleep = undefined;
        }
        woken = false;
      }
      if (failure) throw failure;
      if (signal?.aborted) {
        await this.withdraw(queue, pending);
        throw new ExperimentAbortedError(finishedOutcomes(results));
      }
      return results;
    } finally {
      events.off("completed", onCompleted);
      events.off("failed", onFailed);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Closes the Redis connections (the result store belongs to the caller). */
  async close(): Promise<void> {
    // NOTE: BullMQ's close() can wait on a connection that is reconnecting; do not hang on it.
    const closing = Promise.allSettled([this.events?.close(), this.queue?.close()]);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    this.connection?.disconnect();
    this.eventsConnection?.disconnect();
    this.events = undefined;
    this.queue = undefined;
  }

  /** The result-store key of a job: version, kind and job key. */
  private storeKey(key: string): string {
    return `${VERSION}:${this.kind}:${key}`;
  }

  private entry(jobId: string, job: ReplicationJob) {
    const age = this.options.keepFinishedS ?? 7 * 24 * 3600;
    const data = toEnvelope(this.kind, job);
    if (data.job.length > MAX_JOB_CHARS) {
      throw new InputError({
        file: "--executor",
        path: `candidate ${job.candidate}`,
        value: `a job of ${data.job.length} characters`,
        expected: `jobs of at most ${MAX_JOB_CHARS} characters (run this one on worker threads)`,
      });
    }
    return {
      name: this.kind,
      data,
      opts: { jobId, attempts: 1, removeOnComplete: { age }, removeOnFail: { age } },
    };
  }

  private async open(): Promise<{ queue: Queue; events: QueueEvents }> {
    if (this.queue && this.events) return { queue: this.queue, events: this.events };
    // One line per distinct error: during an outage every reconnect attempt fails alike.
    let lastError = "";
    const log = (error: Error) => {
      if (error.message !== lastError) this.options.log?.(`redis: ${error.message}`);
      lastError = error.message;
    };
    const connection = connectRedis(this.url, { connectionName: "whsim-coordinator" });
    connection.on("error", () => {});
    try {
      await waitForRedis(connection, this.url);
    } catch (error) {
      connection.disconnect();
      throw error;
    }
    // From now on commands fail at once during an outage (instead of waiting in ioredis's
    // offline queue), and the poll loop decides how long an outage may last. Only now: the
    // first connection needs the offline queue while connecting.
    connection.options.enableOfflineQueue = false;
    this.connection = connection;
    this.eventsConnection = connectRedis(this.url, { connectionName: "whsim-coordinator-events" });
    this.eventsConnection.on("error", () => {});
    this.eventsConnection.on("ready", () => {
      lastError = "";
    });
    this.queue = new Queue(this.name, { connection, prefix: QUEUE_PREFIX });
    this.queue.on("error", log);
    this.events = new QueueEvents(this.name, {
      connection: this.eventsConnection,
      prefix: QUEUE_PREFIX,
    });
    this.events.on("error", log);
    await this.events.waitUntilReady();
    return { queue: this.queue, events: this.events };
  }

  /** One pass over pending jobs: collects finished ones, resubmits vanished ones. */
  private async poll(
    queue: Queue,
    pending: Map<string, ReplicationJob>,
    first: boolean,
    collect: (jobId: string, value: unknown) => void,
    failed: (jobId: string, reason: string) => void,
  ): Promise<void> {
    const ids = [...pending.keys()];
    const missing: string[] = [];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const found = await this.guard(
        Promise.all(chunk.map((id) => queue.getJob(id))),
        "polling jobs",
      );
      for (let i = 0; i < chunk.length; i++) {
        const job = found[i];
        const id = chunk[i];
        if (!job) missing.push(id);
        else if (job.finishedOn && job.failedReason) {
          if (first) {
            // Failed in an earlier run (e.g. before a worker was fixed): try once more.
            await this.guard(job.retry("failed"), "retrying a failed job");
            this.stats.retried++;
          } else failed(id, job.failedReason);
        } else if (job.finishedOn) collect(id, job.returnvalue);
      }
    }
    if (missing.length > 0) {
      this.options.log?.(
        `${missing.length} job(s) vanished from Redis (restarted?); submitting them again`,
      );
      await this.guard(
        queue.addBulk(missing.map((id) => this.entry(id, pending.get(id)!))),
        "resubmitting jobs",
      );
      this.stats.resubmitted += missing.length;
    }
  }

  private async warnIfNoWorkers(queue: Queue): Promise<void> {
    const count = await this.guard(queue.getWorkersCount(), "counting workers").catch(() => 1);
    if (count === 0) {
      this.options.log?.(
        `no whsim worker is serving queue ${this.name} at ${maskRedisUrl(this.url)} yet; ` +
          `start one with: whsim worker --redis ${maskRedisUrl(this.url)}`,
      );
    }
  }

  /** Withdraws jobs nobody has started (active ones finish and stay in Redis for a re-run). */
  private async withdraw(queue: Queue, pending: Map<string, ReplicationJob>): Promise<void> {
    await this.guard(
      Promise.all([...pending.keys()].map((id) => queue.remove(id).catch(() => 0))),
      "withdrawing jobs",
    ).catch(() => {});
  }

  /** Bounds a Redis call in time, so an outage is noticed instead of waited on forever. */
  private guard<T>(
    promise: Promise<T>,
    what: string,
    timeoutMs = Math.min(10_000, this.options.outageTimeoutMs ?? 60_000),
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out ${what}`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }
}
