/**
 * Parallel replications: one batch of replications on the worker-thread pool with 1 and
 * with 2 threads. Both pools start and warm up first (modules loaded, model run), so thread
 * start-up is not timed; then the batch runs on each pool in turn for several rounds (the
 * order alternates, so a neighbour's load drifting over time hits both alike) and the
 * medians give the speedup (of the batches other processes left alone, when there are
 * some). Outcomes are checked byte-identical. Target: ≥ 1.8× on 2 idle cores.
 *
 * Each batch line shows the wall time, the CPU time of the whole process (process.cpuUsage()
 * counts every thread) and, on Linux, where that CPU went: the pool's threads, the main
 * thread and V8's helper threads (concurrent TurboFan compiles, parallel scavenges,
 * concurrent marking and sweeping, for every isolate). With one worker the helpers run on
 * the idle second core, so the 1-worker CPU/wall bounds the speedup: two busy workers
 * cannot beat 2 / (CPU/wall). "other" is CPU that other processes took meanwhile (a busy
 * machine lowers the speedup); "busy" the share of the batch each thread spent in jobs.
 *
 * Each thread is warmed with 8 replications by default: TurboFan is still compiling the
 * model for the first 5–10 replications of a thread, and within a round the 2-worker pool's
 * threads have run half as many replications as the 1-worker pool's one, so a short
 * warm-up measures the 2-worker pool colder.
 *
 *   npx tsx bench/parallel.ts [scenario] [replications] [model: warehouse|queue]
 *     [--days N] (cut the horizon) [--warm N] (warm-up replications per thread, default 8)
 *     [--rounds N] (batches per pool, default 7) [--share off] (build the site per job)
 *     [--young-mb N] (each thread's young generation; default the pool's, 192)
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildJobs } from "../src/experiment/jobs.ts";
import {
  createTaskPool,
  DEFAULT_YOUNG_GENERATION_MB,
  type TaskPool,
} from "../src/node/pool/taskPool.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";
import type { BenchTask, JobReply, ProbeReply } from "./parallelTask.ts";

const flags = new Map<string, string>();
const args: string[] = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i].startsWith("--")) flags.set(process.argv[i], process.argv[++i]);
  else args.push(process.argv[i]);
}
const file = resolve(args[0] ?? "scenarios/default.yaml");
const replications = Number(args[1] ?? 8);
const model = args[2] ?? "warehouse";
const warmPerThread = Number(flags.get("--warm") ?? 8);
const rounds = Number(flags.get("--rounds") ?? 7);
const share = flags.get("--share") !== "off";
const youngMb = flags.has("--young-mb") ? Number(flags.get("--young-mb")) : undefined;
const days = flags.has("--days") ? Number(flags.get("--days")) : undefined;
const scenario: Record<string, unknown> =
  model === "queue"
    ? { arrivalRatePerS: 0.95, serviceMeanS: 1, servers: 1, horizonS: 400_000, warmupS: 1000 }
    : { ...(readScenarioFile(file) as unknown as Record<string, unknown>) };
if (days !== undefined) scenario.horizonDays = days;
const tasks: BenchTask[] = buildJobs([{ id: "batch", scenario }], { seed: 1, replications }).map(
  (job) => ({ model, job, share }),
);

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

interface Pool {
  workers: number;
  pool: TaskPool<BenchTask, ProbeReply | JobReply>;
  /** Operating-system ids of its threads. */
  threads: Set<number>;
}

interface Batch {
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

async function startPool(workers: number): Promise<Pool> {
  const pool = createTaskPool<BenchTask, ProbeReply | JobReply>({
    setup: {
      module: new URL("./parallelTask.ts", import.meta.url).href,
      exportName: "benchTask",
      mode: "call",
    },
    workers,
    youngGenerationMb: youngMb,
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
  const warm = buildJobs([{ id: "warm", scenario }], {
    seed: 99,
    replications: workers * warmPerThread,
  });
  await pool.run(warm.map((job) => ({ model, job, share })));
  return { workers, pool, threads: new Set(seen.values()) };
}

async function timeBatch({ workers, pool, threads }: Pool): Promise<Batch> {
  const machine0 = machineCpu();
  const threads0 = threadCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const replies = (await pool.run(tasks)) as JobReply[];
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

function line(r: Batch): string {
  const parts = [
    `${r.workers} worker${r.workers > 1 ? "s" : " "}: ${r.seconds.toFixed(2)} s`,
    `CPU ${r.cpuSeconds.toFixed(2)} s = ${(r.cpuSeconds / r.seconds).toFixed(2)} x wall`,
  ];
  if (r.byThread) {
    const t = r.byThread;
    parts.push(
      `pool ${t.pool.toFixed(2)} + V8 helpers ${t.helpers.toFixed(2)} + main ${t.main.toFixed(2)}`,
    );
  }
  parts.push(`job ${r.meanJobSeconds.toFixed(3)} s`);
  parts.push(`busy ${r.busy.map((b) => `${Math.round(b * 100)}%`).join("/")}`);
  if (r.otherCpuSeconds !== undefined) parts.push(`other ${r.otherCpuSeconds.toFixed(2)} s`);
  return parts.join(" | ");
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const name = model === "warehouse" ? ` (${file}${days !== undefined ? `, ${days} days` : ""})` : "";
console.log(
  `model ${model}${name}: ${replications} replications, warm-up ${warmPerThread} per thread, ${rounds} rounds, preparation ${share ? "shared" : "per job"}, young generation ${youngMb ?? DEFAULT_YOUNG_GENERATION_MB} MB`,
);
const pools = [await startPool(1), await startPool(2)];
const batches: Batch[][] = [[], []];
try {
  for (let round = 0; round < rounds; round++) {
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const batch = await timeBatch(pools[i]);
      batches[i].push(batch);
      console.log(line(batch));
    }
  }
} finally {
  for (const p of pools) await p.pool.close();
}
// Batches during which other processes took more than a tenth of a core are left out of
// the medians when each pool has clean ones (a neighbour's burst is not the pool's doing).
const clean = (b: Batch) => b.otherCpuSeconds === undefined || b.otherCpuSeconds < 0.1 * b.seconds;
const useClean = batches.every((list) => list.some(clean));
const [one, two] = batches.map((list) => {
  const kept = useClean ? list.filter(clean) : list;
  return {
    seconds: median(kept.map((b) => b.seconds)),
    ratio: median(kept.map((b) => b.cpuSeconds / b.seconds)),
    note: `${kept.length} of ${list.length} batches`,
  };
});
console.log(
  useClean
    ? "medians of the batches other processes left alone (< 0.1 core):"
    : "medians of all batches (other processes were busy during every batch of a pool):",
);
console.log(
  `median 1 worker : ${one.seconds.toFixed(2)} s (${(one.seconds / replications).toFixed(3)} s a replication), CPU/wall ${one.ratio.toFixed(2)}, ${one.note}`,
);
console.log(
  `median 2 workers: ${two.seconds.toFixed(2)} s, CPU/wall ${two.ratio.toFixed(2)}, ${two.note}`,
);
console.log(
  `speedup         : ${(one.seconds / two.seconds).toFixed(2)}x (target >= 1.8x; bound 2 / CPU/wall of 1 worker = ${(2 / one.ratio).toFixed(2)}x)`,
);
const json = batches[0][0].json;
console.log(`outcomes identical: ${batches.flat().every((b) => b.json === json)}`);
