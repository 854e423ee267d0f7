import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { buildLayout } from "../../src/layout/loadLayout.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { reportHtml } from "../../src/report/buildReport.ts";
import { readResultsFolder } from "../../src/report/readResultsFolder.ts";
import type { Block, ReportModel, Table } from "../../src/report/reportModel.ts";
import { scenarioLayout } from "../../src/warehouse/index.ts";
import { launchBrowser, openReport, type TestBrowser } from "./browser.ts";

const fixtures = new URL("../experiment/fixtures/", import.meta.url).pathname;
const tiny = join(fixtures, "tiny.yaml");
const tiny4 = join(fixtures, "tiny-4-pickers.yaml");
const tmp = mkdtempSync(join(tmpdir(), "whsim-report-inputs-"));
/** tiny with 6 aisles instead of 4: a different layout. */
const tiny6 = join(tmp, "tiny-6-aisles.yaml");

let browser: TestBrowser;
beforeAll(async () => {
  writeFileSync(
    tiny6,
    readFileSync(tiny, "utf8")
      .replace("name: tiny\n", "name: tiny-6-aisles\n")
      .replace("  aisles: 4\n", "  aisles: 6\n"),
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function whsim(...args: string[]): Promise<number> {
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const before = process.exitCode;
  try {
    return await main(["node", "whsim", ...args]);
  } finally {
    err.mockRestore();
    out.mockRestore();
    process.exitCode = before;
  }
}

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
/** The value as JSON would keep it (undefined fields dropped). */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

function section(model: ReportModel, id: string): Block[] {
  return model.sections.find((s) => s.id === id)?.blocks ?? [];
}
function tableOf(blocks: Block[], caption: string): Table | undefined {
  for (const b of blocks)
    if (b.kind === "table" && b.table.caption?.startsWith(caption)) return b.table;
  return undefined;
}
const text = (cell: unknown) => (typeof cell === "string" ? cell : (cell as { text: string }).text);

describe("compare results folder: candidates/<k>/scenario.json and layout.json", () => {
  const dir = join(tmp, "compare");
  beforeAll(async () => {
    const code = await whsim(
      "compare",
      tiny,
      tiny4,
      tiny6,
      "--replications",
      "1",
      "--workers",
      "1",
      "--out",
      dir,
    );
    expect(code).toBe(0);
  }, 60_000);

  it("whsim compare writes each candidate's resolved scenario and built layout, equal to what ran", () => {
    for (const [k, file] of [tiny, tiny4, tiny6].entries()) {
      const scenario = readScenarioFile(file);
      expect(readJson(join(dir, `candidates/${k}/scenario.json`))).toEqual(plain(scenario));
      expect(readJson(join(dir, `candidates/${k}/layout.json`))).toEqual(
        plain(scenarioLayout(scenario)),
      );
    }
    const doc = readJson(join(dir, "comparison.json"));
    expect(doc.scenarios.map((s: { folder: string }) => s.folder)).toEqual([
      "candidates/0",
      "candidates/1",
      "candidates/2",
    ]);
    // 6 aisles make a different layout from 4.
    expect(readJson(join(dir, "candidates/2/layout.json")).aisles.length).toBeGreaterThan(
      readJson(join(dir, "candidates/0/layout.json")).aisles.length,
    );
  });

  it("reportHtml(compare) lists every candidate's assumptions side by side, differences highlighted", async () => {
    const { model, folder } = await reportHtml(dir);
    expect(folder.files).toContain("candidates/1/scenario.json");
    expect(folder.candidateInputs?.map((c) => c.id)).toEqual([
      "tiny",
      "tiny-4-pickers",
      "tiny-6-aisles",
    ]);
    expect(folder.candidateInputs?.[1].scenario).toEqual(plain(readScenarioFile(tiny4)));
    const blocks = section(model, "assumptions");
    const differs = tableOf(blocks, "What differs");
    expect(differs?.columns).toEqual(["Setting", "tiny", "tiny-4-pickers", "tiny-6-aisles"]);
    const rows = new Map(differs?.rows.map((r) => [text(r[0]), r.slice(1).map(text)]));
    expect(rows.get("workforce.roles.picker.crews")).toEqual([
      "shift: day, headcount: 1",
      "shift: day, headcount: 4",
      "shift: day, headcount: 1",
    ]);
    expect(rows.get("layout.aisles")).toEqual(["4", "4", "6"]);
    expect(rows.has("workforce.roles.packer.crews")).toBe(false);
    expect(rows.has("skus.count")).toBe(false);
    const all = tableOf(blocks, "Every setting");
    const packer = all?.rows.find((r) => text(r[0]) === "workforce.roles.packer.crews");
    expect(packer?.slice(1).map(text)).toEqual(Array(3).fill("shift: day, headcount: 2"));
    expect(typeof packer?.[1]).toBe("string"); // not highlighted
    const picker = all?.rows.find((r) => text(r[0]) === "workforce.roles.picker.crews");
    expect((picker?.[1] as { cls?: string } | undefined)?.cls).toBe("differs");
  });

  it("the compare report draws one layout per distinct layout in Chromium", async () => {
    const { html, model } = await reportHtml(dir);
    const drawings = section(model, "layout").filter((b) => b.kind === "drawing");
    expect(drawings.map((b) => (b.kind === "drawing" ? b.drawing.title : ""))).toEqual([
      "Layout of tiny, tiny-4-pickers: tiny-dc",
      "Layout of tiny-6-aisles: tiny-dc",
    ]);
    expect(html).toContain("tiny-4-pickers");
    const { page, requests, errors } = await openReport(browser, html);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator("figure.drawing svg.layout-drawing").count()).toBe(2);
    const cells = await page.evaluate(
      () =>
        [...document.querySelectorAll("table")]
          .find((t) => t.caption?.textContent?.startsWith("What differs"))
          ?.querySelectorAll("tbody td.differs").length,
    );
    expect(cells).toBeGreaterThanOrEqual(3 * 4); // name, picker crews, layout.aisles, …: 4 cells each
    await page.close();
  });

  it("the side-by-side compare report fits the printed width of an A4 page", async () => {
    const { html } = await reportHtml(dir);
    const page = await browser.context.newPage();
    // A4 is 210 mm wide; less 2 × 14 mm margins that is 182 mm = 688 CSS px.
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.emulateMedia({ media: "print" });
    await page.setContent(html, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.rendered !== undefined);
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });

  it("readResultsFolder() refuses a candidates/<k> folder that is a symbolic link out of the folder", async () => {
    const copy = join(tmp, "compare-linked");
    cpSync(dir, copy, { recursive: true });
    const outside = join(tmp, "outside");
    mkdirSync(outside);
    cpSync(join(dir, "candidates/1/scenario.json"), join(outside, "scenario.json"));
    rmSync(join(copy, "candidates/1"), { recursive: true });
    symlinkSync(outside, join(copy, "candidates/1"));
    await expect(readResultsFolder(copy)).rejects.toMatchObject({
      issues: [expect.objectContaining({ value: "a symbolic link" })],
    });
  });
});

describe("sweep results folder: scenario.json and layout.json of the base scenario", () => {
  const dir = join(tmp, "sweep");
  beforeAll(async () => {
    const code = await whsim(
      "sweep",
      tiny,
      "--set",
      "outbound.ordersPerDay=300,500",
      "--replications",
      "1",
      "--workers",
      "1",
      "--out",
      dir,
    );
    expect(code).toBe(0);
  }, 60_000);

  it("whsim sweep writes the base scenario and its layout; the report shows assumptions and the drawing", async () => {
    const scenario = readScenarioFile(tiny);
    expect(readJson(join(dir, "scenario.json"))).toEqual(plain(scenario));
    expect(readJson(join(dir, "layout.json"))).toEqual(plain(scenarioLayout(scenario)));
    expect(existsSync(join(dir, "candidates"))).toBe(false);
    const { model, html } = await reportHtml(dir);
    const volumes = tableOf(section(model, "assumptions"), "Volumes");
    expect(volumes?.rows.find((r) => text(r[0]) === "Orders per day")?.[1]).toBe("500");
    const drawings = section(model, "layout").filter((b) => b.kind === "drawing");
    expect(drawings).toHaveLength(1);
    const { page, errors } = await openReport(browser, html);
    expect(errors).toEqual([]);
    expect(await page.locator("figure.drawing svg.layout-drawing").count()).toBe(1);
    await page.close();
  });
});

describe("optimize results folder: the winner's scenario.json and layout.json", () => {
  it("whsim optimize writes the winner's scenario and layout; the report lists the winner's assumptions", async () => {
    const spec = new URL("../optimize/fixtures/unit-load.optimize.yaml", import.meta.url).pathname;
    const dir = join(tmp, "optimize");
    expect(await whsim("optimize", spec, "--workers", "1", "--out", dir)).toBe(0);
    const doc = readJson(join(dir, "optimization.json"));
    const scenario = readJson(join(dir, "scenario.json"));
    expect(doc.winnerSettings["layout.generator"]).toBe("fishbone");
    expect(scenario.layout).toEqual(doc.winnerLayout);
    // The base scenario's other settings are kept.
    expect(scenario.outbound.ordersPerDay).toBe(readScenarioFile(tiny).outbound.ordersPerDay);
    expect(readJson(join(dir, "layout.json"))).toEqual(
      plain(buildLayout(doc.winnerLayout, "winnerLayout")),
    );
    const { model } = await reportHtml(dir);
    const layout = tableOf(section(model, "assumptions"), "Layout");
    expect(layout?.rows.find((r) => text(r[0]) === "Parameter: generator")?.[1]).toBe("fishbone");
  }, 60_000);
});
