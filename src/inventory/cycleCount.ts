/**
 * Count schedules: ABC cycle counting (each item counted a set number of times a year by
 * class, spread evenly), opportunity counts (a location runs low or empty), and full
 * physical inventories (every location at given times).
 */
import type { VelocityClass } from "./types.ts";

/** Seconds in a year of 365 days. */
export const YEAR_S = 365 * 86_400;

/** One count to do. */
export interface CountTask {
  timeS: number;
  /** The location (or SKU) to count. */
  id: string;
  reason: "abc" | "opportunity" | "full";
}

/** An item to cycle count and its class. */
export interface CountItem {
  id: string;
  velocityClass: VelocityClass;
}

/** Options of `abcCountSchedule`. */
export interface AbcCountOptions {
  /** Counts per year per class. Defaults to { A: 12, B: 4, C: 1 }; classes missing are never counted. */
  countsPerYear?: Readonly<Record<VelocityClass, number>>;
  /** Start of the schedule, s. Defaults to 0. */
  startS?: number;
  /** End of the schedule (exclusive), s. */
  endS: number;
  /** Length of a year, s. Defaults to 365 days. */
  yearS?: number;
}

/**
 * ABC cycle counting: each item of a class with f counts a year is counted every year/f
 * seconds; the n items of a class are staggered by year/(f·n) so the daily workload is
 * level. Tasks sorted by time (ties by id).
 */
export function abcCountSchedule(
  items: readonly CountItem[],
  options: AbcCountOptions,
): CountTask[] {
  const perYear = options.countsPerYear ?? { A: 12, B: 4, C: 1 };
  const start = options.startS ?? 0;
  const year = options.yearS ?? YEAR_S;
  const byClass = new Map<VelocityClass, string[]>();
  for (const item of items) {
    const list = byClass.get(item.velocityClass) ?? [];
    list.push(item.id);
    byClass.set(item.velocityClass, list);
  }
  const tasks: CountTask[] = [];
  for (const [cls, ids] of byClass) {
    const f = perYear[cls] ?? 0;
    if (!(f > 0)) continue;
    const interval = year / f;
    ids.forEach((id, j) => {
      const offset = start + (j / ids.length) * interval;
      for (let k = 0; offset + k * interval < options.endS; k++) {
        tasks.push({ timeS: offset + k * interval, id, reason: "abc" });
      }
    });
  }
  return tasks.sort((a, b) => a.timeS - b.timeS || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Counts a year the schedule makes per class: items × frequency. */
export function countsPerYearByClass(
  items: readonly CountItem[],
  countsPerYear: Readonly<Record<VelocityClass, number>> = { A: 12, B: 4, C: 1 },
): Record<VelocityClass, number> {
  const out: Record<VelocityClass, number> = {};
  for (const item of items) {
    out[item.velocityClass] =
      (out[item.velocityClass] ?? 0) + (countsPerYear[item.velocityClass] ?? 0);
  }
  return out;
}

/** Options of opportunity counting. */
export interface OpportunityOptions {
  /** Count when the record after a pick is at or below this many units (0: only when empty). Defaults to 0. */
  lowUnits?: number;
}

/**
 * Whether a pick is an opportunity to count its location: "empty" when the record says the
 * location is now empty, "low" when at or below `lowUnits`, "short" when the picker found
 * less than the record said; undefined otherwise.
 */
export function opportunityCount(
  after: { recordUnits: number; pickerFoundShort?: boolean },
  options: OpportunityOptions = {},
): "empty" | "low" | "short" | undefined {
  if (after.pickerFoundShort) return "short";
  if (after.recordUnits <= 0) return "empty";
  if (after.recordUnits <= (options.lowUnits ?? 0)) return "low";
  return undefined;
}

/**
 * A full physical inventory: every location counted at each of `atS` (the warehouse is
 * usually frozen meanwhile). Tasks sorted by time, then location id.
 */
export function fullPhysicalInventory(
  locationIds: readonly string[],
  atS: readonly number[],
): CountTask[] {
  const ids = [...locationIds].sort();
  return [...atS]
    .sort((a, b) => a - b)
    .flatMap((timeS) => ids.map((id) => ({ timeS, id, reason: "full" as const })));
}
