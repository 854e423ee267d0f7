/**
 * The `--executor redis://host:port` branch of the command line's executor factory: a
 * RedisExecutor for the chosen model with its result store, so re-running the same
 * command resumes. Notices go to stderr.
 */
import { resolve } from "node:path";
import { InputError } from "../common/inputError.ts";
import type { Executor } from "../experiment/types.ts";
import { isJobKind, JOB_KIND_NAMES } from "./jobEnvelope.ts";
import { RedisExecutor } from "./redisExecutor.ts";
import { splitQueueParam } from "./redisUrl.ts";
import { ResultStore } from "./resultStore.ts";

/** Where finished outcomes are kept unless `WHSIM_JOB_STORE` names another file. */
export const DEFAULT_JOB_STORE = ".whsim/jobs.sqlite";

/** True if `address` asks for the Redis executor (`redis://` or `rediss://`). */
export function isRedisAddress(address: string): boolean {
  return /^rediss?:\/\//i.test(address);
}

/** Options of `createRedisExecutor`. */
export interface CreateRedisExecutorOptions {
  /** The `--executor` value; `?queue=name` picks a queue other than the default. */
  url: string;
  /** The model to run (a job kind); defaults to `warehouse`. */
  model?: string;
  /** The result store file; defaults to `$WHSIM_JOB_STORE` or `.whsim/jobs.sqlite`. */
  storePath?: string;
}

/** Builds the distributed executor; its close() also closes the result store. */
export function createRedisExecutor(options: CreateRedisExecutorOptions): Executor {
  const { url, queue } = splitQueueParam(options.url, "--executor");
  const model = options.model ?? "warehouse";
  if (!isJobKind(model)) {
    throw new InputError({
      file: "--executor",
      path: "model",
      value: model,
      expected: `a model workers run: ${JOB_KIND_NAMES.join(", ")}`,
    });
  }
  const storePath = options.storePath ?? process.env.WHSIM_JOB_STORE ?? DEFAULT_JOB_STORE;
  const store = new ResultStore(storePath === ":memory:" ? storePath : resolve(storePath));
  const executor = new RedisExecutor({
    url,
    queue,
    kind: model,
    store,
    log: (message) => process.stderr.write(`whsim: ${message}\n`),
  });
  return {
    run: (jobs, runOptions) => executor.run(jobs, runOptions),
    async close() {
      await executor.close();
      store.close();
    },
  };
}
