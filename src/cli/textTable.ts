/** Plain-text tables of the commands' printed results. */
import { formatNumber } from "../common/units.ts";

/** A number for a table by the shared rule (about 4 significant digits, never an exponent). */
export function num(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return "-";
  return formatNumber(x);
}

/** Renders rows as an aligned text table (first row is the header). */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd();
  return [
    line(rows[0]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ].join("\n");
}
