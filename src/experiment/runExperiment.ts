/**
 * Runs every candidate of an experiment for a number of replications on an executor, or
 * sequentially until a requested relative precision is reached. A stop (abort) keeps the
 * replications that finished.
 */
import { isExperimentAborted } from "./abort.ts";
import { buildJobs, type Candidate } from "./jobs.ts";
import { estimate, meetsPrecision, replicationsForPrecision } from "./statistics.ts";
import type { Executor, ReplicationOutcome, ScenarioData } from "./types.ts";

/** KPIs the precision rule watches when none are named, if the model reports them. */
export const DEFAULT_PRECISION_KPIS = ["throughputOrdersPerHour", "orderCycleTimeS"];

/** Options for runExperiment(). */
export interface ExperimentOptions {
  /** Master seed shared by every candidate. */
  seed: number;
  /** Replications per candidate; with `precision`, the pilot count. */
  replications: number;
  /** Sequential procedure: add replications until every watched KPI of every candidate
   * has a half-width ≤ relative × |mean| (Law & Kelton). */
  precision?: {
    /** Relative precision γ, e.g. 0.02 for 2 %. */
    relative: number;
    /** KPIs to watch. Defaults to DEFAULT_PRECISION_KPIS present, else every KPI. */
    kpis?: string[];
    /** Upper limit of replications per candidate. Defaults to 100. */
    maxReplications?: number;
  };
  signal?: AbortSignal;
  /** Called after each finished replication with (done, total planned so far). */
  onProgress?(done: number, total: number, outcome: ReplicationOutcome): void;
}

/** Outcomes of an experiment. */
export interface ExperimentResult {
  /** Sorted by candidate (in the given order), then replication. */
  outcomes: ReplicationOutcome[];
  /** Replications per candidate that were planned and run (fewer if aborted). */
  replications: number;
  /** True when stopped by the signal; `outcomes` holds what finished. */
  aborted: boolean;
  /** With `precision`: whether every watched KPI reached it. */
  precisionMet?: boolean;
}

function sortOutcomes(outcomes: ReplicationOutcome[], candidates: readonly Candidate<unknown>[]) {
  const order = new Map(candidates.map((c, i) => [c.id, i]));
  return outcomes.sort(
    (a, b) => order.get(a.candidate)! - order.get(b.candidate)! || a.replication - b.replication,
  );
}

/** Runs `candidates` on `executor` with common random numbers. */
export async function runExperiment<S = ScenarioData>(
  executor: Executor,
  candidates: readonly Candidate<S>[],
  options: ExperimentOptions,
): Promise<ExperimentResult> {
  const outcomes: ReplicationOutcome[] = [];
  let planned = options.replications;
  let done = 0;
  let ran = 0;
  const runBatch = async (first: number, count: number): Promise<boolean> => {
    const jobs = buildJobs(candidates, {
      seed: options.seed,
      replications: count,
      firstReplication: first,
    });
    try {
      const batch = await executor.run(jobs as never, {
        signal: options.signal,
        onResult: (o) => options.onProgress?.(++done, planned * candidates.length, o),
      });
      outcomes.push(...batch);
      return true;
    } catch (error) {
      if (!isExperimentAborted(error)) throw error;
      outcomes.push(...error.completed);
      return false;
    }
  };
  if (!(await runBatch(0, planned))) {
    return { outcomes: sortOutcomes(outcomes, candidates), replications: planned, aborted: true };
  }
  ran = planned;
  if (!options.precision) {
    return { outcomes: sortOutcomes(outcomes, candidates), replications: ran, aborted: false };
  }
  const { relative } = options.precision;
  const max = options.precision.maxReplications ?? 100;
  for (;;) {
    const present = new Set(outcomes.flatMap((o) => Object.keys(o.kpis)));
    const wanted = options.precision.kpis ?? DEFAULT_PRECISION_KPIS.filter((k) => present.has(k));
    const watched = wanted.length > 0 ? wanted : [...present].sort();
    let needed = ran;
    let met = true;
    for (const c of candidates) {
      const mine = outcomes.filter((o) => o.candidate === c.id);
      for (const kpi of watched) {
        const e = estimate(mine.map((o) => o.kpis[kpi]).filter((v) => v !== undefined));
        if (meetsPrecision(e, relative)) continue;
        met = false;
        needed = Math.max(needed, replicationsForPrecision(e, relative), ran + 1);
      }
    }
    if (met || ran >= max) {
      return {
        outcomes: sortOutcomes(outcomes, candidates),
        replications: ran,
        aborted: false,
        precisionMet: met,
      };
    }
    planned = Math.min(max, needed);
    if (!(await runBatch(ran, planned - ran))) {
      return {
        outcomes: sortOutcomes(outcomes, candidates),
        replications: planned,
        aborted: true,
        precisionMet: false,
      };
    }
    ran = planned;
  }
}
