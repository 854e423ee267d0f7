import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { precisionText } from "../../src/report/precision.ts";
import { readResultsFolder } from "../../src/report/readResultsFolder.ts";
import { sweepReport } from "../../src/report/sweepReport.ts";

const est = (mean: number, ci95: number, unit?: string) => ({ mean, ci95, n: 5, unit });

describe("precisionText()", () => {
  it("precisionText() gives the widest relative half-width of ordinary means", () => {
    const text = precisionText([
      ["orderCycleTimeS", est(4000, 80)],
      ["throughputOrdersPerHour", est(10, 0.5)],
    ]);
    // 0.5 / 10 = 5 % is wider than 80 / 4000 = 2 %.
    expect(text).toMatch(/^within ±5 % of their means \(widest: throughput/);
  });

  it("precisionText() gives a near-zero mean's half-width in its unit, never ±325 %", () => {
    const text = precisionText([
      ["orderCycleTimeS", est(4000, 80)],
      ["congestionWaitS", est(0.4, 1.3, "s")],
    ]);
    expect(text).not.toMatch(/325/);
    expect(text).toMatch(/within ±2 % of their means \(widest: order cycle time\)/);
    expect(text).toMatch(/congestion wait[^;]* ±1\.3 s$/);
  });

  it("precisionText() reads a share's half-width in percentage points when its mean is near zero", () => {
    // 0.002 of the 0.5 largest mean over the grid is below 1 %: near zero.
    const text = precisionText([
      ["fillRateLines", est(0.5, 0.01)],
      ["fillRateLines", est(0.002, 0.0015)],
    ]);
    expect(text).toMatch(/within ±2 % of their means/);
    expect(text).toMatch(/±0\.15 pp/);
  });

  it("precisionText() of single replications is empty", () => {
    expect(precisionText([["orderCycleTimeS", { mean: 4000, ci95: 0, n: 1 }]])).toBe("");
  });
});

describe("sweepReport() how sure", () => {
  it("sweepReport() states a near-zero KPI's interval in seconds, not as a huge percentage", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-sweep-"));
    cpSync(new URL("../fixtures/report/sweep", import.meta.url), dir, { recursive: true });
    const file = join(dir, "sweep.json");
    const sweep = JSON.parse(readFileSync(file, "utf8"));
    for (const p of sweep.points) p.kpis.congestionWaitS = { mean: 0.4, ci95: 1.3, n: 5 };
    writeFileSync(file, JSON.stringify(sweep));
    const model = sweepReport(await readResultsFolder(dir));
    const answer = model.sections[0].blocks.find((b) => b.kind === "answer");
    const sure =
      answer?.kind === "answer" ? answer.items.find((i) => i.label === "How sure") : undefined;
    expect(sure?.text).toMatch(/congestion wait[^.]*±1\.3 s/);
    expect(sure?.text).not.toMatch(/±\d{3,}/);
  });
});
