/**
 * The charts tab: KPI time series from the trace's `sample` records (work in process, queue
 * lengths, utilisation by role, stock) and the order time and worker state breakdowns from
 * summary.json, drawn with the shared chart functions in web/src/charts.
 */
import { stackedBreakdown, timeSeries } from "../charts/index.ts";
import type { RunData } from "./runData.ts";

function points(t: Float64Array, v: Float64Array, scale = 1): [number, number][] {
  const out: [number, number][] = [];
  // NOTE: long runs hold tens of thousands of samples; about 600 points per line is enough.
  const step = Math.max(1, Math.floor(t.length / 600));
  for (let i = 0; i < t.length; i += step)
    if (Number.isFinite(v[i])) out.push([t[i] / 3600, v[i] * scale]);
  return out;
}

/** A step count of events over time, at most ~600 points. */
function cumulative(times: Float64Array): [number, number][] {
  const out: [number, number][] = [[0, 0]];
  const step = Math.max(1, Math.floor(times.length / 600));
  for (let i = 0; i < times.length; i += step) out.push([times[i] / 3600, i + 1]);
  if (times.length) out.push([times[times.length - 1] / 3600, times.length]);
  return out;
}

function card(parent: HTMLElement, name: string): HTMLElement {
  const div = document.createElement("div");
  div.className = "chart-card";
  div.dataset.chart = name;
  parent.append(div);
  return div;
}

/** Draws every chart the runs have data for into `el` (replacing its content). */
export function renderCharts(el: HTMLElement, runs: RunData[]): void {
  el.replaceChildren();
  const withTrace = runs.filter((r) => r.trace && r.trace.samples.t.length > 0);
  const label = (r: RunData) => (runs.length > 1 ? `${runs.indexOf(r) === 0 ? "A" : "B"} · ` : "");
  const series = (
    pick: (r: RunData) => { name: string; t: Float64Array; v: Float64Array; scale?: number }[],
  ) =>
    withTrace.flatMap((r) =>
      pick(r).map((s) => ({ name: `${label(r)}${s.name}`, points: points(s.t, s.v, s.scale) })),
    );
  const base = { width: 640, height: 300, xLabel: "Simulated time", xUnit: "h" };

  if (withTrace.length) {
    timeSeries(
      card(el, "wip"),
      {
        series: series((r) => [
          { name: "work in process", t: r.trace!.samples.t, v: r.trace!.samples.wip },
        ]),
      },
      { ...base, title: "Work in process", yLabel: "Orders in process", yUnit: "orders" },
    );
    timeSeries(
      card(el, "queues"),
      {
        series: series((r) =>
          Object.entries(r.trace!.samples.queues).map(([name, v]) => ({
            name,
            t: r.trace!.samples.t,
            v,
          })),
        ),
      },
      { ...base, title: "Queue lengths", yLabel: "Length", yUnit: "items" },
    );
    timeSeries(
      card(el, "utilization"),
      {
        series: series((r) =>
          Object.entries(r.trace!.samples.utilization).map(([role, v]) => ({
            name: role,
            t: r.trace!.samples.t,
            v,
            scale: 100,
          })),
        ),
      },
      { ...base, title: "Utilisation by role", yLabel: "Busy share", yUnit: "%" },
    );
    timeSeries(
      card(el, "stock"),
      {
        series: series((r) => [
          { name: "stock on hand", t: r.trace!.samples.t, v: r.trace!.samples.stockUnits },
        ]),
      },
      { ...base, title: "Stock on hand", yLabel: "Stock", yUnit: "units", yMin: null },
    );
  }
  const withOrders = runs.filter((r) => r.trace && Object.keys(r.trace.orderTimes).length > 0);
  if (withOrders.length) {
    timeSeries(
      card(el, "orders"),
      {
        series: withOrders.flatMap((r) =>
          ["created", "shipped"]
            .filter((ev) => r.trace!.orderTimes[ev])
            .map((ev) => ({
              name: `${label(r)}${ev}`,
              points: cumulative(r.trace!.orderTimes[ev]),
            })),
        ),
      },
      {
        ...base,
        title: "Orders created and shipped (cumulative)",
        yLabel: "Orders",
        yUnit: "orders",
      },
    );
  }
  const withOrder = runs.filter((r) => r.summary?.breakdown?.order);
  if (withOrder.length) {
    stackedBreakdown(
      card(el, "order-breakdown"),
      {
        rows: withOrder.map((r, i) => ({
          label: runs.length > 1 ? `${i === 0 ? "A" : "B"}: ${r.name}` : r.name,
          parts: r.summary!.breakdown!.order!,
        })),
      },
      { title: "Order time breakdown (mean per order)", width: 640, xLabel: "Time", xUnit: "s" },
    );
  }
  const roles = runs.flatMap((r, i) =>
    Object.entries(r.summary?.breakdown?.worker ?? {}).map(([role, parts]) => ({
      label: runs.length > 1 ? `${i === 0 ? "A" : "B"} ${role}` : role,
      parts,
    })),
  );
  if (roles.length) {
    stackedBreakdown(
      card(el, "worker-breakdown"),
      { rows: roles },
      {
        title: "Worker time by state",
        width: 640,
        xLabel: "Share of time",
        xUnit: "%",
        scale: 100,
      },
    );
  }
  if (!el.children.length) {
    el.innerHTML = `<p class="muted" style="padding:16px">No charts: the run has no <code>sample</code> records and no breakdown in summary.json.</p>`;
  }
}
