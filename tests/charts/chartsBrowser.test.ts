/**
 * Every shared chart drawn in Chromium from data that crowds its labels (long category
 * names, many series, close percentiles, a day of worker states): a screenshot of each,
 * no two visible text boxes intersecting (getBoundingClientRect), and line series told apart
 * by their dash arrays, filled series by their patterns.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type TestBrowser } from "../report/browser.ts";

const ARTIFACTS = join(process.cwd(), "artifacts", "charts");
const WEB = new URL("../../web/src/", import.meta.url).pathname;
/** The charts and the heatmap legend, as one global `charts` object. */
const ENTRY = `export * from "./charts/index.ts"; export { drawLegend } from "./draw/drawLegend.ts";`;

let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: WEB, loader: "ts" },
    bundle: true,
    format: "iife",
    globalName: "charts",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 700, height: 900 });
  const script = bundle.outputFiles[0].text.replaceAll("</script", "<\\/script");
  await page.setContent(
    `<!doctype html><html><body style="margin:0;width:680px"><div id="c"></div><script>${script}</script></body></html>`,
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A text's box as the browser lays it out. */
interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Draws `chart` with `data` and `options` alone in the page; returns its visible text boxes. */
async function draw(chart: string, data: unknown, options: unknown): Promise<Box[]> {
  return page.evaluate(
    ([chart, data, options]) => {
      const c = document.getElementById("c")!;
      c.replaceChildren();
      const fn = (window as any).charts[chart as string];
      if (chart === "drawLegend") fn(c, options);
      else fn(c, data, options);
      const boxes = [...c.querySelectorAll("svg text")]
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .filter((t) => getComputedStyle(t).visibility !== "hidden")
        .filter((t) => !t.closest("[visibility=hidden]"))
        .map((t) => {
          const r = t.getBoundingClientRect();
          return {
            text: t.textContent ?? "",
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
          };
        });
      return boxes;
    },
    [chart, data, options] as const,
  );
}

/** Pairs of text boxes that overlap by more than half a pixel each way. */
function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) out.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return out;
}

async function screenshot(name: string): Promise<void> {
  await page
    .locator("#c svg")
    .first()
    .screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Stroke dash arrays of the series' lines. */
function dashes(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("#c g.series > path")].map(
      (p) => p.getAttribute("stroke-dasharray") ?? "",
    ),
  );
}

const KPI_NAMES = [
  "Throughput (orders)",
  "Orders shipped",
  "Order cycle time",
  "On-time ship rate",
  "Fill rate (lines)",
  "Dock to stock",
  "Pick travel per line",
  "Congestion wait",
  "Inventory record accuracy",
  "Utilisation: cart",
];
const ROLES = ["receiver", "putaway", "replenisher", "picker", "packer", "loader"];

