/**
 * Screenshots of every kind of report in Chromium: the one-page answer is in the first
 * viewport, chart labels never overlap, and every chart has painted data marks.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/common/version.ts";
import { reportHtml } from "../../src/report/buildReport.ts";
import { launchBrowser, overlappingLabels, type TestBrowser } from "./browser.ts";
import { decodePng, inkPixels } from "./png.ts";

const fixture = (kind: string) => new URL(`../fixtures/report/${kind}`, import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "whsim-report-screens-"));
const VIEWPORT = { width: 1000, height: 1100 };

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const est = (mean: number, ci95: number) => ({ mean, ci95, n: 5 });

/** The optimization fixture with a planner's answer: today's option and two finalists. */
function optimizeWithAnswer(): string {
  const dir = join(tmp, "optimize-answer");
  cpSync(fixture("optimize"), dir, { recursive: true });
  const file = join(dir, "optimization.json");
  const o = JSON.parse(readFileSync(file, "utf8"));
  const option = (id: string, labour: number, space: number) => ({
    id,
    crew: { picker: { day: id === "baseline" ? 4 : 3 } },
    annualCost: {
      labour: est(labour, 900),
      space: est(space, 0),
      total: est(labour + space, 900),
    },
    service: { onTimeShipRate: est(0.96, 0.01) },
    replications: 5,
  });
  const finalist = (id: string, labour: number, space: number, saving: number) => ({
    ...option(id, labour, space),
    saving: { ...est(saving, 800), low: saving - 800, high: saving + 800 },
    movedLocationsCost: 40_000,
    paybackYears: {
      mean: 40_000 / saving,
      low: 40_000 / (saving + 800),
      high: 40_000 / (saving - 800),
    },
    crewChange: ["picker day 4 → 3"],
  });
  o.answer = {
    currency: "EUR",
    baseline: option("baseline", 400_000, 120_000),
    finalists: [
      finalist(o.winner, 370_000, 110_000, 40_000),
      finalist("aisles=6,baysPerAisle=8", 372_000, 111_000, 37_000),
    ],
    sensitivity: [
      {
        change: "rent +20 %",
        winner: o.winner,
        winnerChanges: false,
        totals: { [o.winner]: 502_000, "aisles=6,baysPerAisle=8": 505_200 },
        method: "recomputed",
      },
      {
        change: "volume +20 %",
        winner: "aisles=6,baysPerAisle=8",
        winnerChanges: true,
        totals: { [o.winner]: 560_000, "aisles=6,baysPerAisle=8": 555_000 },
        method: "simulated",
        replications: 3,
        meetsTargets: { [o.winner]: false, "aisles=6,baysPerAisle=8": true },
      },
    ],
    recommendation: `Build ${o.winner}. It saves 40,000 EUR a year against today's.`,
  };
  writeFileSync(file, JSON.stringify(o));
  return dir;
}

/** A staffing results folder: one role on one shift, the plan adds a worker. */
function staffFolder(): string {
  const dir = join(tmp, "staff");
  mkdirSync(dir);
  const day = Array.from({ length: 24 }, (_, i) => `h${String(i).padStart(2, "0")}`);
  const covers = day.slice(6, 14);
  const doc = {
    kind: "staffing",
    version: VERSION,
    scenario: "small",
    seed: 1,
    replications: 4,
    status: "meets",
    targets: { onTimeShipRate: { min: 0.95 } },
    efficiency: 0.85,
    shifts: [{ id: "day", covers, costPerWorker: 200 }],
    need: { picker: Object.fromEntries(covers.map((h) => [h, 3])) },
    baseline: {
      headcount: { picker: { day: 2 } },
      cost: 400,
      kpis: { onTimeShipRate: est(0.9, 0.02) },
    },
    plan: { status: "optimal", cost: 600, headcount: { picker: { day: 3 } } },
    check: {
      targets: {
        onTimeShipRate: {
          estimate: est(0.97, 0.01),
          target: { min: 0.95 },
          ok: true,
          confident: true,
        },
      },
      kpis: {},
    },
  };
  writeFileSync(join(dir, "staffing.json"), JSON.stringify(doc));
  return dir;
}

