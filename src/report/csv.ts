import { csvUnquote } from "../common/csv.ts";

/** Minimal RFC 4180 CSV parser (quoted fields, CRLF); whsim writes CSV with `common/csv.ts`. */

/** Parses CSV text into a header and rows (empty trailing lines dropped). */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ""));
  return { header: nonEmpty[0] ?? [], rows: nonEmpty.slice(1) };
}

/** Parses a CSV file whsim wrote, removing the `'` that neutralised formula-like cells. */
export function parseWhsimCsv(text: string): { header: string[]; rows: string[][] } {
  const { header, rows } = parseCsv(text);
  return { header: header.map(csvUnquote), rows: rows.map((r) => r.map(csvUnquote)) };
}
