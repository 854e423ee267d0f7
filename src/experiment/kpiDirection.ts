/**
 * Which way is better for each KPI: throughput and service up, times, travel, waits and
 * costs down; utilisation and stock levels are neither (a comparison says higher or lower).
 */

/** `higher`: more is better; `lower`: less is better; `neutral`: no preference. */
export type KpiDirection = "higher" | "lower" | "neutral";

const HIGHER =
  /^(ordersShipped|linesShipped|unitsShipped|throughput|onTimeShipRate|fillRate|inventoryRecordAccuracy|serviceLevel)|PerHour$|Rate(Lines|Units|Orders)?$/;
const LOWER =
  /(S|M|MPerLine|PerOrder|PerLine|Cost|Stockouts|Backorders|Shortages)$|^(cost|congestion|stockout|backorder|late)/;

/** The direction of a KPI by its name (units are part of names, e.g. `orderCycleTimeS`). */
export function kpiDirection(name: string): KpiDirection {
  if (/^(stockout|backorder|cost|late|congestion)/i.test(name)) return "lower";
  if (name.startsWith("utilization") || name.startsWith("stock") || name.startsWith("space")) {
    return "neutral";
  }
  if (HIGHER.test(name)) return "higher";
  if (LOWER.test(name)) return "lower";
  return "neutral";
}
