/**
 * The charts tab: KPI time series from the trace's `sample` records (work in process, queue
 * lengths, stock), utilisation by role per hour and per shift and a state timeline from the
 * workers' states, throughput per hour against demand and the cycle-time distribution from
 * the order records, and the order time and worker state breakdowns from summary.json, drawn
 * with the shared chart functions in web/src/charts. Times read in day and clock time, the
 * warm-up shaded.
 */

import { splitWorkerTime } from "../../../src/warehouse/measure/workerTime.ts";
import {
  barsWithCi,
  ganttRows,
  rollingHourlyMean,
  type ShiftSpec,
  shiftWindows,
  stackedBreakdown,
  stateTimeline,
  THROUGHPUT_WINDOW_H,
  type TimeSeriesData,
  type TimeSeriesOptions,
  timeSeries,
  utilizationPerBucket,
  utilizationPerShift,
  type WorkerSteps,
} from "../charts/index.ts";
import { WORKER_STATES } from "../trace/traceTypes.ts";
import { cycleTimeChart } from "./cycleTimeChart.ts";
import type { RunData } from "./runData.ts";
import { warmupCharts } from "./warmupCharts.ts";

/** The workers of a run's trace as state steps (state names, not codes). */
function workerSteps(r: RunData): WorkerSteps[] {
  const tracks = r.trace?.workers ?? [];
  return tracks
    .filter((w) => w.stateT.length > 0 && w.stateCode.some((c) => WORKER_STATES[c] !== "off-shift"))
    .map((w) => ({
      id: w.id,
      role: w.role,
      t: w.stateT,
      states: Array.from(w.stateCode, (c) => WORKER_STATES[c] ?? "other"),
    }));
}

/** The run's warm-up and horizon, s (the horizon from the summary or the trace header). */
function runWindow(r: RunData): { warmupS: number; horizonS: number } {
  const summary = r.summary as { warmupS?: number; horizonS?: number } | null;
  const horizonS = summary?.horizonS ?? r.trace?.header?.horizonS ?? 0;
  return { warmupS: summary?.warmupS ?? 0, horizonS };
}

/** `workforce.shifts` of the run's resolved scenario, if any. */
function scenarioShifts(r: RunData): Record<string, ShiftSpec> {
  const workforce = (r.scenario as { workforce?: { shifts?: Record<string, ShiftSpec> } } | null)
    ?.workforce;
  return workforce?.shifts ?? {};
}

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

/** Moves the time cursor of every time-series chart to a simulated time, s. */
export type ChartCursor = (t: number) => void;

/**
 * Draws a time series (x in hours) and adds a vertical cursor line over its plot. The chart's
 * x scale maps the data's x extent onto the width of its x axis, so the cursor uses the same.
 */
