/**
 * The client's answer: on the tiny DC, a search over cross aisles names today's option,
 * the finalists' annual cost by part, the saving on common replications, the payback of
 * the re-layout and a sensitivity table whose rows follow from the parts; and the stages
 * the progress bar names, in order.
 */
import { describe, expect, it } from "vitest";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { runWarehouse } from "../../src/experiment/warehouseRunner.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { optimizeLayout } from "../../src/optimize/layoutSearch.ts";
import { parseOptimizeSpec } from "../../src/optimize/optimizeSpec.ts";

const tinyFile = new URL("./fixtures/unit-load-dc.yaml", import.meta.url).pathname;

describe("optimizeLayout() answer", () => {
  it("reports today's option, savings, payback and a sensitivity to wage and rent", async () => {
    const base = readScenarioFile(tinyFile);
    const spec = parseOptimizeSpec(
      {
        scenario: "unit-load-dc.yaml",
        targets: [],
        crew: { search: false },
        space: { "layout.crossAisles": [1, 2] },
        race: { initialReplications: 2, finalists: 2 },
        selection: { initialReplications: 3, maxReplications: 4 },
        budget: 40,
      },
      "spec.yaml",
    );
    const stages: string[] = [];
    const result = await optimizeLayout(createInProcessExecutor(runWarehouse), base, spec, {
      seed: 2,
      onStage: (s) => stages.push(s),
    });
    expect(stages).toEqual([
      "screen",
      "race",
      "selection",
      "sensitivity: today's layout and volume ±20 %",
    ]);
    const answer = result.answer!;
    expect(answer.currency).toBe("EUR");
    expect(answer.baseline.id).toBe("baseline");
    const winner = answer.finalists.find((f) => f.id === result.winner)!;
    // Saving = today's total − the option's, on the same replications.
    const parts = ["labour", "equipment", "racking", "space", "latePenalty"];
    const sum = parts.reduce((s, p) => s + winner.annualCost[p].mean, 0);
    expect(winner.annualCost.total.mean).toBeCloseTo(sum, 3);
    expect(winner.saving.mean).toBeCloseTo(
      answer.baseline.annualCost.total.mean - winner.annualCost.total.mean,
      3,
    );
    // The base has no cross aisle: both options move locations, and payback follows.
    expect(winner.movedLocationsCost).toBeGreaterThan(0);
    if (winner.saving.mean > 0)
      expect(winner.paybackYears.mean).toBeCloseTo(
        winner.movedLocationsCost / winner.saving.mean,
        9,
      );
    // Sensitivity rows: +20 % wages adds 20 % of each option's labour.
    const plus = answer.sensitivity.find((r) => r.change === "wages +20 %")!;
    for (const f of answer.finalists)
      expect(plus.totals[f.id]).toBeCloseTo(
        f.annualCost.total.mean + 0.2 * f.annualCost.labour.mean,
        3,
      );
    expect(answer.sensitivity[0].winner).toBe(result.winner);
    expect(answer.recommendation).toMatch(/^Build /);
    expect(answer.recommendation).toMatch(/probability|best mean/);
  });

  it("optimizeLayout() names the crew search stage between the screen and the race", async () => {
    const base = readScenarioFile(tinyFile);
    const spec = parseOptimizeSpec(
      {
        scenario: "unit-load-dc.yaml",
        targets: [],
        crew: { efficiencies: [0.85], maxRounds: 0, roles: ["picker"] },
        space: { "layout.crossAisles": [1, 2] },
        race: { initialReplications: 1, finalists: 2 },
        selection: { initialReplications: 2, maxReplications: 2 },
        sensitivity: { volumeReplications: 0 },
        budget: 30,
      },
      "spec.yaml",
    );
    const stages: string[] = [];
    const result = await optimizeLayout(createInProcessExecutor(runWarehouse), base, spec, {
      seed: 2,
      onStage: (s) => stages.push(s),
    });
    expect(result.winner).toBeDefined();
    expect(stages.slice(0, 3)).toEqual(["screen", "crew search", "race"]);
  });
});
