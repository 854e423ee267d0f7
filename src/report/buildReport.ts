/**
 * `whsim report`: reads a results folder, builds the report for its kind and writes the
 * HTML (always), CSV sheets (always), and on request the PDF and XLSX — all or nothing.
 */
import { extname, join, resolve } from "node:path";
import { formatCsv } from "../common/csv.ts";
import { InputError } from "../common/inputError.ts";
import { findChromium } from "../node/chromium/findChromium.ts";
import { recordWrittenFiles } from "../node/outputFolder.ts";
import { bundleClient } from "./clientBundle.ts";
import { compareReport } from "./compareReport.ts";
import { optimizeReport } from "./optimizeReport.ts";
import { type ResultsFolder, readResultsFolder } from "./readResultsFolder.ts";
import { renderHtml } from "./renderHtml.ts";
import type { ReportModel } from "./reportModel.ts";
import { runReport } from "./runReport.ts";
import { staffReport } from "./staffReport.ts";
import { sweepReport } from "./sweepReport.ts";
import { checkTargets, StagedFiles } from "./writeOutputs.ts";
import { type Paper, writePdf } from "./writePdf.ts";
import { xlsxBuffer } from "./writeXlsx.ts";

/** Options of buildReport(). */
export interface ReportOptions {
  /** The HTML file. Defaults to `<results-dir>/report.html`; other files sit beside it. */
  out?: string;
  /** Also print a PDF. Defaults to false. */
  pdf?: boolean;
  /** Paper for the PDF. Defaults to A4. */
  paper?: Paper;
  /** Also write an XLSX workbook. Defaults to false. */
  xlsx?: boolean;
  /**
   * Replace existing files at `out` and beside it. Defaults to false: an explicit `out` whose
   * HTML, CSV, XLSX or PDF exists is refused. The default report inside the results folder
   * is always replaced.
   */
  force?: boolean;
}

/** The report model for a results folder of any kind. */
export function reportModel(folder: ResultsFolder): ReportModel {
  if (folder.kind === "run") return runReport(folder);
  if (folder.kind === "compare") return compareReport(folder);
  if (folder.kind === "sweep") return sweepReport(folder);
  if (folder.kind === "staff") return staffReport(folder);
  return optimizeReport(folder);
}

/** The HTML of the report of `dir` (nothing written). */
export async function reportHtml(
  dir: string,
): Promise<{ html: string; model: ReportModel; folder: ResultsFolder }> {
  const folder = await readResultsFolder(dir);
  const model = reportModel(folder);
  return { html: renderHtml(model, await bundleClient()), model, folder };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Builds the report of results folder `dir`; returns the paths written. */
export async function buildReport(dir: string, options: ReportOptions = {}): Promise<string[]> {
  if (
    options.out !== undefined &&
    ![".html", ".htm"].includes(extname(options.out).toLowerCase())
  ) {
    throw new InputError({
      file: "--out",
      path: "",
      value: options.out,
      expected: "an .html file name",
    });
  }
  if (options.paper !== undefined && options.paper !== "A4" && options.paper !== "Letter") {
    throw new InputError({
      file: "--paper",
      path: "",
      value: options.paper,
      expected: "A4 or Letter",
    });
  }
  const browser = options.pdf ? await findChromium({ wantedBy: "--pdf" }) : undefined;
  const { html, model, folder } = await reportHtml(dir);
  const out = resolve(options.out ?? join(folder.dir, "report.html"));
  const base = out.slice(0, out.length - extname(out).length);
  const sheetFile = (name: string) => `${base}-${slug(name)}.csv`;
  checkTargets(
    [
      out,
      ...model.sheets.map((s) => sheetFile(s.name)),
      ...(options.xlsx ? [`${base}.xlsx`] : []),
      ...(browser ? [`${base}.pdf`] : []),
    ],
    {
      flag: "--out",
      value: options.out ?? out,
      replace: options.force === true || options.out === undefined,
      force: "--force",
    },
  );
  const files = new StagedFiles();
  try {
    files.write(out, html);
    for (const sheet of model.sheets)
      files.write(sheetFile(sheet.name), formatCsv([sheet.columns, ...sheet.rows]));
    if (options.xlsx) files.write(`${base}.xlsx`, await xlsxBuffer(model.sheets, model.title));
    if (browser) await writePdf(browser, html, files.stage(`${base}.pdf`), options.paper ?? "A4");
    const written = files.commit();
    // Reports written into a results folder belong to it: replacing the folder may remove them.
    recordWrittenFiles(folder.dir, written);
    return written;
  } catch (error) {
    files.abort();
    throw error;
  }
}
