/** Password-protected Redis: the right password connects, a wrong one fails clearly and masked. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisExecutor } from "../../src/distributed/redisExecutor.ts";
import { connectRedis, waitForRedis } from "../../src/distributed/redisUrl.ts";
import { freePort, needsRedis, TestRedis } from "./harness.ts";
import { sweepJobs } from "./sweepJobs.ts";

let redis: TestRedis;

const hasRedis = needsRedis();

beforeAll(async () => {
  if (!hasRedis) return;
  redis = new TestRedis(await freePort(), ["--requirepass", "s3cret-pw"]);
  await redis.start();
});

afterAll(async () => {
  await redis?.stop();
  redis?.cleanup();
});

describe("Redis with a password", () => {
  it("waitForRedis() connects with redis://:password@host:port", async () => {
    const url = `redis://:s3cret-pw@127.0.0.1:${redis.port}`;
    const connection = connectRedis(url);
    await waitForRedis(connection, url);
    expect(await connection.ping()).toBe("PONG");
    connection.disconnect();
  });

  it("RedisExecutor.run() with a wrong password rejects with a message that hides it", async () => {
    const url = `redis://:wrong-pw@127.0.0.1:${redis.port}`;
    const executor = new RedisExecutor({ kind: "mm1", url });
    const error = (await executor.run(sweepJobs(1, 1, 10)).catch((e: unknown) => e)) as Error;
    await executor.close();
    expect(error.message).toMatch(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1/);
    expect(error.message).toMatch(/WRONGPASS|NOAUTH|invalid/i);
    expect(error.message).not.toContain("wrong-pw");
  });
});
