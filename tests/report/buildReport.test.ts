import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { buildReport } from "../../src/report/buildReport.ts";
import { parseCsv } from "../../src/report/csv.ts";
import { compatibleVersion, readResultsFolder } from "../../src/report/readResultsFolder.ts";
import { whsim } from "../setup/inProcessCli.ts";
import { readPdf } from "./readPdf.ts";

const fixture = (kind: string) => new URL(`../fixtures/report/${kind}`, import.meta.url).pathname;
const summary = JSON.parse(readFileSync(join(fixture("run"), "summary.json"), "utf8"));

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "whsim-report-build-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A copy of a fixture folder that a test may damage. */
function copyOf(kind: string): string {
  const dir = mkdtempSync(join(work, `${kind}-`));
  cpSync(fixture(kind), dir, { recursive: true });
  return dir;
}

/** True when a page is `widthPt` × `heightPt` to within 1.5 points. */
function pageSizeNear(size: { width: number; height: number }, widthPt: number, heightPt: number) {
  return Math.abs(size.width - widthPt) < 1.5 && Math.abs(size.height - heightPt) < 1.5;
}

async function inputIssues(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (isInputError(error))
      return error.issues.map((i) => `${i.path}: ${String(i.value)} (${i.expected})`);
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("buildReport()", () => {
  it("buildReport(run, {pdf, xlsx}) writes HTML, CSV, XLSX and a PDF holding the KPI figures", async () => {
    const out = join(work, "run", "client.html");
    const written = await buildReport(fixture("run"), { out, pdf: true, xlsx: true });
    expect(written.map((f) => f.slice(join(work, "run").length + 1)).sort()).toEqual([
      "client-breakdown.csv",
      "client-kpis.csv",
      "client-replications.csv",
      "client.html",
      "client.pdf",
      "client.xlsx",
    ]);
    // No temporary files are left behind.
    expect(readdirSync(join(work, "run")).filter((f) => f.startsWith("."))).toEqual([]);

    const pdf = await readPdf(join(work, "run", "client.pdf"));
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    // A4 is 595.3 × 841.9 points; Chromium rounds page sizes by up to a point.
    expect(pdf.sizesPt.map((s) => pageSizeNear(s, 595.3, 841.9))).not.toContain(false);
    const text = pdf.text;
    expect(text).toContain("Key performance indicators");
    expect(text).toMatch(/Order cycle time\s+h\s+2\s+1.95 – 2.05/);
    expect(text).toMatch(/Throughput \(orders\)\s+orders\/h\s+16\.6\s+16\.26 – 16\.94/);
    expect(text).toMatch(/Page 1 of \d+/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(work, "run", "client.xlsx"));
    const sheet = workbook.getWorksheet("KPIs")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "kpi",
      "label",
      "unit",
      "mean",
      "ci95_low",
      "ci95_high",
      "ci95_halfwidth",
      "n",
    ]);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, i) => {
      if (i > 1) rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    // Times in hours as the HTML shows them (7,200 s = 2 h), with an hours number format.
    expect(rows.get("orderCycleTimeS")?.[2]).toBe("h");
    expect(rows.get("orderCycleTimeS")?.[3]).toBe(summary.kpis.orderCycleTimeS.mean / 3600);
    expect(rows.get("orderCycleTimeS")?.[6]).toBe(summary.kpis.orderCycleTimeS.ci95 / 3600);
    const cycleRow = [...rows.keys()].indexOf("orderCycleTimeS") + 2;
    expect(sheet.getRow(cycleRow).getCell(4).numFmt).toBe('#,##0.00 "h"');
    const onTimeRow = [...rows.keys()].indexOf("onTimeShipRate") + 2;
    expect(sheet.getRow(onTimeRow).getCell(4).numFmt).toMatch(/%$/);
    // A share's upper bound never passes 100 %.
    expect(Number(sheet.getRow(onTimeRow).getCell(6).value)).toBeLessThanOrEqual(1);
    expect(rows.get("throughputOrdersPerHour")?.[2]).toBe("orders/h");
    const reps = workbook.getWorksheet("Replications")!;
    expect(reps.getRow(1).getCell(3).value).toBe("ordersShipped");
    expect(reps.getRow(2).getCell(4).value).toBe(7000);
    expect(reps.getRow(1).getCell(4).value).toBe("orderCycleTimeS (s)");

    const csv = parseCsv(readFileSync(join(work, "run", "client-kpis.csv"), "utf8"));
    const cycle = csv.rows.find((r) => r[0] === "orderCycleTimeS")!;
    expect(Number(cycle[3])).toBe(summary.kpis.orderCycleTimeS.mean / 3600);
  });

  it("buildReport(compare, {pdf, paper: Letter}) prints on US Letter with the verdicts", async () => {
    const out = join(work, "compare", "letter.html");
    await buildReport(fixture("compare"), { out, pdf: true, paper: "Letter" });
    const pdf = join(work, "compare", "letter.pdf");
    const { text, sizesPt } = await readPdf(pdf);
    // US Letter is 612 × 792 points.
    expect(sizesPt.length).toBeGreaterThan(0);
    expect(sizesPt.map((s) => pageSizeNear(s, 612, 792))).not.toContain(false);
    expect(text).toMatch(/Order cycle time\s+Layout B\s+min\s+-8.33\s+-9.6 to -7.07\s+better/);
  });

  it("buildReport(sweep, {xlsx}) writes the sweep grid with units in the headers", async () => {
    const out = join(work, "sweep", "report.html");
    await buildReport(fixture("sweep"), { out, xlsx: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(work, "sweep", "report.xlsx"));
    const grid = workbook.getWorksheet("Sweep grid")!;
    const header = (grid.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).toContain("orderCycleTimeS mean (s)");
    const col = header.indexOf("orderCycleTimeS mean (s)") + 1;
    // Row 6 is 500 orders/day with 4 pickers: 2000 + 12·500 − 250·4 = 7000 s.
    expect(grid.getRow(6).getCell(2).value).toBe(500);
    expect(grid.getRow(6).getCell(col).value).toBe(7000);
  });

  it("buildReport() of a folder missing layout.json fails with an input error and writes nothing", async () => {
    const dir = copyOf("run");
    unlinkSync(join(dir, "layout.json"));
    const issues = await inputIssues(() => buildReport(dir));
    expect(issues.join("\n")).toMatch(/missing/);
    expect(existsSync(join(dir, "report.html"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith(".") || f.startsWith("report"))).toEqual([]);
  });

  it("readResultsFolder() refuses results of another version", async () => {
    const dir = copyOf("run");
    writeFileSync(join(dir, "summary.json"), JSON.stringify({ ...summary, version: "0.9.0" }));
    const issues = await inputIssues(() => readResultsFolder(dir));
    expect(issues).toEqual([
      expect.stringMatching(/^version: 0\.9\.0 \(results written by whsim 0\.1\.x/),
    ]);
    expect(compatibleVersion("0.1.7", "0.1.0")).toBe(true);
    expect(compatibleVersion("1.4.0", "1.0.2")).toBe(true);
    expect(compatibleVersion("2.0.0", "1.0.2")).toBe(false);
  });

  it("readResultsFolder() lists every problem: bad fields, kpis.csv out of step, a symlink", async () => {
    const dir = copyOf("run");
    const { replications: _, ...rest } = summary;
    writeFileSync(
      join(dir, "summary.json"),
      JSON.stringify({
        ...rest,
        kpis: { ...summary.kpis, orderCycleTimeS: { mean: "slow", ci95: 1, n: 5 } },
      }),
    );
    unlinkSync(join(dir, "scenario.json"));
    symlinkSync("/etc/hostname", join(dir, "scenario.json"));
    const issues = await inputIssues(() => readResultsFolder(dir));
    const text = issues.join("\n");
    expect(text).toMatch(/^replications: /m);
    expect(text).toMatch(/kpis\.orderCycleTimeS\.mean: slow/);
    expect(text).toMatch(/a symbolic link \(a regular file inside the results folder\)/);
  });

  it("readResultsFolder() of a folder with no results file names the files it looks for", async () => {
    const issues = await inputIssues(() => readResultsFolder(work));
    expect(issues[0]).toMatch(/optimization\.json, comparison\.json, sweep\.json, summary\.json/);
  });

  it("buildReport() refuses an --out that is not an .html file", async () => {
    const issues = await inputIssues(() =>
      buildReport(fixture("run"), { out: join(work, "x.pdf") }),
    );
    expect(issues[0]).toMatch(/an \.html file name/);
  });

  it("buildReport() refuses an --out that is a folder, with or without force", async () => {
    const folder = mkdtempSync(join(work, "folder-"));
    const out = join(folder, "named.html");
    mkdirSync(out);
    for (const force of [false, true]) {
      const issues = await inputIssues(() => buildReport(fixture("run"), { out, force }));
      expect(issues[0]).toContain(`a file name; ${out} is a folder or not a regular file`);
    }
    expect(readdirSync(folder)).toEqual(["named.html"]);
  });

  it("buildReport() never replaces an existing report or its CSV without force", async () => {
    const folder = mkdtempSync(join(work, "again-"));
    const out = join(folder, "x.html");
    const first = await buildReport(fixture("run"), { out });
    const csv = first.find((f) => f.endsWith(".csv"))!;
    writeFileSync(out, "my edited report");
    writeFileSync(csv, "my,sheet\n");
    const issues = await inputIssues(() => buildReport(fixture("run"), { out }));
    expect(issues[0]).toMatch(/a new file name, or --force to replace what exists: /);
    expect(issues[0]).toContain(out);
    expect(readFileSync(out, "utf8")).toBe("my edited report");
    // A CSV beside a new HTML name is protected too.
    unlinkSync(out);
    const csvOnly = await inputIssues(() => buildReport(fixture("run"), { out }));
    expect(csvOnly[0]).toContain(csv);
    expect(readFileSync(csv, "utf8")).toBe("my,sheet\n");
    expect(existsSync(out)).toBe(false);
    const forced = await buildReport(fixture("run"), { out, force: true });
    expect(forced).toEqual(first);
    expect(readFileSync(csv, "utf8")).not.toBe("my,sheet\n");
  });

  it("buildReport() replaces the default report inside the results folder", async () => {
    const dir = copyOf("run");
    await buildReport(dir);
    writeFileSync(join(dir, "report.html"), "old");
    await buildReport(dir);
    expect(readFileSync(join(dir, "report.html"), "utf8")).not.toBe("old");
  });

  it("whsim report --out <folder> exits 2 naming the folder, not an internal error", async () => {
    const folder = mkdtempSync(join(work, "cli-folder-"));
    const asHtml = join(folder, "r.html");
    mkdirSync(asHtml);
    const r = await whsim("report", fixture("run"), "--out", asHtml);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --out: ${JSON.stringify(asHtml)} (a file name; ${asHtml} is a folder or not a regular file, left alone)\n`,
    );
  });
});

describe("readResultsFolder() of a comparison", () => {
  it("refuses a baseline that is not a candidate and estimates of unknown candidates", async () => {
    const dir = mkdtempSync(join(work, "compare-bad-"));
    const c = JSON.parse(readFileSync(join(fixture("compare"), "comparison.json"), "utf8"));
    c.baseline = "Layout C";
    c.kpis.orderCycleTimeS.estimates["Layout Z"] = { mean: 1, ci95: 0, n: 1 };
    writeFileSync(join(dir, "comparison.json"), JSON.stringify(c));
    const issues = await inputIssues(() => readResultsFolder(dir));
    expect(issues).toEqual([
      expect.stringMatching(/^baseline: Layout C \(one of the candidates \(Layout A, Layout B\)\)/),
      expect.stringMatching(/^kpis\.orderCycleTimeS\.estimates\.Layout Z: /),
      // Layout A is no longer the baseline, so its differences are fine; Layout B's too.
    ]);
  });
});
