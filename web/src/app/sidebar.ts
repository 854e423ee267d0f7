/** The floor view's side panel: run facts, KPIs from summary.json, workers by state and queues now. */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import { valueAt } from "../trace/playbackQuery.ts";
import { STATE_COLORS, WORKER_STATES } from "../trace/traceTypes.ts";
import { formatDuration, formatKpi, formatValue, kpiLabel } from "./format.ts";
import type { RunData } from "./runData.ts";

const MAIN_KPIS = [
  "throughputOrdersPerHour",
  "orderCycleTimeS",
  "onTimeShipRate",
  "pickTravelMPerLine",
  "fillRateLines",
  "congestionWaitS",
  "ordersShipped",
  "dockToStockS",
];

function card(run: RunData, name: string, label: string): string {
  const k = run.summary!.kpis![name];
  const f = formatKpi(name, k.mean, k.unit);
  const ci = k.ci95 ? ` ± ${formatKpi(name, k.ci95, k.unit).value}` : "";
  return `<div class="kpi" data-kpi="${esc(name)}"><div class="label">${esc(label)}</div><div class="value">${f.value}<span class="unit">${esc(f.unit)}${ci}</span></div></div>`;
}

/** HTML of KPI cards for the main KPIs present in `run.summary`. */
export function kpiCards(run: RunData): string {
  const kpis = run.summary?.kpis ?? {};
  return MAIN_KPIS.filter((k) => k in kpis)
    .map((name) => card(run, name, kpiLabel(name)))
    .join("");
}

/**
 * The run's roles by utilisation, busiest first: roles of the trace's workers (else of the
 * summary's breakdown, else every utilisation KPI), with a utilisation KPI in the summary.
 */
export function busiestRoles(run: RunData, count = 3): string[] {
  const kpis = run.summary?.kpis ?? {};
  const fromTrace = run.trace?.workers.map((w) => w.role) ?? [];
  const fromBreakdown = Object.keys(run.summary?.breakdown?.worker ?? {});
  const roles = fromTrace.length ? fromTrace : fromBreakdown;
  const names = roles.length
    ? [...new Set(roles)].map((r) => `utilization.${r}`)
    : Object.keys(kpis).filter((k) => k.startsWith("utilization."));
  return names
    .filter((n) => Number.isFinite(kpis[n]?.mean))
    .sort((a, b) => kpis[b].mean - kpis[a].mean)
    .slice(0, count)
    .map((n) => n.slice("utilization.".length));
}

/** HTML of cards for the busiest roles' utilisation. */
export function roleCards(run: RunData): string {
  return busiestRoles(run)
    .map((role) =>
      card(run, `utilization.${role}`, role).replace(
        'class="kpi"',
        `class="kpi" data-role="${esc(role)}"`,
      ),
    )
    .join("");
}

/** Renders the static part of the panel for `run`. */
export function renderSidebar(el: HTMLElement, run: RunData | null): void {
  if (!run) {
    el.innerHTML = `<h2>Run</h2><p class="muted">Open a results folder (<code>whsim run --trace --out DIR</code>, then <code>whsim view DIR</code>) or drop its files on the page.</p>`;
    return;
  }
  const trace = run.trace;
  const facts: [string, string][] = [["Scenario", run.name]];
  if (run.summary?.seed !== undefined) facts.push(["Seed", String(run.summary.seed)]);
  if (run.summary?.replications) facts.push(["Replications", String(run.summary.replications)]);
  if (run.layout)
    facts.push([
      "Floor",
      `${formatValue(run.layout.widthM)} × ${formatValue(run.layout.depthM)} m`,
    ]);
  if (run.layout) facts.push(["Locations", run.layout.locations.length.toLocaleString("en-US")]);
  if (trace) {
    facts.push(["Workers", String(trace.workers.length)]);
    facts.push([
      "Trace",
      `${trace.records.toLocaleString("en-US")} records, ${formatDuration(trace.endT - trace.startT)} h`,
    ]);
    facts.push(["Indexed in", `${formatValue(run.traceMs / 1000, 2)} s`]);
  }
  const problems = run.problems.length
    ? `<h2>Problems</h2><div class="issues">${run.problems
        .slice(0, 8)
        .map((p) => `<div>${esc(p)}</div>`)
        .join("")}</div>`
    : "";
  const cards = kpiCards(run);
  const roles = roleCards(run);
  el.innerHTML = `
    <h2>Run</h2>
    <table class="list">${facts.map(([k, v]) => `<tr><td class="muted">${esc(k)}</td><td class="num">${esc(v)}</td></tr>`).join("")}</table>
    ${cards ? `<h2>KPIs (summary)</h2><div class="kpi-grid">${cards}</div>` : ""}
    ${roles ? `<h2>Busiest roles (utilisation)</h2><div class="kpi-grid" id="busiest-roles">${roles}</div>` : ""}
    <h2>Workers now</h2><table class="list" id="state-table"></table>
    <h2>Queues now</h2><table class="list" id="queue-table"></table>
    ${problems}`;
}

/** Updates the time-dependent tables of the panel. */
export function updateSidebar(
  el: HTMLElement,
  run: RunData | null,
  t: number,
  states: Record<string, number>,
): void {
  const stateTable = el.querySelector("#state-table");
  const queueTable = el.querySelector("#queue-table");
  const trace = run?.trace;
  if (!trace || !stateTable || !queueTable) return;
  const total = trace.workers.length || 1;
  stateTable.innerHTML = WORKER_STATES.filter((s) => states[s])
    .map(
      (s) =>
        `<tr><td><span class="dot" style="background:${STATE_COLORS[s]}"></span> ${s}</td><td><div class="bar"><div style="width:${(100 * states[s]) / total}%;background:${STATE_COLORS[s]}"></div></div></td><td class="num">${states[s]}</td></tr>`,
    )
    .join("");
  const names = Object.keys(trace.queues).sort();
  const lengths = names.map((n) => valueAt(trace.queues[n], t, 0));
  const max = Math.max(1, ...lengths);
  queueTable.innerHTML = names.length
    ? names
        .map(
          (n, i) =>
            `<tr><td>${esc(n)}</td><td><div class="bar"><div style="width:${(100 * lengths[i]) / max}%"></div></div></td><td class="num">${formatValue(lengths[i])}</td></tr>`,
        )
        .join("")
    : `<tr><td class="muted">No queue records in the trace</td></tr>`;
}
