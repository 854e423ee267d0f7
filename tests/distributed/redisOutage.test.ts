/** Redis gone for longer than the outage limit: run() fails clearly instead of waiting forever. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisExecutor } from "../../src/distributed/redisExecutor.ts";
import { ResultStore } from "../../src/distributed/resultStore.ts";
import { freePort, needsRedis, TestRedis, waitFor } from "./harness.ts";
import { sweepJobs } from "./sweepJobs.ts";

let redis: TestRedis;

const hasRedis = needsRedis();

beforeAll(async () => {
  if (!hasRedis) return;
  redis = new TestRedis(await freePort());
  await redis.start();
});

afterAll(async () => {
  await redis?.stop();
  redis?.cleanup();
});

describe("RedisExecutor when Redis goes away", () => {
  it("run() rejects with the address and where results are kept after outageTimeoutMs", async () => {
    const logs: string[] = [];
    const store = new ResultStore(":memory:");
    const executor = new RedisExecutor({
      kind: "mm1",
      url: redis.url,
      queue: "outage",
      store,
      pollIntervalMs: 100,
      outageTimeoutMs: 1000,
      log: (m) => logs.push(m),
    });
    // No worker serves this queue, so the run waits until Redis disappears.
    const running = executor.run(sweepJobs(1, 2, 10)).catch((e: unknown) => e as Error);
    await waitFor(() => logs.some((m) => m.includes("no whsim worker")), "the no-worker notice");
    await redis.stop();
    const error = (await running) as Error;
    await executor.close();
    store.close();
    expect(error.message).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ unreachable for \d+ s/);
    expect(error.message).toContain("0 of 2 outcomes are kept in :memory:");
    expect(error.message).toContain("re-run the same command to resume");
    expect(logs.some((m) => m.startsWith("lost the connection to Redis"))).toBe(true);
  });
});
