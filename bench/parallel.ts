/**
 * Parallel replications: how much faster the worker-thread pool runs a batch of warehouse
 * replications with 2 threads than with 1, beside a control — the M/M/1 queue model,
 * which allocates little, so its speedup is what the machine gives two busy threads at
 * that moment. Each pool runs in a process of its own (this file, started with `--pool`),
 * as a `whsim` command runs one pool in its process, and is warmed before timing. The
 * rounds time every pool in turn (the order alternates); each round's 1-worker batch over
 * its 2-worker batch is a speedup, and the geometric mean of the rounds other processes
 * left alone (under a tenth of a core) is printed with a 95 % interval, for the warehouse
 * also as a share of the control's speedup in the same round. Outcomes must be identical.
 *
 *   npx tsx bench/parallel.ts [scenario] [replications] [--rounds N] [--warm N]
 *     defaults: scenarios/default.yaml, 8 replications, 7 rounds, 8 warm-up per thread
 */
import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { confidenceInterval } from "../src/engine/confidence.ts";
import { buildJobs } from "../src/experiment/jobs.ts";
import type { ReplicationJob } from "../src/experiment/types.ts";
import { createPoolExecutor } from "../src/node/pool/poolExecutor.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";

/** One pool's process: its model, thread count, batch and warm-up. */
interface PoolConfig {
  model: "warehouse" | "queue";
  workers: number;
  scenario: Record<string, unknown>;
  replications: number;
  warmPerThread: number;
}

/** One timed batch: wall seconds, CPU other processes took meanwhile, the outcomes. */
interface Batch {
  seconds: number;
  otherCpuS: number | undefined;
  outcomes: string;
}

const RUNNERS = {
  warehouse: { module: "../src/experiment/warehouseRunner.ts", exportName: "runWarehouse" },
  queue: { module: "../src/experiment/queueModel.ts", exportName: "runQueueModel" },
};

/** CPU seconds all processes have used (Linux /proc/stat), or undefined. */
function machineCpuS(): number | undefined {
  try {
    const n = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    return (n[1] + n[2] + n[3] + n[6] + n[7] + n[8]) / 100;
  } catch {
    return undefined;
  }
}

/** The pool process: warms its pool, then times one batch per "batch" message. */
async function poolProcess(config: PoolConfig): Promise<void> {
  const { module, exportName } = RUNNERS[config.model];
  const executor = createPoolExecutor({
    runner: { module: new URL(module, import.meta.url).href, exportName },
    workers: config.workers,
  });
  const jobs = (seed: number, replications: number): ReplicationJob[] =>
    buildJobs([{ id: config.model, scenario: config.scenario }], { seed, replications });
  await executor.run(jobs(99, config.workers * config.warmPerThread));
  const batch = jobs(1, config.replications);
  process.send?.({ ready: true });
  process.on("message", async (message: string) => {
    if (message !== "batch") {
      await executor.close();
      process.disconnect();
      return;
    }
    const cpu0 = process.cpuUsage();
    const machine0 = machineCpuS();
    const t0 = performance.now();
    const outcomes = await executor.run(batch);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const machine1 = machineCpuS();
    const ownS = (cpu.user + cpu.system) / 1e6;
    const otherCpuS =
      machine0 === undefined || machine1 === undefined ? undefined : machine1 - machine0 - ownS;
    process.send?.({ seconds, otherCpuS, outcomes: JSON.stringify(outcomes) } satisfies Batch);
  });
}

/** A started pool process and a way to await its next message. */
interface Pool {
  config: PoolConfig;
  child: ChildProcess;
  next(): Promise<unknown>;
}

