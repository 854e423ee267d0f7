/**
 * Parallel replications: one batch of replications on the worker-thread pool with 1 and
 * with 2 threads. Every thread is warmed up first (modules loaded, model run once), so
 * thread start-up is not timed; the outcomes are checked byte-identical and the speedup
 * printed. Target: ≥ 1.8× on 2 idle cores (other load on the machine lowers it).
 *
 *   npx tsx bench/parallel.ts [scenario] [replications] [model: warehouse|queue]
 */
import { resolve } from "node:path";
import { buildJobs } from "../src/experiment/jobs.ts";
import type { ReplicationOutcome } from "../src/experiment/types.ts";
import { createTaskPool } from "../src/node/pool/taskPool.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";
import type { BenchTask } from "./parallelTask.ts";

const file = resolve(process.argv[2] ?? "scenarios/default.yaml");
const replications = Number(process.argv[3] ?? 8);
const model = process.argv[4] ?? "warehouse";
const scenario =
  model === "queue"
    ? { arrivalRatePerS: 0.95, serviceMeanS: 1, servers: 1, horizonS: 400_000, warmupS: 1000 }
    : (readScenarioFile(file) as unknown as Record<string, unknown>);
const tasks: BenchTask[] = buildJobs([{ id: "batch", scenario }], { seed: 1, replications }).map(
  (job) => ({
    model,
    job,
  }),
);

async function timeBatch(workers: number): Promise<{ seconds: number; json: string }> {
  const pool = createTaskPool<BenchTask, number | ReplicationOutcome>({
    setup: {
      module: new URL("./parallelTask.ts", import.meta.url).href,
      exportName: "benchTask",
      mode: "call",
    },
    workers,
  });
  try {
    // Warm-up: probes until every thread has answered, then one replication per thread.
    const seen = new Set<number>();
    while (seen.size < workers) {
      const ids = await pool.run(
        Array.from({ length: workers }, () => ({ probe: true as const, busyMs: 300 })),
      );
      for (const id of ids) seen.add(id as number);
    }
    const warm = buildJobs([{ id: "warm", scenario }], { seed: 99, replications: workers });
    await pool.run(warm.map((job) => ({ model, job })));
    const t0 = performance.now();
    const outcomes = await pool.run(tasks);
    return { seconds: (performance.now() - t0) / 1000, json: JSON.stringify(outcomes) };
  } finally {
    await pool.close();
  }
}

const one = await timeBatch(1);
const two = await timeBatch(2);
console.log(
  `model ${model}${model === "warehouse" ? ` (${file})` : ""}: ${replications} replications, ${(one.seconds / replications).toFixed(2)} s each`,
);
console.log(`1 worker : ${one.seconds.toFixed(2)} s`);
console.log(`2 workers: ${two.seconds.toFixed(2)} s`);
console.log(`speedup  : ${(one.seconds / two.seconds).toFixed(2)}x (target >= 1.8x)`);
console.log(`outcomes identical: ${one.json === two.json}`);
