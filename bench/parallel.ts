/**
 * Parallel replications: one batch of replications on the worker-thread pool with 1 and
 * with 2 threads. Each pool lives in a process of its own (bench/parallelHost.ts), as a
 * `whsim` command runs one pool in its process, so neither pool's heaps and collector
 * threads share a process with the other's. The pools start and warm up first (modules
 * loaded, model run), so thread start-up is not timed; then the batch runs on each pool in
 * turn for several rounds (the order alternates, so a neighbour's load drifting over time
 * hits all alike) and the medians give the speedup (of the batches other processes left
 * alone, when every pool has some). Outcomes are checked byte-identical. Target: ≥ 1.8× on 2 idle cores.
 * Paired by round, each round's 1-worker batch over its 2-worker batch (run within a few
 * seconds of each other, under about the same load) gives a speedup per round; their
 * geometric mean with a 95 % Student-t interval (on the logarithms) is printed too, and for
 * the warehouse the same for its speedup as a share of the control's in the same round.
 * With several young-generation sizes or pinned pools, each such pool's batch time is also
 * given as a share of its counterpart's (the first size's pool, or the free one) per round.
 *
 * Each batch line shows the wall time, the CPU time of the pool's process (process.cpuUsage()
 * counts every thread) and, on Linux, where that CPU went: the pool's threads, the main
 * thread and V8's helper threads (concurrent TurboFan compiles, parallel scavenges,
 * concurrent marking and sweeping, for every isolate). With one worker the helpers run on
 * the idle second core, so the 1-worker CPU/wall bounds the speedup: two busy workers
 * cannot beat 2 / (CPU/wall). "other" is CPU that other processes took meanwhile (a busy
 * machine lowers the speedup); "busy" the share of the batch each thread spent in jobs.
 *
 * The control: the same rounds time the M/M/1 queue model on its own 1- and 2-worker pools
 * (replications of about 0.07 s that allocate little and leave V8's helpers idle). Its
 * speedup is what the machine gives two busy threads at that moment: on this shared
 * virtual machine it moved between 1.7× and 1.97× over one day, with the neighbours' load
 * on the host. The warehouse speedup is printed beside it and as a share of it.
 *
 * Each thread is warmed with about 8 replications by default (the pool spreads workers × 8
 * over its threads): TurboFan is still compiling the model for the first 5–10 replications
 * of a thread, and within a round the 2-worker pool's threads have run half as many
 * replications as the 1-worker pool's one, so a short warm-up measures the 2-worker pool
 * colder.
 *
 *   npx tsx bench/parallel.ts [scenario] [replications] [model: warehouse|queue]
 *     [--days N] (cut the horizon) [--warm N] (warm-up replications per thread, default 8)
 *     [--rounds N] (batches per pool, default 7) [--share off] (build the site per job)
 *     [--young-mb N[,N...]] (each thread's young generation, MB; default the pool's. With
 *     several sizes, each gets its own 1- and 2-worker pools in the same rounds; the
 *     control keeps the default)
 *     [--control off] (leave out the control, below)
 *     [--pin both] (beside each 2-worker pool, one whose thread k is pinned to CPU k with
 *     taskset: Linux only)
 *     [--gc default|single|both] (V8's collector in the pools' processes: its default with
 *     helper threads, `--single-threaded-gc` for both, or both: a third pool of 2 workers
 *     with the single-threaded one beside the two default ones, to compare)
 */
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { confidenceInterval } from "../src/engine/confidence.ts";
import { buildJobs } from "../src/experiment/jobs.ts";
import { DEFAULT_YOUNG_GENERATION_MB } from "../src/node/pool/youngGeneration.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";
import type { Batch, HostConfig } from "./parallelHost.ts";
import type { BenchTask } from "./parallelTask.ts";

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
/** Young-generation sizes to time, MB (undefined: the pool's default). */
const youngSizes: (number | undefined)[] = flags.has("--young-mb")
  ? (flags.get("--young-mb") ?? "").split(",").map(Number)
  : [undefined];
if (
  youngSizes.some((mb) => !(mb === undefined || (Number.isInteger(mb) && mb > 0))) ||
  new Set(youngSizes).size < youngSizes.length
) {
  throw new Error(
    `--young-mb ${flags.get("--young-mb")}: expected different sizes in MB, e.g. 192,384`,
  );
}
const youngLabel = (mb: number | undefined) => `${mb ?? DEFAULT_YOUNG_GENERATION_MB} MB`;
const days = flags.has("--days") ? Number(flags.get("--days")) : undefined;
const gc = flags.get("--gc") ?? "default";
if (!["default", "single", "both"].includes(gc)) {
  throw new Error(`--gc ${gc}: expected default, single or both`);
}
/** The V8 flag that makes every thread collect its own heap, without helper threads. */
const SINGLE_THREADED_GC = "--single-threaded-gc";
const control = flags.get("--control") !== "off" && model !== "queue";
const pinToo = flags.get("--pin") === "both";
if (flags.has("--pin") && !pinToo) throw new Error(`--pin ${flags.get("--pin")}: expected both`);
if (pinToo && process.platform !== "linux") throw new Error("--pin both: Linux only (taskset)");
/** The M/M/1 queue model: `horizonS` sets a replication's length. */
const queueScenario = (horizonS: number): Record<string, unknown> => ({
  arrivalRatePerS: 0.95,
  serviceMeanS: 1,
  servers: 1,
  horizonS,
  warmupS: 1000,
});
const scenario: Record<string, unknown> =
  model === "queue"
    ? queueScenario(400_000)
    : { ...(readScenarioFile(file) as unknown as Record<string, unknown>) };
