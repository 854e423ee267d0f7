/**
 * The run report's charts over time, from the traced replication: utilisation per role
 * averaged per hour and per shift, throughput per hour against demand, the cycle-time
 * distribution with its percentiles, a state timeline per worker over the first measured day
 * and work in process. Times read in day and clock time, the warm-up shaded.
 */
import { bucketMeans } from "../../web/src/charts/data/bucketMeans.ts";
import { ganttRows } from "../../web/src/charts/data/gantt.ts";
import { histogramWithPercentiles, quantile } from "../../web/src/charts/data/histogram.ts";
import { rollingHourlyMean, THROUGHPUT_WINDOW_H } from "../../web/src/charts/data/rollingMean.ts";
import { type ShiftSpec, shiftWindows } from "../../web/src/charts/data/shiftWindows.ts";
import {
  utilizationPerBucket,
  utilizationPerShift,
} from "../../web/src/charts/data/utilization.ts";
import type { WorkerSteps } from "../../web/src/charts/data/workerSteps.ts";
import type { TimeSeriesLine } from "../../web/src/charts/timeSeries.ts";
import { windowCycles } from "../../web/src/trace/orderCycles.ts";
import { displayScale } from "../common/units.ts";
import { plainName } from "./glossary.ts";
import type { TraceAggregates } from "./readResultsFolder.ts";
import type { Block, ChartSpec } from "./reportModel.ts";

/** What the time charts read: the trace's aggregates, the run's window and its shifts. */
export interface TimeChartInput {
  trace: TraceAggregates;
  warmupS: number;
  horizonS: number;
  /** `workforce.shifts` of the resolved scenario. */
  shifts?: Record<string, ShiftSpec>;
}

const chart = (c: ChartSpec): Block => ({ kind: "chart", chart: c });

/** A line chart over day and clock time (x in hours from Monday 00:00), the warm-up shaded. */
export interface ClockChart {
  id: string;
  title: string;
  series: TimeSeriesLine[];
  yLabel: string;
  yUnit: string;
  warmupS: number;
  yMax?: number;
  /** Each point holds until the next (hourly counts and averages). */
  steps?: boolean;
}

/** The chart block of a ClockChart. */
export function clockChart(c: ClockChart): Block {
  return chart({
    id: c.id,
    type: "timeSeries",
    data: { series: c.series },
    options: {
      title: c.title,
      yLabel: c.yLabel,
      yUnit: c.yUnit,
      ...(c.yMax === undefined ? {} : { yMax: c.yMax }),
      clock: true,
      ...(c.steps ? { steps: true } : {}),
      warmupEnd: c.warmupS / 3600,
    },
  });
}

/** Only workers who were ever on shift: roles with no crew are left out. */
function staffed(workers: WorkerSteps[]): WorkerSteps[] {
  return workers.filter((w) => Array.from(w.states).some((s) => s !== "off-shift"));
}

/**
 * Busy share per role and hour: from the workers' states, or (a trace without state records)
 * the mean of the periodic samples in each hour, for the roles the header lists.
 */
function hourlyUtilization(input: TimeChartInput, workers: WorkerSteps[]) {
  if (workers.length > 0) return utilizationPerBucket(workers, { fromS: 0, toS: input.horizonS });
  const roles = new Set(input.trace.timelines.workers.map((w) => w.role));
  const sampled = [...new Set(input.trace.samples.flatMap((s) => Object.keys(s.utilization)))];
  return sampled
    .filter((role) => roles.size === 0 || roles.has(role))
    .map((role) => ({
      role,
      points: bucketMeans(input.trace.samples.map((s) => [s.t, s.utilization[role] ?? Number.NaN])),
    }));
}

