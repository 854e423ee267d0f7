/** Number formatting for reports: the rule of common/units.ts, in the forms reports use. */
import { formatNumber, formatQuantity } from "../common/units.ts";

/** A number with about 4 significant digits, thousands separated (`12,345`, `3.14`, `0.0123`). */
export function formatValue(value: number): string {
  return formatNumber(value);
}

/** A share 0..1 as a percentage (`0.953` → `95.3 %`). */
export function formatShare(value: number): string {
  return formatQuantity(value, "share");
}

/** A KPI value in its natural form: shares as %, others as numbers. */
export function formatKpi(value: number, share: boolean): string {
  return share ? formatShare(value) : formatValue(value);
}

/** A duration in seconds as people read it (`95 s`, `12.5 min`, `3.2 h`, `2.1 days`). */
export function formatDuration(seconds: number): string {
  return formatQuantity(seconds, "s");
}
