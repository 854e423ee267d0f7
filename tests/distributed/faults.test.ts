/**
 * Fault tests of the distributed executor against a real redis-server and two `whsim worker`
 * processes: a worker SIGKILLed mid-job, a coordinator killed and re-run, Redis restarted,
 * and a worker stopped by SIGTERM. Outcomes must equal a local run byte for byte.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExecutor } from "../../src/cli/createExecutor.ts";
import { runMm1 } from "../../src/distributed/mm1Job.ts";
import { encodeJson } from "../../src/distributed/numberCodec.ts";
import { jobIdOf, QUEUE_PREFIX, queueName } from "../../src/distributed/queueNames.ts";
import { DistributedJobError, RedisExecutor } from "../../src/distributed/redisExecutor.ts";
import { ResultStore } from "../../src/distributed/resultStore.ts";
import { type ExperimentAbortedError, isExperimentAborted } from "../../src/experiment/abort.ts";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { buildJobs } from "../../src/experiment/jobs.ts";
import { runJob } from "../../src/experiment/runJob.ts";
import type { ReplicationJob } from "../../src/experiment/types.ts";
import { runWarehouse } from "../../src/experiment/warehouseRunner.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import {
  freePort,
  needsRedis,
  spawnWorker,
  startedIds,
  startWorker,
  TestProcess,
  TestRedis,
  waitFor,
} from "./harness.ts";
import { sweepJobs } from "./sweepJobs.ts";

/** The reference: every job run in this process, one after another. */
function localRun(jobs: ReplicationJob[]): string {
  return encodeJson(jobs.map((job) => runJob(job as never, runMm1)));
}

let redis: TestRedis;
const workers: TestProcess[] = [];
const others: TestProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), "whsim-distributed-"));

/** How many jobs each worker has started so far. */
function snapshot(): Map<TestProcess, number> {
  return new Map(workers.map((w) => [w, startedIds(w).length]));
}

/** Job ids started by any worker since `since`. */
function executionsSince(since: Map<TestProcess, number>): string[] {
  return workers.flatMap((w) => startedIds(w).slice(since.get(w) ?? 0));
}

/** A worker on its own queue with 1 s locks, for a job that lasts several lock periods. */
let longWorker: TestProcess;

const hasRedis = needsRedis();

beforeAll(async () => {
  if (!hasRedis) return;
  redis = new TestRedis(await freePort());
  await redis.start();
  longWorker = spawnWorker(redis.url, ["--queue", "long", "--lock-duration", "1"]);
  others.push(longWorker);
  workers.push(...(await Promise.all([startWorker(redis.url), startWorker(redis.url)])));
}, 120_000);

