/** Number formatting for reports: the same rules in tables, the summary text and spreadsheets. */

/** A number with about 4 significant digits, thousands separated (`12,345`, `3.142`, `0.0123`). */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "n/a";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e12 || abs < 1e-4)) return value.toExponential(2);
  const digits =
    abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : abs >= 1 ? 2 : abs >= 0.01 ? 4 : 5;
  const text = value.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  return text === "-0" ? "0" : text;
}

/** A share 0..1 as a percentage (`0.953` → `95.3 %`). */
export function formatShare(value: number): string {
  if (!Number.isFinite(value)) return formatValue(value);
  return `${(value * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })} %`;
}

/** A KPI value in its natural form: shares as %, others as numbers. */
export function formatKpi(value: number, share: boolean): string {
  return share ? formatShare(value) : formatValue(value);
}

/** A duration in seconds in words a client reads (`95 s`, `12.5 min`, `3.2 h`, `2.1 days`). */
export function formatDuration(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < 120) return `${formatValue(seconds)} s`;
  if (abs < 2 * 3600) return `${formatValue(seconds / 60)} min`;
  if (abs < 2 * 86400) return `${formatValue(seconds / 3600)} h`;
  return `${formatValue(seconds / 86400)} days`;
}
