import { describe, expect, it } from "vitest";
import { createStream } from "../../src/engine/index.ts";
import { gridOf, sortByPosition, TourBuilder } from "../../src/layout/routing/grid.ts";
import { routeFunctions } from "../../src/layout/routing/routeLength.ts";
import { type Block, type Pick, routingPolicies } from "../../src/layout/routing/types.ts";

/** Length of a waypoint polyline (axis-parallel legs), metres. */
function polylineM(tour: [number, number][]): number {
  let sum = 0;
  for (let k = 1; k < tour.length; k++) {
    sum += Math.abs(tour[k][0] - tour[k - 1][0]) + Math.abs(tour[k][1] - tour[k - 1][1]);
  }
  return sum;
}

describe("route functions with withTour = false", () => {
  const blocks: Block[] = [
    { aisles: 8, aisleLengthM: 30, aisleSpacingM: 3 },
    { aisles: 10, aisleLengthM: 40, aisleSpacingM: 3.5, crossAisles: 2, depotAisle: 4 },
  ];
  for (const policy of routingPolicies) {
    it(`${policy}(grid, picks, false) has the same distance and order, and an empty tour`, () => {
      const rng = createStream(7, `noTour-${policy}`);
      for (const block of blocks) {
        const grid = gridOf(block);
        for (let trial = 0; trial < 40; trial++) {
          const m = rng.integer(0, 9);
          const picks: Pick[] = Array.from({ length: m }, () => ({
            aisle: rng.integer(0, block.aisles - 1),
            // Some picks share a position, so the sort's tie-break by index matters.
            positionM: rng.uniform(0, 1) < 0.3 ? 10 : rng.uniform(0, block.aisleLengthM),
          }));
          const full = routeFunctions[policy](grid, picks);
          const lean = routeFunctions[policy](grid, picks, false);
          expect(lean.distanceM).toBe(full.distanceM);
          expect(lean.order).toEqual(full.order);
          expect(lean.tour).toEqual([]);
          // The full tour's waypoints still walk the reported distance.
          expect(polylineM(full.tour)).toBeCloseTo(full.distanceM, 6);
        }
      }
    });
  }
});

describe("TourBuilder", () => {
  it("new TourBuilder(x, y, false) sums the same distance without waypoints", () => {
    const b = new TourBuilder(0, 0, false);
    b.to(3, 0).to(3, 10).visit(2).to(3, 10).to(0, 10).to(0, 0);
    // 3 + 10 + 0 (no move) + 3 + 10 by hand.
    expect(b.distanceM).toBe(26);
    expect(b.order).toEqual([2]);
    expect(b.tour).toEqual([]);
    expect([b.atX, b.atY]).toEqual([0, 0]);
  });
});

describe("sortByPosition()", () => {
  it("sorts pick indices by position, equal positions by index", () => {
    const picks: Pick[] = [
      { aisle: 0, positionM: 5 },
      { aisle: 0, positionM: 1 },
      { aisle: 0, positionM: 5 },
      { aisle: 0, positionM: 0 },
      { aisle: 0, positionM: 5 },
    ];
    const list = [4, 2, 0, 3, 1];
    sortByPosition(list, picks);
    expect(list).toEqual([3, 1, 0, 2, 4]);
  });
});
