/**
 * The comparison report's charts over time: the timeline a traced replication leaves, the
 * report's sections and sheets made of it, and the charts as Chromium draws them.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { buildReport, reportHtml } from "../../src/report/buildReport.ts";
import { timelineRecorder } from "../../src/report/candidateTimeline.ts";
import { compareReport } from "../../src/report/compareReport.ts";
import { readResultsFolder } from "../../src/report/readResultsFolder.ts";
import { launchBrowser, overlappingLabels, type TestBrowser } from "./browser.ts";

const H = 3600;
const tmp = mkdtempSync(join(tmpdir(), "whsim-compare-time-"));
const DAY_SHIFT = { day: { start: "06:00", end: "14:00", days: ["mon", "tue"] } };

/**
 * A hand-made trace: one picker busy 10:00 until `busyUntilH` of an 06:00–14:00 shift, three
 * orders; the warm-up ends at 09:00, so the shift's measured part is 09:00–14:00.
 */
function recordDay(busyUntilH: number) {
  const r = timelineRecorder();
  r.add({ kind: "header", workers: [{ id: "p1", role: "picker" }] });
  r.add({ kind: "state", t: 6 * H, id: "p1", state: "idle" });
  r.add({ kind: "state", t: 10 * H, id: "p1", state: "picking" });
  r.add({ kind: "state", t: busyUntilH * H, id: "p1", state: "idle" });
  r.add({ kind: "state", t: 14 * H, id: "p1", state: "off-shift" });
  for (const [t, id] of [
    [6.5, 1],
    [6.6, 2],
    [7.2, 3],
  ])
    r.add({ kind: "order", event: "created", t: t * H, id });
  r.add({ kind: "order", event: "shipped", t: 8.1 * H, id: 1 });
  r.add({ kind: "sample", t: 0, wip: 0 });
  r.add({ kind: "sample", t: 6 * H, wip: 0 });
  r.add({ kind: "sample", t: 7 * H, wip: 2 });
  return r.result({ warmupS: 9 * H, horizonS: 24 * H, replication: 0, shifts: DAY_SHIFT });
}

describe("timelineRecorder()", () => {
  it("timelineRecorder() counts orders per hour and the busy share of a shift", () => {
    const t = recordDay(11);
    expect(t.createdPerHour).toHaveLength(24);
    expect(t.createdPerHour.slice(5, 9)).toEqual([0, 2, 1, 0]);
    expect(t.shippedPerHour[8]).toBe(1);
    expect(t.shippedPerHour.reduce((a, b) => a + b, 0)).toBe(1);
    // Busy 1 h of the 5 h on shift after the warm-up.
    expect(t.utilizationPerShift).toEqual({
      shifts: ["day"],
      roles: [{ role: "picker", shares: [0.2] }],
    });
    expect(t.wip).toEqual([
      [0, 0],
      [6, 0],
      [7, 2],
    ]);
  });
});

/** The comparison fixture with a timeline per candidate; B's picker is busy twice as long. */
function folderWithTimelines(): string {
  const dir = join(tmp, "compare");
  cpSync(new URL("../fixtures/report/compare", import.meta.url).pathname, dir, {
    recursive: true,
  });
  for (const [k, busyUntil] of [
    [0, 11],
    [1, 12],
  ]) {
    mkdirSync(join(dir, `candidates/${k}`), { recursive: true });
    const timeline = { version: "0.1.0", ...recordDay(busyUntil) };
    writeFileSync(join(dir, `candidates/${k}/timeline.json`), JSON.stringify(timeline));
  }
  return dir;
}

describe("the comparison report over time", () => {
  it("compareReport() opens with a recommendation and charts both candidates over time", async () => {
    const model = compareReport(await readResultsFolder(folderWithTimelines()));
    expect(model.sections[0].id).toBe("summary");
    const answer = model.sections[0].blocks[0];
    expect(answer.kind === "answer" && answer.items[0].label).toBe("Recommendation");
    // Layout B is better on cycle time, travel and on-time shipping, worse on nothing.
    expect(answer.kind === "answer" && answer.items[0].text).toMatch(
      /^Prefer “Layout B” to “Layout A”\. Against “Layout A” it changes .*on-time shipping by \+1\.8 pp/,
    );
    const over = model.sections.find((s) => s.id === "over-time");
    const charts = over?.blocks.flatMap((b) => (b.kind === "chart" ? [b.chart] : [])) ?? [];
    expect(charts.map((c) => c.id)).toEqual([
      "compare-throughput",
      "compare-wip",
      "compare-utilization-shift",
    ]);
    // Same orders for both (common random numbers): one demand line, a shipped line each.
    const lines = (charts[0].data as { series: { name: string }[] }).series.map((s) => s.name);
    expect(lines).toEqual(["Shipped: Layout A", "Shipped: Layout B", "Demand (orders created)"]);
    expect(charts[0].options.warmupEnd).toBe(9);
    const bars = charts[2].data as { series: { values: ({ mean: number } | null)[] }[] };
    expect(bars.series.map((s) => s.values[0]?.mean)).toEqual([20, 40]);
  });

  it("the XLSX carries the recommendation and the figures behind the charts", async () => {
    const dir = folderWithTimelines();
    const out = join(dir, "r", "report.html");
    await buildReport(dir, { out, xlsx: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "r", "report.xlsx"));
    const summary = workbook.getWorksheet("Summary");
    expect(summary?.getRow(2).getCell(1).value).toBe("Recommendation");
    expect(String(summary?.getRow(2).getCell(2).value)).toMatch(/^Prefer “Layout B”/);
    const shifts = workbook.getWorksheet("Utilisation per shift");
    expect(shifts?.getRow(3).values).toEqual([undefined, "Layout B", "picker", "day", 0.4]);
    expect(shifts?.getRow(3).getCell(4).numFmt).toBe("0.0%");
    const hourly = workbook.getWorksheet("Orders per hour");
    // 24 hours per candidate; hour 6 of Layout A: Mon 06:00, in the warm-up, 2 created.
    expect(hourly?.rowCount).toBe(1 + 48);
    expect(hourly?.getRow(8).values).toEqual([undefined, "Layout A", 6, "Mon 06:00", "yes", 2, 0]);
  });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the comparison report's charts in Chromium", () => {
  let browser: TestBrowser | undefined;
  afterAll(() => browser?.close());

  it("each candidate's line has its own colour and dash, the warm-up is shaded, no label overlaps", async () => {
    const { html } = await reportHtml(folderWithTimelines());
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 1100 });
    await page.setContent(html, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.rendered !== undefined);
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll("#compare-throughput g.series")].map((g) => {
        const line = g.querySelector("path");
        return `${line?.getAttribute("stroke")} ${line?.getAttribute("stroke-dasharray")}`;
      }),
    );
    expect(styles).toHaveLength(3);
    expect(new Set(styles).size).toBe(3);
    expect(new Set(styles.map((s) => s.split(" ").slice(1).join(" "))).size).toBe(3);
    expect(await page.locator("#compare-throughput g.warmup rect").count()).toBe(1);
    expect(await page.locator("#compare-wip g.warmup rect").count()).toBe(1);
    expect(await overlappingLabels(page)).toEqual([]);
    await page.locator("#over-time").screenshot({ path: join(tmp, "compare-over-time.png") });
    await page.close();
  });
});
