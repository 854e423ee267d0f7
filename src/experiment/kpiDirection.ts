/**
 * Which way is better for each KPI: throughput and service up, times, travel, waits and
 * costs and backlogs down; utilisation, stock levels and demand are neither (a comparison says higher or lower).
 */

/** `higher`: more is better; `lower`: less is better; `neutral`: no preference. */
export type KpiDirection = "higher" | "lower" | "neutral";

const HIGHER =
  /^(ordersShipped|linesShipped|unitsShipped|throughput|onTimeShipRate|fillRate|inventoryRecordAccuracy|serviceLevel)|PerHour$|Rate(Lines|Units|Orders)?$/;
const LOWER =
  /(S|M|MPerLine|PerOrder|PerLine|Cost|Stockouts|Backorders|Shortages)$|^(cost|congestion|stockout|backorder|late)/;

/** The direction of a KPI by its name (units are part of names, e.g. `orderCycleTimeS`). */
export function kpiDirection(name: string): KpiDirection {
  if (/^(stockout|backorder|backlog|cost|late|congestion)/i.test(name)) return "lower";
  if (/^(utilization|stock|space|demand)/.test(name)) {
    return "neutral";
  }
  if (HIGHER.test(name)) return "higher";
  if (LOWER.test(name)) return "lower";
  return "neutral";
}
