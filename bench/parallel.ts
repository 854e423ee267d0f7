/**
 * Parallel replications: one batch of warehouse replications on the worker-thread executor
 * with 1 and with 2 threads (each pool warmed up first, so thread start-up is not timed),
 * the outcomes checked byte-identical, and the speedup printed. Target: ≥ 1.8× on 2 cores.
 *
 *   npx tsx bench/parallel.ts [scenario] [replications] [model: warehouse|queue]
 */
import { resolve } from "node:path";
import { buildJobs } from "../src/experiment/jobs.ts";
import type { Executor, ReplicationJob } from "../src/experiment/types.ts";
import { createPoolExecutor } from "../src/node/pool/poolExecutor.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";

const file = resolve(process.argv[2] ?? "scenarios/default.yaml");
const replications = Number(process.argv[3] ?? 8);
const model = process.argv[4] ?? "warehouse";

const runner =
  model === "queue"
    ? {
        module: new URL("../src/experiment/queueModel.ts", import.meta.url).href,
        exportName: "runQueueModel",
      }
    : {
        module: new URL("../src/experiment/warehouseRunner.ts", import.meta.url).href,
        exportName: "runWarehouse",
      };
const scenario =
  model === "queue"
    ? { arrivalRatePerS: 0.95, serviceMeanS: 1, servers: 1, horizonS: 400_000, warmupS: 1000 }
    : readScenarioFile(file);
const jobs = buildJobs([{ id: "batch", scenario: scenario as Record<string, unknown> }], {
  seed: 1,
  replications,
});

async function timeBatch(workers: number): Promise<{ seconds: number; json: string }> {
  const executor: Executor = createPoolExecutor({ runner, workers });
  try {
    // Warm-up: one job per thread loads the modules and JIT-compiles the model.
    const warm: ReplicationJob[] = buildJobs(
      [{ id: "warm", scenario: scenario as Record<string, unknown> }],
      {
        seed: 99,
        replications: workers,
      },
    );
    await executor.run(warm);
    const t0 = performance.now();
    const outcomes = await executor.run(jobs);
    return { seconds: (performance.now() - t0) / 1000, json: JSON.stringify(outcomes) };
  } finally {
    await executor.close();
  }
}

const one = await timeBatch(1);
const two = await timeBatch(2);
const perJob = one.seconds / replications;
console.log(
  `model ${model}${model === "warehouse" ? ` (${file})` : ""}: ${replications} replications, ${perJob.toFixed(2)} s each`,
);
console.log(`1 worker : ${one.seconds.toFixed(2)} s`);
console.log(`2 workers: ${two.seconds.toFixed(2)} s`);
console.log(`speedup  : ${(one.seconds / two.seconds).toFixed(2)}x (target >= 1.8x)`);
console.log(`outcomes identical: ${one.json === two.json}`);
