/**
 * The size of one replication, estimated from the scenario before anything runs: orders,
 * order lines and simulation events. A run above the limits is refused as bad input (every
 * field is in range, but together they ask for hours or days of computing), unless the
 * user forces it.
 */
import type { InputIssue } from "../common/inputError.ts";
import { type DistSpec, empiricalMean, distMean as exactMean } from "../engine/index.ts";
import type { DistSpecInput } from "./distSpec.ts";
import type { Scenario } from "./loader.ts";

/** Estimated size of one replication. */
export interface RunSize {
  /** Customer and line-feeding orders created over the horizon. */
  orders: number;
  /** Order lines picked. */
  lines: number;
  /** Simulation events stepped (about 6 a line, plus samples, counts and shrinkage). */
  events: number;
}

/**
 * The largest replication run without `--force`. The bundled large.yaml (30 days, 6,000
 * orders a day) is about a fifth of each: about 180,000 orders, 450,000 lines and 2.7
 * million events, a minute or two on one core.
 */
export const RUN_SIZE_LIMITS: RunSize = {
  orders: 1_000_000,
  lines: 5_000_000,
  events: 20_000_000,
};

/** Events per order line, measured on the bundled scenarios (4–6). */
const EVENTS_PER_LINE = 6;

/**
 * A run-size estimate of a distribution's mean, from a spec not yet validated (its variate
 * before rounding): a normal truncated at `min` counts as its untruncated mean, at least
 * `min`, and empirical weights summing to 0 as 0. The engine's `distMean` is the exact mean.
 */
export function roughMean(spec: DistSpecInput): number {
  if (spec.dist === "normal") return Math.max(spec.mean, spec.min ?? spec.mean);
  if (spec.dist === "empirical") return empiricalMean(spec.values, spec.weights);
  return exactMean(spec as DistSpec);
}

/** Minutes from `HH:MM`. */
function minutesOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h * 60 + m;
}

/** Line-feeding orders a production line creates over `days`. */
function productionOrders(
  line: Scenario["operations"]["productionSupply"]["lines"][number],
  days: number,
): number {
  let minutes = minutesOf(line.end) - minutesOf(line.start);
  if (minutes <= 0) minutes += 24 * 60;
  const runningDays = (days * line.days.length) / 7;
  return (runningDays * minutes * 60) / line.intervalS;
}

/** Estimates one replication's orders, lines and events. */
export function estimateRunSize(scenario: Scenario): RunSize {
  const days = scenario.horizonDays;
  const { outbound, operations } = scenario;
  const linesPerOrder = Math.max(1, roughMean(outbound.linesPerOrder));
  const randomOrders = outbound.ordersPerDay * days;
  const givenLines = outbound.orderList.reduce((sum, order) => sum + order.lines.length, 0);
  let feedingOrders = 0;
  let feedingLines = 0;
  for (const line of operations.productionSupply.lines) {
    const orders = productionOrders(line, days);
    feedingOrders += orders;
    feedingLines += orders * Math.max(1, roughMean(line.linesPerOrder));
  }
  const orders = randomOrders + outbound.orderList.length + feedingOrders;
  const lines = randomOrders * linesPerOrder + givenLines + feedingLines;
  const horizonS = days * 86_400;
  const faces = scenario.skus.list?.length ?? scenario.skus.count;
  const perYear = operations.counts.countsPerYear;
  const counts = (faces * Math.max(perYear.A, perYear.B, perYear.C) * days) / 365;
  const events =
    lines * EVENTS_PER_LINE +
    horizonS / scenario.sampleIntervalS +
    counts +
    operations.stockErrors.shrinkageUnitsPerDay * days;
  return { orders, lines, events };
}

/** What drives each measure, for the message. */
const DRIVERS: Record<keyof RunSize, string> = {
  orders: "outbound.ordersPerDay × horizonDays, given orders, production lines",
  lines: "orders × outbound.linesPerOrder",
  events: "lines, samples (sampleIntervalS), cycle counts, shrinkage",
};

/** An issue for every measure of the estimate above its limit (none when it fits). */
export function runSizeIssues(
  scenario: Scenario,
  file: string,
  limits: RunSize = RUN_SIZE_LIMITS,
): InputIssue[] {
  const size = estimateRunSize(scenario);
  const issues: InputIssue[] = [];
  for (const measure of Object.keys(limits) as (keyof RunSize)[]) {
    if (!(size[measure] <= limits[measure])) {
      issues.push({
        file,
        path: `run size (${DRIVERS[measure]})`,
        value: `about ${Math.round(size[measure])} ${measure} per replication`,
        expected: `at most ${limits[measure]}; make the scenario smaller, or pass --force to run it anyway`,
      });
    }
  }
  return issues;
}