/** Opens a report at the screen size a reader has and waits for its figures. */
async function open(dir: string): Promise<Page> {
  const { html } = await reportHtml(dir);
  const page = await browser.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.setContent(html, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.rendered !== undefined, undefined, {
    timeout: 20_000,
  });
  return page;
}

/** Hides everything of a chart but its data marks. */
const MARKS_ONLY =
  "figure.chart svg text, figure.chart .legend, figure.chart .axis, figure.chart .grid, figure.chart .zero-line { visibility: hidden !important; }";

const KINDS: [string, () => string][] = [
  ["run", () => fixture("run")],
  ["compare", () => fixture("compare")],
  ["sweep", () => fixture("sweep")],
  ["optimize", optimizeWithAnswer],
  ["staff", staffFolder],
];

describe("report screenshots in Chromium", () => {
  for (const [kind, dir] of KINDS) {
    it(`the ${kind} report opens with its answer, charts painted, no label over another`, async () => {
      const page = await open(dir());
      await page.screenshot({ path: join(tmp, `${kind}-first.png`) });
      // The summary's four parts sit inside the first screen, right under the title.
      const answer = await page.locator("#summary dl.answer").boundingBox();
      expect(answer, kind).not.toBeNull();
      expect(answer!.y).toBeLessThan(VIEWPORT.height / 2);
      expect(answer!.y + answer!.height).toBeLessThanOrEqual(VIEWPORT.height);
      const labels = await page.locator("#summary dl.answer dt").allTextContents();
      expect(labels).toContain("How sure");
      expect(labels[0]).toMatch(/^(Recommendation|Finding)$/);
      expect(await page.evaluate(() => document.querySelector("main section")?.id)).toBe("summary");
      expect(await overlappingLabels(page)).toEqual([]);
      // Every chart paints its data marks: with text, legend, axes and grid hidden, ink remains.
      await page.addStyleTag({ content: MARKS_ONLY });
      const charts = page.locator("figure.chart");
      for (let i = 0; i < (await charts.count()); i++) {
        const chart = charts.nth(i);
        const id = await chart.getAttribute("id");
        const img = decodePng(await chart.screenshot({ path: join(tmp, `${kind}-${id}.png`) }));
        expect(inkPixels(img), `${kind}: ${id}`).toBeGreaterThan(img.width * img.height * 0.002);
      }
      await page.close();
    });
  }

  it("the optimization report shows the planner's answer when optimization.json has one, and nothing when not", async () => {
    const page = await open(optimizeWithAnswer());
    const captions = await page.locator("#answer caption").allTextContents();
    expect(captions.some((c) => c.startsWith("Annual cost by part"))).toBe(true);
    expect(captions.some((c) => c.startsWith("Sensitivity"))).toBe(true);
    // The winner saves 40,000 ± 800 EUR: its row carries the interval and a payback of 1 year,
    // in months with the range from the saving's interval (40,000 / 40,800 to / 39,200 years).
    const saving = await page
      .locator("#answer tr", { hasText: "(winner)" })
      .filter({ hasText: "months" })
      .textContent();
    expect(saving).toContain("39,200 EUR to 40,800 EUR");
    expect(saving).toContain("12.0 months (95 % interval 11.8 to 12.2)");
    // The simulated volume row says how it was made, flags the winner's missed target and
    // the change of winner; the summary's main risk names it.
    const volume = await page.locator("#answer tr", { hasText: "volume +20 %" }).textContent();
    expect(volume).toContain("simulated, 3 replications");
    expect(volume).toContain("560,000 EUR (misses a target)");
    expect(volume).toContain("aisles=6,baysPerAisle=8 (changes)");
    await expect(page.locator("#summary").textContent()).resolves.toContain(
      "The choice changes with volume +20 %",
    );
    await page.screenshot({ path: join(tmp, "optimize-answer.png"), fullPage: true });
    await page.close();
    const plain = await open(fixture("optimize"));
    expect(await plain.locator("#answer").count()).toBe(0);
    expect(await plain.locator("#summary dl.answer").count()).toBe(1);
    await plain.close();
  });
});
