/**
 * The analytic cost estimate of the screen: its parts by hand, and rent deciding between a
 * compact layout with longer travel and a spread-out one with shorter travel at the
 * break-even rent Δ(travel labour) ÷ Δ(area).
 */
import { describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { estimateAnnualCost } from "../../src/optimize/costEstimate.ts";
import { checkScenario, type Scenario } from "../../src/scenario/index.ts";

const tinyFile = new URL("../experiment/fixtures/tiny.yaml", import.meta.url).pathname;

function withCosts(costs: Record<string, unknown>): Scenario {
  const s = readScenarioFile(tinyFile);
  return checkScenario({ ...s, costs: { ...s.costs, ...costs } });
}

const compact = {
  widthM: 40,
  depthM: 25,
  locationsByType: { pallet: 1000 },
  avgSingleCommandDistanceM: 60,
};
const spread = {
  widthM: 60,
  depthM: 25,
  locationsByType: { pallet: 1000 },
  avgSingleCommandDistanceM: 45,
};

describe("estimateAnnualCost()", () => {
  it("adds building, racking and pick travel labour", () => {
    const s = withCosts({ buildingPerM2Year: 80, interestRatePerYear: 0, labourPerHour: 30 });
    const e = estimateAnnualCost(s, compact);
    expect(e.space).toBe(40 * 25 * 80);
    expect(e.racking).toBeCloseTo(1000 * (90 / 20), 9);
    const linesPerOrder = 1 / 0.4; // geometric p = 0.4 on 1, 2, …
    const lines = s.outbound.ordersPerDay * 365 * linesPerOrder;
    const hours = (lines * 60) / s.workforce.roles.picker.speedMps / 3600;
    expect(e.pickTravelLabour).toBeCloseTo(hours * 30, 6);
    expect(e.total).toBeCloseTo(e.space + e.racking + e.pickTravelLabour, 6);
  });

  it("rent decides: the compact layout wins above the break-even rent, the spread one below", () => {
    const at = (rent: number) => {
      const s = withCosts({ buildingPerM2Year: rent });
      return estimateAnnualCost(s, compact).total - estimateAnnualCost(s, spread).total;
    };
    // Break-even: the rent at which the extra travel labour of the compact layout equals the
    // rent of the spread layout's extra 500 m².
    const labourGap =
      estimateAnnualCost(withCosts({ buildingPerM2Year: 0 }), compact).pickTravelLabour -
      estimateAnnualCost(withCosts({ buildingPerM2Year: 0 }), spread).pickTravelLabour;
    const breakEven = labourGap / (60 * 25 - 40 * 25);
    expect(breakEven).toBeGreaterThan(0);
    expect(at(breakEven * 0.9)).toBeGreaterThan(0); // cheap rent: spread is cheaper
    expect(at(breakEven * 1.1)).toBeLessThan(0); // dear rent: compact is cheaper
    expect(Math.abs(at(breakEven))).toBeLessThan(1e-6 * labourGap);
  });
});
