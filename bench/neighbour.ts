/**
 * A warehouse replication beside a neighbour thread: which kind of neighbour slows it, and
 * whether V8's collector helpers are the cause. The main thread warms up, then times 12
 * default replications three times over while a worker thread runs one neighbour: none, an
 * integer loop (no memory), a sequential read of 128 MB, random reads over 128 MB and over
 * 16 MB (a pointer chase through one cycle over every slot), and a loop allocating
 * short-lived objects. Three rounds; the mean of the medians and the change against no
 * neighbour are printed.
 *
 * Run it under both collectors and compare (docs/experiments.md, "Fourth round"); with
 * `--process` each neighbour runs in a process of its own instead of a thread of this one:
 *   node --import tsx bench/neighbour.ts [--process]
 *   node --single-threaded-gc --import tsx bench/neighbour.ts [--process]
 */
import { spawn } from "node:child_process";
import { Worker } from "node:worker_threads";
import { buildJobs } from "../src/experiment/jobs.ts";
import { runJob } from "../src/experiment/runJob.ts";
import { sharePreparations } from "../src/experiment/sharePreparations.ts";
import type { Runner } from "../src/experiment/types.ts";
import { runWarehouse } from "../src/experiment/warehouseRunner.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";

const scenario = readScenarioFile(new URL("../scenarios/default.yaml", import.meta.url).pathname);
const runner = sharePreparations(runWarehouse as Runner<any>);
const jobs = buildJobs([{ id: "neighbour", scenario }], { seed: 1, replications: 12 });
for (let i = 0; i < 20; i++) runJob(jobs[i % jobs.length], runner);

const inProcess = !process.argv.includes("--process");
/** Node options that load modules, with a value: a neighbour process does not take them. */
const LOADER_OPTIONS = new Set([
  "--import",
  "--require",
  "-r",
  "--loader",
  "--experimental-loader",
]);
/** This process's V8 and Node flags without its module loaders (a neighbour process gets them). */
const v8Flags = process.execArgv.filter((arg, i, all) => {
  const name = arg.split("=", 1)[0];
  if (LOADER_OPTIONS.has(name)) return false;
  return !(LOADER_OPTIONS.has(all[i - 1] ?? "") && !all[i - 1].includes("="));
});

/**
 * A pointer chase over `ints` 32-bit slots (a power of two): one cycle through every slot
 * in a scrambled order (Sattolo's shuffle with a fixed-seed linear congruential generator),
 * so every read depends on the last and misses the cache once the array outgrows it.
 */
const chase = (ints: number) =>
  `const n = ${ints}; const a = new Int32Array(n); for (let i = 0; i < n; i++) a[i] = i; let s = 12345; for (let i = n - 1; i > 0; i--) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; const j = s % i; const t = a[i]; a[i] = a[j]; a[j] = t; } let j = 0; for (;;) { for (let i = 0; i < 1e7; i++) j = a[j]; if (j === -1) console.log(j); }`;

/** Each neighbour as the source of a thread (or process) that loops until stopped. */
const NEIGHBOURS: Record<string, string | undefined> = {
  none: undefined,
  "integer loop": `let x = 1; for (;;) { for (let i = 0; i < 1e7; i++) x = (x * 1103515245 + 12345) | 0; if (x === 42) console.log(x); }`,
  "read 128 MB": `const a = new Float64Array(16e6); let s = 0; for (;;) { for (let i = 0; i < a.length; i += 8) s += a[i]; a[s & 1023] = 1; }`,
  "random 128 MB": chase(2 ** 25),
  "random 16 MB": chase(2 ** 22),
  allocating: `let keep = []; for (;;) { for (let i = 0; i < 1e5; i++) keep.push({ a: i, b: [i, i + 1], c: "x" + i }); keep = []; }`,
};

/** Starts a neighbour; resolves with a function that stops it. Throws if it died at once. */
async function startNeighbour(source: string): Promise<() => Promise<void>> {
  if (inProcess) {
    const worker = new Worker(source, { eval: true });
    let failed: unknown;
    worker.once("error", (error) => {
      failed = error;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (failed) throw failed;
    return async () => {
      await worker.terminate();
    };
  }
  const child = spawn(process.execPath, [...v8Flags, "-e", source], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(`the neighbour process ended at once (code ${child.exitCode})`);
  }
  return async () => {
    child.kill("SIGKILL");
    await exited;
  };
}

/** Median milliseconds of a replication while `source` runs beside it. */
async function medianMs(source: string | undefined): Promise<number> {
  const stop = source === undefined ? async () => {} : await startNeighbour(source);
  const times: number[] = [];
  try {
    for (let k = 0; k < 3; k++) {
      for (const job of jobs) {
        const t0 = performance.now();
        runJob(job, runner);
        times.push(performance.now() - t0);
      }
    }
  } finally {
    await stop();
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

console.log(
  `V8 flags: ${v8Flags.join(" ") || "(none)"}; neighbours in ${inProcess ? "threads of this process" : "processes of their own"}`,
);
const results = new Map<string, number[]>();
for (let round = 0; round < 3; round++) {
  for (const [name, source] of Object.entries(NEIGHBOURS)) {
    const ms = await medianMs(source);
    results.set(name, [...(results.get(name) ?? []), ms]);
  }
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const alone = mean(results.get("none") ?? []);
for (const [name, values] of results) {
  const m = mean(values);
  const change =
    name === "none" ? "" : ` ${m >= alone ? "+" : ""}${((m / alone - 1) * 100).toFixed(1)} %`;
  console.log(`${name.padEnd(14)} ${m.toFixed(1)} ms${change}`);
}
