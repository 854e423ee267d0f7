/**
 * A small CSV reader for the data files a scenario may name (SKU master, order lines):
 * comma-separated, a header row, double quotes around fields that hold commas, quotes or
 * line breaks (a quote inside doubled). Problems are reported as `file: row N, column C`.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";

/** One data row: its 1-based line number in the file (the header is row 1) and its cells by column. */
export interface CsvRow {
  row: number;
  cells: Record<string, string>;
}

/**
 * Splits CSV text into records of fields with the line each starts on; blank lines are
 * dropped. Throws InputError on an unclosed quote.
 */
export function csvRecords(text: string, file: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < body.length) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== "") out.push({ line: startLine, fields });
      fields = [];
      field = "";
      line++;
      startLine = line;
    } else field += ch;
    i++;
  }
  if (quoted) {
    throw new InputError({
      file,
      path: `row ${startLine}`,
      value: field.slice(0, 40),
      expected: "a closing double quote",
    });
  }
  fields.push(field);
  if (fields.length > 1 || fields[0] !== "") out.push({ line: startLine, fields });
  return out;
}

/**
 * Parses CSV text with a header row. `required` columns must be present, every column must
 * be in `required` or `optional` (else "did you mean" is not attempted: the known columns are
 * listed), and each row must have as many fields as the header.
 */
export function parseCsv(
  text: string,
  file: string,
  columns: { required: readonly string[]; optional: readonly string[] },
): CsvRow[] {
  const all = csvRecords(text, file);
  const issues: InputIssue[] = [];
  if (all.length === 0) {
    throw new InputError({
      file,
      path: "row 1",
      value: "",
      expected: `a header row: ${columns.required.join(",")}`,
    });
  }
  const header = all[0].fields.map((h) => h.trim());
  const known = [...columns.required, ...columns.optional];
  const firstColumn = new Map<string, number>();
  header.forEach((h, c) => {
    const earlier = firstColumn.get(h);
    if (earlier !== undefined) {
      issues.push({
        file,
        path: `row 1, column ${c + 1}`,
        value: h,
        expected: `a column not named before (column ${earlier + 1} is ${h})`,
      });
    } else firstColumn.set(h, c);
    if (!known.includes(h)) {
      issues.push({
        file,
        path: `row 1, column ${c + 1}`,
        value: h,
        expected: `one of the columns ${known.join(", ")}`,
      });
    }
  });
  for (const name of columns.required) {
    if (!header.includes(name)) {
      issues.push({ file, path: "row 1", value: header.join(","), expected: `a column ${name}` });
    }
  }
  const rows: CsvRow[] = [];
  for (const rec of all.slice(1)) {
    if (rec.fields.length !== header.length) {
      issues.push({
        file,
        path: `row ${rec.line}`,
        value: rec.fields.join(","),
        expected: `${header.length} fields like the header`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, c) => {
      cells[h] = rec.fields[c].trim();
    });
    rows.push({ row: rec.line, cells });
  }
  if (issues.length > 0) throw new InputError(issues);
  return rows;
}

/** A decimal number as a person writes it: no hex, octal, binary, Infinity or blanks. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Bounds a number cell must keep. */
export interface CellCheck {
  min?: number;
  /** `min` itself is refused. */
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
}

/** What a cell with these bounds should hold, in words: "an integer >= 1 and <= 1000000". */
function describeCell(check: CellCheck): string {
  const bounds = [
    check.min === undefined ? "" : `${check.exclusiveMin ? ">" : ">="} ${check.min}`,
    check.max === undefined ? "" : `<= ${check.max}`,
  ].filter(Boolean);
  const kind = check.integer ? "an integer" : "a decimal number";
  return bounds.length > 0 ? `${kind} ${bounds.join(" and ")}` : kind;
}

/** Reads a number cell; pushes an issue (file, row, column, value) and returns NaN when invalid. */
export function numberCell(
  row: CsvRow,
  column: string,
  file: string,
  issues: InputIssue[],
  check: CellCheck = {},
): number {
  const raw = row.cells[column] ?? "";
  const value = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  let ok = Number.isFinite(value);
  if (ok && check.integer && !Number.isSafeInteger(value)) ok = false;
  if (ok && check.min !== undefined)
    ok = check.exclusiveMin ? value > check.min : value >= check.min;
  if (ok && check.max !== undefined) ok = value <= check.max;
  if (!ok) {
    issues.push({
      file,
      path: `row ${row.row}, column ${column}`,
      value: raw,
      expected: describeCell(check),
    });
    return Number.NaN;
  }
  return value;
}
