/**
 * One pool of the parallel benchmark in a process of its own (bench/parallel.ts starts
 * one per pool, with the V8 flags it is asked for). It starts and warms its pool, then
 * times one batch per "batch" message and replies with the measurements; "close" ends it.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { buildJobs } from "../src/experiment/jobs.ts";
import { createTaskPool, type TaskPool } from "../src/node/pool/taskPool.ts";
import type { BenchTask, JobReply, ProbeReply } from "./parallelTask.ts";

/** What the parent sends as the first argument (JSON). */
export interface HostConfig {
  workers: number;
  youngMb?: number;
  warmPerThread: number;
  model: string;
  share: boolean;
  scenario: Record<string, unknown>;
  tasks: BenchTask[];
  /** Pin thread k of the pool to CPU k (Linux, with taskset). */
  pin?: boolean;
}

const config = JSON.parse(process.argv[2]) as HostConfig;
const workers = config.workers;

/** CPU seconds of every thread of this process by operating-system id (Linux), else empty. */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100); // ticks of 10 ms
    }
  } catch {
    out.clear();
  }
  return out;
}

/** CPU seconds all processes have used on the machine (Linux), or undefined. */
function machineCpu(): number | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const n = fields.slice(1, 9).map(Number);
    return (n[0] + n[1] + n[2] + n[5] + n[6] + n[7]) / 100;
  } catch {
    return undefined;
  }
}

/** The CPUs this process may run on (Linux: Cpus_allowed_list, e.g. "0-3,8"). */
function allowedCpus(): number[] {
  const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync("/proc/self/status", "utf8"));
  if (!line) throw new Error("--pin both: no Cpus_allowed_list in /proc/self/status");
  return line[1].split(",").flatMap((part) => {
    const [from, to = from] = part.split("-").map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

interface Pool {
  workers: number;
  pool: TaskPool<BenchTask, ProbeReply | JobReply>;
  /** Operating-system ids of its threads. */
  threads: Set<number>;
}

export interface Batch {
  workers: number;
  seconds: number;
  cpuSeconds: number;
  /** CPU seconds by kind of thread (undefined without /proc). */
  byThread: { pool: number; main: number; helpers: number } | undefined;
  /** CPU seconds other processes used during the batch. */
  otherCpuSeconds: number | undefined;
  /** Share of the batch each pool thread ran jobs. */
  busy: number[];
  meanJobSeconds: number;
  json: string;
}

async function startPool(): Promise<Pool> {
  const pool = createTaskPool<BenchTask, ProbeReply | JobReply>({
    setup: {
      module: new URL("./parallelTask.ts", import.meta.url).href,
      exportName: "benchTask",
      mode: "call",
    },
    workers,
    youngGenerationMb: config.youngMb,
  });
  // Probes until every thread has answered (each is busy a moment, so they spread), then
  // warm-up replications on every thread.
  const seen = new Map<number, number>();
  while (seen.size < workers) {
    const replies = await pool.run(
      Array.from({ length: workers }, () => ({ probe: true as const, busyMs: 300 })),
    );
    for (const r of replies as ProbeReply[]) seen.set(r.threadId, r.osThreadId);
  }
  const warm = buildJobs([{ id: "warm", scenario: config.scenario }], {
    seed: 99,
    replications: workers * config.warmPerThread,
  });
  await pool.run(warm.map((job) => ({ model: config.model, job, share: config.share })));
  if (config.pin) {
    const cpus = allowedCpus();
    let k = 0;
    for (const tid of seen.values()) {
      execFileSync("taskset", ["-pc", String(cpus[k++ % cpus.length]), String(tid)]);
    }
  }
  return { workers, pool, threads: new Set(seen.values()) };
}

async function timeBatch({ workers, pool, threads }: Pool): Promise<Batch> {
  const machine0 = machineCpu();
  const threads0 = threadCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const replies = (await pool.run(config.tasks)) as JobReply[];
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const threads1 = threadCpu();
  const machine1 = machineCpu();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  let byThread: Batch["byThread"];
  if (threads1.size > 0) {
    byThread = { pool: 0, main: 0, helpers: 0 };
    for (const [tid, s] of threads1) {
      const used = s - (threads0.get(tid) ?? 0);
      if (threads.has(tid)) byThread.pool += used;
      else if (tid === process.pid) byThread.main += used;
      else byThread.helpers += used;
    }
  }
  const busyMs = new Map<number, number>();
  for (const r of replies) {
    busyMs.set(r.threadId, (busyMs.get(r.threadId) ?? 0) + r.endMs - r.startMs);
  }
  const jobMs = replies.reduce((sum, r) => sum + r.endMs - r.startMs, 0);
  return {
    workers,
    seconds,
    cpuSeconds,
    byThread,
    otherCpuSeconds:
      machine0 === undefined || machine1 === undefined
        ? undefined
        : Math.max(0, machine1 - machine0 - cpuSeconds),
    busy: [...busyMs.values()].map((ms) => ms / (seconds * 1000)),
    meanJobSeconds: jobMs / replies.length / 1000,
    json: JSON.stringify(replies.map((r) => r.outcome)),
  };
}

const send = (message: unknown) =>
  new Promise<void>((resolve, reject) =>
    process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
const host = await startPool();
await send({ ready: true });
process.on("message", async (message: { cmd: string }) => {
  if (message.cmd === "batch") await send({ batch: await timeBatch(host) });
  else {
    await host.pool.close();
    process.disconnect();
  }
});
