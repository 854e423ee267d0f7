/**
 * pickTravelMPerLine is the whole pick tour — from the P&D point (the depot) through every
 * pick and back to the P&D point, where picked orders are handed to packing — divided by the
 * lines picked. Checked by hand on a two-aisle layout with front and back cross aisles.
 */
import { describe, expect, it } from "vitest";
import { simulate, type TraceRecord } from "../../src/warehouse/index.ts";
import { tinyScenario } from "./tiny.ts";

const path = (a: [number, number], b: [number, number]) => [a, b];

/**
 * Aisles A1 at x = 0 and A2 at x = 6 from y = 0 to 20, joined by cross aisles at y = 0 and
 * y = 20; depot (P&D point) at (0, 0). Faces, nearest the depot first (SKU 1 = nearest):
 * F1 on A1 at y = 4 (4 m), F2 on A2 at y = 5 (6 + 5 = 11 m), F3 on A1 at y = 15 (15 m),
 * F4 on A2 at y = 18 (6 + 18 = 24 m; round the back 20 + 6 + 2 = 28 m). Reserve R1 on A1 at y = 19.
 */
function twoAisles(orderList: unknown[]) {
  return tinyScenario({
    layout: {
      widthM: 8,
      aisles: [
        { id: "A1", points: path([0, 0], [0, 20]) },
        { id: "A2", points: path([6, 0], [6, 20]) },
      ],
      crossAisles: [
        { id: "XF", points: path([0, 0], [6, 0]) },
        { id: "XB", points: path([0, 20], [6, 20]) },
      ],
      locations: [
        { id: "F1", x: 1, y: 4, zone: "F", aisle: "A1" },
        { id: "F2", x: 5, y: 5, zone: "F", aisle: "A2" },
        { id: "F3", x: 1, y: 15, zone: "F", aisle: "A1" },
        { id: "F4", x: 5, y: 18, zone: "F", aisle: "A2" },
        { id: "R1", x: 1, y: 19, zone: "R", aisle: "A1" },
      ],
    },
    skus: { count: 4 },
    outbound: { orderList, picking: { routing: "sShape" } },
  });
}

describe("simulate() pickTravelMPerLine", () => {
  it("one order over both aisles: the loop depot → F3 → back cross aisle → F4 → F2 → depot", () => {
    // Picks at (0,15), (6,18), (6,5). The shortest tour is the loop round both aisles:
    // 15 + 5 (to the back) + 6 (across) + 2 + 13 (down A2) + 5 + 6 (front, home) = 52 m.
    // Any other tour walks an aisle twice: e.g. out and back in each aisle 2·15 + 2·(6+18) = 78 m.
    const trace: TraceRecord[] = [];
    const result = simulate(
      twoAisles([
        {
          timeS: 3600,
          lines: [
            { sku: 2, qty: 1 },
            { sku: 3, qty: 1 },
            { sku: 4, qty: 1 },
          ],
        },
      ]),
      { trace: (r) => trace.push(r) },
    );
    const picks = trace.filter((r) => r.kind === "pick").map((r) => r.location);
    expect(picks.sort()).toEqual(["F2", "F3", "F4"]);
    expect(result.kpis.pickTravelMPerLine).toBeCloseTo(52 / 3, 9);
    // Walking at 1 m/s, the order's travel phase is the same tour in seconds.
    expect(result.breakdown.order.travel).toBeCloseTo(52, 9);
  });

  it("two orders: total tour metres over total lines, not a mean of per-tour ratios", () => {
    // Order 1: F1 only, out and back 2 × 4 = 8 m, 1 line. Order 2: F2 and F4 in aisle A2,
    // 6 + 18 + 18 + 6 = 48 m (round the back would be 6 + 20 + 6 + 20 = 52 m), 2 lines.
    // (8 + 48) / 3 lines = 18.67 m/line (the mean of per-tour ratios would be 16).
    const result = simulate(
      twoAisles([
        { timeS: 3600, lines: [{ sku: 1, qty: 1 }] },
        {
          timeS: 7200,
          lines: [
            { sku: 2, qty: 1 },
            { sku: 4, qty: 1 },
          ],
        },
      ]),
    );
    expect(result.kpis.pickTravelMPerLine).toBeCloseTo(56 / 3, 9);
  });
});