afterAll(async () => {
  await Promise.all([...workers, ...others].map((p) => p.kill()));
  await redis?.stop();
  redis?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("RedisExecutor with two whsim workers", { timeout: 90_000 }, () => {
  it("run() completes a sweep with outcomes identical to a local run when a worker is SIGKILLed mid-job", async () => {
    const jobs = sweepJobs(2, 2, 2_200_000);
    const executor = new RedisExecutor({ kind: "mm1", url: redis.url, pollIntervalMs: 200 });
    const before = snapshot();
    const running = executor.run(jobs);
    const [victim, survivor] = workers;
    // A replacement starts meanwhile (it may join in: any live worker can take over).
    const replacement = spawnWorker(redis.url);
    workers.push(replacement);
    await waitFor(() => startedIds(victim).length > 0, "the first worker to start a job");
    const killedJob = startedIds(victim).at(-1)!;
    await victim.kill();
    const outcomes = await running;
    await executor.close();

    expect(encodeJson(outcomes)).toBe(localRun(jobs));
    // The job the dead worker held was taken over (stalled-job recovery) by a live worker.
    const takenOver = [survivor, replacement].flatMap((w) =>
      w.matching(new RegExp(`finished ${killedJob} `)),
    );
    expect(takenOver).toHaveLength(1);
    // Every job ran once, plus the one re-run after the kill (unless it had just finished).
    const ran = executionsSince(before);
    expect(new Set(ran)).toEqual(new Set(jobs.map((j) => j.key)));
    expect(ran.length).toBeLessThanOrEqual(jobs.length + 1);
  });

  it("a re-run after the coordinator is killed reuses finished outcomes and runs each job once", async () => {
    const storePath = join(dir, "resume", "jobs.sqlite");
    const args = ["--import", "tsx", "tests/distributed/coordinatorMain.ts", redis.url, storePath];
    const sweep = ["3", "3", "1000000"];
    const jobs = sweepJobs(3, 3, 1_000_000);
    const before = snapshot();

    const first = new TestProcess([...args, ...sweep]);
    others.push(first);
    await waitFor(() => first.matching(/^result /).length >= 3, "three outcomes", 40_000);
    await first.kill();
    const collectedFirst = first.matching(/^result /).length;
    const stored = new ResultStore(storePath);
    const storedFirst = stored.count();
    stored.close();
    expect(storedFirst).toBeGreaterThanOrEqual(3);

    const second = new TestProcess([...args, ...sweep]);
    others.push(second);
    await second.exit(60_000);
    expect(second.exitCode).toBe(0);
    const stats = JSON.parse(second.matching(/^stats /)[0].slice(6));
    expect(stats.reused).toBe(storedFirst);
    expect(storedFirst).toBeGreaterThanOrEqual(collectedFirst);
    const outcomes = second.matching(/^outcomes /)[0].slice(9);
    expect(outcomes).toBe(localRun(jobs));
    // No job was run twice: jobs finished or running when the coordinator died were not redone.
    const ran = executionsSince(before);
    expect(ran.sort()).toEqual(jobs.map((j) => j.key).sort());
  });

  it("run() resubmits the jobs lost in a Redis restart and still matches the local run", async () => {
    const jobs = sweepJobs(2, 3, 1_800_000);
    const logs: string[] = [];
    const executor = new RedisExecutor({
      kind: "mm1",
      url: redis.url,
      pollIntervalMs: 200,
      log: (m) => logs.push(m),
    });
    let done = 0;
    const running = executor.run(jobs, { onResult: () => done++ });
    await waitFor(() => done >= 1, "a first outcome");
    expect(done).toBeLessThan(jobs.length);
    await redis.stop();
    await redis.start();
    const outcomes = await running;
    await executor.close();
    expect(encodeJson(outcomes)).toBe(localRun(jobs));
    expect(executor.stats.resubmitted).toBeGreaterThan(0);
    expect(logs.some((m) => m.includes("vanished from Redis"))).toBe(true);
  });

  it("createExecutor({ executor: redis://… }) runs warehouse jobs byte-identical to the in-process executor", async () => {
    const yaml = [
      "name: micro",
      "horizonDays: 0.3",
      "warmupDays: 0.05",
      "seed: 7",
      "layout: { generator: traditional, name: micro, aisles: 4, baysPerAisle: 6, levels: 2, packStations: 2 }",
      "skus: { count: 60 }",
      "outbound: { ordersPerDay: 120 }",
    ].join("\n");
    const base = loadScenario(yaml, "micro.yaml");
    const busier = { ...base, outbound: { ...base.outbound, ordersPerDay: 240 } };
    const jobs = buildJobs(
      [
        { id: "base", scenario: base },
        { id: "busier", scenario: busier },
      ],
      { seed: 7, replications: 1 },
    );
    const storePath = join(dir, "warehouse", "jobs.sqlite");
    process.env.WHSIM_JOB_STORE = storePath;
    const remote = createExecutor({ executor: redis.url, model: "warehouse" });
    delete process.env.WHSIM_JOB_STORE;
    const distributed = await remote.run(jobs as never);
    await remote.close();
    const local = await createInProcessExecutor(runWarehouse).run(jobs as never);
    expect(JSON.stringify(distributed)).toBe(JSON.stringify(local));
    // Each candidate ran its own scenario: twice the orders give other KPIs.
    expect(distributed[1].kpis).not.toEqual(distributed[0].kpis);
    const stored = new ResultStore(storePath);
    expect(stored.count()).toBe(2);
    stored.close();
  });

  it("run() fails naming the job when workers reject it, and a re-run retries it once", async () => {
    // A key that is not the hash of the job's content: workers must refuse it.
    const [job] = sweepJobs(1, 1, 1000);
    const forged = { ...job, seed: job.seed + 1 };
    const executor = new RedisExecutor({ kind: "mm1", url: redis.url, pollIntervalMs: 200 });
    const first = (await executor.run([forged]).catch((e: unknown) => e)) as Error;
    expect(first).toBeInstanceOf(DistributedJobError);
    expect(first.message).toContain(job.key);
    expect(first.message).toMatch(/invalid job: job: key/);
    const second = (await executor.run([forged]).catch((e: unknown) => e)) as Error;
    expect(second).toBeInstanceOf(DistributedJobError);
    expect(executor.stats.retried).toBe(1);
    await executor.close();
  });

  it("a job lasting several lock periods is not taken for stalled", async () => {
    await longWorker.waitForLine(/serving queue long-/, 30_000);
    // About 2 s of work against a 1 s lock: the lock is renewed while a thread computes.
    const jobs = sweepJobs(1, 1, 16_000_000);
    const id = jobIdOf(jobs[0].key);
    const executor = new RedisExecutor({
      kind: "mm1",
      url: redis.url,
      queue: "long",
      pollIntervalMs: 200,
    });
    const outcomes = await executor.run(jobs);
    await executor.close();
    expect(startedIds(longWorker)).toEqual([id]);
    const took = Number(/in ([\d.]+) s/.exec(longWorker.matching(/finished /)[0])![1]);
    expect(took).toBeGreaterThan(1);
    expect(outcomes[0].kpis.customers).toBe(16_000_000);
  });

  it("whsim worker rejects a job of an unknown kind without running or retrying it", async () => {
    const queue = new Queue(queueName(), {
      connection: { host: "127.0.0.1", port: redis.port },
      prefix: QUEUE_PREFIX,
    });
    const job = await queue.add(
      "x",
      { v: 1, kind: "shell", job: '{"cmd":"rm -rf /"}' },
      { attempts: 3 },
    );
    await waitFor(
      () => workers.some((w) => w.matching(new RegExp(`rejected ${job.id}: `)).length > 0),
      "a rejection",
    );
    let state = "";
    for (let i = 0; i < 50 && state !== "failed"; i++) {
      state = await queue.getJobState(job.id!);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe("failed");
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/invalid job: job: kind: "shell"/);
    await queue.close();
  });

  it("run() with an aborted signal keeps finished outcomes and withdraws jobs nobody started", async () => {
    const jobs = sweepJobs(2, 4, 1_200_000);
    const executor = new RedisExecutor({ kind: "mm1", url: redis.url, pollIntervalMs: 200 });
    const controller = new AbortController();
    const running = executor.run(jobs, {
      signal: controller.signal,
      onResult: () => controller.abort(),
    });
    const error = await running.catch((e: unknown) => e);
    expect(isExperimentAborted(error)).toBe(true);
    const completed = (error as ExperimentAbortedError).completed;
    expect(completed.length).toBeGreaterThanOrEqual(1);
    expect(completed.length).toBeLessThan(jobs.length);
    const queue = new Queue(queueName(), {
      connection: { host: "127.0.0.1", port: redis.port },
      prefix: QUEUE_PREFIX,
    });
    const states = await Promise.all(jobs.map((j) => queue.getJobState(jobIdOf(j.key))));
    expect(states).not.toContain("waiting");
    expect(states).toContain("unknown"); // withdrawn
    await queue.close();
    await executor.close();
  });

  it("whsim worker puts its job back on the queue at a second SIGTERM, and another worker runs it", async () => {
    const jobs = sweepJobs(1, 1, 8_000_000);
    const id = jobIdOf(jobs[0].key);
    const executor = new RedisExecutor({ kind: "mm1", url: redis.url, pollIntervalMs: 200 });
    const running = executor.run(jobs);
    const live = workers.filter((w) => w.exitCode === undefined);
    await Promise.all(live.map((w) => w.waitForLine(/serving queue/, 30_000)));
    await waitFor(() => live.some((w) => startedIds(w).includes(id)), "a worker to start the job");
    const holder = live.find((w) => startedIds(w).includes(id))!;
    holder.signal("SIGTERM");
    await holder.waitForLine(/stopping: finishing/);
    holder.signal("SIGTERM");
    await holder.exit();
    expect(holder.exitCode).toBe(0);
    expect(holder.matching(new RegExp(`released ${id} `))).toHaveLength(1);
    expect(holder.matching(new RegExp(`finished ${id} `))).toHaveLength(0);
    expect(encodeJson(await running)).toBe(localRun(jobs));
    const other = live.find((w) => w !== holder)!;
    expect(other.matching(new RegExp(`finished ${id} `))).toHaveLength(1);
    await executor.close();
  });

  it("whsim worker finishes its job and exits 0 on SIGTERM", async () => {
    const jobs = sweepJobs(1, 1, 3_000_000);
    const id = jobIdOf(jobs[0].key);
    const executor = new RedisExecutor({ kind: "mm1", url: redis.url, pollIntervalMs: 200 });
    const running = executor.run(jobs);
    const worker = workers.find((w) => w.exitCode === undefined)!;
    await waitFor(() => startedIds(worker).includes(id), "the worker to start the job");
    worker.signal("SIGTERM");
    await worker.exit();
    expect(worker.exitCode).toBe(0);
    expect(worker.matching(new RegExp(`finished ${id} `))).toHaveLength(1);
    expect(encodeJson(await running)).toBe(localRun(jobs));
    await executor.close();
  });
});
