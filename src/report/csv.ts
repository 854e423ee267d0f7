/** Reads the CSV files whsim writes (with `common/csv.ts`) back into a header and rows. */
import { csvUnquote } from "../common/csv.ts";
import { csvRecords } from "../scenario/csvTable.ts";

/** Parses CSV text into a header and rows (blank lines dropped); `file` names it in errors. */
export function parseCsv(text: string, file = "CSV"): { header: string[]; rows: string[][] } {
  const records = csvRecords(text, file).map((r) => r.fields);
  return { header: records[0] ?? [], rows: records.slice(1) };
}

/** Parses a CSV file whsim wrote, removing the `'` that neutralised formula-like cells. */
export function parseWhsimCsv(text: string, file?: string): { header: string[]; rows: string[][] } {
  const { header, rows } = parseCsv(text, file);
  return { header: header.map(csvUnquote), rows: rows.map((r) => r.map(csvUnquote)) };
}
