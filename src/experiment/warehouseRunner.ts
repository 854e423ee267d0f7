/**
 * The warehouse simulation behind the experiment Runner shape: one replication of a
 * resolved scenario with the experiment's master seed and replication index. Every
 * executor runs warehouse jobs through runWarehouseJob() or runWarehouse(); the runner's
 * preparation (layout, travel model, site) lets executors build it once per scenario.
 */
import type { Scenario } from "../scenario/index.ts";
import { buildScenarioSite, scenarioSiteKey, simulate } from "../warehouse/simulate.ts";
import type { Site } from "../warehouse/storage/site.ts";
import type { RunResult } from "../warehouse/types.ts";
import { runJob } from "./runJob.ts";
import type { ReplicationJob, ReplicationOutcome, Runner, RunnerOptions } from "./types.ts";

/** One warehouse replication with the simulator; `prepared` is a site from buildScenarioSite(). */
function runWarehouseOnce(
  scenario: Scenario,
  options: RunnerOptions,
): { kpis: Record<string, number>; breakdown: RunResult["breakdown"] } {
  const result = simulate(scenario, {
    seed: options.seed,
    replication: options.replication,
    site: options.prepared as Site | undefined,
  });
  return { kpis: result.kpis, breakdown: result.breakdown };
}

/**
 * Runs one warehouse replication; KPIs and breakdown as in summary.json. Its preparation
 * is the scenario's site (layout, travel model, locations), which a caller running many
 * jobs keeps per scenario (see sharePreparations()).
 */
export const runWarehouse: Runner<Scenario> = Object.assign(runWarehouseOnce, {
  preparation: { key: scenarioSiteKey, prepare: buildScenarioSite },
});

/** runJob() with the warehouse model: the one call for a warehouse job in any executor. */
export function runWarehouseJob(job: ReplicationJob<Scenario>): ReplicationOutcome {
  return runJob(job, runWarehouse);
}

/** A replication as a plain-data task for worker threads. */
export interface ReplicationTask {
  scenario: Scenario;
  seed: number;
  replication: number;
}

/** One replication of a task; `prepared` is its scenario's site from buildScenarioSite(). */
function simulateTask(task: ReplicationTask, options: { prepared?: unknown } = {}): RunResult {
  return simulate(task.scenario, {
    seed: task.seed,
    replication: task.replication,
    site: options.prepared as Site | undefined,
  });
}

/**
 * One replication as a plain-data task (for worker threads); returns the whole RunResult.
 * Its preparation is the task scenario's site, which a thread keeps between tasks.
 */
export const simulateReplication = Object.assign(simulateTask, {
  preparation: {
    key: (task: ReplicationTask) => scenarioSiteKey(task.scenario),
    prepare: (task: ReplicationTask) => buildScenarioSite(task.scenario),
  },
});
