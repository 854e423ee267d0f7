/** Minimal RFC 4180 CSV: parse (quoted fields, CRLF) and format with quoting where needed. */

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

/**
 * One CSV field, quoted when it holds a comma, quote or line break. Text that a spreadsheet
 * would run as a formula (`=…`, `+…`, `@…`, `-` not followed by a number) gets a leading `'`.
 * A missing value (undefined, null, NaN: e.g. the interval of one replication) is empty.
 */
export function csvField(value: unknown): string {
  const missing = value === undefined || value === null || Number.isNaN(value);
  let text = missing ? "" : String(value);
  if (typeof value === "string" && /^([=+@\t\r]|-(?![\d.]))/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats rows (the first is the header) as CSV with `\n` line ends. */
export function formatCsv(rows: readonly (readonly unknown[])[]): string {
  return `${rows.map((r) => r.map(csvField).join(",")).join("\n")}\n`;
}
