import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/common/units.ts";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { runQueueModel } from "../../src/experiment/queueModel.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { optimizeLayout } from "../../src/optimize/layoutSearch.ts";
import { objectiveFor } from "../../src/optimize/objective.ts";
import { parseOptimizeSpec } from "../../src/optimize/optimizeSpec.ts";
import { selectBest } from "../../src/optimize/selectBest.ts";
import { runUnitLoadModel } from "../../src/optimize/unitLoadModel.ts";
import { checkScenario } from "../../src/scenario/index.ts";

const tinyFile = new URL("../experiment/fixtures/tiny.yaml", import.meta.url).pathname;
/** The tables' format: the shared number rule (about four significant digits, no exponent). */
const four = (x: number) => formatNumber(x);

describe("the why text", () => {
  it("selectBest() states the runner-up difference with the ranked table's numbers", async () => {
    const candidates = [2, 3, 4].map((servers) => ({
      id: `c${servers}`,
      scenario: { arrivalRatePerS: 1.5, serviceMeanS: 1, servers, horizonS: 2000, warmupS: 200 },
    }));
    const result = await selectBest(createInProcessExecutor(runQueueModel), candidates, {
      objective: objectiveFor("waitS"),
      seed: 9,
      indifferenceZone: { absolute: 0.05 },
      race: { initialReplications: 2, eta: 2, finalists: 2 },
      selection: { initialReplications: 4, maxReplications: 10 },
    });
    const [winner, runnerUp] = result.ranking;
    const v = runnerUp.versusWinner!;
    const sentence = result.why.find((w) => w.startsWith("against the runner-up"))!;
    expect(sentence).toContain(`against the runner-up ${runnerUp.id}`);
    expect(sentence).toContain(`${four(winner.estimate.mean)} vs ${four(runnerUp.estimate.mean)}`);
    expect(sentence).toContain(
      `runner-up − winner ${four(v.mean)} [${four(v.low)}, ${four(v.high)}]`,
    );
    expect(sentence).toContain(`all ${winner.estimate.n} and ${runnerUp.estimate.n} replications`);
    expect(result.why.join(" ")).not.toMatch(/\de[+-]\d/);
  });

  it("optimizeLayout() compares the winner's layout with a different layout, not its policy twin", async () => {
    const s = readScenarioFile(tinyFile);
    const { forward: _forward, ...layout } = s.layout as Record<string, unknown>;
    const base = checkScenario({ ...s, layout: { ...layout, aisles: 8, baysPerAisle: 10 } });
    const spec = parseOptimizeSpec(
      {
        scenario: "tiny.yaml",
        model: "unitLoad",
        objective: "travelMPerRequest",
        space: {
          "layout.crossAisles": [0, 1],
          "outbound.picking.routing": ["sShape", "largestGap"],
        },
        race: { initialReplications: 2, eta: 2, finalists: 2 },
        selection: { initialReplications: 3, maxReplications: 6 },
        budget: 60,
      },
      "spec.yaml",
    );
    const result = await optimizeLayout(createInProcessExecutor(runUnitLoadModel), base, spec, {
      seed: 4,
    });
    const winner = result.ranking.find((r) => r.id === result.winner)!;
    const line = result.why.find((w) => w.startsWith("layout:"))!;
    const other = Number(/other simulated layouts ([\d.]+) m/.exec(line)?.[1]);
    // Two layouts (0 or 1 cross aisle), each simulated with two routings.
    const trips = new Set(
      result.ranking.map((r) => r.metrics?.avgSingleCommandDistanceM.toFixed(1)),
    );
    expect(trips.size).toBe(2);
    expect(other.toFixed(1)).not.toBe(winner.metrics!.avgSingleCommandDistanceM.toFixed(1));
    expect(trips.has(other.toFixed(1))).toBe(true);
  });
});
