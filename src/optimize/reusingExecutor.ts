/**
 * An executor that runs each replication job once: a job whose key was run before returns
 * the stored outcome, so the feasibility check and the selection share their replications
 * (as Andradóttir & Kim's procedures do) without simulating them twice.
 */
import { isExperimentAborted } from "../experiment/abort.ts";
import type { Executor, ExecutorRunOptions, ReplicationOutcome } from "../experiment/types.ts";

/** The wrapped executor and how many jobs it really ran. */
export interface ReusingExecutor extends Executor {
  readonly simulated: () => number;
}

/** Wraps `inner`; closing it leaves `inner` open. */
export function reusingExecutor(inner: Executor): ReusingExecutor {
  const done = new Map<string, ReplicationOutcome>();
  let simulated = 0;
  return {
    simulated: () => simulated,
    async run(jobs, options: ExecutorRunOptions = {}) {
      const fresh = jobs.filter((j) => !done.has(j.key));
      if (fresh.length > 0) {
        let outcomes: ReplicationOutcome[];
        try {
          outcomes = await inner.run(fresh, options);
        } catch (error) {
          if (isExperimentAborted(error)) {
            simulated += error.completed.length;
            for (const o of error.completed) done.set(o.key, o);
          }
          throw error;
        }
        simulated += outcomes.length;
        for (const o of outcomes) done.set(o.key, o);
      }
      return jobs.map((j) => done.get(j.key)!);
    },
    async close() {},
  };
}
