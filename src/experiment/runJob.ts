/**
 * runJob(): the one function every executor calls (in this thread, in a worker thread or
 * in a remote worker), so an outcome is byte-identical wherever its job runs.
 */
import type {
  Breakdown,
  ReplicationJob,
  ReplicationOutcome,
  Runner,
  ScenarioData,
} from "./types.ts";

/** Keeps finite numbers only (JSON has no NaN or Infinity) and writes -0 as 0, keys sorted. */
function cleanNumbers(record: Record<string, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!record) return out;
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (typeof value === "number" && Number.isFinite(value)) out[key] = value === 0 ? 0 : value;
  }
  return out;
}

/** A breakdown as canonical plain data (sorted keys, finite numbers). */
export function cleanBreakdown(breakdown: Breakdown | undefined): Breakdown {
  const worker: Record<string, Record<string, number>> = {};
  for (const role of Object.keys(breakdown?.worker ?? {}).sort()) {
    worker[role] = cleanNumbers(breakdown?.worker[role]);
  }
  return { order: cleanNumbers(breakdown?.order), worker };
}

/**
 * Runs one replication with `runner` and returns its outcome as canonical plain data.
 * KPIs that are not finite numbers (e.g. a cycle time when nothing shipped) are left out,
 * so the outcome survives JSON unchanged.
 */
export function runJob<S = ScenarioData>(
  job: ReplicationJob<S>,
  runner: Runner<S>,
): ReplicationOutcome {
  const result = runner(job.scenario, { seed: job.seed, replication: job.replication });
  return {
    key: job.key,
    candidate: job.candidate,
    replication: job.replication,
    kpis: cleanNumbers(result.kpis),
    breakdown: cleanBreakdown(result.breakdown),
  };
}
