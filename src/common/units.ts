/**
 * The one rule for showing a quantity, used by the CLI, the reports, the spreadsheets and the
 * viewer: shares in % (their differences in percentage points), times in s, min, h or days by
 * their size, money in the scenario's currency code, plain numbers with about four
 * significant digits and thousands separators, never in exponent notation.
 */

/** What a quantity is, which decides how it reads. */
export type QuantityKind = "share" | "duration" | "money" | "number";

/** How values of one quantity are shown: `shown = value × factor`, followed by `unit`. */
export interface DisplayScale {
  kind: QuantityKind;
  unit: string;
  factor: number;
}

/** The kind of a quantity from its unit as results files write it ("share", "s", "EUR"…). */
export function quantityKind(unit: string): QuantityKind {
  if (unit === "share" || unit === "0..1") return "share";
  if (unit === "s") return "duration";
  if (unit === "currency" || /^[A-Z]{3}$/.test(unit)) return "money";
  return "number";
}

const DURATION_STEPS: [limitS: number, unit: string, seconds: number][] = [
  [120, "s", 1],
  [2 * 3600, "min", 60],
  [2 * 86_400, "h", 3600],
  [Number.POSITIVE_INFINITY, "days", 86_400],
];

/**
 * The scale for values of `unit` around `typical` (the mean of a row, the largest of a
 * column): durations pick s, min, h or days by its size; the others have one scale.
 */
export function displayScale(unit: string, typical = 0): DisplayScale {
  const kind = quantityKind(unit);
  if (kind === "share") return { kind, unit: "%", factor: 100 };
  if (kind === "duration") {
    const abs = Math.abs(typical);
    const [, name, seconds] = DURATION_STEPS.find(([limit]) => abs < limit)!;
    return { kind, unit: name, factor: 1 / seconds };
  }
  if (kind === "money") return { kind, unit: unit === "currency" ? "" : unit, factor: 1 };
  return { kind, unit, factor: 1 };
}

/** The unit of a difference on `scale`: percentage points for shares. */
export function differenceUnit(scale: DisplayScale): string {
  return scale.kind === "share" ? "pp" : scale.unit;
}

/** Decimals shown for a number of this size (about four significant digits). */
export function decimalsFor(value: number): number {
  const abs = Math.abs(value);
  if (abs >= 1000) return 0;
  if (abs >= 100) return 1;
  if (abs >= 1) return 2;
  if (abs >= 0.01) return 3;
  return 4;
}

/**
 * A number with about four significant digits and thousands separators (`12,345`, `3.14`,
 * `0.0123`); values that round to zero at four decimals read `0`, never `8.46e-12`.
 */
export function formatNumber(value: number, decimals = decimalsFor(value)): string {
  if (Number.isNaN(value)) return "n/a";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const text = value.toLocaleString("en-US", {
    maximumFractionDigits: decimals,
    minimumFractionDigits: 0,
  });
  return text === "-0" ? "0" : text;
}

/** A value on `scale` without its unit (`95.3` for a share of 0.953). */
export function formatOnScale(value: number, scale: DisplayScale): string {
  return formatNumber(value * scale.factor);
}

/** A value with its unit: `95.3 %`, `5.3 h`, `4.35 EUR`, `54.2 orders/h`. */
export function formatQuantity(value: number, unit: string, typical = value): string {
  const scale = displayScale(unit, typical);
  const text = formatOnScale(value, scale);
  if (!Number.isFinite(value) || !scale.unit) return text;
  return scale.kind === "share" ? `${text} %` : `${text} ${scale.unit}`;
}

/** A difference with its unit and sign: `+3.1 pp`, `−1.2 h`. */
export function formatDifference(value: number, unit: string, typical = value): string {
  const scale = displayScale(unit, typical);
  const text = formatOnScale(Math.abs(value), scale);
  const sign = value > 0 && text !== "0" ? "+" : value < 0 && text !== "0" ? "−" : "";
  const u = differenceUnit(scale);
  return Number.isFinite(value) && u ? `${sign}${text} ${u}` : `${sign}${text}`;
}

/**
 * An interval cut to what the quantity can be: shares stay in [0, 1]; a quantity whose
 * mean is not negative (counts, times, distances, money) stays ≥ 0.
 */
export function clipInterval(
  unit: string,
  mean: number,
  low: number,
  high: number,
): [number, number] {
  let lo = low;
  let hi = high;
  if (mean >= 0) lo = Math.max(0, lo);
  if (quantityKind(unit) === "share" && mean <= 1) hi = Math.min(1, hi);
  return [lo, hi];
}

/**
 * The spreadsheet number format of values on `scale` around `typical`, with the same
 * decimals as the text (values stay in the cell as `value × factor`, shares as fractions).
 */
export function spreadsheetFormat(scale: DisplayScale, typical: number): string {
  if (scale.kind === "share") {
    const d = Math.max(1, decimalsFor(typical * 100));
    return `0.${"0".repeat(d)}%`;
  }
  const d = decimalsFor(typical * scale.factor);
  const body = d > 0 ? `#,##0.${"0".repeat(d)}` : "#,##0";
  return scale.unit ? `${body} "${scale.unit.replaceAll('"', "")}"` : body;
}

/** A spreadsheet cell's value on `scale` (shares stay fractions for a % format). */
export function spreadsheetValue(value: number, scale: DisplayScale): number {
  return scale.kind === "share" ? value : value * scale.factor;
}
