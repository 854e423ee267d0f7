/** The objective of a search: one KPI and whether less or more of it is better. */
import { kpiDirection } from "../experiment/kpiDirection.ts";
import type { ReplicationOutcome } from "../experiment/types.ts";

/** One KPI to minimise or maximise. */
export interface Objective {
  kpi: string;
  /** Defaults to the KPI's natural direction (higher-is-better KPIs are maximised). */
  sense: "minimize" | "maximize";
}

/** An objective with its sense taken from the KPI name when not given. */
export function objectiveFor(kpi: string, sense?: "minimize" | "maximize"): Objective {
  return { kpi, sense: sense ?? (kpiDirection(kpi) === "higher" ? "maximize" : "minimize") };
}

/**
 * The objective as a loss (smaller is better) for one outcome: the KPI, negated when
 * maximising. NaN when the outcome lacks the KPI.
 */
export function lossOf(outcome: ReplicationOutcome, objective: Objective): number {
  const v = outcome.kpis[objective.kpi];
  if (v === undefined) return Number.NaN;
  return objective.sense === "maximize" ? -v : v;
}
