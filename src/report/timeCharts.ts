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
    chart({
      id: "run-utilization",
      type: "timeSeries",
      data: {
        series: hourly.map((r) => ({
          name: plainName(r.role),
          points: r.points.map(([h, v]) => [h, v * 100]),
        })),
      },
      options: {
        title: "Utilisation by role, hourly average (replication 1)",
        yLabel: "Utilisation",
        yUnit: "%",
        yMax: 100,
        clock: true,
        steps: true,
        warmupEnd: input.warmupS / 3600,
      },
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
  return chart({
    id: "run-throughput",
    type: "timeSeries",
    data: {
      series: [
        { name: `Orders shipped per hour, mean of the last ${w} h`, points: rate(shipped) },
        {
          name: `Orders created per hour (demand), mean of the last ${w} h`,
          points: rate(created),
        },
      ],
    },
    options: {
      title: `Throughput against demand, orders per hour, mean of the last ${w} h (replication 1)`,
      yLabel: "Orders",
      yUnit: "orders/h",
      clock: true,
      warmupEnd: input.warmupS / 3600,
    },
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
    chart({
      id: "run-wip",
      type: "timeSeries",
      data: {
        series: [{ name: "Orders in process", points: samples.map((s) => [s.t / 3600, s.wip]) }],
      },
      options: {
        title: "Work in process over time (replication 1)",
        yLabel: "Orders in process",
        yUnit: "orders",
        clock: true,
        warmupEnd: input.warmupS / 3600,
      },
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
