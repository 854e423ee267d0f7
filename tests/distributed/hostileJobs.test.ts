/**
 * Forged and oversized jobs against a real redis-server and a worker in this process: a job
 * whose data is not JSON, one too large, and one that outlives its run-time limit all move
 * to failed with the reason, once, and never stay active or come back.
 */
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { DistributedWorker } from "../../src/distributed/distributedWorker.ts";
import { toEnvelope } from "../../src/distributed/jobEnvelope.ts";
import { estimatedWork, jobTimeLimitMs } from "../../src/distributed/jobTimeLimit.ts";
import { mm1Job } from "../../src/distributed/mm1Job.ts";
import { jobIdOf, QUEUE_PREFIX, queueName } from "../../src/distributed/queueNames.ts";
import { RedisExecutor } from "../../src/distributed/redisExecutor.ts";
import type { ReplicationJob } from "../../src/experiment/types.ts";
import { freePort, needsRedis, sleep, TestRedis } from "./harness.ts";

const hasRedis = needsRedis();
let redis: TestRedis;
let queue: Queue;
let raw: Redis;
let worker: DistributedWorker | undefined;
const lines: string[] = [];

beforeAll(async () => {
  if (!hasRedis) return;
  redis = new TestRedis(await freePort());
  await redis.start();
  const connection = { host: "127.0.0.1", port: redis.port };
  queue = new Queue(queueName("hostile"), { connection, prefix: QUEUE_PREFIX });
  raw = new Redis(redis.port, "127.0.0.1");
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await queue?.close();
  raw?.disconnect();
  await redis?.stop();
  redis?.cleanup();
});

async function startWorker(): Promise<void> {
  worker ??= await DistributedWorker.start({
    url: redis.url,
    queue: "hostile",
    lockDurationMs: 5000,
    stalledIntervalMs: 2000,
    maxJobMs: 1500,
    log: (line) => lines.push(line),
  });
}

/** Polls the job's state until it is `want` or `timeoutMs` passes; returns the last state. */
const key = (id: string) => `${QUEUE_PREFIX}:${queueName("hostile")}:${id}`;

async function stateAfter(id: string, want: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  let state = "";
  while (Date.now() < end) {
    state = await queue.getJobState(id);
    if (state === want) return state;
    await sleep(100);
  }
  return state;
}

describe("hostile jobs", { timeout: 60_000 }, () => {
  it("a job whose data is not JSON moves to failed with the reason", async () => {
    const job = await queue.add("x", { v: 1 }, { attempts: 3 });
    await raw.hset(key(job.id!), "data", "{not json");
    await startWorker();
    expect(await stateAfter(job.id!, "failed", 15_000)).toBe("failed");
    expect(await raw.hget(key(job.id!), "failedReason")).toBe("invalid job: job data is not JSON");
    await sleep(2000);
    expect(await queue.getJobState(job.id!)).toBe("failed");
    expect(lines.filter((l) => l.startsWith(`rejected ${job.id}:`))).toHaveLength(1);
  });

  it("a job whose data is larger than a job can be moves to failed without being parsed", async () => {
    await startWorker();
    // Delayed, so the worker running since the first test sees only the forged data.
    const data = JSON.stringify({ pad: "x".repeat(17 * 1024 * 1024) });
    const job = await queue.add("x", { v: 1 }, { attempts: 3, delay: 5000 });
    await raw.hset(key(job.id!), "data", data);
    expect(await stateAfter(job.id!, "failed", 20_000)).toBe("failed");
    expect(await raw.hget(key(job.id!), "failedReason")).toMatch(/too large/);
  });

  it("a job running past its time limit is stopped and failed once, not retried", async () => {
    await startWorker();
    const rep = mm1Job(
      { arrivalRatePerS: 0.8, serviceRatePerS: 1, customers: 200_000_000 },
      "slow",
      0,
      7,
    );
    const id = jobIdOf(rep.key);
    await queue.add("mm1", toEnvelope("mm1", rep as unknown as ReplicationJob), {
      jobId: id,
      attempts: 5,
    });
    expect(await stateAfter(id, "failed", 30_000)).toBe("failed");
    expect(await raw.hget(key(id), "failedReason")).toBe("ran past its time limit of 1.5 s");
    await sleep(2000);
    expect(await queue.getJobState(id)).toBe("failed");
    expect(lines.filter((l) => l.includes(`started ${id}`))).toHaveLength(1);
  });
});

describe("RedisExecutor and job size", { timeout: 60_000 }, () => {
  it("run() refuses a job larger than a worker takes, before submitting it", async () => {
    const executor = new RedisExecutor({ kind: "mm1", url: redis.url, queue: "size" });
    const scenario = {
      arrivalRatePerS: 1,
      serviceRatePerS: 2,
      customers: 10,
      pad: "x".repeat(17e6),
    };
    const job = mm1Job(scenario as never, "huge", 0, 1) as unknown as ReplicationJob;
    const error = await executor.run([job]).catch((e: unknown) => e);
    await executor.close();
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/jobs of at most 16777216 characters/);
    const sizeQueue = new Queue(queueName("size"), {
      connection: { host: "127.0.0.1", port: redis.port },
      prefix: QUEUE_PREFIX,
    });
    expect(await sizeQueue.count()).toBe(0);
    await sizeQueue.close();
  });
});

describe("jobTimeLimitMs()", () => {
  it("grows with the estimated work and gives every job the base allowance", () => {
    const small = mm1Job({ arrivalRatePerS: 1, serviceRatePerS: 2, customers: 1000 }, "a", 0, 1);
    const big = mm1Job({ arrivalRatePerS: 1, serviceRatePerS: 2, customers: 1e9 }, "a", 0, 1);
    expect(estimatedWork("mm1", big as unknown as ReplicationJob)).toBe(1e9);
    expect(jobTimeLimitMs("mm1", small as unknown as ReplicationJob)).toBe(300_010);
    expect(jobTimeLimitMs("mm1", big as unknown as ReplicationJob)).toBe(10_300_000);
    const warehouse = { scenario: { horizonDays: 5, outbound: { ordersPerDay: 1000 } } };
    expect(estimatedWork("warehouse", warehouse as never)).toBe(5000);
    expect(jobTimeLimitMs("warehouse", warehouse as never)).toBe(400_000);
  });
});
