/**
 * A constructed case with a known answer: two layouts of equal storage, one with a middle
 * cross aisle. At equal crews the pickers' travel differs as the S-shape formulas predict
 * (validationCases.ts, from REFERENCES.md), and the optimizer picks the cross-aisle layout.
 */
import { describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { meanPickTourM } from "../../src/optimize/tourEstimate.ts";
import {
  agrees,
  blockOf,
  CROSS_AISLE_DC,
  type CrossAisleCase,
  crossAisleCase,
  optimizeCrossAisleDc,
  twoPickSShapeTourM,
  withCrossAisles,
} from "./validationCases.ts";

const LONG = Boolean(process.env.WHSIM_LONG);

/** Every measure of the case agrees with its formula, and the difference is real. */
function expectFormulasHold(result: CrossAisleCase): void {
  for (const [measure, m] of Object.entries(result)) {
    const { predicted, simulated } = m;
    // The cross aisle shortens tours in these cases: the formulas say by 5 % or more.
    expect(predicted.ratio).toBeLessThan(0.95);
    for (const [name, e, exact] of [
      ["no cross aisle", simulated.none, predicted.none],
      ["one cross aisle", simulated.one, predicted.one],
    ] as const) {
      const why = `${measure}, ${name}: ${e.mean} ± ${e.ci95} vs ${exact}`;
      expect(agrees(e, exact, 0.01), why).toBe(true);
    }
    const d = simulated.difference;
    expect(
      Math.abs(d.mean - predicted.difference) <= d.ci95,
      `${measure}: difference ${d.mean} ± ${d.ci95} (95 %) vs predicted ${predicted.difference}`,
    ).toBe(true);
    // The interval excludes zero: the difference is real, not noise.
    expect(d.mean + d.ci95).toBeLessThan(0);
  }
}

describe("cross aisle: S-shape travel of two-pick orders", () => {
  it("twoPickSShapeTourM() matches hand-worked cases", () => {
    // One aisle: always the return trip to the farther of two picks on the bay centres,
    // 0.75 and 1.75 m from the front cross aisle's centre line.
    const oneAisle = {
      aisles: 1,
      baysPerAisle: 2,
      aisleWidthM: 1,
      rackDepthM: 0.5,
      bayWidthM: 1,
      crossAisleWidthM: 0.5,
      crossAisles: 0,
    };
    // Bay centres at 0.75 and 1.75 m; E[max] = 0.75/4 + 1.75·3/4 = 1.5; tour 3.
    expect(twoPickSShapeTourM(oneAisle)).toBeCloseTo(3, 12);
    // Two aisles 2 m apart, aisle length 2.5 m: E[R] = 1 − 1/4 = 0.75 → 3 m horizontal;
    // same aisle (1/2): 3; two aisles (1/2): 2L = 5. Total 3 + 1.5 + 2.5 = 7.
    expect(twoPickSShapeTourM({ ...oneAisle, aisles: 2 })).toBeCloseTo(7, 12);
  });

  it("the simulated travel per line and picker travel time per order match the formulas", () => {
    expectFormulasHold(crossAisleCase(8));
  });

  if (!LONG)
    console.info(
      "cross-aisle validation: the 12 × 31 pick area at 24 replications runs with WHSIM_LONG=1 (about a minute)",
    );
  it.runIf(LONG)(
    "long: a 12-aisle × 31-bay pick area (blocks of 16 and 15 bays) at 24 replications",
    () => {
      expectFormulasHold(crossAisleCase(24, { aisles: 12, baysPerAisle: 31 }));
    },
    300_000,
  );

  it("the layouts hold equal storage: the cross aisle moves bays, never removes them", () => {
    const base = readScenarioFile(CROSS_AISLE_DC);
    const [a, b] = [0, 1].map((c) => blockOf(withCrossAisles(base, c)));
    expect(a.aisles * a.baysPerAisle).toBe(b.aisles * b.baysPerAisle);
  });

  it("optimize over crossAisles [0, 1] at equal crews picks the cross-aisle layout", async () => {
    const result = await optimizeCrossAisleDc({
      objective: "pickTravelMPerLine",
      targets: [],
      crew: { search: false },
      space: { "layout.crossAisles": [0, 1] },
      race: { initialReplications: 2, finalists: 2 },
      selection: { indifferenceZone: 1, initialReplications: 4, maxReplications: 12 },
      budget: 40,
    });
    expect(result.winner).toBe("crossAisles=1");
    expect(result.ranking.map((r) => r.id)).toEqual(["crossAisles=1", "crossAisles=0"]);
  });

  it("the screen's pick tour estimate follows the formulas, so travel keeps the cross aisle", async () => {
    const base = readScenarioFile(CROSS_AISLE_DC);
    const [none, one] = [0, 1].map((c) => withCrossAisles(base, c));
    const [t0, t1] = [none, one].map((s) => meanPickTourM(s));
    const [f0, f1] = [none, one].map((s) => twoPickSShapeTourM(blockOf(s)));
    // 400 sampled orders: a few per cent on each; the same orders on both layouts.
    expect(Math.abs(t0 / f0 - 1)).toBeLessThan(0.04);
    expect(Math.abs(t1 / f1 - 1)).toBeLessThan(0.04);
    expect(Math.abs(t1 / t0 - f1 / f0)).toBeLessThan(0.02);
    // Rent-free, travel alone decides: a one-layout screen keeps the cross aisle, which a
    // single-command trip (longer with the longer aisles) would have screened out.
    const noRent = structuredClone(base);
    noRent.costs.buildingPerM2Year = 0;
    const result = await optimizeCrossAisleDc(
      {
        targets: [],
        crew: { search: false },
        space: { "layout.crossAisles": [0, 1] },
        screen: { keep: 1 },
        race: { initialReplications: 2, finalists: 1 },
        selection: { indifferenceZone: 1000, initialReplications: 4, maxReplications: 8 },
        sensitivity: { volumeReplications: 0 },
        budget: 30,
      },
      noRent,
    );
    const rows = result.ranking;
    expect(rows.find((r) => r.id === "crossAisles=0")?.rejected).toMatch(/screened out/);
    expect(result.winner).toBe("crossAisles=1");
  });
});
