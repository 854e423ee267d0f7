/**
 * Rent decides: the spread-out layout (a middle cross aisle, shorter tours) needs two
 * pickers where the compact one needs three to ship on time, and costs a strip of floor
 * more. Below the break-even rent = labour difference ÷ footprint difference the spread-out
 * layout wins, above it the compact one; the optimizer's own comparison puts the switch at
 * the break-even, and the cheapest candidate, which misses its on-time target, never wins.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import {
  type BreakEven,
  blockOf,
  breakEvenRent,
  optimizeAtRent,
  RENT_DC,
  type RentOutcome,
  variantOf,
} from "./validationCases.ts";

const SPREAD = { crossAisles: 1, pickers: 2 };
const COMPACT = { crossAisles: 0, pickers: 3 };
const CHEAPEST = { crossAisles: 0, pickers: 2 };

/** The optimizer's switch point agrees with the analytic one within both intervals. */
function expectSwitchAtBreakEven(outcome: RentOutcome, be: BreakEven): void {
  const s = outcome.switchRent;
  expect(s, "the other layout's right crew is in the ranking").toBeDefined();
  const slack = 1e-9 * be.rent.mean;
  const why = `switch ${s?.mean} [${s?.low}, ${s?.high}] vs break-even ${be.rent.mean} [${be.rent.low}, ${be.rent.high}]`;
  expect((s?.low ?? Number.NaN) <= be.rent.high + slack, why).toBe(true);
  expect((s?.high ?? Number.NaN) >= be.rent.low - slack, why).toBe(true);
}

/** The cheapest candidate missed the on-time target: never the winner, never feasible. */
function expectCheapestOut(outcome: RentOutcome): void {
  const row = outcome.result.ranking.find(
    (r) => JSON.stringify(variantOf(r.settings)) === JSON.stringify(CHEAPEST),
  );
  expect(row, "the compact layout with two pickers was simulated").toBeDefined();
  expect(outcome.winner).not.toEqual(CHEAPEST);
  expect(row?.feasibility?.verdict ?? "not checked").not.toBe("feasible");
}

describe("rent decides between a compact and a spread-out layout", () => {
  let be: BreakEven;
  beforeAll(() => {
    be = breakEvenRent(4);
  });

  it("breakEvenRent(): one picker-shift a year over the cross aisle's floor strip", () => {
    const base = readScenarioFile(RENT_DC);
    const b = blockOf(base);
    // Paid hours of one picker: 9 h a day × 15 an hour × 250 working days (no overtime
    // differs by more than the interval).
    const shift = 9 * 15 * base.costs.operatingDaysPerYear;
    const l = be.labourDifference;
    expect(Math.abs(l.mean - shift), `${l.mean} ± ${l.ci95} vs ${shift}`).toBeLessThanOrEqual(
      Math.max(l.ci95, 1e-6),
    );
    // The cross aisle adds its width across the storage: aisles × pitch × width.
    const strip = b.aisles * (b.aisleWidthM + 2 * b.rackDepthM) * b.crossAisleWidthM;
    expect(be.areaDifferenceM2).toBeCloseTo(strip, 6);
    expect(be.rent.mean).toBeCloseTo(shift / strip, 6);
  });

  it("below the break-even the spread-out layout wins, and the switch matches", async () => {
    const low = await optimizeAtRent(be.rent.mean * 0.5, be.areaDifferenceM2);
    expect(low.winner).toEqual(SPREAD);
    expectSwitchAtBreakEven(low, be);
    expectCheapestOut(low);
  });

  it("above the break-even the compact layout wins; the cheapest, late one never does", async () => {
    const high = await optimizeAtRent(be.rent.mean * 1.5, be.areaDifferenceM2);
    expect(high.winner).toEqual(COMPACT);
    expectSwitchAtBreakEven(high, be);
    expectCheapestOut(high);
    // It is the cheapest: without the on-time target it would win.
    const unconstrained = await optimizeAtRent(be.rent.mean * 1.5, be.areaDifferenceM2, []);
    expect(unconstrained.winner).toEqual(CHEAPEST);
  });
});
