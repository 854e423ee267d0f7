/**
 * The viewer's warm-up check (a Welch plot, as in the run report): orders created and
 * shipped per simulated day and the backlog at each day's end, means over replications with
 * their 95 % intervals, from summary.json's daily counts. Steady days after the warm-up say
 * the measured window describes steady operation.
 */
import { type BarValue, barsWithCi } from "../charts/index.ts";
import type { RunData } from "./runData.ts";

type Daily = NonNullable<NonNullable<RunData["summary"]>["daily"]>;

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** `Tue 2`, and `Mon 1 (warm-up)` for days before the measured window. */
export function dayLabel(d: number, warmupDays: number): string {
  const name = `${WEEKDAYS[d % 7]} ${d + 1}`;
  return d < warmupDays ? `${name} (warm-up)` : name;
}

function bars(daily: Daily, key: string): (BarValue | null)[] {
  const s = daily[key];
  if (!s) return [];
  return s.mean.map((mean, i) => ({ mean, ci95: s.ci95[i] ?? 0 }));
}

/** Appends the warm-up check of the runs that have daily counts to `card`; false if none. */
export function warmupCharts(card: HTMLElement, runs: RunData[]): boolean {
  const withDaily = runs.filter((r) => r.summary?.daily?.createdOrders?.mean.length);
  if (!withDaily.length) return false;
  const first = withDaily[0].summary!;
  const days = first.daily!.createdOrders.mean.length;
  const warmupDays = Math.ceil((first.warmupS ?? 0) / 86_400);
  const categories = Array.from({ length: days }, (_, d) => dayLabel(d, warmupDays));
  const prefix = (r: RunData) => (runs.length > 1 ? `${runs.indexOf(r) === 0 ? "A" : "B"} · ` : "");
  const reps = withDaily.map((r) => r.summary?.replications ?? 1);
  const note = document.createElement("p");
  note.className = "muted warmup-note";
  note.textContent = `Warm-up check (Welch's method): if the days after the warm-up look alike, the measured window describes steady operation. Means over ${reps.join(" and ")} replication(s)${Math.min(...reps) > 1 ? " with 95 % intervals" : " (one replication: no intervals)"}.`;
  card.append(note);
  barsWithCi(
    card,
    {
      categories,
      series: withDaily.flatMap((r) => [
        { name: `${prefix(r)}created`, values: bars(r.summary!.daily!, "createdOrders") },
        { name: `${prefix(r)}shipped`, values: bars(r.summary!.daily!, "shippedOrders") },
      ]),
    },
    {
      title: "Orders per day",
      width: 640,
      height: 260,
      yLabel: "Orders",
      yUnit: "orders/day",
      valueLabels: false,
    },
  );
  barsWithCi(
    card,
    {
      categories,
      series: withDaily.map((r) => ({
        name: `${prefix(r)}open at the day's end`,
        values: bars(r.summary!.daily!, "backlogOrders"),
      })),
    },
    {
      title: "Backlog at each day's end",
      width: 640,
      height: 260,
      yLabel: "Orders open",
      yUnit: "orders",
      valueLabels: false,
    },
  );
  return true;
}
