/**
 * `whsim report <results-dir> [--out FILE] [--pdf] [--paper A4|Letter] [--xlsx]`: turns a
 * run, comparison, sweep or optimization results folder into a self-contained HTML report
 * (plus CSV sheets, and on request a PDF and an XLSX workbook).
 */
import type { Command } from "commander";
import { buildReport } from "../../report/buildReport.ts";
import type { Paper } from "../../report/writePdf.ts";

interface ReportFlags {
  out?: string;
  pdf?: boolean;
  paper: string;
  xlsx?: boolean;
  force?: boolean;
}

/** Registers `whsim report`. */
export function reportCommand(program: Command): void {
  program
    .command("report")
    .description(
      "Write a client-ready report (HTML, CSV; PDF and XLSX on request) from a results folder",
    )
    .argument("<results-dir>", "a folder written by whsim run, compare, sweep or optimize")
    .option(
      "--out <file>",
      "the HTML file (default <results-dir>/report.html); other files sit beside it",
    )
    .option("--pdf", "also print the report to PDF with headless Chromium")
    .option("--paper <size>", "PDF paper size: A4 or Letter", "A4")
    .option("--xlsx", "also write an XLSX workbook")
    .option("--force", "replace an existing report at --out and the files beside it")
    .action(async (dir: string, flags: ReportFlags) => {
      const written = await buildReport(dir, {
        out: flags.out,
        pdf: flags.pdf,
        xlsx: flags.xlsx,
        paper: flags.paper as Paper,
        force: flags.force,
      });
      for (const file of written) process.stdout.write(`${file}\n`);
    });
}
