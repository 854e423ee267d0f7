/**
 * The worker-thread side of the pool: loads the model named in workerData once, then runs
 * each job with runJob(). A failure inside the model comes back as data (it would fail the
 * same way again); only a dead thread makes the pool retry a job.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { workerData } from "node:worker_threads";
import { runJob } from "../../experiment/runJob.ts";
import type { ReplicationJob, ReplicationOutcome, Runner } from "../../experiment/types.ts";

/** What the worker sends back for one job. */
export type WorkerReply =
  | { ok: true; outcome: ReplicationOutcome }
  | { ok: false; error: { name: string; message: string; issues?: unknown; stack?: string } };

/** Names the module and export of the model (a Runner) a worker runs. */
export interface RunnerRef {
  /** A file: URL of an ES module. */
  module: string;
  /** The export holding the Runner. */
  exportName: string;
}

let runnerPromise: Promise<Runner<any>> | undefined;

/**
 * Imports a module; when this thread's ES loader cannot take TypeScript (the tsx loader
 * hooks only CommonJS in worker threads on Node 20), loads it through require instead.
 */
async function importModule(url: string): Promise<Record<string, unknown>> {
  try {
    return await import(url);
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    return createRequire(import.meta.url)(fileURLToPath(url));
  }
}

function loadRunner(): Promise<Runner<any>> {
  const ref = (workerData as { runner: RunnerRef }).runner;
  runnerPromise ??= importModule(ref.module).then((mod) => {
    const runner = mod[ref.exportName];
    if (typeof runner !== "function")
      throw new Error(`${ref.module} has no function ${ref.exportName}`);
    return runner as Runner<any>;
  });
  return runnerPromise;
}

/** Runs one job in this thread. */
export default async function runInWorker(job: ReplicationJob): Promise<WorkerReply> {
  try {
    const runner = await loadRunner();
    return { ok: true, outcome: runJob(job, runner) };
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
}
