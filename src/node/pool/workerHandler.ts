/**
 * The task handler a pool thread exports, given a way to load the model module: it picks
 * the export named in workerData and runs each task with it — through runJob() for
 * experiment jobs (sharing the model's preparation, e.g. the warehouse site, between jobs
 * of the same scenario), or called directly. A failure inside the function comes back as data
 * (it would fail the same way again); only a dead thread makes the pool retry a task.
 */
import { workerData } from "node:worker_threads";
import { runJob } from "../../experiment/runJob.ts";
import { type Preparable, sharePreparations } from "../../experiment/sharePreparations.ts";
import type { ReplicationJob, Runner } from "../../experiment/types.ts";

/** Names the module and export of the model (a Runner) a worker runs. */
export interface RunnerRef {
  /** A file: URL of an ES module. */
  module: string;
  /** The export holding the function. */
  exportName: string;
}

/** What a pool's threads run: `job` wraps the function as a Runner in runJob(); `call` calls it. */
export interface WorkerSetup extends RunnerRef {
  mode: "job" | "call";
}

/** What the worker sends back for one task. */
export type TaskReply<R> =
  | { ok: true; value: R }
  | { ok: false; error: { name: string; message: string; issues?: unknown; stack?: string } };

/** The handler for piscina: loads the module once (on the first task), then runs tasks. */
export function createWorkerHandler(
  loadModule: () => Promise<Record<string, unknown>>,
): (task: unknown) => Promise<TaskReply<unknown>> {
  let loaded: Promise<(task: unknown) => unknown> | undefined;
  const load = () => {
    const setup = workerData as WorkerSetup;
    loaded ??= loadModule().then((mod): ((task: unknown) => unknown) => {
      const fn = mod[setup.exportName];
      if (typeof fn !== "function") {
        throw new Error(`${setup.module} has no function ${setup.exportName}`);
      }
      if (setup.mode === "call") {
        // A function with a preparation (e.g. simulateReplication) shares it between tasks.
        const call = sharePreparations(fn as Preparable<unknown, { prepared?: unknown }, unknown>);
        return (task: unknown) => call(task, {});
      }
      // One runner per thread: jobs of the same scenario share its preparation.
      const runner = sharePreparations(fn as Runner<any>);
      return (job: unknown) => runJob(job as ReplicationJob, runner);
    });
    return loaded;
  };
  return async (task) => {
    try {
      const fn = await load();
      return { ok: true, value: fn(task) };
    } catch (error) {
      const e = error as { name?: string; message?: string; issues?: unknown; stack?: string };
      return {
        ok: false,
        error: {
          name: e?.name ?? "Error",
          message: e?.message ?? String(error),
          issues: e?.issues,
          stack: e?.stack,
        },
      };
    }
  };
}
