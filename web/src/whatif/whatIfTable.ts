/**
 * The what-if's KPI table: baseline and what-if means over replications, and the paired
 * difference with its 95 % interval, green or red only when the interval excludes zero.
 */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import { formatDifference } from "../../../src/common/units.ts";
import { baseUnitOf, formatKpi, kpiLabel } from "../app/format.ts";
import type { KpiDiff } from "./whatIfStats.ts";

/** Differences of `d` on one scale (the largest's), signed, shares in percentage points. */
function differences(d: KpiDiff, unit: string | undefined) {
  const base = baseUnitOf(d.name, unit);
  const typical = Math.max(...[d.diff, d.low, d.high].filter(Number.isFinite).map(Math.abs), 0);
  const text = (v: number) => (Number.isFinite(v) ? formatDifference(v, base, typical) : "–");
  const interval =
    d.n >= 2 && Number.isFinite(d.low) ? `${text(d.low)} to ${text(d.high)}` : "no interval";
  return { delta: text(d.diff), interval };
}

function row(d: KpiDiff, unit: string | undefined): string {
  const a = formatKpi(d.name, d.meanA, unit);
  const b = formatKpi(d.name, d.meanB, unit);
  const { delta, interval } = differences(d, unit);
  return `<tr data-kpi="${esc(d.name)}" data-tone="${d.tone}" data-low="${d.low}" data-high="${d.high}"><td>${esc(kpiLabel(d.name))}</td><td>${a.value} ${esc(a.unit)}</td><td>${b.value} ${esc(b.unit)}</td><td class="delta ${d.tone}">${esc(delta)}</td><td class="interval"${d.n < 2 ? ' title="fewer than two replications with a value"' : ""}>${esc(interval)}</td></tr>`;
}

/** The table of `diffs`; `units` gives each KPI's unit. */
export function whatIfTable(diffs: readonly KpiDiff[], units: Record<string, string>): string {
  const rows = diffs.map((d) => row(d, units[d.name] || undefined)).join("");
  return `<table class="diff whatif-diff"><tr><th>KPI</th><th>A baseline</th><th>B what-if</th><th>B − A</th><th>95 % interval of B − A</th></tr>${rows}</table>`;
}
