/**
 * The task the parallel benchmark runs on worker threads: a warm-up probe that reports
 * its thread (after loading the model and busy for a moment, so probes spread over the
 * threads), or one replication of the model as an experiment job, timed in the thread.
 * Jobs run as in the pool's job mode: through runJob() with a runner that shares the
 * model's preparation between jobs of a scenario (unless the task says `share: false`).
 */
import { readlinkSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { runQueueModel } from "../src/experiment/queueModel.ts";
import { runJob } from "../src/experiment/runJob.ts";
import { sharePreparations } from "../src/experiment/sharePreparations.ts";
import type { ReplicationJob, ReplicationOutcome, Runner } from "../src/experiment/types.ts";
import { runWarehouse } from "../src/experiment/warehouseRunner.ts";

/** A probe or a job; `model` picks the runner. */
export type BenchTask =
  | { probe: true; busyMs: number }
  | { probe?: false; model: string; job: ReplicationJob; share?: boolean };

/** A probe's answer: the Node thread id and the operating-system thread id (Linux; else -1). */
export interface ProbeReply {
  threadId: number;
  osThreadId: number;
}

/** A job's answer: the outcome and when it ran (ms since the epoch, comparable across threads). */
export interface JobReply {
  outcome: ReplicationOutcome;
  startMs: number;
  endMs: number;
  threadId: number;
}

/** The runners by model, plain and sharing preparations (one set per thread). */
const runners: Record<string, { plain: Runner<any>; shared: Runner<any> }> = {
  queue: {
    plain: runQueueModel as Runner<any>,
    shared: sharePreparations(runQueueModel as Runner<any>),
  },
  warehouse: { plain: runWarehouse, shared: sharePreparations(runWarehouse) },
};

/** This thread's operating-system id from /proc/thread-self (Linux), or -1. */
function osThreadId(): number {
  try {
    return Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return -1;
  }
}

/** Runs one benchmark task. */
export function benchTask(task: BenchTask): ProbeReply | JobReply {
  if (task.probe) {
    const until = performance.now() + task.busyMs;
    while (performance.now() < until) {}
    return { threadId, osThreadId: osThreadId() };
  }
  const startMs = performance.timeOrigin + performance.now();
  const runner = runners[task.model];
  const outcome = runJob(task.job, task.share === false ? runner.plain : runner.shared);
  return { outcome, startMs, endMs: performance.timeOrigin + performance.now(), threadId };
}
