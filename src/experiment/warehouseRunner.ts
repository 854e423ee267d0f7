/**
 * The warehouse simulation behind the experiment Runner shape: one replication of a
 * resolved scenario with the experiment's master seed and replication index. Every
 * executor runs warehouse jobs through runWarehouseJob().
 */
import type { Scenario } from "../scenario/index.ts";
import { simulate } from "../warehouse/simulate.ts";
import type { RunResult } from "../warehouse/types.ts";
import { runJob } from "./runJob.ts";
import type { ReplicationJob, ReplicationOutcome, RunnerResult } from "./types.ts";

/** Runs one warehouse replication; KPIs and breakdown as in summary.json. */
export function runWarehouse(
  scenario: Scenario,
  options: { seed: number; replication: number },
): RunnerResult {
  const result = simulate(scenario, { seed: options.seed, replication: options.replication });
  return { kpis: result.kpis, breakdown: result.breakdown };
}

/** runJob() with the warehouse model: the one call for a warehouse job in any executor. */
export function runWarehouseJob(job: ReplicationJob<Scenario>): ReplicationOutcome {
  return runJob(job, runWarehouse);
}

/** One replication as a plain-data task (for worker threads); returns the whole RunResult. */
export function simulateReplication(task: {
  scenario: Scenario;
  seed: number;
  replication: number;
}): RunResult {
  return simulate(task.scenario, { seed: task.seed, replication: task.replication });
}
