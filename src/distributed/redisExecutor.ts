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

/** Since when Redis is unreachable, if it is. */
interface Outage {
  downSinceMs: number | undefined;
}

/** Thrown when a job fails on a worker (bad scenario, bug) or a worker returns a wrong outcome. */
export class DistributedJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DistributedJobError";
  }
}

/** Where outcomes go: the caller's callbacks and the store (by store key). */
interface RunSinks {
  onResult?(outcome: ReplicationOutcome): void;
  onProgress?(progress: DistributedProgress): void;
  store?: ResultStore;
  storeKey(key: string): string;
}

/**
 * One run's bookkeeping: outcomes in job order, jobs still pending (by BullMQ job id), the
 * first failure, and the wake-up of the loop that waits for outcomes.
 */
class RunState {
  readonly results: ReplicationOutcome[];
  /** Job indices by job key (a key may repeat). */
  readonly byKey = new Map<string, number[]>();
  readonly progress: DistributedProgress;
  readonly pending = new Map<string, ReplicationJob>();
  failure: Error | undefined;
  private woken = false;
  private resolveSleep: (() => void) | undefined;

  constructor(
    readonly jobs: ReplicationJob[],
    private readonly sinks: RunSinks,
  ) {
    this.results = new Array(jobs.length);
    this.progress = { total: jobs.length, done: 0, reused: 0 };
    jobs.forEach((job, i) => {
      const list = this.byKey.get(job.key);
      if (list) list.push(i);
      else this.byKey.set(job.key, [i]);
    });
  }

  /** True while outcomes are awaited. */
  waiting(signal: AbortSignal | undefined): boolean {
    return this.pending.size > 0 && !this.failure && !signal?.aborted;
  }

  /** Places an outcome at every index of its key; throws if it belongs to another job. */
  accept(key: string, outcome: ReplicationOutcome, reused: boolean): void {
    const indices = this.byKey.get(key) ?? [];
    const job = this.jobs[indices[0]];
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
    if (!reused) this.sinks.store?.put(this.sinks.storeKey(key), outcome);
    for (const i of indices) this.results[i] = outcome;
    this.progress.done += indices.length;
    if (reused) this.progress.reused += indices.length;
    for (const _ of indices) this.sinks.onResult?.(outcome);
  }

  /** A pending job finished on a worker with `value` (its JobReturn). */
  collect(jobId: string, value: unknown): void {
    const job = this.pending.get(jobId);
    if (!job || this.failure) return;
    try {
      const text = (value as JobReturn | null)?.outcome;
      if (typeof text !== "string") {
        throw new DistributedJobError(`job ${job.key}: a worker returned no outcome`);
      }
      this.pending.delete(jobId);
      this.accept(job.key, decodeJson(text) as ReplicationOutcome, false);
      this.sinks.onProgress?.({ ...this.progress });
    } catch (error) {
      this.failure = error as Error;
    }
    this.wake();
  }

  /** A pending job failed on a worker: the run fails. */
  failed(jobId: string, reason: string): void {
    const job = this.pending.get(jobId);
    if (!job || this.failure) return;
    this.failure = new DistributedJobError(
      `job ${job.key} (candidate ${job.candidate}, replication ${job.replication}) failed on a worker: ${reason}`,
    );
    this.wake();
  }

  /** Ends the current sleep, or the next one before it starts. */
  wake(): void {
    this.woken = true;
    this.resolveSleep?.();
  }

