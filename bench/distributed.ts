/**
 * Distributed executor vs the local worker-thread pool on the same sweep of `mm1` jobs:
 * 2 `whsim worker` processes on a throwaway loopback Redis against a 2-thread pool.
 * Prints the queue's overhead per job and the job size above which it is under 5 %.
 * Run: npx tsx bench/distributed.ts [--quick]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mm1Job } from "../src/distributed/mm1Job.ts";
import { RedisExecutor } from "../src/distributed/redisExecutor.ts";
import type { Executor, ReplicationJob } from "../src/experiment/types.ts";
import { createPoolExecutor } from "../src/node/pool/poolExecutor.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WORKERS = 2;
const quick = process.argv.includes("--quick");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** A sweep of `count` jobs of `customers` customers; `seed` keeps runs apart in Redis. */
function sweep(count: number, customers: number, seed: number): ReplicationJob[] {
  return Array.from({ length: count }, (_, i) =>
    mm1Job({ arrivalRatePerS: 0.8, serviceRatePerS: 1, customers }, `c${i % 4}`, i, seed),
  ) as never;
}

async function timeRun(executor: Executor, jobs: ReplicationJob[]): Promise<number> {
  const start = performance.now();
  await executor.run(jobs);
  return (performance.now() - start) / 1000;
}

const dir = mkdtempSync(join(tmpdir(), "whsim-bench-"));
const pidfile = join(dir, "redis.pid");
const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const children: ChildProcess[] = [];
let redisPid = 0;

try {
  execFileSync("redis-server", [
    ...["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"],
    ...["--daemonize", "yes", "--pidfile", pidfile, "--dir", dir],
  ]);
  while (!existsSync(pidfile) || readFileSync(pidfile, "utf8").trim() === "") await sleep(20);
  redisPid = Number(readFileSync(pidfile, "utf8").trim());

  for (let i = 0; i < WORKERS; i++) {
    // NOTE: not detached: a new session would get its own scheduler group (autogroup) and,
    // on a busy machine, more CPU than the pool's threads, which is not what we measure.
    const child = spawn(process.execPath, ["bin/whsim.js", "worker", "--redis", url, "--quiet"], {
      cwd: ROOT,
      stdio: "ignore",
    });
    children.push(child);
  }
  const pool = createPoolExecutor({
    runner: {
      module: new URL("../src/distributed/mm1Job.ts", import.meta.url).href,
      exportName: "runMm1",
    },
    workers: WORKERS,
  });
  const redis = new RedisExecutor({ url, kind: "mm1", pollIntervalMs: 500 });
  // Warm-up: threads started and JIT-compiled on both sides, workers connected.
  await timeRun(pool, sweep(4, 200_000, 1));
  await timeRun(redis, sweep(4, 200_000, 1));

  const sizes: [customers: number, jobs: number][] = quick
    ? [
        [1, 100],
        [100_000, 20],
        [1_000_000, 8],
      ]
    : [
        [1, 300],
        [10_000, 100],
        [100_000, 60],
        [1_000_000, 20],
        [4_000_000, 8],
      ];
  console.log("customers/job  jobs  pool s  redis s  job ms  overhead ms/job  redis/pool");
  const rows: { jobMs: number; overheadMs: number; customers: number }[] = [];
  let seed = 100;
  for (const [customers, count] of sizes) {
    // Best of two alternating runs each, to damp the noise of a shared machine.
    let poolS = Number.POSITIVE_INFINITY;
    let redisS = Number.POSITIVE_INFINITY;
    for (let repeat = 0; repeat < 2; repeat++) {
      poolS = Math.min(poolS, await timeRun(pool, sweep(count, customers, seed++)));
      redisS = Math.min(redisS, await timeRun(redis, sweep(count, customers, seed++)));
    }
    // Per job, per worker slot: the pool's time is the job's own cost.
    const jobMs = ((poolS * WORKERS) / count) * 1000;
    const overheadMs = (((redisS - poolS) * WORKERS) / count) * 1000;
    rows.push({ jobMs, overheadMs, customers });
    console.log(
      `${String(customers).padStart(13)}  ${String(count).padStart(4)}  ${poolS.toFixed(2).padStart(6)}  ${redisS.toFixed(2).padStart(7)}  ${jobMs.toFixed(1).padStart(6)}  ${overheadMs.toFixed(2).padStart(15)}  ${(redisS / poolS).toFixed(3).padStart(10)}`,
    );
  }
  // The queue's cost per job is about constant; take it from the smallest jobs, where it is
  // the whole time, and find the job length where it is 5 % of the total.
  const overheadMs = Math.max(0, rows[0].overheadMs + rows[0].jobMs);
  const thresholdMs = overheadMs / 0.05 - overheadMs;
  const big = rows.at(-1)!;
  const customersPerMs = big.customers / big.jobMs;
  console.log(
    `\nqueue overhead ≈ ${overheadMs.toFixed(1)} ms per job (from ${sizes[0][1]} empty jobs on ${WORKERS} workers)`,
  );
  console.log(
    `estimated: overhead < 5 % for jobs longer than ≈ ${(thresholdMs / 1000).toFixed(2)} s (≈ ${Math.round(thresholdMs * customersPerMs).toLocaleString("en")} mm1 customers)`,
  );
  // Measured directly: the smallest job size from which every larger size was within 5 %.
  let fromRow = rows.length;
  while (fromRow > 0 && rows[fromRow - 1].overheadMs / rows[fromRow - 1].jobMs < 0.05) fromRow--;
  console.log(
    fromRow < rows.length
      ? `measured: within 5 % for every size from ${rows[fromRow].customers.toLocaleString("en")} customers (${(rows[fromRow].jobMs / 1000).toFixed(2)} s per job) up`
      : "measured: no size within 5 % (noisy machine? run again)",
  );
  await pool.close();
  await redis.close();
} finally {
  for (const child of children) {
    try {
      // A worker's job threads live in its process: killing the process stops them all.
      if (child.pid) process.kill(child.pid, "SIGKILL");
    } catch {}
  }
  if (redisPid) {
    try {
      process.kill(redisPid, "SIGKILL");
    } catch {}
  }
  await sleep(100);
  rmSync(dir, { recursive: true, force: true });
}
