import { describe, expect, it } from "vitest";
import { createStream, type RandomStream } from "../../src/engine/index.ts";
import { gridMetric, gridOf } from "../../src/layout/routing/grid.ts";
import { heldKarp } from "../../src/layout/routing/heldKarp.ts";
import { largestGapInAisle } from "../../src/layout/routing/largestGap.ts";
import { nearestNeighbourTwoOpt } from "../../src/layout/routing/localSearch.ts";
import { routeLength } from "../../src/layout/routing/routeLength.ts";
import {
  type Block,
  type Pick,
  type RoutingPolicy,
  routingPolicies,
} from "../../src/layout/routing/types.ts";

const heuristics: RoutingPolicy[] = ["sShape", "return", "midpoint", "largestGap", "combined"];

function randomPicks(rng: RandomStream, block: Block, m: number): Pick[] {
  return Array.from({ length: m }, () => ({
    aisle: rng.integer(0, block.aisles - 1),
    positionM: rng.uniform(0, block.aisleLengthM),
  }));
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** E[R]: expected farthest aisle index (0-based), REFERENCES.md. */
function expectedFarthest(n: number, m: number): number {
  let sum = 0;
  for (let j = 1; j < n; j++) sum += (j / n) ** m;
  return n - 1 - sum;
}

/** Exact expected return-policy distance, REFERENCES.md. */
function expectedReturn(n: number, L: number, w: number, m: number): number {
  let aisle = 0;
  for (let k = 1; k <= m; k++) {
    aisle += binomial(m, k) * n ** -k * (1 - 1 / n) ** (m - k) * ((2 * L * k) / (k + 1));
  }
  return 2 * w * expectedFarthest(n, m) + n * aisle;
}

/**
 * Exact expected S-shape distance: horizontal 2w·E[R]; vertical L per visited aisle, except
 * that with an odd number V of visited aisles the farthest one (holding K picks) is a return
 * trip of expected length 2L·K/(K+1). Conditions on the farthest aisle r, its K = k picks and
 * the number of distinct aisles among 0..r-1 holding the other m-k picks (occupancy law).
 */
function expectedSShape(n: number, L: number, w: number, m: number): number {
  let vertical = 0;
  for (let r = 0; r < n; r++) {
    for (let k = 1; k <= m; k++) {
      const rest = m - k;
      if (r === 0 && rest > 0) continue;
      const pAisle = binomial(m, k) * n ** -k * (r / n) ** rest;
      // Occupancy: P(v distinct of r bins hold `rest` balls).
      let occ = new Array(Math.min(r, rest) + 1).fill(0);
      occ[0] = 1;
      for (let b = 0; b < rest; b++) {
        const next = new Array(occ.length).fill(0);
        for (let v = 0; v < occ.length; v++) {
          if (occ[v] === 0) continue;
          next[v] += (occ[v] * v) / r;
          if (v + 1 < occ.length) next[v + 1] += (occ[v] * (r - v)) / r;
        }
        occ = next;
      }
      for (let v = 0; v < occ.length; v++) {
        const V = v + 1;
        const cost = V % 2 === 0 ? V * L : (V - 1) * L + (2 * L * k) / (k + 1);
        vertical += pAisle * occ[v] * cost;
      }
    }
  }
  return 2 * w * expectedFarthest(n, m) + vertical;
}

function meanAndSe(values: number[]): { mean: number; se: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

describe("routeLength() against REFERENCES.md (one block, n = 10, L = 10, w = 2.5, m = 10)", () => {
  const block: Block = { aisles: 10, aisleLengthM: 10, aisleSpacingM: 2.5 };
  const rng = createStream(2024, "routing-theory");
  const orders = Array.from({ length: 20000 }, () => randomPicks(rng, block, 10));

  it("the return formula gives the worked case 117.781", () => {
    expect(expectedReturn(10, 10, 2.5, 10)).toBeCloseTo(117.781, 3);
  });

  it("routeLength(block, picks, 'return') averages E[return] within 3 standard errors", () => {
    const { mean, se } = meanAndSe(orders.map((p) => routeLength(block, p, "return").distanceM));
    const exact = expectedReturn(10, 10, 2.5, 10);
    expect(Math.abs(mean - exact)).toBeLessThanOrEqual(Math.max(0.005 * exact, 3 * se));
  });

  it("routeLength(block, picks, 'sShape') averages the exact E[S-shape] within 3 standard errors", () => {
    const { mean, se } = meanAndSe(orders.map((p) => routeLength(block, p, "sShape").distanceM));
    const exact = expectedSShape(10, 10, 2.5, 10);
    expect(Math.abs(mean - exact)).toBeLessThanOrEqual(Math.max(0.005 * exact, 3 * se));
  });

  it("the horizontal travel of sShape, return, midpoint and largestGap is 2w·R on every order", () => {
    for (const picks of orders.slice(0, 500)) {
      const farthest = Math.max(...picks.map((p) => p.aisle));
      for (const policy of ["sShape", "return", "midpoint", "largestGap"] as const) {
        const { tour } = routeLength(block, picks, policy);
        let horizontal = 0;
        for (let k = 1; k < tour.length; k++) horizontal += Math.abs(tour[k][0] - tour[k - 1][0]);
        expect(horizontal).toBeCloseTo(2 * 2.5 * farthest, 9);
      }
    }
  });

  it("combined is never longer than S-shape or return (it chooses among their moves)", () => {
    for (const picks of orders.slice(0, 2000)) {
      const combined = routeLength(block, picks, "combined").distanceM;
      expect(combined).toBeLessThanOrEqual(routeLength(block, picks, "sShape").distanceM + 1e-9);
      expect(combined).toBeLessThanOrEqual(routeLength(block, picks, "return").distanceM + 1e-9);
    }
  });

  it("the mean farthest aisle matches E[R]", () => {
    const { mean, se } = meanAndSe(orders.map((p) => Math.max(...p.map((q) => q.aisle))));
    expect(Math.abs(mean - expectedFarthest(10, 10))).toBeLessThanOrEqual(3 * se);
  });
});

describe("largestGapInAisle()", () => {
  it("finds the largest stretch between stops, aisle ends included", () => {
    expect(largestGapInAisle([2, 3, 9], 10)).toEqual({ gapM: 6, below: 2 });
    expect(largestGapInAisle([7, 8], 10)).toEqual({ gapM: 7, below: 0 });
    expect(largestGapInAisle([1, 2], 10)).toEqual({ gapM: 8, below: 2 });
  });

  it("averages L·H(k+1)/(k+1) for k uniform picks", () => {
    const rng = createStream(7, "largest-gap");
    for (const k of [1, 2, 3, 5, 8]) {
      const gaps = Array.from({ length: 20000 }, () => {
        const p = Array.from({ length: k }, () => rng.uniform(0, 10)).sort((a, b) => a - b);
        return largestGapInAisle(p, 10).gapM;
      });
      let harmonic = 0;
      for (let i = 1; i <= k + 1; i++) harmonic += 1 / i;
      const exact = (10 * harmonic) / (k + 1);
      const { mean, se } = meanAndSe(gaps);
      expect(Math.abs(mean - exact)).toBeLessThanOrEqual(Math.max(0.005 * exact, 3 * se));
    }
  });
});

describe("routeLength() on hand-worked orders (n = 3, L = 10, w = 2.5)", () => {
  const block: Block = { aisles: 3, aisleLengthM: 10, aisleSpacingM: 2.5 };
  it("one pick in the last aisle: every policy walks 2·5 + 2·4 = 18", () => {
    for (const policy of routingPolicies) {
      expect(routeLength(block, [{ aisle: 2, positionM: 4 }], policy).distanceM).toBeCloseTo(
        18,
        12,
      );
    }
  });
  it("two deep picks in aisles 0 and 1: S-shape 25, return 41, optimal 25", () => {
    const picks = [
      { aisle: 0, positionM: 9 },
      { aisle: 1, positionM: 9 },
    ];
    expect(routeLength(block, picks, "sShape").distanceM).toBeCloseTo(25, 12);
    expect(routeLength(block, picks, "return").distanceM).toBeCloseTo(41, 12);
    expect(routeLength(block, picks, "optimal").distanceM).toBeCloseTo(25, 12);
  });
  it("midpoint takes a shallow middle-aisle pick from the front, largest gap from the back", () => {
    // Aisles 0 and 2 traversed (2 · 10), middle pick at 4.5 of aisle 1, deep pick at 9.5 too.
    const picks = [
      { aisle: 0, positionM: 5 },
      { aisle: 1, positionM: 4.5 },
      { aisle: 1, positionM: 9.5 },
      { aisle: 2, positionM: 5 },
    ];
    // Midpoint: 4.5 from the front (2 · 4.5), 9.5 from the back (2 · 0.5): 20 + 10 + 9 + 1 = 40.
    expect(routeLength(block, picks, "midpoint").distanceM).toBeCloseTo(40, 12);
    // Largest gap: gaps 4.5, 5, 0.5 → skip 4.5..9.5: front 9 + back 1 = the same 40.
    expect(routeLength(block, picks, "largestGap").distanceM).toBeCloseTo(40, 12);
    // Return: 2·5 + 2·9.5 + 2·5 + horizontal 10 = 49.
    expect(routeLength(block, picks, "return").distanceM).toBeCloseTo(49, 12);
  });
});

describe("routeLength() with a middle cross aisle (n = 4, L = 20, w = 2, one cross aisle at 10)", () => {
  const block: Block = { aisles: 4, aisleLengthM: 20, aisleSpacingM: 2, crossAisles: 1 };
  const picks = [
    { aisle: 0, positionM: 2 },
    { aisle: 3, positionM: 3 },
  ];
  it("S-shape walks up the first aisle to the middle cross aisle only: 10 + 6 + 10 + 6 = 32", () => {
    expect(routeLength(block, picks, "sShape").distanceM).toBeCloseTo(32, 12);
  });
  it("return ignores cross aisles (2·2 + 2·3 + 2·6 = 22) and optimal finds the same 22", () => {
    expect(routeLength(block, picks, "return").distanceM).toBeCloseTo(22, 12);
    expect(routeLength(block, picks, "optimal").distanceM).toBeCloseTo(22, 12);
  });
});

describe("routeLength() misuse", () => {
  it("throws with the bad value on picks or blocks outside the block", () => {
    const block: Block = { aisles: 3, aisleLengthM: 10, aisleSpacingM: 2.5 };
    expect(() => routeLength(block, [{ aisle: 3, positionM: 1 }], "sShape")).toThrow(/aisle 3/);
    expect(() => routeLength(block, [{ aisle: 0, positionM: 11 }], "optimal")).toThrow(
      /position 11/,
    );
    expect(() => routeLength({ ...block, depotAisle: 5 }, [], "return")).toThrow(/depotAisle/);
    expect(() => routeLength(block, [], "zigzag" as never)).toThrow(/unknown routing policy/);
  });
});

describe("routeLength(block, picks, 'optimal')", () => {
  const rng = createStream(99, "optimal-vs-tsp");
  const cases = Array.from({ length: 400 }, (_, t) => {
    const aisles = rng.integer(1, 8);
    const block: Block = {
      aisles,
      aisleLengthM: rng.uniform(5, 30),
      aisleSpacingM: rng.uniform(2, 6),
      crossAisles: t % 3,
      depotAisle: t % 2 === 0 ? 0 : rng.integer(0, aisles - 1),
    };
    return { block, picks: randomPicks(rng, block, rng.integer(1, 10)) };
  });

  it("equals a Held–Karp TSP on the same aisle graph, exactly, for orders up to 10 picks", () => {
    for (const { block, picks } of cases) {
      const exact = heldKarp(gridMetric(gridOf(block), picks)).costM;
      expect(routeLength(block, picks, "optimal").distanceM).toBeCloseTo(exact, 9);
    }
  });

  it("is never longer than any heuristic on the same order", () => {
    for (const { block, picks } of cases) {
      const best = routeLength(block, picks, "optimal").distanceM;
      for (const policy of heuristics) {
        expect(best).toBeLessThanOrEqual(routeLength(block, picks, policy).distanceM + 1e-9);
      }
    }
  });

  it("returns a walk of that length that passes every pick, in the order it reports", () => {
    for (const { block, picks } of cases.slice(0, 100)) {
      for (const policy of routingPolicies) {
        const route = routeLength(block, picks, policy);
        expect([...route.order].sort((a, b) => a - b)).toEqual(picks.map((_, i) => i));
        let length = 0;
        for (let k = 1; k < route.tour.length; k++) {
          const dx = Math.abs(route.tour[k][0] - route.tour[k - 1][0]);
          const dy = Math.abs(route.tour[k][1] - route.tour[k - 1][1]);
          expect(Math.min(dx, dy)).toBeLessThan(1e-9);
          length += dx + dy;
        }
        expect(length).toBeCloseTo(route.distanceM, 9);
        const depot = (block.depotAisle ?? 0) * block.aisleSpacingM;
        expect(route.tour[0]).toEqual([depot, 0]);
        expect(route.tour[route.tour.length - 1]).toEqual([depot, 0]);
        // Each pick's point lies on the walk, visited in the reported order.
        let from = 0;
        for (const i of route.order) {
          const x = picks[i].aisle * block.aisleSpacingM;
          const y = picks[i].positionM;
          let hit = -1;
          for (let k = Math.max(1, from); k < route.tour.length && hit < 0; k++) {
            const [ax, ay] = route.tour[k - 1];
            const [bx, by] = route.tour[k];
            const onX = Math.abs(ax - x) < 1e-9 && Math.abs(bx - x) < 1e-9;
            if (onX && y >= Math.min(ay, by) - 1e-9 && y <= Math.max(ay, by) + 1e-9) hit = k;
          }
          expect(hit).toBeGreaterThan(0);
          from = hit;
        }
      }
    }
  });
});

describe("nearestNeighbourTwoOpt()", () => {
  it("finds the Held–Karp optimum on small random Euclidean instances most of the time, never below it", () => {
    const rng = createStream(5, "tsp");
    let optimal = 0;
    for (let t = 0; t < 60; t++) {
      const pts = Array.from({ length: 9 }, () => [rng.uniform(0, 100), rng.uniform(0, 100)]);
      const dist = pts.map((a) => pts.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
      const exact = heldKarp(dist).costM;
      const heuristic = nearestNeighbourTwoOpt(dist);
      expect(heuristic.costM).toBeGreaterThanOrEqual(exact - 1e-9);
      expect([...heuristic.order].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      let length = dist[0][heuristic.order[0]] + dist[heuristic.order[7]][0];
      for (let k = 1; k < 8; k++) length += dist[heuristic.order[k - 1]][heuristic.order[k]];
      expect(heuristic.costM).toBeCloseTo(length, 9);
      if (heuristic.costM < exact + 1e-9) optimal++;
    }
    expect(optimal).toBeGreaterThanOrEqual(45);
  });

  it("handles asymmetric distances (one-way aisles): a valid tour, never below Held–Karp", () => {
    const rng = createStream(6, "tsp-asym");
    for (let t = 0; t < 30; t++) {
      const dist = Array.from({ length: 8 }, (_, i) =>
        Array.from({ length: 8 }, (_, j) => (i === j ? 0 : rng.uniform(1, 50))),
      );
      const exact = heldKarp(dist).costM;
      const heuristic = nearestNeighbourTwoOpt(dist);
      expect([...heuristic.order].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      let length = dist[0][heuristic.order[0]] + dist[heuristic.order[6]][0];
      for (let k = 1; k < 7; k++) length += dist[heuristic.order[k - 1]][heuristic.order[k]];
      expect(heuristic.costM).toBeCloseTo(length, 9);
      expect(heuristic.costM).toBeGreaterThanOrEqual(exact - 1e-9);
    }
  });
});
