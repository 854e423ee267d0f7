import { describe, expect, it } from "vitest";
import { replenishmentRules } from "../../src/inventory/replenishment/index.ts";
import type { FaceLevel, PickFace } from "../../src/inventory/replenishment/types.ts";

const FACES: PickFace[] = [
  { locationId: "F1", sku: "A", minUnits: 10, maxUnits: 50 },
  { locationId: "F2", sku: "B", minUnits: 5, maxUnits: 40, multipleUnits: 12 },
  { locationId: "F3", sku: "C", minUnits: 10, maxUnits: 30 },
];
const LEVELS: Record<string, FaceLevel> = {
  F1: { onHand: 8, pending: 0 }, // below min: +42
  F2: { onHand: 3, pending: 0 }, // below min: 37 → 36 (3 cases of 12)
  F3: { onHand: 6, pending: 10 }, // 16 with the pending one: above min
};

describe("replenishment rules", () => {
  it("minMax() tops up faces at or below min to max, counting pending moves, most urgent first", () => {
    const tasks = replenishmentRules.minMax({ faces: FACES, levelOf: (f) => LEVELS[f.locationId] });
    expect(tasks).toEqual([
      { sku: "B", toLocationId: "F2", quantity: 36, reason: "belowMin", cover: 3 / 40 },
      { sku: "A", toLocationId: "F1", quantity: 42, reason: "belowMin", cover: 8 / 50 },
    ]);
  });

  it("minMax() replenishes a face exactly at min and leaves one just above alone", () => {
    const face: PickFace = { locationId: "F", sku: "A", minUnits: 10, maxUnits: 20 };
    expect(
      replenishmentRules.minMax({ faces: [face], levelOf: () => ({ onHand: 10, pending: 0 }) }),
    ).toHaveLength(1);
    expect(
      replenishmentRules.minMax({ faces: [face], levelOf: () => ({ onHand: 11, pending: 0 }) }),
    ).toHaveLength(0);
  });

  it("demandTriggered() tops up only faces that cannot cover the wave", () => {
    const wave: Record<string, number> = { F1: 5, F2: 20, F3: 16 };
    const tasks = replenishmentRules.demandTriggered({
      faces: FACES,
      levelOf: (f) => LEVELS[f.locationId],
      waveDemandOf: (f) => wave[f.locationId],
    });
    // F1 has 8 ≥ 5; F3 has 16 ≥ 16; F2 has 3 < 20: to max 40 → 37 → 36 (whole cases).
    expect(tasks).toEqual([
      { sku: "B", toLocationId: "F2", quantity: 36, reason: "waveDemand", cover: 3 / 40 },
    ]);
  });

  it("demandTriggered() moves the whole shortfall even when it exceeds the face's max", () => {
    const face: PickFace = {
      locationId: "F",
      sku: "A",
      minUnits: 0,
      maxUnits: 20,
      multipleUnits: 12,
    };
    const tasks = replenishmentRules.demandTriggered({
      faces: [face],
      levelOf: () => ({ onHand: 2, pending: 0 }),
      waveDemandOf: () => 40,
    });
    // Shortfall 38 > max − level 18; rounded up to whole cases: 48.
    expect(tasks[0].quantity).toBe(48);
  });
});
