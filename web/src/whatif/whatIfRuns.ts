/**
 * A side of a what-if (baseline or changed) as a run the viewer can show: KPI means with
 * their 95 % intervals over replications, the mean breakdown, daily counts for the warm-up
 * check, and the trace of the first replication to play.
 */
import { meanBreakdown } from "../../../src/experiment/meanBreakdown.ts";
import { estimate } from "../../../src/experiment/statistics.ts";
import type { RunData, RunSummary } from "../app/runData.ts";
import type { SimDone } from "./simClient.ts";

type DailySeries = NonNullable<RunSummary["daily"]>[string];

/** Mean and half-width per day of one daily count over replications. */
function dailySeries(columns: number[][]): DailySeries {
  const days = Math.max(0, ...columns.map((c) => c.length));
  const mean: number[] = [];
  const ci95: (number | null)[] = [];
  for (let d = 0; d < days; d++) {
    const e = estimate(columns.map((c) => c[d]).filter(Number.isFinite));
    mean.push(e.mean);
    ci95.push(Number.isFinite(e.ci95) ? e.ci95 : null);
  }
  return { mean, ci95 };
}

/** KPI means and intervals over the replications `reps` (in replication order). */
function summaryOf(reps: readonly SimDone[], seed: number): RunSummary {
  const names = [...new Set(reps.flatMap((r) => Object.keys(r.kpis)))];
  const kpis: RunSummary["kpis"] = {};
  for (const name of names) {
    const e = estimate(reps.map((r) => r.kpis[name]).filter(Number.isFinite));
    const unit = reps[0]?.units[name] || undefined;
    kpis[name] = { mean: e.mean, ci95: Number.isFinite(e.ci95) ? e.ci95 : null, n: e.n, unit };
  }
  return {
    kind: "run",
    seed,
    replications: reps.length,
    kpis,
    breakdown: meanBreakdown(reps.map((r) => r.breakdown)),
    warmupS: reps[0]?.warmupS,
    daily: {
      createdOrders: dailySeries(reps.map((r) => r.daily.createdOrders)),
      shippedOrders: dailySeries(reps.map((r) => r.daily.shippedOrders)),
      backlogOrders: dailySeries(reps.map((r) => r.daily.backlogOrders)),
    },
  };
}

/** One side of a what-if as a run; `reps[0]` carries the trace. */
export function whatIfRun(
  name: string,
  reps: readonly SimDone[],
  scenario: unknown,
  seed: number,
): RunData {
  return {
    name,
    layout: reps[0].layout,
    summary: summaryOf(reps, seed),
    scenario,
    trace: reps[0].index,
    traceMs: reps[0].ms,
    traceBytes: 0,
    problems: [],
  };
}