if (days !== undefined) scenario.horizonDays = days;
/** The batch of `replications` jobs of a model's scenario. */
const batchOf = (m: string, sc: Record<string, unknown>): BenchTask[] =>
  buildJobs([{ id: "batch", scenario: sc }], { seed: 1, replications }).map((job) => ({
    model: m,
    job,
    share,
  }));

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
  `model ${model}${name}: ${replications} replications, warm-up ${warmPerThread} per thread, ${rounds} rounds, preparation ${share ? "shared" : "per job"}, young generation ${youngSizes.map(youngLabel).join(", ")}`,
);
/** The pools to time: 1 and 2 workers, with `--gc both` 2 workers collecting alone, and the control. */
const collector = gc === "single" ? [SINGLE_THREADED_GC] : [];
interface PoolConfig {
  workers: number;
  flags: string[];
  model: string;
  scenario: Record<string, unknown>;
  youngMb?: number;
  pin?: boolean;
}
const configs: PoolConfig[] = [];
for (const youngMb of youngSizes) {
  configs.push({ workers: 1, flags: collector, model, scenario, youngMb });
  configs.push({ workers: 2, flags: collector, model, scenario, youngMb });
  if (pinToo) configs.push({ workers: 2, flags: collector, model, scenario, youngMb, pin: true });
  if (gc === "both") {
    configs.push({ workers: 2, flags: [SINGLE_THREADED_GC], model, scenario, youngMb });
  }
}
if (control) {
  const sc = queueScenario(160_000);
  configs.push({ workers: 1, flags: collector, model: "queue", scenario: sc });
  configs.push({ workers: 2, flags: collector, model: "queue", scenario: sc });
}
/** A pool's name: "1 worker " is padded to line up with "2 workers" when nothing follows. */
const label = (c: PoolConfig) => {
  const rest = `${c.flags.length ? ` ${c.flags.join(" ")}` : ""}${c.pin ? " pinned" : ""}${youngSizes.length > 1 && c.model === model ? `, young ${youngLabel(c.youngMb)}` : ""}`;
  const workers = c.workers > 1 ? `${c.workers} workers` : rest ? "1 worker" : "1 worker ";
  return `${c.model === model ? "" : `control ${c.model}, `}${workers}${rest}`;
};

interface Host {
  workers: number;
  child: ChildProcess;
  /** Resolves with the next message of the child. */
  next(): Promise<{ ready?: true; batch?: Batch }>;
}

/** Starts a pool's process; resolves once its pool is warm. */
function startHost(c: PoolConfig): Promise<Host> {
  const { workers, model, scenario, youngMb, pin } = c;
  const tasks = batchOf(model, scenario);
  const config: HostConfig = {
    workers,
    youngMb,
    warmPerThread,
    model,
    share,
    scenario,
    tasks,
    pin,
  };
  const child = fork(
    new URL("./parallelHost.ts", import.meta.url).pathname,
    [JSON.stringify(config)],
    // The tsx loader by its resolved path: the benchmark may be started from any folder.
    { execArgv: [...c.flags, "--import", import.meta.resolve("tsx")] },
  );
  const waiting: { resolve(message: unknown): void; reject(error: Error): void }[] = [];
  let ended: Error | undefined;
  const end = (error: Error) => {
    ended ??= error;
    for (const w of waiting.splice(0)) w.reject(ended);
  };
  child.on("message", (message) => waiting.shift()?.resolve(message));
  child.on("exit", (code, signal) =>
    end(new Error(`the pool process of ${label(c)} ended (${code ?? signal})`)),
  );
  child.on("error", (error) => end(error));
  const next = () =>
    new Promise<{ ready?: true; batch?: Batch }>((resolve, reject) => {
      if (ended) reject(ended);
      else waiting.push({ resolve: resolve as (message: unknown) => void, reject });
    });
  const host: Host = { workers, child, next };
  hosts.push(host);
  return next().then(() => host);
}

/** Asks every pool's process to close, and ends any that has not within 30 s. */
async function closeHosts(): Promise<void> {
  await Promise.all(
    hosts.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          if (child.connected) child.send({ cmd: "close" });
          else child.kill("SIGKILL");
        }),
    ),
  );
}

