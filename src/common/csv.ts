/**
 * The one CSV writer of whsim (RFC 4180 quoting, `\n` line ends). Text a spreadsheet would run
 * as a formula is neutralised by the OWASP rule: a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading `'`, unless the cell is a number. `csvUnquote`
 * undoes the `'` when whsim reads its own CSV back.
 */

/** A plain decimal number as text (`-2`, `+0.5`, `1e-3`): never neutralised. */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Text a spreadsheet runs as a formula, or text that already starts with the `'` this writer
 * adds (so reading back with `csvUnquote` restores it exactly).
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/** A cell's text: missing values (undefined, null, NaN, ±Infinity) are empty. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value);
}

/** One CSV field: neutralised when a spreadsheet would run it, quoted when it needs to be. */
export function csvField(value: unknown): string {
  let text = cellText(value);
  if (typeof value !== "number" && FORMULA.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (no line end). */
export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvField).join(",");
}

/** Rows (the first is the header) as CSV text with `\n` line ends and a final newline. */
export function formatCsv(rows: readonly (readonly unknown[])[]): string {
  return `${rows.map(csvLine).join("\n")}\n`;
}

/** A field as whsim wrote it, with the neutralising `'` removed (the inverse of `csvField`). */
export function csvUnquote(text: string): string {
  return text.startsWith("'") && FORMULA.test(text) ? text.slice(1) : text;
}
