/**
 * The viewer's charts in Chromium on a traced run of the viewer scenario with a warm-up until
 * 09:36: the cycle-time distribution against cycle times paired by order id here from the
 * trace, hover read-outs on a bar, a histogram bin and a state-timeline bar, and the heatmap
 * legend's title inside its SVG. Screenshots go to artifacts/web/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openViewer, type ViewerSession } from "./browser.ts";
import { generateRuns, VIEWER_SCENARIO } from "./runFixture.ts";
import { type Run, readRun } from "./traceExpect.ts";

/** The warm-up of the test's scenario: 0.4 days, until 09:36. */
const WARMUP_DAYS = 0.4;

let session: ViewerSession;
let run: Run;
let scenarioDir: string;

beforeAll(async () => {
  scenarioDir = mkdtempSync(join(tmpdir(), "whsim-viewer-charts-"));
  const yaml = readFileSync(VIEWER_SCENARIO, "utf8").replace(
    /^warmupDays: .*$/m,
    `warmupDays: ${WARMUP_DAYS}`,
  );
  const scenario = join(scenarioDir, "viewer-warmup.yaml");
  writeFileSync(scenario, yaml);
  const [dir] = await generateRuns([5], scenario);
  run = readRun(dir);
  session = await openViewer([{ dir }]);
}, 90_000);

afterAll(async () => {
  await session?.close();
  // The results folders' parent and the scenario's folder.
  const made = [run ? dirname(run.dir) : "", scenarioDir ?? ""];
  for (const dir of made.filter(Boolean)) rmSync(dir, { recursive: true, force: true });
});

/** The p-quantile of ascending `sorted`, linear between order statistics (Hyndman–Fan 7). */
function quantile7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Cycle times of the orders created after the warm-up and shipped, and the open ones. */
function windowCycles(records: any[], warmupS: number): { cycles: number[]; open: number } {
  const created = new Map<unknown, number>();
  const shipped = new Map<unknown, number>();
  for (const r of records) {
    if (r.kind !== "order") continue;
    if (r.event === "created") created.set(r.id, r.t);
    if (r.event === "shipped") shipped.set(r.id, r.t);
  }
  const cycles: number[] = [];
  let open = 0;
  for (const [id, c] of created) {
    if (c < warmupS) continue;
    const s = shipped.get(id);
    if (s === undefined) open++;
    else cycles.push(s - c);
  }
  return { cycles: cycles.sort((a, b) => a - b), open };
}

const SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600, days: 86_400 };

/**
 * Moves the pointer onto the middle of `item`, saves a screenshot of its chart as `shot`
 * and returns the read-out's lines.
 */
async function readoutOf(item: Locator, shot: string): Promise<string[]> {
  // The whole chart in view first, so its screenshot does not scroll the item from the pointer.
  const svg = item.locator("xpath=ancestor::*[local-name()='svg'][1]");
  await svg.scrollIntoViewIfNeeded();
  await item.hover({ force: true });
  const box = svg.locator("g.hover-readout");
  await expect.poll(() => box.getAttribute("visibility")).toBe("visible");
  await svg.screenshot({ path: join(ARTIFACTS, shot) });
  return box.locator("text").allTextContents();
}

