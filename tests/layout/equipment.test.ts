/**
 * Equipment kinds and their motion: the speed profile with unequal acceleration and
 * deceleration, turns and aisle transfers, lift and lower, and scenario overrides.
 */
import { describe, expect, it } from "vitest";
import {
  EQUIPMENT_KINDS,
  equipmentKinds,
  liftTimeS,
  moveTimeS,
  poolMotion,
  travelTimeS,
} from "../../src/layout/index.ts";

describe("travelTimeS() with a deceleration", () => {
  it("trapezoidal: d/v + v/(2a) + v/(2b)", () => {
    // v = 2, a = 1, b = 2: ramps need 2 + 1 = 3 m ≤ 20 m.
    expect(travelTimeS(20, { speedMps: 2, accelMps2: 1, decelMps2: 2 })).toBeCloseTo(
      10 + 1 + 0.5,
      12,
    );
  });

  it("triangular: peak speed √(2d ab/(a+b)), time peak/a + peak/b", () => {
    const a = 1;
    const b = 2;
    const d = 1;
    const peak = Math.sqrt((2 * d * a * b) / (a + b));
    expect(travelTimeS(d, { speedMps: 2, accelMps2: a, decelMps2: b })).toBeCloseTo(
      peak / a + peak / b,
      12,
    );
  });

  it("the profile is continuous where cruise speed is just reached", () => {
    const options = { speedMps: 2, accelMps2: 1, decelMps2: 2 };
    const edge = 3; // v²/(2a) + v²/(2b)
    expect(travelTimeS(edge - 1e-9, options)).toBeCloseTo(travelTimeS(edge + 1e-9, options), 6);
  });
});

describe("moveTimeS() and liftTimeS()", () => {
  const reach = equipmentKinds.reachTruck;

  it("adds a turn out of the aisle left and one into the aisle entered", () => {
    const run = travelTimeS(30, { speedMps: 2, accelMps2: 0.6, decelMps2: 0.8 });
    expect(moveTimeS(reach, 30, true, "A1", "A1")).toBeCloseTo(run, 12);
    expect(moveTimeS(reach, 30, true, "", "A1")).toBeCloseTo(run + 5, 12);
    expect(moveTimeS(reach, 30, true, "A1", "A2")).toBeCloseTo(run + 10, 12);
  });

  it("an aisle-bound turret truck pays the transfer on entering an aisle", () => {
    const vna = equipmentKinds.turretTruck;
    const run = travelTimeS(30, { speedMps: 2.2, accelMps2: 0.5, decelMps2: 0.6 });
    expect(moveTimeS(vna, 30, true, "A1", "A2")).toBeCloseTo(run + 5 + 5 + 30, 12);
  });

  it("a store lifts loaded and lowers; a retrieve lifts empty and lowers", () => {
    expect(liftTimeS(reach, 6, true)).toBeCloseTo(6 / 0.4 + 6 / 0.5, 12);
    expect(liftTimeS(reach, 6, false)).toBeCloseTo(6 / 0.65 + 6 / 0.5, 12);
    expect(liftTimeS(reach, 0, true)).toBe(0);
    expect(liftTimeS(equipmentKinds.cart, 1.6, false)).toBe(0);
  });

  it("poolMotion() applies overrides; a lone speedMps is the loaded speed too", () => {
    const m = poolMotion("reachTruck", { speedMps: 3, liftLoadedMps: 0.5 });
    expect(m.speedMps).toBe(3);
    expect(m.loadedSpeedMps).toBe(3);
    expect(m.liftLoadedMps).toBe(0.5);
    expect(m.lowerMps).toBe(reach.lowerMps);
    expect(poolMotion("reachTruck", undefined).loadedSpeedMps).toBe(reach.loadedSpeedMps);
  });

  it("every kind has positive speeds, a source and at least one task", () => {
    for (const kind of EQUIPMENT_KINDS) {
      const spec = equipmentKinds[kind];
      expect(spec.speedMps, kind).toBeGreaterThan(0);
      expect(spec.loadedSpeedMps, kind).toBeGreaterThan(0);
      expect(spec.tasks.length, kind).toBeGreaterThan(0);
      expect(spec.source.length, kind).toBeGreaterThan(10);
    }
  });
});
