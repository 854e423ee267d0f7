/**
 * Motion and lift in the simulation against hand formulas (REFERENCES.md, "Motion and
 * lift"): a store at a level's height adds h / v_lift + h / v_lower; a move from standstill
 * to standstill takes d / v + v / a (trapezoidal) or 2√(d / a) (triangular).
 */
import { describe, expect, it } from "vitest";
import { travelTimeS } from "../../src/layout/index.ts";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyScenario } from "./tiny.ts";

/** The tiny layout with reserve R1 at `level`, `heightM` above the floor. */
function reserveAt(level: number, heightM: number) {
  return {
    locations: [
      { id: "L1", x: 1, y: 10, zone: "F", aisle: "A1" },
      { id: "L2", x: 1, y: 12, zone: "F", aisle: "A1" },
      { id: "R1", x: 1, y: 15, zone: "R", aisle: "A1", level, heightM },
    ],
  };
}

/** Dock-to-stock of one pallet put away to R1 at `level`, and the trace. */
function storeOnePallet(level: number, heightM: number) {
  const scenario = tinyScenario({
    layout: reserveAt(level, heightM),
    inbound: { deliveries: [{ timeS: 7200, pallets: [{ sku: 1, units: 100 }] }] },
  });
  const trace: TraceRecord[] = [];
  const result = simulate(scenario, { trace: (r) => trace.push(r) });
  return { dockToStockS: result.kpis.dockToStockS, trace };
}

describe("simulate() with motion and lift", () => {
  // Reach truck data sheet figures (src/layout/equipment/kinds/reachTruck.ts): lift loaded
  // 0.4 m/s, lower 0.5 m/s.
  const liftLoadedMps = 0.4;
  const lowerMps = 0.5;

  it.each([
    [2, 1.5],
    [4, 4.5],
    [6, 7.5],
  ])(
    "a reach truck storing at level %i (%f m) costs h/v_lift + h/v_lower more than at level 1",
    (level, heightM) => {
      const floor = storeOnePallet(1, 0);
      const high = storeOnePallet(level, heightM);
      const expected = heightM / liftLoadedMps + heightM / lowerMps;
      expect(high.dockToStockS - floor.dockToStockS).toBeCloseTo(expected, 3);
      expect(floor.trace.some((r) => r.kind === "lift")).toBe(false);
      const lift = high.trace.find((r) => r.kind === "lift");
      expect(lift).toMatchObject({ location: "R1", level, heightM, id: "putaway-1" });
      expect((lift!.untilT as number) - (lift!.t as number)).toBeCloseTo(expected, 9);
    },
  );

  /** Travel time of the one-order case (10 m out to L1 and 10 m back at 1 m/s) with `walking`. */
  function pickTravelS(walking: Record<string, number>): number {
    const scenario = tinyScenario({
      outbound: { orderList: [{ timeS: 3600, lines: [{ sku: 1, qty: 2 }] }] },
      equipment: { walking },
    });
    return simulate(scenario).breakdown.order.travel;
  }

  it("a long move is trapezoidal: d/v + v/a per leg", () => {
    // a = 1 m/s²: cruise is reached after v²/(2a) = 0.5 m; each 10 m leg takes 10 + 1 s.
    const travel = pickTravelS({ accelMps2: 1, decelMps2: 1, turnS: 0 });
    expect(travel).toBeCloseTo(2 * (10 / 1 + 1 / 1), 9);
    expect(travel).toBeCloseTo(2 * travelTimeS(10, { speedMps: 1, accelMps2: 1 }), 9);
  });

  it("a short move is triangular: 2√(d/a) per leg", () => {
    // a = 0.02 m/s²: cruise would need v²/a = 50 m > 10 m.
    const travel = pickTravelS({ accelMps2: 0.02, decelMps2: 0.02, turnS: 0 });
    expect(travel).toBeCloseTo(2 * 2 * Math.sqrt(10 / 0.02), 9);
    expect(travel).toBeCloseTo(2 * travelTimeS(10, { speedMps: 1, accelMps2: 0.02 }), 9);
  });

  it("unequal acceleration and deceleration: d/v + v/(2a) + v/(2b); turns add at the aisle", () => {
    // a = 0.5, b = 1: 10 + 1 + 0.5 per leg; a turn into A1 and one out of it, 2 s each.
    const travel = pickTravelS({ accelMps2: 0.5, decelMps2: 1, turnS: 2 });
    expect(travel).toBeCloseTo(2 * (10 + 1 / (2 * 0.5) + 1 / (2 * 1)) + 2 * 2, 9);
  });
});