function utilizationCharts(input: TimeChartInput, workers: WorkerSteps[]): Block[] {
  const hourly = hourlyUtilization(input, workers);
  if (hourly.length === 0) return [];
  const blocks = [
    clockChart({
      id: "run-utilization",
      title: "Utilisation by role, hourly average (replication 1)",
      series: hourly.map((r) => ({
        name: plainName(r.role),
        points: r.points.map(([h, v]): [number, number] => [h, v * 100]),
      })),
      yLabel: "Utilisation",
      yUnit: "%",
      yMax: 100,
      steps: true,
      warmupS: input.warmupS,
    }),
  ];
  const windows = shiftWindows(input.shifts ?? {}, input.warmupS, input.horizonS);
  if (windows.length === 0 || workers.length === 0) return blocks;
  const perShift = utilizationPerShift(workers, windows);
  blocks.push(
    chart({
      id: "run-utilization-shift",
      type: "barsWithCi",
      data: {
        categories: perShift.roles.map((r) => plainName(r.role)),
        series: perShift.shifts.map((shift, i) => ({
          name: `${shift} shift`,
          values: perShift.roles.map((r) =>
            Number.isFinite(r.shares[i]) ? { mean: r.shares[i] * 100 } : null,
          ),
        })),
      },
      options: {
        title: "Utilisation by role and shift, after the warm-up (replication 1)",
        yLabel: "Utilisation",
        yUnit: "%",
        height: 300,
      },
    }),
  );
  return blocks;
}

/** Orders shipped and created per hour, each the mean of the last few hours (trailers ship in bursts). */
function throughputChart(input: TimeChartInput): Block {
  const { created, shipped } = input.trace.timelines.orders;
  const w = THROUGHPUT_WINDOW_H;
  const rate = (times: number[]) => rollingHourlyMean(times, 0, input.horizonS, w);
  return clockChart({
    id: "run-throughput",
    title: `Throughput against demand, orders per hour, mean of the last ${w} h (replication 1)`,
    series: [
      { name: `Orders shipped per hour, mean of the last ${w} h`, points: rate(shipped) },
      { name: `Orders created per hour (demand), mean of the last ${w} h`, points: rate(created) },
    ],
    yLabel: "Orders",
    yUnit: "orders/h",
    warmupS: input.warmupS,
  });
}

function cycleTimeChart(input: TimeChartInput): Block[] {
  const { cycleS: cycles, open } = windowCycles(input.trace.timelines.orders.cycles, input.warmupS);
  if (cycles.length < 2) return [];
  const sorted = [...cycles].sort((a, b) => a - b);
  const scale = displayScale("s", quantile(sorted, 0.5));
  return [
    chart({
      id: "run-cycle-times",
      type: "distribution",
      data: histogramWithPercentiles(cycles, { bins: 30, scale: scale.factor }),
      options: {
        title: `Order cycle time of the ${cycles.length.toLocaleString("en-US")} orders created after the warm-up and shipped; ${open.toLocaleString("en-US")} more still open at the end (replication 1)`,
        xLabel: "Cycle time, creation to shipping",
        xUnit: scale.unit,
        yLabel: "Orders",
        yUnit: "orders",
      },
    }),
  ];
}

function timelineChart(input: TimeChartInput, workers: WorkerSteps[]): Block {
  const fromS = input.warmupS;
  const toS = Math.min(input.horizonS, fromS + 86_400);
  return chart({
    id: "run-state-timeline",
    type: "stateTimeline",
    data: ganttRows(workers, { fromS, toS, bins: 480 }),
    options: { title: "What each worker does over the first measured day (replication 1)" },
  });
}

function wipChart(input: TimeChartInput): Block[] {
  const samples = input.trace.samples;
  if (samples.length < 2) return [];
  return [
    clockChart({
      id: "run-wip",
      title: "Work in process over time (replication 1)",
      series: [{ name: "Orders in process", points: samples.map((s) => [s.t / 3600, s.wip]) }],
      yLabel: "Orders in process",
      yUnit: "orders",
      warmupS: input.warmupS,
    }),
  ];
}

/** The time charts of a traced run; nothing without a trace. */
export function timeCharts(input: TimeChartInput): Block[] {
  const workers = staffed(input.trace.timelines.workers);
  const blocks: Block[] = [];
  blocks.push(...utilizationCharts(input, workers));
  if (input.trace.timelines.orders.created.length > 0) blocks.push(throughputChart(input));
  blocks.push(...cycleTimeChart(input));
  if (workers.length > 0) blocks.push(timelineChart(input, workers));
  blocks.push(...wipChart(input));
  return blocks;
}
