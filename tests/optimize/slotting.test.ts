import { describe, expect, it } from "vitest";
import { abcClasses, cubePerOrderIndex, slotByCubePerOrder } from "../../src/optimize/slotting.ts";

/** Every way to give each SKU its slots (slot lists as sets), for brute force. */
function bestByBruteForce(
  skus: { id: string; ordersPerDay: number; slots: number }[],
  distances: number[],
): number {
  let best = Number.POSITIVE_INFINITY;
  const owner = new Array<number>(distances.length).fill(-1);
  const need = skus.map((s) => s.slots);
  const walk = (slot: number) => {
    if (slot === distances.length) {
      if (need.some((n) => n > 0)) return;
      let cost = 0;
      skus.forEach((s, i) => {
        const mine = distances.filter((_, j) => owner[j] === i);
        cost += (s.ordersPerDay * mine.reduce((a, b) => a + b, 0)) / s.slots;
      });
      best = Math.min(best, cost);
      return;
    }
    for (let i = 0; i < skus.length; i++) {
      if (need[i] === 0) continue;
      need[i]--;
      owner[slot] = i;
      walk(slot + 1);
      owner[slot] = -1;
      need[i]++;
    }
  };
  walk(0);
  return best;
}

describe("slotByCubePerOrder()", () => {
  it("cubePerOrderIndex() is slots per order", () => {
    expect(cubePerOrderIndex({ id: "a", ordersPerDay: 4, slots: 2 })).toBe(0.5);
    expect(cubePerOrderIndex({ id: "b", ordersPerDay: 0 })).toBe(Number.POSITIVE_INFINITY);
  });

  it("slotByCubePerOrder() places low COI nearest (hand-checked)", () => {
    const r = slotByCubePerOrder(
      [
        { id: "slow", ordersPerDay: 1 },
        { id: "fast", ordersPerDay: 10 },
        { id: "bulky", ordersPerDay: 10, slots: 2 },
      ],
      [
        { id: "L4", distanceM: 40 },
        { id: "L1", distanceM: 10 },
        { id: "L2", distanceM: 20 },
        { id: "L3", distanceM: 30 },
      ],
    );
    // COI: fast 0.1, bulky 0.2, slow 1 → fast L1, bulky L2+L3, slow L4.
    expect(r.status).toBe("optimal");
    expect([...r.assignment]).toEqual([
      ["fast", ["L1"]],
      ["bulky", ["L2", "L3"]],
      ["slow", ["L4"]],
    ]);
    expect(r.travelMPerDay).toBeCloseTo(10 * 10 + 10 * 25 + 1 * 40, 9);
  });

  it("slotByCubePerOrder() equals the brute-force optimum of the separable cost", () => {
    let state = 12345;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    for (let trial = 0; trial < 25; trial++) {
      const skus = Array.from({ length: 3 }, (_, i) => ({
        id: `s${i}`,
        ordersPerDay: 1 + rand(20),
        slots: 1 + rand(2),
      }));
      const total = skus.reduce((s, k) => s + k.slots, 0);
      const distances = Array.from({ length: total }, () => 1 + rand(50));
      const r = slotByCubePerOrder(
        skus,
        distances.map((d, j) => ({ id: `L${j}`, distanceM: d })),
      );
      expect(r.travelMPerDay).toBeCloseTo(bestByBruteForce(skus, distances), 9);
    }
  });

  it("slotByCubePerOrder() reports SKUs that do not fit", () => {
    const r = slotByCubePerOrder(
      [
        { id: "a", ordersPerDay: 5, slots: 2 },
        { id: "b", ordersPerDay: 1 },
      ],
      [
        { id: "L1", distanceM: 1 },
        { id: "L2", distanceM: 2 },
      ],
    );
    expect(r.status).toBe("infeasible");
    expect(r.unplaced).toEqual(["b"]);
  });

  it("slotByCubePerOrder() slots 100,000 SKUs", () => {
    const skus = Array.from({ length: 100_000 }, (_, i) => ({
      id: `s${i}`,
      ordersPerDay: (i * 7919) % 1000,
    }));
    const locations = Array.from({ length: 100_000 }, (_, i) => ({
      id: `L${i}`,
      distanceM: (i * 104729) % 5000,
    }));
    const r = slotByCubePerOrder(skus, locations);
    expect(r.status).toBe("optimal");
    expect(r.assignment.size).toBe(100_000);
    // Each distance 0..4999 occurs 20 times and each order count 0..999 100 times, so the
    // 100 SKUs with 999 orders get exactly the 100 locations at 0..4 m.
    const distance = new Map(locations.map((l) => [l.id, l.distanceM]));
    const topDistances = skus
      .filter((s) => s.ordersPerDay === 999)
      .map((s) => distance.get(r.assignment.get(s.id)![0])!)
      .sort((a, b) => a - b);
    expect(topDistances).toEqual(Array.from({ length: 100 }, (_, i) => Math.floor(i / 20)));
  });

  it("abcClasses() splits by cumulative share of orders", () => {
    const classes = abcClasses([
      { id: "a", ordersPerDay: 70 },
      { id: "b", ordersPerDay: 15 },
      { id: "c", ordersPerDay: 10 },
      { id: "d", ordersPerDay: 5 },
    ]);
    // Cumulative before each: a 0 → A; b 0.70 < 0.8 → A; c 0.85 → B (≥ 0.8, < 0.95); d 0.95 → C.
    expect(Object.fromEntries(classes)).toEqual({ a: "A", b: "A", c: "B", d: "C" });
  });
});