describe("charts in Chromium", () => {
  it("barsWithCi() wraps ten long KPI names without any label touching another", async () => {
    const data = {
      categories: KPI_NAMES,
      series: [
        {
          name: "batch-picking − default",
          values: KPI_NAMES.map((_, i) => ({ mean: (i % 3) * 40 - 50, ci95: 5 + i })),
        },
      ],
    };
    const boxes = await draw("barsWithCi", data, {
      title: "Differences from “default” in % of the baseline (95 % interval)",
      yLabel: "Difference",
      yUnit: "% of baseline",
      height: 340,
      valueLabels: false,
    });
    await screenshot("barsWithCi-differences");
    // Every category's words are on the page (wrapped, not cut) and nothing overlaps.
    const text = boxes.map((b) => b.text).join(" ");
    for (const name of ["Inventory", "record", "accuracy", "Congestion", "Utilisation:"])
      expect(text).toContain(name);
    expect(overlaps(boxes)).toEqual([]);
  });

  it("barsWithCi() with two series and value labels: distinct patterns, no overlap", async () => {
    const data = {
      categories: ROLES,
      series: ["day shift", "late shift"].map((name, s) => ({
        name,
        values: ROLES.map((_, i) => ({ mean: 40 + 7 * i - 20 * s })),
      })),
    };
    const boxes = await draw("barsWithCi", data, {
      title: "Utilisation by role and shift",
      yUnit: "%",
    });
    await screenshot("barsWithCi-shifts");
    expect(overlaps(boxes)).toEqual([]);
    const fills = await page.evaluate(() =>
      [...document.querySelectorAll("#c g.series")].map((g) =>
        g.querySelector("rect")?.getAttribute("fill"),
      ),
    );
    expect(new Set(fills).size).toBe(2);
  });

  it("timeSeries() with six roles on a clock axis: distinct dashes, day and clock ticks", async () => {
    const series = ROLES.map((name, r) => ({
      name,
      points: Array.from({ length: 120 }, (_, h): [number, number] => [
        h,
        (50 + 40 * Math.sin(h / 3 + r)) | 0,
      ]),
    }));
    const boxes = await draw(
      "timeSeries",
      { series },
      {
        title: "Utilisation by role, hourly average",
        yLabel: "Utilisation",
        yUnit: "%",
        clock: true,
        steps: true,
        warmupEnd: 24,
        yMax: 100,
      },
    );
    await screenshot("timeSeries-utilisation");
    expect(overlaps(boxes)).toEqual([]);
    const d = await dashes();
    expect(d).toHaveLength(6);
    expect(new Set(d).size).toBe(6);
    const ticks = boxes.map((b) => b.text).filter((t) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(t));
    expect(ticks.length).toBeGreaterThan(3);
    expect(boxes.map((b) => b.text)).toContain("warm-up");
    // The hover read-out lists every series at the pointer.
    const target = page.locator("#c .hover-target");
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const readout = await page.locator("#c .hover-readout").textContent();
    for (const role of ROLES) expect(readout).toContain(`${role}: `);
    expect(readout).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d\d:\d\d/);
  });

  it("kpiVsParameter() with eight series: every dash array differs", async () => {
    const series = Array.from({ length: 8 }, (_, s) => ({
      name: `pickers = ${s + 2}, packers = ${s + 1}`,
      points: [10, 20, 30, 40].map((x) => ({ x, mean: 100 - x * (s + 1) * 0.3, ci95: 2 })),
    }));
    const boxes = await draw(
      "kpiVsParameter",
      { series },
      { title: "Cycle time", xLabel: "Orders per hour", yUnit: "min" },
    );
    await screenshot("kpiVsParameter");
    expect(overlaps(boxes)).toEqual([]);
    expect(new Set(await dashes()).size).toBe(8);
  });

  it("stackedBreakdown() with long row labels and many parts: no overlap", async () => {
    const rows = ["batch-picking with a very long candidate name", "default", "peak"].flatMap((c) =>
      ROLES.map((r) => ({
        label: `${c}: ${r}`,
        parts: {
          "travelling loaded": 0.2,
          "travelling empty": 0.1,
          handling: 0.4,
          waiting: 0.05,
          idle: 0.25,
        },
      })),
    );
    const boxes = await draw(
      "stackedBreakdown",
      { rows },
      { title: "How workers spend their time", xUnit: "%", scale: 100, xMax: 100, totals: false },
    );
    await screenshot("stackedBreakdown");
    expect(overlaps(boxes)).toEqual([]);
  });

  it("distribution() with close percentiles moves their labels apart", async () => {
    const bins = Array.from({ length: 30 }, (_, i) => ({
      x0: i / 3,
      x1: (i + 1) / 3,
      count: 30 - i,
    }));
    const marks = [
      { label: "p50", value: 4.1 },
      { label: "p90", value: 4.4 },
      { label: "p95", value: 4.6 },
    ];
    const boxes = await draw(
      "distribution",
      { bins, marks },
      { title: "Order cycle time", xUnit: "h", yUnit: "orders" },
    );
    await screenshot("distribution");
    expect(overlaps(boxes)).toEqual([]);
    const texts = boxes.map((b) => b.text);
    for (const p of ["p50", "p90", "p95"]) expect(texts.some((t) => t.startsWith(p))).toBe(true);
    const lineDashes = await page.evaluate(() =>
      [...document.querySelectorAll("#c g.mark line")].map((l) =>
        l.getAttribute("stroke-dasharray"),
      ),
    );
    expect(new Set(lineDashes).size).toBe(3);
  });

  it("a title longer than the chart shrinks until its bold text lies inside the SVG", async () => {
    const title =
      "Order cycle time of the 5,175 orders created after the warm-up and shipped; 110 more still open at the end (replication 1)";
    const bins = [{ x0: 0, x1: 1, count: 3 }];
    await draw("distribution", { bins, marks: [] }, { title, xUnit: "h", yUnit: "orders" });
    await screenshot("longTitle");
    const [svg, text] = await page.evaluate(() =>
      ["#c svg", "#c svg .chart-title"].map((sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    );
    expect(text.left).toBeGreaterThanOrEqual(svg.left);
    expect(text.right).toBeLessThanOrEqual(svg.right);
  });

  it("stateTimeline() with seventeen workers over a day: no overlap, states in the legend", async () => {
    const states = [
      "travelling",
      "picking",
      "handling",
      "idle",
      "waiting",
      "lifting",
      "other",
      "off-shift",
    ];
    const rows = Array.from({ length: 17 }, (_, w) => ({
      label: `replenisher-${w + 1}`,
      runs: Array.from({ length: 48 }, (_, k): [number, number, number] => [
        24 + k / 2,
        24.5 + k / 2,
        k < 12 || k > 40 ? 7 : (k + w) % 6,
      ]),
    }));
    const boxes = await draw(
      "stateTimeline",
      { fromH: 24, toH: 48, states, rows },
      { title: "What each worker does" },
    );
    await screenshot("stateTimeline");
    expect(overlaps(boxes)).toEqual([]);
    const legend = boxes.map((b) => b.text);
    for (const s of ["travelling", "idle", "off-shift"]) expect(legend).toContain(s);
    expect(legend).not.toContain("other");
    expect(legend).toContain("Tue 00:00");
  });

  it("drawLegend() of a heatmap with large values on a narrow legend: ticks stand apart", async () => {
    const boxes = await draw("drawLegend", null, {
      title: "Travel density",
      unit: "m per 1 m cell",
      domain: [0, 123_456],
      width: 160,
    });
    await screenshot("heatLegend");
    const ticks = boxes.filter((b) => /^[\d,.]+$/.test(b.text));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(overlaps(boxes)).toEqual([]);
  });
});
