import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spreadsheetValue } from "../../src/common/units.ts";
import { buildReport } from "../../src/report/buildReport.ts";
import { kpiScale, showKpi } from "../../src/report/commonSections.ts";
import { kpiMeta } from "../../src/report/kpiUnits.ts";
import { whsim as cli } from "../setup/inProcessCli.ts";

const tiny = new URL("../fixtures/report/tiny.yaml", import.meta.url).pathname;
let work: string;

async function whsim(...args: string[]): Promise<number> {
  return (await cli(...args)).code;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "whsim-report-real-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("reports of real results", () => {
  it("the report of `whsim run` holds the run's KPI means in its table and workbook", async () => {
    const dir = join(work, "run");
    expect(await whsim("run", tiny, "--out", dir)).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    await buildReport(dir, { xlsx: true });
    const html = readFileSync(join(dir, "report.html"), "utf8");
    for (const name of ["throughputOrdersPerHour", "orderCycleTimeS", "pickTravelMPerLine"]) {
      const e = summary.kpis[name];
      expect(e, name).toBeDefined();
      const row = new RegExp(
        `<td class="kpi">${kpiMeta(name, e.unit).label.replace(/[()]/g, "\\$&")}</td><td>[^<]*</td><td class="num kpi-mean">([^<]*)</td>`,
      );
      expect(row.exec(html)?.[1], name).toBe(showKpi(name, e.mean, e.unit));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "report.xlsx"));
    const kpis = new Map<string, number>();
    workbook.getWorksheet("KPIs")!.eachRow((row, i) => {
      if (i > 1) kpis.set(String(row.getCell(1).value), Number(row.getCell(4).value));
    });
    // The workbook holds each mean on the scale the HTML shows (hours, currency; shares as
    // fractions under a % format).
    for (const [name, e] of Object.entries(summary.kpis) as [
      string,
      { mean: number | null; unit?: string },
    ][]) {
      if (e.mean === null) continue;
      const scale = kpiScale(name, e.unit, e.mean);
      expect(kpis.get(name), name).toBe(spreadsheetValue(e.mean, scale));
    }
    expect(workbook.getWorksheet("Replications")!.rowCount).toBe(1 + summary.replications);
  });

  it("the report of `whsim compare` of one scenario twice finds no difference anywhere", async () => {
    const dir = join(work, "compare");
    expect(await whsim("compare", tiny, tiny, "--out", dir)).toBe(0);
    await buildReport(dir);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain(
      "No significant difference was found between “tiny#2” and “tiny” on any KPI.",
    );
    expect(html).toContain("Keep “tiny”: “tiny#2” shows no clear improvement.");
    // Each candidate's replication 0, traced again: the same orders as the replication
    // measured (its demand KPI), and the same timeline for the same scenario.
    const timeline = (k: number) =>
      JSON.parse(readFileSync(join(dir, `candidates/${k}/timeline.json`), "utf8"));
    const [a, b] = [timeline(0), timeline(1)];
    expect(b).toEqual(a);
    const measuredH = (a.horizonS - a.warmupS) / 3600;
    const created = a.createdPerHour
      .slice(a.warmupS / 3600)
      .reduce((x: number, y: number) => x + y, 0);
    const reps = readFileSync(join(dir, "replications.csv"), "utf8").trim().split("\n");
    const header = reps[0].split(",");
    const rep0 = reps[1].split(",");
    const demand = Number(rep0[header.indexOf("demandOrdersPerHour")]);
    expect(created / measuredH).toBeCloseTo(demand, 6);
    expect(html).toContain('id="over-time"');
    const diffs = readFileSync(join(dir, "report-differences.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    expect(diffs.length).toBeGreaterThan(5);
    for (const line of diffs) expect(line).toMatch(/,0,0,0,no significant difference$/);
  });

  it("whsim report of an incomplete folder exits 2, names the missing file and writes nothing", async () => {
    const dir = join(work, "incomplete");
    cpSync(new URL("../fixtures/report/run", import.meta.url).pathname, dir, { recursive: true });
    unlinkSync(join(dir, "layout.json"));
    const { code, stderr } = await cli("report", dir, "--xlsx");
    expect(code).toBe(2);
    expect(stderr).toMatch(/layout\.json: "missing" \(present: a run results folder holds/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(readdirSync(dir).filter((f) => f.startsWith("report") || f.startsWith("."))).toEqual([]);
  });
});
