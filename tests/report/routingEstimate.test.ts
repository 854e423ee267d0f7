import { describe, expect, it } from "vitest";
import {
  expectedAislesVisited,
  expectedFarthestAisle,
  lowerBoundTourM,
  returnTourM,
  sShapeTourM,
} from "../../src/report/routingEstimate.ts";

describe("routing estimates", () => {
  const block = { aisles: 10, spacingM: 2.5, lengthM: 10 };

  it("returnTourM() gives 117.781 m for n = 10, L = 10, w = 2.5, m = 10 (REFERENCES.md)", () => {
    expect(returnTourM(block, 10)).toBeCloseTo(117.781, 3);
  });

  it("expectedAislesVisited() and expectedFarthestAisle() of one pick are 1 and (n−1)/2", () => {
    expect(expectedAislesVisited(10, 1)).toBeCloseTo(1, 12);
    expect(expectedFarthestAisle(10, 1)).toBeCloseTo(4.5, 12);
  });

  it("lowerBoundTourM() lies below the return and S-shape estimates", () => {
    for (const m of [1, 2, 5, 10, 30]) {
      const lb = lowerBoundTourM(block, m);
      expect(lb).toBeLessThanOrEqual(returnTourM(block, m) + 1e-9);
      expect(lb).toBeLessThanOrEqual(sShapeTourM(block, m) + 1e-9);
    }
  });

  it("returnTourM() of one pick is 2w·E[R] + L (a round trip to a uniform depth)", () => {
    // E[2L·k/(k+1)] with k = 1 is L; E[R] = 4.5 aisles.
    expect(returnTourM(block, 1)).toBeCloseTo(2 * 2.5 * 4.5 + 10, 10);
  });
});
