/**
 * An executor that simulates each replication once: a job whose scenario, seed and
 * replication were run before (under any candidate id) returns the stored outcome under
 * its own id. The feasibility check and the selection share their replications (as
 * Andradóttir & Kim's procedures do), a crew tried twice by the crew search runs once, and
 * the race's first replication of a layout at its crew is the crew search's pilot.
 */
import { isExperimentAborted } from "../experiment/abort.ts";
import { scenarioHash } from "../experiment/hash.ts";
import type {
  Executor,
  ExecutorRunOptions,
  ReplicationJob,
  ReplicationOutcome,
} from "../experiment/types.ts";

/** The wrapped executor and how many jobs it really ran. */
export interface ReusingExecutor extends Executor {
  readonly simulated: () => number;
}

/** What decides a replication's outcome: the scenario, the seed and the replication. */
function contentKey(job: ReplicationJob<unknown>, hashes: WeakMap<object, string>): string {
  const scenario = job.scenario as object;
  let hash = hashes.get(scenario);
  if (hash === undefined) {
    hash = scenarioHash(scenario);
    hashes.set(scenario, hash);
  }
  return `${hash}|${job.seed}|${job.replication}`;
}

/** Wraps `inner`; closing it leaves `inner` open. */
export function reusingExecutor(inner: Executor): ReusingExecutor {
  const done = new Map<string, ReplicationOutcome>();
  const hashes = new WeakMap<object, string>();
  let simulated = 0;
  const keep = (
    jobs: readonly ReplicationJob<unknown>[],
    outcomes: readonly ReplicationOutcome[],
  ) => {
    const byKey = new Map(jobs.map((j) => [j.key, j]));
    for (const o of outcomes) done.set(contentKey(byKey.get(o.key)!, hashes), o);
  };
  return {
    simulated: () => simulated,
    async run(jobs, options: ExecutorRunOptions = {}) {
      const keys = jobs.map((j) => contentKey(j, hashes));
      // One job per content: the same scenario and replication under two ids runs once.
      const fresh = jobs.filter((_j, i) => !done.has(keys[i]) && keys.indexOf(keys[i]) === i);
      if (fresh.length > 0) {
        let outcomes: ReplicationOutcome[];
        try {
          outcomes = await inner.run(fresh, options);
        } catch (error) {
          if (isExperimentAborted(error)) {
            simulated += error.completed.length;
            keep(fresh, error.completed);
          }
          throw error;
        }
        simulated += outcomes.length;
        keep(fresh, outcomes);
      }
      return jobs.map((j, i) => ({ ...done.get(keys[i])!, key: j.key, candidate: j.candidate }));
    },
    async close() {},
  };
}
