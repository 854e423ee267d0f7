/**
 * The report's sheets as one XLSX workbook (exceljs): bold frozen headers with units, numbers
 * as numbers with the sheet's number formats (%, hours, currency) where it gives them.
 */
import ExcelJS from "exceljs";
import type { Sheet } from "./reportModel.ts";

/** Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet";
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  used.add(out.toLowerCase());
  return out;
}

/** An XLSX file holding `sheets`, with `title` in the workbook properties. */
export async function xlsxBuffer(sheets: Sheet[], title: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "whsim";
  workbook.title = title;
  const used = new Set<string>();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name, used), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    ws.addRow(sheet.columns);
    ws.getRow(1).font = { bold: true };
    // A missing value (null, or NaN such as the interval of one replication) is an empty cell.
    sheet.rows.forEach((row, r) => {
      const added = ws.addRow(row.map((v) => (v === null || Number.isNaN(v) ? null : v)));
      sheet.formats?.[r]?.forEach((numFmt, c) => {
        if (numFmt && typeof row[c] === "number") added.getCell(c + 1).numFmt = numFmt;
      });
    });
    sheet.columns.forEach((c, i) => {
      const longest = Math.max(
        c.length,
        ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? "").length),
      );
      ws.getColumn(i + 1).width = Math.min(50, Math.max(8, longest + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
