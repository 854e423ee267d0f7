/**
 * Statistics of a what-if: per KPI the means of baseline and what-if over replications and
 * the paired difference on common random numbers with its 95 % interval. A difference is
 * called better or worse only when its interval excludes zero.
 */
import { verdictOf } from "../../../src/experiment/compare.ts";
import { kpiDirection } from "../../../src/experiment/kpiDirection.ts";
import { estimate, pairedDifference } from "../../../src/experiment/statistics.ts";

/** How a difference is shown: green, red, or grey (no interval, or one spanning zero). */
export type DiffTone = "good" | "bad" | "neutral";

/** One KPI of a what-if. */
export interface KpiDiff {
  name: string;
  meanA: number;
  meanB: number;
  /** Mean paired difference B − A. */
  diff: number;
  /** 95 % interval of the difference; NaN bounds with fewer than two replications. */
  low: number;
  high: number;
  n: number;
  tone: DiffTone;
}

/** KPI values of one replication. */
export type ReplicationKpis = Record<string, number>;

function byReplication(reps: readonly ReplicationKpis[], kpi: string): Map<number, number> {
  const m = new Map<number, number>();
  reps.forEach((r, i) => {
    if (Number.isFinite(r[kpi])) m.set(i, r[kpi]);
  });
  return m;
}

/** The tone of a difference interval for a KPI: only an interval clear of zero is coloured. */
export function toneOf(name: string, low: number, high: number, scale: number): DiffTone {
  const verdict = verdictOf(low, high, kpiDirection(name), scale);
  return verdict === "better" ? "good" : verdict === "worse" ? "bad" : "neutral";
}

/**
 * Compares replications `a` (baseline) and `b` (what-if), paired by index (replication r of
 * each uses the same random numbers). KPIs are listed in `a`'s order.
 */
export function compareReplications(
  a: readonly ReplicationKpis[],
  b: readonly ReplicationKpis[],
): KpiDiff[] {
  const names = [...new Set([...a.flatMap(Object.keys), ...b.flatMap(Object.keys)])];
  return names.map((name) => {
    const va = byReplication(a, name);
    const vb = byReplication(b, name);
    const meanA = estimate([...va.values()]).mean;
    const meanB = estimate([...vb.values()]).mean;
    const d = pairedDifference(va, vb);
    const low = d.mean - d.ci95;
    const high = d.mean + d.ci95;
    const scale = Math.max(Math.abs(meanA), Math.abs(meanB));
    return {
      name,
      meanA,
      meanB,
      diff: d.mean,
      low,
      high,
      n: d.n,
      tone: toneOf(name, low, high, scale),
    };
  });
}