describe("viewer charts", () => {
  it("the cycle-time distribution marks the p50, p90 and p95 of the window's orders", async () => {
    const page = session.page;
    await page.click("button[data-view=charts]");
    const warmupS = WARMUP_DAYS * 86_400;
    const { cycles, open } = windowCycles(run.records, warmupS);
    // The warm-up leaves orders out and some orders of the window are still open at the end.
    const all = windowCycles(run.records, 0);
    expect(all.cycles.length).toBeGreaterThan(cycles.length);
    expect(cycles.length).toBeGreaterThan(100);
    expect(open).toBeGreaterThan(0);
    const chart = page.locator("#charts [data-chart=cycle-times]");
    const note = chart.locator(".chart-note");
    expect(Number(await note.getAttribute("data-shipped"))).toBe(cycles.length);
    expect(Number(await note.getAttribute("data-open"))).toBe(open);
    expect(await note.textContent()).toContain("after the warm-up (Mon 09:36)");
    // Cycle times of a few hours read in minutes or hours, never in seconds.
    const axis = (await chart.locator(".axis-title.x").textContent()) ?? "";
    const unit = /\((\w+)\)$/.exec(axis)?.[1] ?? "";
    expect(["min", "h"]).toContain(unit);
    for (const p of [50, 90, 95]) {
      const mark = chart.locator(`.mark[data-label="p${p}"]`);
      const shown = Number(await mark.getAttribute("data-value")) * SECONDS[unit];
      expect(shown).toBeCloseTo(quantile7(cycles, p / 100), 3);
      expect(await mark.textContent()).toMatch(new RegExp(`^p${p} [\\d.,]+ ${unit}$`));
    }
    // The bins hold every shipped order of the window.
    const counts = await chart
      .locator(".bin")
      .evaluateAll((bins) => bins.map((b) => Number(b.getAttribute("data-count"))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(cycles.length);
    await chart.screenshot({ path: join(ARTIFACTS, "chart-cycle-times.png") });
  });

  it("hovering a histogram bin reads its range and the orders in it", async () => {
    const chart = session.page.locator("#charts [data-chart=cycle-times]");
    const unit = /\((\w+)\)$/.exec((await chart.locator(".axis-title.x").textContent()) ?? "")![1];
    const { cycles } = windowCycles(run.records, WARMUP_DAYS * 86_400);
    // 30 equal bins from 0 to the longest cycle: the fullest one, counted here.
    const width = cycles[cycles.length - 1] / 30;
    const counts = new Array<number>(30).fill(0);
    for (const c of cycles) counts[Math.min(29, Math.floor(c / width))]++;
    const k = counts.indexOf(Math.max(...counts));
    const lines = await readoutOf(chart.locator(".bin").nth(k), "hover-bin.png");
    expect(lines[1]).toBe(`${counts[k].toLocaleString("en-US")} orders`);
    // The edges as shown, to about four significant digits.
    const [lo, hi] = lines[0].replace(` ${unit}`, "").split("–").map(Number);
    expect(Math.abs(lo * SECONDS[unit] - k * width)).toBeLessThanOrEqual(k * width * 0.003);
    expect(Math.abs(hi * SECONDS[unit] - (k + 1) * width)).toBeLessThanOrEqual(
      (k + 1) * width * 0.003,
    );
  });

  it("hovering a bar reads its role, shift and utilisation", async () => {
    const chart = session.page.locator("#charts [data-chart=utilization-shift]");
    // The busiest bar.
    const means = await chart
      .locator(".bar")
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("data-mean"))));
    const bar = chart.locator(".bar").nth(means.indexOf(Math.max(...means)));
    const mean = Number(await bar.getAttribute("data-mean"));
    const role = await bar.getAttribute("data-category");
    const series = await bar.locator("xpath=..").getAttribute("data-name");
    expect(mean).toBeGreaterThan(0);
    const lines = await readoutOf(bar, "hover-bar.png");
    expect(lines[0]).toBe(role);
    const shown = /^(.+): ([\d.]+) %$/.exec(lines[1]);
    expect(shown?.[1]).toBe(series);
    expect(Number(shown?.[2])).toBeCloseTo(mean, 1);
  });

  it("hovering a state-timeline bar reads the worker, its state and when", async () => {
    const chart = session.page.locator("#charts [data-chart=state-timeline]").first();
    // The first picking bar: the trace has its worker picking inside its span.
    const seg = chart.locator('.run[data-state="picking"]').first();
    const worker = (await seg.locator("xpath=..").getAttribute("data-label"))!;
    const lines = await readoutOf(seg, "hover-gantt.png");
    expect(lines[0]).toBe(worker);
    const m = /^picking: \w{3} (\d\d):(\d\d)–(\d\d):(\d\d) \(([\d.,]+) (s|min|h)\)$/.exec(lines[1]);
    expect(m, lines[1]).not.toBeNull();
    const [, h0, m0, h1, m1] = m!.map(Number);
    const fromS = h0 * 3600 + m0 * 60;
    const toS = h1 * 3600 + m1 * 60 || 86_400;
    // The length as shown matches the span, whose ends read to the minute.
    const lengthS = Number(m![5].replace(/,/g, "")) * SECONDS[m![6]];
    expect(Math.abs(lengthS - (toS - fromS))).toBeLessThanOrEqual(61);
    // The worker's state intervals from the trace: one picking interval overlaps the bar.
    const states = run.records.filter((r) => r.kind === "state" && r.id === worker);
    const overlaps = states.some(
      (r, i) =>
        r.state === "picking" && r.t < toS + 60 && (states[i + 1]?.t ?? 86_400) > fromS - 60,
    );
    expect(overlaps).toBe(true);
  });

  it("every heatmap legend's title lies inside its SVG", async () => {
    const page = session.page;
    await page.click("button[data-view=floor]");
    // At the end of the run, "up to the clock" shows everything recorded.
    await page.locator("body").press("End");
    for (const kind of ["picks", "congestion", "density"]) {
      await page.selectOption("#heatmap-kind", kind);
      for (const until of [false, true]) {
        if (kind !== "density") await page.setChecked("#heatmap-until", until);
        const legend = page.locator("#map-main .legend-box svg.heat-legend");
        if ((await legend.count()) === 0) continue;
        const svg = (await legend.boundingBox())!;
        const title = (await legend.locator("text.heat-legend-title").boundingBox())!;
        expect(title.x, kind).toBeGreaterThanOrEqual(svg.x);
        expect(title.x + title.width, kind).toBeLessThanOrEqual(svg.x + svg.width);
        expect(title.y, kind).toBeGreaterThanOrEqual(svg.y);
        expect(title.y + title.height, kind).toBeLessThanOrEqual(svg.y + svg.height);
      }
      await page.locator("#map-main .legend-box").screenshot({
        path: join(ARTIFACTS, `legend-${kind}.png`),
      });
    }
    await page.setChecked("#heatmap-until", false);
    await page.selectOption("#heatmap-kind", "none");
  });
});