function seriesWithCursor(
  container: HTMLElement,
  data: TimeSeriesData,
  options: TimeSeriesOptions,
  cursors: ((hours: number) => void)[],
): void {
  timeSeries(container, data, options);
  const xs = data.series.flatMap((s) => s.points.map((p) => p[0]));
  const svg = container.querySelector("svg:last-of-type");
  const axis = svg?.querySelector<SVGGElement>(".axis.x");
  const plot = svg?.querySelector<SVGGElement>("g.plot");
  if (!xs.length || !axis || !plot) return;
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  // The axis line runs "M<x0>,6V<o>H<x1>V6" across the range; it is read from the path data
  // because a chart drawn in a hidden tab has no layout box yet.
  const d = axis.querySelector(".domain")?.getAttribute("d") ?? "";
  const m = /^M([\d.-]+),[\d.-]+V[\d.-]+H([\d.-]+)/.exec(d);
  const width = m ? Number(m[2]) - Number(m[1]) : 0;
  const height = Number(
    /translate\(\s*0\s*,\s*([\d.]+)/.exec(axis.getAttribute("transform") ?? "")?.[1] ?? 0,
  );
  if (!(width > 0 && height > 0 && x1 > x0)) return;
  const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
  line.setAttribute("class", "time-cursor");
  line.setAttribute("y1", "0");
  line.setAttribute("y2", String(height));
  line.setAttribute("stroke", "#dc2626");
  line.setAttribute("stroke-width", "1.2");
  line.setAttribute("stroke-dasharray", "4 3");
  plot.append(line);
  cursors.push((hours) => {
    const x = ((hours - x0) / (x1 - x0)) * width;
    const inside = x >= 0 && x <= width;
    line.setAttribute("visibility", inside ? "visible" : "hidden");
    line.setAttribute("x1", String(x));
    line.setAttribute("x2", String(x));
  });
}

/** A time-series chart of the trace's samples: its card name, titles and the series of a run. */
interface SampleChart {
  name: string;
  title: string;
  yLabel: string;
  yUnit: string;
  yMin?: null;
  series: (r: RunData) => { name: string; t: Float64Array; v: Float64Array; scale?: number }[];
}

const SAMPLE_CHARTS: SampleChart[] = [
  {
    name: "wip",
    title: "Work in process",
    yLabel: "Orders in process",
    yUnit: "orders",
    series: (r) => [{ name: "work in process", t: r.trace!.samples.t, v: r.trace!.samples.wip }],
  },
  {
    name: "queues",
    title: "Queue lengths",
    yLabel: "Length",
    yUnit: "items",
    series: (r) =>
      Object.entries(r.trace!.samples.queues).map(([name, v]) => ({
        name,
        t: r.trace!.samples.t,
        v,
      })),
  },
  {
    name: "stock",
    title: "Stock on hand",
    yLabel: "Stock",
    yUnit: "units",
    yMin: null,
    series: (r) => [
      { name: "stock on hand", t: r.trace!.samples.t, v: r.trace!.samples.stockUnits },
    ],
  },
];

/** Options of every chart over time: day and clock time, the first run's warm-up shaded. */
function timeAxis(runs: RunData[]): Omit<TimeSeriesOptions, "title"> {
  return {
    width: 640,
    height: 300,
    xLabel: "Simulated day and time",
    clock: true,
    warmupEnd: runs.length ? runWindow(runs[0]).warmupS / 3600 : undefined,
  };
}

/** "A · " or "B · " before a series name when two runs are shown. */
function runPrefix(runs: RunData[], r: RunData): string {
  return runs.length > 1 ? `${runs.indexOf(r) === 0 ? "A" : "B"} · ` : "";
}

function sampleCharts(el: HTMLElement, runs: RunData[], cursors: ((h: number) => void)[]): void {
  const withTrace = runs.filter((r) => r.trace && r.trace.samples.t.length > 0);
  if (!withTrace.length) return;
  for (const chart of SAMPLE_CHARTS) {
    const series = withTrace.flatMap((r) =>
      chart.series(r).map((s) => ({
        name: `${runPrefix(runs, r)}${s.name}`,
        points: points(s.t, s.v, s.scale),
      })),
    );
    const { name, series: _, ...labels } = chart;
    seriesWithCursor(card(el, name), { series }, { ...timeAxis(runs), ...labels }, cursors);
  }
}

function orderCharts(el: HTMLElement, runs: RunData[], cursors: ((h: number) => void)[]): void {
  const withOrders = runs.filter((r) => r.trace && Object.keys(r.trace.orderTimes).length > 0);
  if (!withOrders.length) return;
  const series = withOrders.flatMap((r) =>
    ["created", "shipped"]
      .filter((ev) => r.trace!.orderTimes[ev])
      .map((ev) => ({
        name: `${runPrefix(runs, r)}${ev}`,
        points: cumulative(r.trace!.orderTimes[ev]),
      })),
  );
  seriesWithCursor(
    card(el, "orders"),
    { series },
    {
      ...timeAxis(runs),
      title: "Orders created and shipped (cumulative)",
      yLabel: "Orders",
      yUnit: "orders",
    },
    cursors,
  );
}

function breakdownCharts(el: HTMLElement, runs: RunData[]): void {
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
      // Reasons for waiting are parts of `waiting`: only the states stack.
      parts: splitWorkerTime(parts).states,
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
}

interface ChartContext {
  label: (r: RunData) => string;
  base: Omit<TimeSeriesOptions, "title">;
  cursors: ((hours: number) => void)[];
}

/** Utilisation per role per hour, per role and shift, throughput against demand, timelines. */
function workerCharts(el: HTMLElement, runs: RunData[], ctx: ChartContext): void {
  const staffed = runs.map((r) => ({ r, workers: workerSteps(r), ...runWindow(r) }));
  const withWorkers = staffed.filter((x) => x.workers.length > 0 && x.horizonS > 0);
  if (withWorkers.length) {
    const series = withWorkers.flatMap(({ r, workers, horizonS }) =>
      utilizationPerBucket(workers, { fromS: 0, toS: horizonS }).map((u) => ({
        name: `${ctx.label(r)}${u.role}`,
        points: u.points.map(([h, v]): [number, number] => [h, v * 100]),
      })),
    );
    const options = { ...ctx.base, title: "Utilisation by role, hourly average", steps: true };
    seriesWithCursor(
      card(el, "utilization"),
      { series },
      { ...options, yLabel: "Utilisation", yUnit: "%", yMax: 100 },
      ctx.cursors,
    );
    shiftChart(card(el, "utilization-shift"), withWorkers, ctx);
  }
  throughputChart(el, runs, ctx);
  for (const { r, workers, warmupS, horizonS } of withWorkers) {
    const fromS = warmupS < horizonS ? warmupS : 0;
    const toS = Math.min(horizonS, fromS + 86_400);
    stateTimeline(card(el, "state-timeline"), ganttRows(workers, { fromS, toS }), {
      title: `${ctx.label(r)}What each worker does over the first measured day`,
      width: 640,
    });
  }
}

/** Busy share per role and shift after the warm-up, one bar per shift (and run). */
function shiftChart(
  el: HTMLElement,
  runs: { r: RunData; workers: WorkerSteps[]; warmupS: number; horizonS: number }[],
  ctx: ChartContext,
): void {
  const per = runs.map((x) => ({
    r: x.r,
    u: utilizationPerShift(x.workers, shiftWindows(scenarioShifts(x.r), x.warmupS, x.horizonS)),
  }));
  const roles = [...new Set(per.flatMap((p) => p.u.roles.map((r) => r.role)))];
  const series = per.flatMap(({ r, u }) =>
    u.shifts.map((shift, i) => ({
      name: `${ctx.label(r)}${shift} shift`,
      values: roles.map((role) => {
        const share = u.roles.find((x) => x.role === role)?.shares[i] ?? Number.NaN;
        return Number.isFinite(share) ? { mean: share * 100 } : null;
      }),
    })),
  );
  if (series.length === 0) {
    el.remove();
    return;
  }
  barsWithCi(
    el,
    { categories: roles, series },
    {
      title: "Utilisation by role and shift, after the warm-up",
      width: 640,
      height: 300,
      yLabel: "Utilisation",
      yUnit: "%",
    },
  );
}

/**
 * Orders shipped and created (demand) per hour, each the mean of the last few hours: trailers
 * ship in bursts, so hourly shipments alone jump between zero and hundreds.
 */
function throughputChart(el: HTMLElement, runs: RunData[], ctx: ChartContext): void {
  const withOrders = runs.filter((r) => r.trace?.orderTimes.created?.length);
  if (!withOrders.length) return;
  const w = THROUGHPUT_WINDOW_H;
  const series = withOrders.flatMap((r) => {
    const { horizonS } = runWindow(r);
    const times = r.trace!.orderTimes;
    const toS = horizonS || Math.max(...(times.created ?? []), ...(times.shipped ?? []), 1);
    return [
      {
        name: `${ctx.label(r)}shipped per hour, mean of the last ${w} h`,
        points: rollingHourlyMean(times.shipped ?? [], 0, toS, w),
      },
      {
        name: `${ctx.label(r)}created per hour (demand), mean of the last ${w} h`,
        points: rollingHourlyMean(times.created ?? [], 0, toS, w),
      },
    ];
  });
  seriesWithCursor(
    card(el, "throughput"),
    { series },
    {
      ...ctx.base,
      title: `Throughput against demand (orders per hour, mean of the last ${w} h)`,
      yLabel: "Orders",
      yUnit: "orders/h",
    },
    ctx.cursors,
  );
}

/** Draws every chart the runs have data for into `el` (replacing its content). */
export function renderCharts(el: HTMLElement, runs: RunData[]): ChartCursor {
  el.replaceChildren();
  const cursors: ((hours: number) => void)[] = [];
  sampleCharts(el, runs, cursors);
  const withTrace = runs.filter((r) => r.trace);
  workerCharts(el, withTrace, { label: (r) => runPrefix(runs, r), base: timeAxis(runs), cursors });
  for (const r of withTrace) {
    const c = card(el, "cycle-times");
    if (!cycleTimeChart(c, r, runWindow(r), runPrefix(runs, r))) c.remove();
  }
  orderCharts(el, runs, cursors);
  breakdownCharts(el, runs);
  const warmup = card(el, "warmup");
  if (!warmupCharts(warmup, runs)) warmup.remove();
  if (!el.children.length) {
    el.innerHTML = `<p class="muted" style="padding:16px">No charts: the run has no <code>sample</code> records and no breakdown in summary.json.</p>`;
  }
  return (t) => {
    for (const c of cursors) c(t / 3600);
  };
}
