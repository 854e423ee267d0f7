/**
 * The run summary written as `summary.json` and the CSV tables: KPI means with 95 %
 * Student-t half-widths over replications, the mean breakdown and the conservation checks.
 */
import { csvLine } from "../../common/csv.ts";
import { confidenceInterval } from "../../engine/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { Breakdown, Conservation, RunResult } from "../types.ts";
import { kpiUnit } from "./kpis.ts";

/** One KPI over replications. */
export interface KpiSummary {
  mean: number;
  /** Half-width of the 95 % interval; null when fewer than two replications report the KPI. */
  ci95: number | null;
  /** Replications that report the KPI. */
  n: number;
  unit: string;
}

/** The `summary.json` contract (docs/architecture.md). */
export interface RunSummary {
  kind: "run";
  scenario: string;
  scenarioHash: string;
  seed: number;
  replications: number;
  warmupS: number;
  horizonS: number;
  version: string;
  kpis: Record<string, KpiSummary>;
  breakdown: Breakdown;
  /** Orders created and shipped per day and the backlog at each day's end, warm-up included. */
  daily: DailySummary;
  conservation: { ok: boolean; replications: Conservation[] };
}

/** A per-day series over replications: the mean and the 95 % half-width (null for n < 2). */
export interface DailySeries {
  mean: number[];
  ci95: (number | null)[];
}

/** The warm-up check's data: daily series over replications. */
export interface DailySummary {
  createdOrders: DailySeries;
  shippedOrders: DailySeries;
  backlogOrders: DailySeries;
}

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);

/** KPI names in first-seen order over the results. */
export function kpiNames(results: readonly RunResult[]): string[] {
  const names = new Set<string>();
  for (const r of results) for (const k of Object.keys(r.kpis)) names.add(k);
  return [...names];
}

/** Builds the summary of a run's replications. */
export function summarize(
  scenario: Scenario,
  results: readonly RunResult[],
  meta: { seed: number; scenarioHash: string; version: string },
): RunSummary {
  const kpis: Record<string, KpiSummary> = {};
  for (const name of kpiNames(results)) {
    const values = results.map((r) => r.kpis[name]).filter((v) => Number.isFinite(v));
    if (values.length === 0) continue;
    // One value gives no interval: its half-width is unknown, not 0.
    const ci = values.length > 1 ? confidenceInterval(values) : undefined;
    kpis[name] = {
      mean: round(ci ? ci.mean : values[0]),
      ci95: ci ? round(ci.halfWidth) : null,
      n: values.length,
      unit: kpiUnit(name, scenario.costs.currency),
    };
  }
  return {
    kind: "run",
    scenario: scenario.name,
    scenarioHash: meta.scenarioHash,
    seed: meta.seed,
    replications: results.length,
    warmupS: results[0]?.warmupS ?? scenario.warmupDays * 86_400,
    horizonS: results[0]?.horizonS ?? scenario.horizonDays * 86_400,
    version: meta.version,
    kpis,
    breakdown: meanBreakdown(results.map((r) => r.breakdown)),
    daily: summarizeDaily(results),
    conservation: {
      ok: results.every((r) => r.conservation.ok),
      replications: results.map((r) => r.conservation),
    },
  };
}

/** Mean and 95 % half-width per day of each daily count, over the replications. */
export function summarizeDaily(results: readonly RunResult[]): DailySummary {
  const series = (pick: (r: RunResult) => number[]): DailySeries => {
    const days = Math.min(...results.map((r) => pick(r).length));
    const out: DailySeries = { mean: [], ci95: [] };
    for (let d = 0; d < (Number.isFinite(days) ? days : 0); d++) {
      const values = results.map((r) => pick(r)[d]);
      const ci = values.length > 1 ? confidenceInterval(values) : undefined;
      out.mean.push(round(ci ? ci.mean : values[0]));
      out.ci95.push(ci ? round(ci.halfWidth) : null);
    }
    return out;
  };
  return {
    createdOrders: series((r) => r.daily.createdOrders),
    shippedOrders: series((r) => r.daily.shippedOrders),
    backlogOrders: series((r) => r.daily.backlogOrders),
  };
}

function meanBreakdown(list: readonly Breakdown[]): Breakdown {
  const order: Record<string, number> = {};
  const worker: Record<string, Record<string, number>> = {};
  const n = list.length || 1;
  for (const b of list) {
    for (const [k, v] of Object.entries(b.order)) order[k] = (order[k] ?? 0) + v / n;
    for (const [role, states] of Object.entries(b.worker)) {
      worker[role] ??= {};
      for (const [k, v] of Object.entries(states)) worker[role][k] = (worker[role][k] ?? 0) + v / n;
    }
  }
  for (const k of Object.keys(order)) order[k] = round(order[k]);
  for (const states of Object.values(worker))
    for (const k of Object.keys(states)) states[k] = round(states[k]);
  return { order, worker };
}

/** mean ± ci95 (sign −1 or 1), or NaN (an empty cell) without an interval. */
const bound = (mean: number, sign: number, ci95: number | null) =>
  ci95 === null ? Number.NaN : round(mean + sign * ci95);

/** `kpis.csv`: kpi,unit,mean,ci95_low,ci95_high,n (empty bounds when `ci95` is null). */
export function kpisCsv(summary: RunSummary): string {
  const rows = ["kpi,unit,mean,ci95_low,ci95_high,n"];
  for (const [name, k] of Object.entries(summary.kpis)) {
    rows.push(
      csvLine([name, k.unit, k.mean, bound(k.mean, -1, k.ci95), bound(k.mean, 1, k.ci95), k.n]),
    );
  }
  return `${rows.join("\n")}\n`;
}

/** `replications.csv`: one row per replication, one column per KPI. */
export function replicationsCsv(results: readonly RunResult[]): string {
  const names = kpiNames(results);
  const rows = [csvLine(["replication", ...names])];
  results.forEach((r, i) => {
    rows.push(csvLine([i, ...names.map((n) => round(r.kpis[n] ?? Number.NaN))]));
  });
  return `${rows.join("\n")}\n`;
}