console.log(
  `pools: ${configs.map(label).join(", ")} (--gc ${gc}; ${availableParallelism()} cores)`,
);
const hosts: Host[] = [];
const batches: Batch[][] = configs.map(() => []);
try {
  for (const c of configs) await startHost(c);
  for (let round = 0; round < rounds; round++) {
    const order = hosts.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const reply = hosts[i].next();
      hosts[i].child.send({ cmd: "batch" });
      const batch = (await reply).batch as Batch;
      batches[i].push(batch);
      console.log(`${line(batch)} | ${label(configs[i])}`);
    }
  }
} finally {
  await closeHosts();
}
// Batches during which other processes took more than a tenth of a core are left out of
// the medians when each pool has clean ones (a neighbour's burst is not the pool's doing).
const clean = (b: Batch) => b.otherCpuSeconds === undefined || b.otherCpuSeconds < 0.1 * b.seconds;
const useClean = batches.every((list) => list.some(clean));
const medians = batches.map((list) => {
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
medians.forEach((m, i) => {
  const perRep =
    configs[i].workers === 1 ? ` (${(m.seconds / replications).toFixed(3)} s a replication)` : "";
  console.log(
    `median ${label(configs[i])}: ${m.seconds.toFixed(2)} s${perRep}, CPU/wall ${m.ratio.toFixed(2)}, ${m.note}`,
  );
});
/** The 1-worker pool pool i is compared with: same model and young generation. */
const oneOf = (i: number) =>
  configs.findIndex(
    (c) => c.workers === 1 && c.model === configs[i].model && c.youngMb === configs[i].youngMb,
  );
/** Speedup of pool i over its 1-worker pool. */
const speedup = (i: number) => medians[oneOf(i)].seconds / medians[i].seconds;
const controlTwo = configs.findIndex((c) => c.workers === 2 && c.model !== model);
configs.forEach((c, i) => {
  if (c.workers === 1) return;
  const one = configs[oneOf(i)];
  const bound = 2 / medians[oneOf(i)].ratio;
  const against =
    c.flags.join(" ") === one.flags.join(" ")
      ? ""
      : `; against ${label(one).trim()}${one.flags.length ? "" : " with V8's default collector"}`;
  const extra =
    c.model === model
      ? ` (target >= 1.8x; bound 2 / CPU/wall of 1 worker = ${bound.toFixed(2)}x${controlTwo >= 0 ? `; ${((100 * speedup(i)) / speedup(controlTwo)).toFixed(0)} % of the control's` : ""}${against})`
      : " (what the machine gives two busy threads now)";
  console.log(`speedup ${label(c)}: ${speedup(i).toFixed(2)}x${extra}`);
});
/** Geometric mean of positive values with a 95 % t-interval, computed on their logarithms. */
function geometricInterval(values: number[]): string {
  const ci = confidenceInterval(values.map(Math.log));
  const at = (x: number) => Math.exp(x).toFixed(2);
  if (ci.n === 0) return "(no round with all its batches left alone by other processes)";
  return ci.n < 2
    ? `${at(ci.mean)} (one round)`
    : `${at(ci.mean)} (95 % CI ${at(ci.mean - ci.halfWidth)}–${at(ci.mean + ci.halfWidth)}, ${ci.n} rounds)`;
}
/**
 * Each round's batch time of pool a over pool b's (NaN for a round with a batch the medians
 * leave out). A pool's speedup is its 1-worker pool's ratio over it.
 */
const roundRatios = (a: number, b: number) =>
  batches[a].map((x, r) => {
    const y = batches[b][r];
    return !useClean || (clean(x) && clean(y)) ? x.seconds / y.seconds : Number.NaN;
  });
const positive = (values: number[]) => values.filter((x) => x > 0);
configs.forEach((c, i) => {
  if (c.workers === 1) return;
  const own = roundRatios(oneOf(i), i);
  let text = `paired by round, ${label(c).trim()}: speedup ${geometricInterval(positive(own))}`;
  if (c.model === model && controlTwo >= 0) {
    const control = roundRatios(oneOf(controlTwo), controlTwo);
    text += `; share of the control's ${geometricInterval(positive(own.map((x, r) => x / control[r])))}`;
  }
  console.log(text);
});
// Batch times against the first size's pool of the same kind, and pinned against free.
configs.forEach((c, i) => {
  if (c.model !== model) return;
  const base = configs.findIndex(
    (o) =>
      o.model === model &&
      o.workers === c.workers &&
      o.flags.join(" ") === c.flags.join(" ") &&
      (c.pin ? o.youngMb === c.youngMb && !o.pin : o.youngMb === youngSizes[0] && !o.pin),
  );
  if (base === i || base < 0) return;
  console.log(
    `paired by round, ${label(c).trim()}: batch time ${geometricInterval(positive(roundRatios(i, base)))} of ${label(configs[base]).trim()}'s`,
  );
});
const identical = [...new Set(configs.map((c) => c.model))].every((m) => {
  const of = batches.filter((_, i) => configs[i].model === m).flat();
  return of.every((b) => b.json === of[0].json);
});
console.log(`outcomes identical: ${identical}`);
