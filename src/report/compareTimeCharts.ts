/**
 * The comparison report's charts over time, from each candidate's timeline (its traced
 * replication 0): throughput per hour against demand and orders in process overlaid, one
 * style per candidate, and utilisation per role and shift side by side. Times read in day
 * and clock time, the baseline's warm-up shaded.
 */

import { rollingHourlyMean, THROUGHPUT_WINDOW_H } from "../../web/src/charts/data/rollingMean.ts";
import { formatClock } from "../../web/src/charts/timeAxis.ts";
import type { TimeSeriesLine } from "../../web/src/charts/timeSeries.ts";
import { plainName } from "./glossary.ts";
import type { Block, Sheet } from "./reportModel.ts";
import type { TimelineFile } from "./resultSchemas.ts";
import { clockChart } from "./timeCharts.ts";

/** The most bars that carry value labels. */
const MAX_LABELLED_BARS = 12;

/** A candidate's name and its timeline. */
export interface NamedTimeline {
  name: string;
  timeline: TimelineFile;
}

/**
 * Orders per hour as the mean of the last THROUGHPUT_WINDOW_H hours, as the run report shows
 * them (trailers ship in bursts): each hour's count placed at the hour's start.
 */
function rollingRate(counts: number[]): [number, number][] {
  const times = counts.flatMap((n, h) => new Array<number>(n).fill(h * 3600));
  return rollingHourlyMean(times, 0, counts.length * 3600, THROUGHPUT_WINDOW_H);
}

function sameDemand(list: NamedTimeline[]): boolean {
  const first = list[0].timeline.createdPerHour.join(",");
  return list.every((x) => x.timeline.createdPerHour.join(",") === first);
}

function throughputChart(list: NamedTimeline[], warmupS: number): Block {
  const shipped = list.map(
    (x): TimeSeriesLine => ({
      name: `Shipped: ${x.name}`,
      points: rollingRate(x.timeline.shippedPerHour),
    }),
  );
  // Common random numbers give every candidate the same orders: one demand line then.
  const demand = sameDemand(list)
    ? [{ name: "Demand (orders created)", points: rollingRate(list[0].timeline.createdPerHour) }]
    : list.map((x) => ({
        name: `Demand: ${x.name}`,
        points: rollingRate(x.timeline.createdPerHour),
      }));
  return clockChart({
    id: "compare-throughput",
    title: `Orders shipped per hour against demand, mean of the last ${THROUGHPUT_WINDOW_H} h, per candidate (replication 1)`,
    series: [...shipped, ...demand],
    yLabel: "Orders",
    yUnit: "orders/h",
    warmupS,
  });
}

function wipChart(list: NamedTimeline[], warmupS: number): Block[] {
  const withWip = list.filter((x) => x.timeline.wip.length >= 2);
  if (withWip.length === 0) return [];
  return [
    clockChart({
      id: "compare-wip",
      title: "Orders in process over time, per candidate (replication 1)",
      series: withWip.map((x) => ({ name: x.name, points: x.timeline.wip })),
      yLabel: "Orders in process",
      yUnit: "orders",
      warmupS,
    }),
  ];
}

/** `role|shift` keys of every candidate's staffed roles and shifts, in first-seen order. */
function roleShiftKeys(list: NamedTimeline[]): string[] {
  const keys = new Set<string>();
  for (const { timeline } of list) {
    const { shifts, roles } = timeline.utilizationPerShift;
    for (const r of roles)
      r.shares.forEach((s, i) => {
        if (s !== null) keys.add(`${r.role}|${shifts[i]}`);
      });
  }
  return [...keys];
}

function shareOf(t: TimelineFile, role: string, shift: string): number | null {
  const { shifts, roles } = t.utilizationPerShift;
  const i = shifts.indexOf(shift);
  const share = i < 0 ? null : (roles.find((r) => r.role === role)?.shares[i] ?? null);
  return share;
}

function shiftChart(list: NamedTimeline[]): Block[] {
  const keys = roleShiftKeys(list);
  if (keys.length === 0) return [];
  const split = keys.map((k) => k.split("|") as [string, string]);
  return [
    {
      kind: "chart",
      chart: {
        id: "compare-utilization-shift",
        type: "barsWithCi",
        data: {
          categories: split.map(([role, shift]) => `${plainName(role)}, ${shift}`),
          series: list.map((x) => ({
            name: x.name,
            values: split.map(([role, shift]) => {
              const s = shareOf(x.timeline, role, shift);
              return s === null ? null : { mean: s * 100 };
            }),
          })),
        },
        options: {
          title: "Utilisation by role and shift after the warm-up, per candidate (replication 1)",
          yLabel: "Utilisation",
          yUnit: "%",
          height: 320,
          // Value labels of more bars than this crowd each other; the hover and the sheet have them.
          valueLabels: keys.length * list.length <= MAX_LABELLED_BARS,
        },
      },
    },
  ];
}

/** The charts over time of the candidates that have a timeline; nothing when none has. */
export function compareTimeCharts(list: NamedTimeline[]): Block[] {
  if (list.length === 0) return [];
  const warmupS = list[0].timeline.warmupS;
  return [throughputChart(list, warmupS), ...wipChart(list, warmupS), ...shiftChart(list)];
}

/** The charts' figures as sheets: orders per hour, utilisation per role and shift. */
export function compareTimeSheets(list: NamedTimeline[]): Sheet[] {
  if (list.length === 0) return [];
  const hourly: Sheet = {
    name: "Orders per hour",
    columns: [
      "candidate",
      "hour from Monday 00:00",
      "day and time",
      "warm-up",
      "orders created",
      "orders shipped",
    ],
    rows: list.flatMap(({ name, timeline: t }) =>
      t.createdPerHour.map((created, h) => [
        name,
        h,
        formatClock(h),
        h * 3600 < t.warmupS ? "yes" : "no",
        created,
        t.shippedPerHour[h] ?? 0,
      ]),
    ),
  };
  const keys = roleShiftKeys(list).map((k) => k.split("|") as [string, string]);
  const rows = list.flatMap(({ name, timeline }) =>
    keys.map(([role, shift]) => [name, plainName(role), shift, shareOf(timeline, role, shift)]),
  );
  const shifts: Sheet = {
    name: "Utilisation per shift",
    columns: ["candidate", "role", "shift", "utilisation (after the warm-up)"],
    rows,
    formats: rows.map(() => [undefined, undefined, undefined, "0.0%"]),
  };
  return [hourly, shifts];
}