  /** Sleeps `ms` unless woken meanwhile. */
  async sleep(ms: number): Promise<void> {
    if (!this.woken) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.resolveSleep = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.resolveSleep = undefined;
    }
    this.woken = false;
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
    const { signal } = options;
    if (signal?.aborted) throw new ExperimentAbortedError([]);
    const state = new RunState(jobs, {
      onResult: options.onResult,
      onProgress: this.options.onProgress,
      store: this.options.store,
      storeKey: (key) => this.storeKey(key),
    });
    this.reuseStored(state);
    if (state.pending.size === 0) return state.results;
    const { queue, events } = await this.open();
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) =>
      state.collect(jobId, returnvalue);
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) =>
      state.failed(jobId, failedReason);
    events.on("completed", onCompleted);
    events.on("failed", onFailed);
    const onAbort = () => state.wake();
    signal?.addEventListener("abort", onAbort);
    try {
      await this.retryEarlierFailures(queue, state.pending);
      await this.guard(
        queue.addBulk([...state.pending].map(([jobId, job]) => this.entry(jobId, job))),
        "submitting jobs",
      );
      this.stats.submitted += state.pending.size;
      await this.warnIfNoWorkers(queue);
      await this.waitForOutcomes(queue, state, signal);
      if (state.failure) throw state.failure;
      if (signal?.aborted) {
        await this.withdraw(queue, state.pending);
        throw new ExperimentAbortedError(finishedOutcomes(state.results));
      }
      return state.results;
    } finally {
      events.off("completed", onCompleted);
      events.off("failed", onFailed);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Takes the outcomes the store holds; the other jobs become pending. */
  private reuseStored(state: RunState): void {
    const store = this.options.store;
    for (const [key, indices] of state.byKey) {
      const stored = store?.get(this.storeKey(key));
      if (stored) {
        this.stats.reused += indices.length;
        state.accept(key, stored, true);
      } else {
        state.pending.set(jobIdOf(key), state.jobs[indices[0]]);
      }
    }
    this.options.onProgress?.({ ...state.progress });
    if (state.progress.reused > 0) {
      this.options.log?.(
        `reusing ${state.progress.reused} finished replication(s) from ${store?.path}; ${state.pending.size} to run`,
      );
    }
  }

  /**
   * Waits until every pending job has an outcome, one failed, or the run is aborted. Events
   * bring outcomes; the poll is a safety net, so it slows down for big runs (1 ms per
   * pending job) to keep Redis load flat.
   */
  private async waitForOutcomes(
    queue: Queue,
    state: RunState,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const baseIntervalMs = this.options.pollIntervalMs ?? 1000;
    const outage: Outage = { downSinceMs: undefined };
    let lastPollMs = Number.NEGATIVE_INFINITY;
    while (state.waiting(signal)) {
      const intervalMs = Math.max(baseIntervalMs, state.pending.size);
      if (Date.now() - lastPollMs >= intervalMs) {
        lastPollMs = Date.now();
        await this.pollThroughOutage(queue, state, outage);
      }
      if (!state.waiting(signal)) break;
      await state.sleep(Math.max(0, intervalMs - (Date.now() - lastPollMs)));
    }
  }

  /**
   * One poll; a lost connection is logged and tolerated until the outage lasts longer than
   * `outageTimeoutMs`, when the run fails saying what is kept.
   */
  private async pollThroughOutage(queue: Queue, state: RunState, outage: Outage): Promise<void> {
    try {
      await this.poll(queue, state);
      if (outage.downSinceMs !== undefined) this.options.log?.("Redis is back; continuing");
      outage.downSinceMs = undefined;
    } catch (error) {
      const now = Date.now();
      if (outage.downSinceMs === undefined) {
        outage.downSinceMs = now;
        this.options.log?.(
          `lost the connection to Redis at ${maskRedisUrl(this.url)} (${(error as Error).message}); retrying`,
        );
      } else if (now - outage.downSinceMs > (this.options.outageTimeoutMs ?? 60_000)) {
        const store = this.options.store;
        throw new Error(
          `Redis at ${maskRedisUrl(this.url)} unreachable for ${Math.round((now - outage.downSinceMs) / 1000)} s; ` +
            `${state.progress.done} of ${state.progress.total} outcomes are kept${store ? ` in ${store.path}` : ""}; re-run the same command to resume`,
        );
      }
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

  /**
   * Retries the jobs that failed in an earlier run (e.g. before a worker was fixed), once
   * each. It looks before this run submits anything, so a job that fails during this run is
   * never taken for an earlier failure.
   */
  private async retryEarlierFailures(
    queue: Queue,
    pending: Map<string, ReplicationJob>,
  ): Promise<void> {
    const ids = [...pending.keys()];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const found = await this.guard(
        Promise.all(chunk.map((id) => queue.getJob(id))),
        "looking up earlier jobs",
      );
      for (const job of found) {
        if (!job?.finishedOn || !job.failedReason) continue;
        await this.guard(job.retry("failed"), "retrying a failed job");
        this.stats.retried++;
      }
    }
  }

  /** One pass over pending jobs: collects finished ones, resubmits vanished ones. */
  private async poll(queue: Queue, state: RunState): Promise<void> {
    const { pending } = state;
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
        else if (job.finishedOn && job.failedReason) state.failed(id, job.failedReason);
        else if (job.finishedOn) state.collect(id, job.returnvalue);
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
