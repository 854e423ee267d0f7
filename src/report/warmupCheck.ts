/**
 * The warm-up check of a run report (a Welch plot): orders created and shipped per day and
 * the backlog at each day's end, mean and 95 % interval over replications, with a sentence
 * on whether the measured window starts and ends in the same state.
 */
import { DAY_NAMES } from "../scenario/index.ts";
import { formatValue } from "./format.ts";
import type { Block } from "./reportModel.ts";
import type { Summary } from "./resultSchemas.ts";

type Series = { mean: number[]; ci95: (number | null)[] };

/** `Tue 2` (weekday and day number), `Mon 1 (warm-up)` on the days before the window. */
function dayLabel(d: number, warmupDays: number): string {
  const day = DAY_NAMES[d % 7];
  const name = `${day.charAt(0).toUpperCase()}${day.slice(1)} ${d + 1}`;
  return d < warmupDays ? `${name} (warm-up)` : name;
}

function points(s: Series): ({ mean: number; ci95: number } | null)[] {
  return s.mean.map((mean, i) => ({ mean, ci95: s.ci95[i] ?? 0 }));
}

/** What the backlog did over the window, in one sentence. */
function backlogSentence(summary: Summary): string {
  const start = summary.kpis.backlogAtStartOrders;
  const end = summary.kpis.backlogAtEndOrders;
  if (!start || !end) return "";
  const gap = end.mean - start.mean;
  const noise =
    (Number.isFinite(start.ci95) ? start.ci95 : 0) + (Number.isFinite(end.ci95) ? end.ci95 : 0);
  const state =
    Math.abs(gap) <= Math.max(noise, 0.1 * Math.max(start.mean, end.mean, 1))
      ? "about the same: the window starts and ends in a similar state, so the warm-up is long enough for these figures"
      : gap > 0
        ? "larger at the end: orders pile up faster than they ship, so a longer run would show longer cycle times and later orders"
        : "smaller at the end: the warm-up left more work open than the warehouse carries later; a longer warm-up would measure a steadier state";
  return `The window opens with ${formatValue(start.mean)} orders open and ends with ${formatValue(end.mean)}: ${state}. Every order KPI counts only orders created in the window (open ones too), so the backlog the warm-up leaves never counts as throughput.`;
}

/** The warm-up check's charts and sentence, or nothing for results without daily counts. */
export function warmupCheckBlocks(summary: Summary): Block[] {
  const daily = summary.daily as Record<string, Series> | undefined;
  const created = daily?.createdOrders;
  const shipped = daily?.shippedOrders;
  const backlog = daily?.backlogOrders;
  if (!created || !shipped || !backlog || created.mean.length === 0) return [];
  const warmupDays = Math.ceil(summary.warmupS / 86_400);
  const categories = created.mean.map((_, d) => dayLabel(d, warmupDays));
  return [
    {
      kind: "p",
      text: "A warm-up check (Welch's method): if the days after the warm-up look alike, the measured window describes steady operation. Bars are means over replications with their 95 % intervals.",
    },
    {
      kind: "chart",
      chart: {
        id: "run-daily-orders",
        type: "barsWithCi",
        data: {
          categories,
          series: [
            { name: "Orders created", values: points(created) },
            { name: "Orders shipped", values: points(shipped) },
          ],
        },
        options: {
          title: "Orders per day",
          width: 440,
          yLabel: "Orders",
          yUnit: "orders/day",
          height: 260,
          valueLabels: false,
        },
      },
    },
    {
      kind: "chart",
      chart: {
        id: "run-daily-backlog",
        type: "barsWithCi",
        data: { categories, series: [{ name: "Orders open", values: points(backlog) }] },
        options: {
          title: "Backlog at each day's end",
          width: 440,
          yLabel: "Orders open",
          yUnit: "orders",
          height: 260,
          valueLabels: false,
        },
      },
    },
    ...[backlogSentence(summary)].filter(Boolean).map((text): Block => ({ kind: "p", text })),
  ];
}
