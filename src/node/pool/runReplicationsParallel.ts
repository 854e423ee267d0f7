/**
 * `whsim run --workers W`: the replication loop on worker threads. With a trace,
 * replication 0 (the traced one) runs in this thread and the others in the pool; results
 * come back in replication order, identical to the sequential loop.
 */
import type { Scenario } from "../../scenario/index.ts";
import { simulate } from "../../warehouse/simulate.ts";
import type { RunResult, TraceRecord } from "../../warehouse/types.ts";
import { RunStopped } from "../runReplicationsStoppable.ts";
import { createTaskPool, TaskRunAborted } from "./taskPool.ts";

/** Options for runReplicationsParallel(). */
export interface ParallelReplicationOptions {
  seed: number;
  replications: number;
  /** Worker threads for replications 1..R-1. */
  workers: number;
  /** Trace sink for replication 0. */
  trace?: (record: TraceRecord) => void;
  /** Overall progress 0..1 (by finished replications). */
  onProgress?: (fraction: number) => void;
  /** Stops the run: running threads are terminated and the promise rejects with RunStopped. */
  signal?: AbortSignal;
}

/** Runs the replications and returns their results in replication order. */
export async function runReplicationsParallel(
  scenario: Scenario,
  options: ParallelReplicationOptions,
): Promise<RunResult[]> {
  const pool = createTaskPool<{ scenario: Scenario; seed: number; replication: number }, RunResult>(
    {
      setup: {
        module: new URL("../../experiment/warehouseRunner.ts", import.meta.url).href,
        exportName: "simulateReplication",
        mode: "call",
      },
      workers: options.workers,
    },
    (task) => `replication ${task.replication}`,
  );
  let done = 0;
  const report = () => options.onProgress?.(++done / options.replications);
  try {
    // Without a trace every replication runs in the pool; with one, replication 0 runs
    // here so its trace can stream to the file.
    const local = options.trace !== undefined;
    const first = local ? 1 : 0;
    const tasks = Array.from({ length: options.replications - first }, (_, i) => ({
      scenario,
      seed: options.seed,
      replication: i + first,
    }));
    const others = pool
      .run(tasks, { onResult: report, signal: options.signal })
      .catch((error: unknown) => {
        if (error instanceof TaskRunAborted) {
          throw new RunStopped(error.results.filter((r) => r !== undefined).length);
        }
        throw error;
      });
    if (!local) return await others;
    // Keep a rejection of `others` from going unhandled while replication 0 runs.
    others.catch(() => {});
    const zero = simulate(scenario, { seed: options.seed, replication: 0, trace: options.trace });
    report();
    if (options.signal?.aborted) throw new RunStopped(1);
    return [zero, ...(await others)];
  } finally {
    await pool.close();
  }
}
