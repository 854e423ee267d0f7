/**
 * Paired comparison of candidates run on common random numbers: per KPI, each candidate's
 * estimate, its difference from the baseline (the first candidate) with a Student-t
 * confidence interval, a verdict, and the time breakdowns side by side.
 */
import { type KpiDirection, kpiDirection } from "./kpiDirection.ts";
import { breakdownDifference, meanBreakdown } from "./meanBreakdown.ts";
import {
  type Estimate,
  estimate,
  NOISE_RELATIVE,
  pairedDifference,
  withoutNoise,
} from "./statistics.ts";
import type { Breakdown, ReplicationOutcome } from "./types.ts";

/** better / worse by the KPI's direction; higher / lower for neutral KPIs. */
export type Verdict = "better" | "worse" | "higher" | "lower" | "no significant difference";

/** A candidate's difference from the baseline on one KPI (candidate − baseline). */
export interface Difference extends Estimate {
  low: number;
  high: number;
  verdict: Verdict;
}

/** One KPI across every candidate. */
export interface KpiComparison {
  direction: KpiDirection;
  estimates: Record<string, Estimate>;
  /** Keyed by candidate id, every candidate but the baseline. */
  differences: Record<string, Difference>;
}

/** The result of compareOutcomes(). */
export interface Comparison {
  baseline: string;
  candidates: string[];
  /** Confidence level of the intervals. Defaults to 0.95. */
  level: number;
  kpis: Record<string, KpiComparison>;
  /** Mean time breakdown of each candidate. */
  breakdown: Record<string, Breakdown>;
  /** Breakdown of each non-baseline candidate minus the baseline's. */
  breakdownDifference: Record<string, Breakdown>;
}

/** Options for compareOutcomes(). */
export interface CompareOptions {
  /** Confidence level. Defaults to 0.95. */
  level?: number;
  /** Direction overrides by KPI name. */
  directions?: Record<string, KpiDirection>;
}

/**
 * The verdict for a difference interval [low, high] on a KPI with `direction`. No interval
 * (fewer than two replications) or an interval within NOISE_RELATIVE × `scale` (the KPI's
 * magnitude, default 0) of zero is "no significant difference".
 */
export function verdictOf(low: number, high: number, direction: KpiDirection, scale = 0): Verdict {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return "no significant difference";
  if (low <= 0 && high >= 0) return "no significant difference";
  if (Math.max(Math.abs(low), Math.abs(high)) <= NOISE_RELATIVE * Math.abs(scale))
    return "no significant difference";
  const up = low > 0;
  if (direction === "neutral") return up ? "higher" : "lower";
  return up === (direction === "higher") ? "better" : "worse";
}

function valuesByReplication(
  outcomes: readonly ReplicationOutcome[],
  kpi: string,
): Map<number, number> {
  const map = new Map<number, number>();
  for (const o of outcomes) {
    const v = o.kpis[kpi];
    if (v !== undefined) map.set(o.replication, v);
  }
  return map;
}

/**
 * Compares `candidates` (ids in display order; the first is the baseline) from their
 * outcomes. Two identical candidates give differences of exactly zero.
 */
export function compareOutcomes(
  outcomes: readonly ReplicationOutcome[],
  candidates: readonly string[],
  options: CompareOptions = {},
): Comparison {
  const level = options.level ?? 0.95;
  const byCandidate = new Map<string, ReplicationOutcome[]>(candidates.map((c) => [c, []]));
  for (const o of outcomes) byCandidate.get(o.candidate)?.push(o);
  for (const list of byCandidate.values()) list.sort((x, y) => x.replication - y.replication);
  const kpiNames = [...new Set(outcomes.flatMap((o) => Object.keys(o.kpis)))].sort();
  const baseline = candidates[0];
  const kpis: Record<string, KpiComparison> = {};
  for (const kpi of kpiNames) {
    const direction = options.directions?.[kpi] ?? kpiDirection(kpi);
    const series = new Map(
      candidates.map((c) => [c, valuesByReplication(byCandidate.get(c)!, kpi)]),
    );
    const estimates: Record<string, Estimate> = {};
    const differences: Record<string, Difference> = {};
    for (const c of candidates) {
      estimates[c] = estimate([...series.get(c)!.values()], level);
      if (c === baseline) continue;
      const raw = pairedDifference(series.get(baseline)!, series.get(c)!, level);
      const scale = Math.max(Math.abs(estimates[baseline].mean), Math.abs(estimates[c].mean));
      const d = {
        ...raw,
        mean: withoutNoise(raw.mean, scale),
        ci95: withoutNoise(raw.ci95, scale),
      };
      const low = d.mean - d.ci95;
      const high = d.mean + d.ci95;
      differences[c] = {
        ...d,
        low,
        high,
        verdict: d.n === 0 ? "no significant difference" : verdictOf(low, high, direction, scale),
      };
    }
    kpis[kpi] = { direction, estimates, differences };
  }
  const breakdown: Record<string, Breakdown> = {};
  for (const c of candidates)
    breakdown[c] = meanBreakdown(byCandidate.get(c)!.map((o) => o.breakdown));
  const difference: Record<string, Breakdown> = {};
  for (const c of candidates.slice(1))
    difference[c] = breakdownDifference(breakdown[baseline], breakdown[c]);
  return {
    baseline,
    candidates: [...candidates],
    level,
    kpis,
    breakdown,
    breakdownDifference: difference,
  };
}
