import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportHtml } from "../../src/report/buildReport.ts";
import { launchBrowser, openReport, type TestBrowser } from "./browser.ts";

const fixture = (kind: string) => new URL(`../fixtures/report/${kind}`, import.meta.url).pathname;

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The text of every cell of the table whose caption starts with `caption`. */
async function tableText(
  page: import("playwright-core").Page,
  caption: string,
): Promise<string[][]> {
  return page.evaluate((cap) => {
    const table = [...document.querySelectorAll("table")].find((t) =>
      t.caption?.textContent?.startsWith(cap),
    );
    if (!table) return [];
    return [...table.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
    );
  }, caption);
}

describe("report HTML in Chromium", () => {
  it("a run report draws its charts and layouts and shows the KPI means and intervals", async () => {
    const { html } = await reportHtml(fixture("run"));
    const { page, requests, errors } = await openReport(browser, html);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.rendered)).toBe("ok");
    expect(requests).toEqual([]);
    // 2 breakdowns + WIP and utilisation series; layout, picks and congestion drawings.
    expect(await page.locator("figure.chart svg.whsim-chart").count()).toBe(4);
    expect(await page.locator("figure.drawing svg.layout-drawing").count()).toBe(3);
    // Every id on the page is unique (pattern fills are looked up by id).
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator("#run-picks .heatmap path").count()).toBeGreaterThan(0);
    const kpis = await tableText(page, "Key performance indicators");
    const row = (label: string) => kpis.find((r) => r[0] === label)!;
    // Means of the fixture's replications: cycle time 7000..7400 → 7200; t(0.975, 4) = 2.776445,
    // s = 158.11 → half-width 196.32 → 7,004 – 7,396 s, shown in hours: 1.95 – 2.05 h.
    expect(row("Order cycle time").slice(1, 4)).toEqual(["h", "2", "1.95 – 2.05"]);
    expect(row("Throughput (orders)").slice(1, 3)).toEqual(["orders/h", "16.6"]);
    expect(row("On time ship rate").slice(1, 3)).toEqual(["%", "95.4"]);
    // The order breakdown chart: segments sum to 7200 s per order, drawn in hours (2 h).
    const total = await page
      .locator("#run-order-breakdown .row")
      .first()
      .getAttribute("data-total");
    expect(Number(total)).toBeCloseTo(2, 6);
    // Charts carry titles, axis titles with units and one legend entry per series.
    const chart = page.locator("#run-order-breakdown svg");
    await expect(chart.locator(".chart-title").textContent()).resolves.toBe(
      "Where an order's time goes (mean per order)",
    );
    await expect(chart.locator(".axis-title.x").textContent()).resolves.toBe(
      "Time from arrival to shipping (h)",
    );
    expect(await chart.locator(".legend-item").count()).toBe(8);
    await expect(page.locator("#run-utilization .axis-title.y").textContent()).resolves.toBe(
      "Utilisation (%)",
    );
    // Only roles with workers in the trace header: the fixture samples a packer it never staffs.
    expect(await page.locator("#run-utilization .legend-item").count()).toBe(1);
    const checks = await tableText(page, "Analytic cross-checks");
    expect(checks.map((r) => r.at(-1))).toEqual([
      "agrees",
      "agrees",
      "assumptions do not hold",
      "assumptions do not hold",
    ]);
    await page.close();
  });

  it("a comparison report shows paired differences, verdicts and bars with the right means", async () => {
    const { html } = await reportHtml(fixture("compare"));
    const { page, requests, errors } = await openReport(browser, html);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const diffs = await tableText(page, "Paired differences");
    const cycle = diffs.find((r) => r[0] === "Order cycle time")!;
    // B − A per replication: −500, −500, −400, −550, −550 → mean −500 s = −8.33 min.
    expect(cycle[2]).toBe("min");
    expect(cycle[3]).toBe("-8.33");
    expect(cycle[5]).toBe("better");
    expect(diffs.find((r) => r[0] === "Throughput (orders)")![5]).toBe("no significant difference");
    const bars = await page
      .locator("#compare-kpi-ordercycletimes .bar")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-mean"))));
    expect(bars).toEqual([7200, 6700]);
    expect(await page.locator("#compare-order-breakdown .row").count()).toBe(2);
    // The recommendation opens the report; the verdict and where it comes from follow.
    await expect(page.locator("#summary").textContent()).resolves.toContain(
      "RecommendationPrefer “Layout B” to “Layout A”.",
    );
    const summary = await page.locator("#findings").textContent();
    expect(summary).toContain(
      "“Layout B” is better than “Layout A”: better on 3 KPIs, worse on none (no significant difference on 1 other).",
    );
    // The breakdowns differ in travel by −300 s per order (900 → 600 s): that explains it.
    expect(summary).toContain(
      "the largest change in an order's time is “travel”, shorter by 5 min per order",
    );
    await page.close();
  });

  it("a sweep report charts each KPI against each swept parameter", async () => {
    const { html } = await reportHtml(fixture("sweep"));
    const { page, requests } = await openReport(browser, html);
    expect(requests).toEqual([]);
    // 4 KPIs × 2 axes.
    expect(await page.locator("svg[data-chart=kpiVsParameter]").count()).toBe(8);
    // Little's law at each point: λW at 300 orders/day, 4 pickers is 12.5 × 4600 / 3600 = 15.97 orders.
    const little = await tableText(page, "Little's law per grid point");
    expect(little.map((r) => r[3])).toEqual([
      "agrees",
      "agrees",
      "agrees",
      "agrees",
      "agrees",
      "⚑ disagrees",
    ]);
    expect(little[0].slice(1, 3)).toEqual(["15.97", "15.97"]);
    // Cycle time = 2000 + 12·orders − 250·pickers: at 500 orders and 4 pickers, 7000 s.
    const points = await page
      .locator("#sweep-0-ordercycletimes .series[data-name$='= 4'] .point")
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute("data-x"), Number(e.getAttribute("data-mean"))]),
      );
    expect(points).toEqual([
      ["300", 4600],
      ["400", 5800],
      ["500", 7000],
    ]);
    await page.close();
  });

  it("an optimization report ranks the candidates and draws the winning layout", async () => {
    const { html } = await reportHtml(fixture("optimize"));
    const { page, requests, errors } = await openReport(browser, html);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const ranking = await tableText(page, "Ranking by");
    // Columns: rank, aisles, baysPerAisle, objective, versus winner, replications, reached.
    expect(ranking.map((r) => r.slice(0, 3))).toEqual([
      ["1", "8", "6"],
      ["2", "6", "8"],
      ["3", "4", "12"],
      ["—", "12", "4"],
    ]);
    // Times of about 6,400 s read in minutes: 106.7 ± 1.5 min; 270 to 430 s = 4.5 to 7.17 min.
    expect(ranking[0].slice(3, 7)).toEqual(["106.7 ± 1.5", "—", "10", "winner"]);
    expect(ranking[1][4]).toBe("4.5 to 7.17");
    expect(ranking[3][6]).toMatch(/^screened out/);
    const bars = await page
      .locator("#optimize-ranking .bar")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-mean"))));
    expect(bars).toEqual([6400, 6750, 7300]);
    // The winner's layout spec (8 aisles) is built and drawn.
    expect(await page.locator("#winner-layout svg.layout-drawing .layout").count()).toBe(1);
    await expect(page.locator("#findings").textContent()).resolves.toContain("(16.67 % saved)");
    await page.close();
  });

  it("the report makes no request even without its content security policy", async () => {
    const { html } = await reportHtml(fixture("run"));
    const open = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
    expect(open).not.toContain("Content-Security-Policy");
    const { page, requests } = await openReport(browser, open);
    expect(requests.filter((u) => !u.startsWith("data:"))).toEqual([]);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    await page.close();
  });

  it("a scenario named <script>alert(1)</script> shows as text and runs nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-report-xss-"));
    try {
      cpSync(fixture("run"), dir, { recursive: true });
      const evil = "<script>alert(1)</script>";
      const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
      writeFileSync(join(dir, "summary.json"), JSON.stringify({ ...summary, scenario: evil }));
      const scenario = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8"));
      writeFileSync(
        join(dir, "scenario.json"),
        JSON.stringify({ ...scenario, name: evil, description: `<img src=x onerror=alert(2)>` }),
      );
      const layout = JSON.parse(readFileSync(join(dir, "layout.json"), "utf8"));
      writeFileSync(
        join(dir, "layout.json"),
        JSON.stringify({ ...layout, name: "</script><script>alert(3)</script>" }),
      );
      const { html } = await reportHtml(dir);
      const { page, dialogs, errors, requests } = await openReport(browser, html);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator("h1").textContent()).toBe(`Warehouse simulation: ${evil}`);
      expect(await page.locator("script").count()).toBe(2);
      expect(await page.locator("img").count()).toBe(0);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every kind of report fits the printed width of an A4 page (no table or chart sticks out)", async () => {
    for (const kind of ["run", "compare", "sweep", "optimize"]) {
      const { html } = await reportHtml(fixture(kind));
      const page = await browser.context.newPage();
      // A4 is 210 mm wide; less 2 × 14 mm margins that is 182 mm = 688 CSS px.
      await page.setViewportSize({ width: 688, height: 1000 });
      await page.emulateMedia({ media: "print" });
      await page.setContent(html, { waitUntil: "load" });
      await page.waitForFunction(() => document.body.dataset.rendered !== undefined);
      const widths = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0], kind).toBeLessThanOrEqual(widths[1]);
      await page.close();
    }
  });
});