/** Starts a pool's process; resolves once its pool is warm. */
async function startPool(config: PoolConfig): Promise<Pool> {
  const child = fork(new URL(import.meta.url).pathname, ["--pool", JSON.stringify(config)], {
    execArgv: ["--import", import.meta.resolve("tsx")],
  });
  const waiting: ((message: unknown) => void)[] = [];
  child.on("message", (message) => waiting.shift()?.(message));
  child.on("exit", (code) => {
    if (code !== 0)
      throw new Error(`the ${config.model} pool of ${config.workers} ended (${code})`);
  });
  const next = () => new Promise<unknown>((done) => waiting.push(done));
  await next();
  return { config, child, next };
}

/** Geometric mean of positive ratios with its 95 % interval (t on the logarithms). */
function geometric(values: readonly number[]): string {
  const ci = confidenceInterval(values.map(Math.log));
  const at = (x: number) => `${Math.exp(x).toFixed(2)}×`;
  if (ci.n < 2) return ci.n === 1 ? `${at(ci.mean)} (one round)` : "(no undisturbed round)";
  return `${at(ci.mean)} (${at(ci.mean - ci.halfWidth)}–${at(ci.mean + ci.halfWidth)}, ${ci.n} rounds)`;
}

async function main(): Promise<void> {
  const flags = new Map<string, string>();
  const args: string[] = [];
  for (let i = 2; i < process.argv.length; i++) {
    if (process.argv[i].startsWith("--")) flags.set(process.argv[i], process.argv[++i]);
    else args.push(process.argv[i]);
  }
  const file = resolve(args[0] ?? "scenarios/default.yaml");
  const replications = Number(args[1] ?? 8);
  const rounds = Number(flags.get("--rounds") ?? 7);
  const warmPerThread = Number(flags.get("--warm") ?? 8);
  const warehouse = readScenarioFile(file) as unknown as Record<string, unknown>;
  const queue = { arrivalRatePerS: 0.95, serviceMeanS: 1, servers: 1, horizonS: 160_000 };
  const configs: PoolConfig[] = [1, 2].flatMap((workers) => [
    { model: "warehouse", workers, scenario: warehouse, replications, warmPerThread },
    { model: "queue", workers, scenario: { ...queue, warmupS: 1000 }, replications, warmPerThread },
  ]);
  console.log(`${file}: ${replications} replications, ${rounds} rounds, control M/M/1`);
  const pools: Pool[] = [];
  for (const config of configs) pools.push(await startPool(config));
  const batches: Batch[][] = pools.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [3, 2, 1, 0] : [0, 1, 2, 3];
    for (const i of order) {
      const reply = pools[i].next();
      pools[i].child.send("batch");
      batches[i].push((await reply) as Batch);
    }
    const times = batches.map((b) => `${b[round].seconds.toFixed(2)} s`);
    console.log(
      `round ${round + 1}: warehouse ${times[0]} / ${times[2]}, queue ${times[1]} / ${times[3]}`,
    );
  }
  for (const pool of pools) pool.child.send("close");
  report(batches);
}

/** Prints the paired speedups and whether outcomes matched. */
function report(batches: Batch[][]): void {
  const clean = (b: Batch) => b.otherCpuS === undefined || b.otherCpuS < 0.1 * b.seconds;
  const undisturbed = batches[0].map((_, r) => batches.every((b) => clean(b[r])));
  const speedups = (one: number, two: number) =>
    batches[one]
      .map((b, r) => b.seconds / batches[two][r].seconds)
      .filter((_, r) => undisturbed[r]);
  const house = speedups(0, 2);
  const control = speedups(1, 3);
  console.log(`warehouse, 2-worker speedup: ${geometric(house)}`);
  console.log(`control (M/M/1), 2-worker speedup: ${geometric(control)}`);
  console.log(
    `warehouse as a share of the control: ${geometric(house.map((x, r) => x / control[r]))}`,
  );
  const same = (a: number, b: number) =>
    [...batches[a], ...batches[b]].every((x) => x.outcomes === batches[a][0].outcomes);
  console.log(`outcomes identical for 1 and 2 workers: ${same(0, 2) && same(1, 3)}`);
}

if (process.argv[2] === "--pool") await poolProcess(JSON.parse(process.argv[3]));
else await main();
