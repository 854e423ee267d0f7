/**
 * The task the parallel benchmark runs on worker threads: a warm-up probe that reports
 * its thread (after loading the model and busy for a moment, so probes spread over the
 * threads), or one replication of the model as an experiment job.
 */
import { threadId } from "node:worker_threads";
import { runQueueModel } from "../src/experiment/queueModel.ts";
import { runJob } from "../src/experiment/runJob.ts";
import type { ReplicationJob, ReplicationOutcome } from "../src/experiment/types.ts";
import { runWarehouse } from "../src/experiment/warehouseRunner.ts";

/** A probe or a job; `model` picks the runner. */
export type BenchTask =
  | { probe: true; busyMs: number }
  | { probe?: false; model: string; job: ReplicationJob };

/** Runs one benchmark task. */
export function benchTask(task: BenchTask): number | ReplicationOutcome {
  if (task.probe) {
    const until = performance.now() + task.busyMs;
    while (performance.now() < until) {}
    return threadId;
  }
  return runJob(task.job, (task.model === "queue" ? runQueueModel : runWarehouse) as never);
}
