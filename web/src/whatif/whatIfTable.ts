/**
 * The what-if's KPI table: baseline and what-if means over replications, and the paired
 * difference with its 95 % interval, green or red only when the interval excludes zero.
 */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import { formatKpi, kpiLabel } from "../app/format.ts";
import type { KpiDiff } from "./whatIfStats.ts";

function signed(name: string, v: number, unit: string | undefined): string {
  const f = formatKpi(name, v, unit);
  return /^-/.test(f.value) || v === 0 ? f.value : `+${f.value}`;
}

function intervalText(d: KpiDiff, unit: string | undefined): string {
  if (d.n < 2 || !Number.isFinite(d.low))
    return "no interval (fewer than two replications with a value)";
  return `${signed(d.name, d.low, unit)} to ${signed(d.name, d.high, unit)}`;
}

function row(d: KpiDiff, unit: string | undefined): string {
  const a = formatKpi(d.name, d.meanA, unit);
  const b = formatKpi(d.name, d.meanB, unit);
  const diff = formatKpi(d.name, d.diff, unit);
  const delta = `${signed(d.name, d.diff, unit)} ${esc(diff.unit)}`;
  return `<tr data-kpi="${esc(d.name)}" data-tone="${d.tone}" data-low="${d.low}" data-high="${d.high}"><td>${esc(kpiLabel(d.name))}</td><td>${a.value} ${esc(a.unit)}</td><td>${b.value} ${esc(b.unit)}</td><td class="delta ${d.tone}">${delta}</td><td class="interval">${intervalText(d, unit)}</td></tr>`;
}

/** The table of `diffs`; `units` gives each KPI's unit. */
export function whatIfTable(diffs: readonly KpiDiff[], units: Record<string, string>): string {
  const rows = diffs.map((d) => row(d, units[d.name] || undefined)).join("");
  return `<table class="diff whatif-diff"><tr><th>KPI</th><th>A baseline</th><th>B what-if</th><th>B − A</th><th>95 % interval of B − A</th></tr>${rows}</table>`;
}
