/**
 * The TypeScript entry of a pool thread (used when the model cannot be bundled): loads the
 * module named in workerData, through tsx. See workerHandler.ts for what a thread does.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { workerData } from "node:worker_threads";
import { createWorkerHandler, type WorkerSetup } from "./workerHandler.ts";

export type { RunnerRef, TaskReply, WorkerSetup } from "./workerHandler.ts";

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

/** Runs one task in this thread. */
export default createWorkerHandler(() => importModule((workerData as WorkerSetup).module));
