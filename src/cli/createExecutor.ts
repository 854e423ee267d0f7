/**
 * Chooses the executor for `run`, `compare`, `sweep` and `optimize`: in this thread for one
 * worker, a worker-thread pool for more. The `executor` option is the seam for other
 * executors (e.g. `redis://host:port`): add a branch here.
 */
import { InputError } from "../common/inputError.ts";
import { createRedisExecutor, isRedisAddress } from "../distributed/createRedisExecutor.ts";
import { createInProcessExecutor } from "../experiment/inProcessExecutor.ts";
import type { Executor, Runner } from "../experiment/types.ts";
import { runWarehouse } from "../experiment/warehouseRunner.ts";
import { createPoolExecutor, defaultWorkerCount } from "../node/pool/poolExecutor.ts";
import type { RunnerRef } from "../node/pool/worker.ts";
import { runUnitLoadModel } from "../optimize/unitLoadModel.ts";

/** The models an executor can run, by name: the in-thread function and its module for threads. */
export const MODELS: Record<string, { runner: Runner<any>; ref: RunnerRef }> = {
  warehouse: {
    runner: runWarehouse,
    ref: {
      module: new URL("../experiment/warehouseRunner.ts", import.meta.url).href,
      exportName: "runWarehouse",
    },
  },
  unitLoad: {
    runner: runUnitLoadModel,
    ref: {
      module: new URL("../optimize/unitLoadModel.ts", import.meta.url).href,
      exportName: "runUnitLoadModel",
    },
  },
};

/** Options for createExecutor(). */
export interface CreateExecutorOptions {
  /** Worker threads; 1 runs in this thread. Defaults to the number of cores. */
  workers?: number;
  /** Another executor by address: `redis://host:port` runs jobs on `whsim worker`s. */
  executor?: string;
  /** The model to run, by name in MODELS. Defaults to `warehouse`. */
  model?: string;
}

/** Builds the executor; close() it when done. Throws InputError for an unknown executor. */
export function createExecutor(options: CreateExecutorOptions = {}): Executor {
  const model = MODELS[options.model ?? "warehouse"];
  if (options.executor !== undefined) {
    if (isRedisAddress(options.executor)) {
      return createRedisExecutor({ url: options.executor, model: options.model ?? "warehouse" });
    }
    throw new InputError({
      file: "--executor",
      path: "",
      value: options.executor,
      expected: "redis://[:password@]host:port or rediss://… (leave it out to use worker threads)",
    });
  }
  const workers = options.workers ?? defaultWorkerCount();
  if (workers <= 1) return createInProcessExecutor(model.runner);
  return createPoolExecutor({ runner: model.ref, workers });
}
