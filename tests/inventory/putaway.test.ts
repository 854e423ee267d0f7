import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { createStream } from "../../src/engine/index.ts";
import {
  coiAssignment,
  cubePerOrder,
  misfit,
  putawayRules,
} from "../../src/inventory/putaway/index.ts";
import type { ContentsOf } from "../../src/inventory/putaway/types.ts";
import { ruleByName } from "../../src/inventory/ruleByName.ts";
import type { LocationContent, Sku, StorageLocation } from "../../src/inventory/types.ts";

const pallet = (id: string, extra: Partial<Sku> = {}): Sku => ({
  id,
  unitCubeM3: 0.01,
  unitWeightKg: 5,
  unitLoad: "pallet",
  unitsPerPallet: 100,
  ...extra,
});

// Four one-pallet locations on a line; distance = x.
const loc = (id: string, x: number, zone: string, extra: Partial<StorageLocation> = {}) => ({
  id,
  x,
  y: 0,
  zone,
  capacity: { unitLoads: 1 },
  ...extra,
});
const LOCS: StorageLocation[] = [
  loc("L3", 3, "back"),
  loc("L1", 1, "front"),
  loc("L4", 4, "back"),
  loc("L2", 2, "front"),
];

function contents(map: Record<string, LocationContent[]>): ContentsOf {
  return (id) => map[id] ?? [];
}
const empty = contents({});

describe("putaway rules", () => {
  it("closestOpen() takes the nearest location the pallet fits and skips full ones", () => {
    const rule = putawayRules.closestOpen({ locations: LOCS });
    expect(rule({ sku: pallet("A"), quantity: 100 }, empty)).toEqual({
      status: "placed",
      locationId: "L1",
      overflow: false,
    });
    const full = contents({ L1: [{ sku: "B", lot: "", quantity: 50 }] });
    expect(rule({ sku: pallet("A"), quantity: 100 }, full)).toMatchObject({ locationId: "L2" });
    const allFull = contents(
      Object.fromEntries(LOCS.map((l) => [l.id, [{ sku: "B", lot: "", quantity: 1 }]])),
    );
    expect(rule({ sku: pallet("A"), quantity: 100 }, allFull)).toEqual({ status: "noSpace" });
  });

  it("closestOpen() measures from setup.pdPoint when locations carry no distance", () => {
    const rule = putawayRules.closestOpen({ locations: LOCS, pdPoint: { x: 4, y: 0 } });
    expect(rule({ sku: pallet("A"), quantity: 1 }, empty)).toMatchObject({ locationId: "L4" });
  });

  it("random() spreads pallets over every open location and never picks a full one", () => {
    const rule = putawayRules.random({ locations: LOCS, random: createStream(1, "putaway") });
    const full = contents({ L2: [{ sku: "B", lot: "", quantity: 5 }] });
    const seen = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const d = rule({ sku: pallet("A"), quantity: 10 }, full);
      if (d.status !== "placed") throw new Error("no space");
      seen.set(d.locationId, (seen.get(d.locationId) ?? 0) + 1);
    }
    expect(seen.has("L2")).toBe(false);
    // Three open locations, 1000 expected each; 5 standard deviations ≈ 130.
    for (const id of ["L1", "L3", "L4"]) expect(Math.abs(seen.get(id)! - 1000)).toBeLessThan(130);
    expect(() => putawayRules.random({ locations: LOCS })).toThrow(/setup.random/);
  });

  it("fixed() uses the SKU's own slots in order, then overflows to the nearest undedicated one", () => {
    const rule = putawayRules.fixed({
      locations: LOCS,
      assignment: { A: ["L4", "L3"], B: ["L1"] },
    });
    expect(rule({ sku: pallet("A"), quantity: 1 }, empty)).toEqual({
      status: "placed",
      locationId: "L4",
      overflow: false,
    });
    const ownFull = contents({
      L4: [{ sku: "A", lot: "", quantity: 100 }],
      L3: [{ sku: "A", lot: "", quantity: 100 }],
    });
    expect(rule({ sku: pallet("A"), quantity: 1 }, ownFull)).toEqual({
      status: "placed",
      locationId: "L2",
      overflow: true,
    });
  });

  it("classBased() keeps A in the front zone and overflows to the slower zone when it is full", () => {
    const rule = putawayRules.classBased({
      locations: LOCS,
      classZones: { A: ["front"], B: ["back"] },
      withinClass: "closest",
    });
    const a = pallet("A", { velocityClass: "A" });
    const b = pallet("B", { velocityClass: "B" });
    expect(rule({ sku: a, quantity: 1 }, empty)).toMatchObject({
      locationId: "L1",
      overflow: false,
    });
    expect(rule({ sku: b, quantity: 1 }, empty)).toMatchObject({
      locationId: "L3",
      overflow: false,
    });
    const frontFull = contents({
      L1: [{ sku: "X", lot: "", quantity: 1 }],
      L2: [{ sku: "X", lot: "", quantity: 1 }],
    });
    expect(rule({ sku: a, quantity: 1 }, frontFull)).toMatchObject({
      locationId: "L3",
      overflow: true,
    });
    // B overflows to the faster zone only when its own is full.
    const backFull = contents({
      L3: [{ sku: "X", lot: "", quantity: 1 }],
      L4: [{ sku: "X", lot: "", quantity: 1 }],
    });
    expect(rule({ sku: b, quantity: 1 }, backFull)).toMatchObject({
      locationId: "L1",
      overflow: true,
    });
  });

  it("cubePerOrderIndex() gives the lowest cube-per-order SKU the nearest slot", () => {
    const skus = [
      pallet("slow", { picksPerDay: 1 }),
      pallet("fast", { picksPerDay: 50 }),
      pallet("bulky", { picksPerDay: 50, storageCubeM3: 10 }),
      pallet("never"),
    ];
    // COI: fast 1/50 = 0.02, slow 1, bulky 10/50 = 0.2, never ∞.
    expect(cubePerOrder(skus[1])).toBeCloseTo(0.02, 12);
    expect(cubePerOrder(skus[3])).toBe(Number.POSITIVE_INFINITY);
    const slots = coiAssignment(skus, ["L1", "L2", "L3", "L4"]);
    expect([...slots.entries()]).toEqual([
      ["fast", ["L1"]],
      ["bulky", ["L2"]],
      ["slow", ["L3"]],
      ["never", ["L4"]],
    ]);
    const rule = putawayRules.cubePerOrderIndex({ locations: LOCS, skus });
    expect(rule({ sku: skus[2], quantity: 1 }, empty)).toMatchObject({ locationId: "L2" });
  });

  it("misfit() enforces storage categories: cube, weight, unit loads, SKU and lot mixing", () => {
    const skus = new Map<string, Sku>([["B", pallet("B")]]);
    const shelf = { id: "S", x: 0, y: 0, category: "shelf" };
    const cat = { name: "shelf", maxCubeM3: 1, maxWeightKg: 300, mixSkus: false, mixLots: false };
    const a = pallet("A");
    // 60 units: 0.6 m³, 300 kg — exactly at the weight limit.
    expect(misfit(shelf, [], { sku: a, quantity: 60 }, skus, cat)).toBeUndefined();
    const light = pallet("A", { unitWeightKg: 1 });
    expect(misfit(shelf, [], { sku: light, quantity: 100 }, skus, cat)).toBeUndefined();
    expect(misfit(shelf, [], { sku: light, quantity: 101 }, skus, cat)).toBe("cube"); // 1.01 m³
    expect(
      misfit(shelf, [], { sku: pallet("A", { unitWeightKg: 4 }), quantity: 76 }, skus, cat),
    ).toBe("weight");
    expect(
      misfit(shelf, [{ sku: "B", lot: "", quantity: 1 }], { sku: a, quantity: 1 }, skus, cat),
    ).toBe("skuMixing");
    expect(
      misfit(
        shelf,
        [{ sku: "A", lot: "L1", quantity: 1 }],
        { sku: a, lot: "L2", quantity: 1 },
        skus,
        cat,
      ),
    ).toBe("lotMixing");
    const mixed = { name: "mixed", mixSkus: true, maxUnitLoads: 2 };
    expect(
      misfit(shelf, [{ sku: "B", lot: "", quantity: 150 }], { sku: a, quantity: 1 }, skus, mixed),
    ).toBe("unitLoads");
    expect(
      misfit(shelf, [{ sku: "B", lot: "", quantity: 50 }], { sku: a, quantity: 1 }, skus, mixed),
    ).toBeUndefined();
    expect(
      misfit(shelf, [], { sku: a, quantity: 1 }, skus, { name: "caseOnly", unitLoads: ["case"] }),
    ).toBe("unitLoadType");
  });

  it("misfit() honours the flat capacity fields as well as capacity{}", () => {
    const a = pallet("A");
    const none = new Map<string, Sku>();
    const flat = { id: "F", x: 0, y: 0, capacityUnitLoads: 2, capacityCubeM3: 5 };
    expect(misfit(flat, [], { sku: a, quantity: 200 }, none, undefined)).toBeUndefined();
    expect(misfit(flat, [], { sku: a, quantity: 201 }, none, undefined)).toBe("unitLoads");
    const both = { ...flat, capacity: { unitLoads: 1 } };
    expect(misfit(both, [], { sku: a, quantity: 101 }, none, undefined)).toBe("unitLoads");
    expect(
      misfit(
        { id: "U", x: 0, y: 0, capacityUnits: 3 },
        [],
        { sku: a, quantity: 4 },
        none,
        undefined,
      ),
    ).toBe("units");
  });

  it("a location naming an unknown storage category is bad input listing the known ones", () => {
    try {
      putawayRules.closestOpen({
        locations: [{ id: "X", x: 0, y: 0, category: "shelff" }],
        categories: { shelf: { name: "shelf" } },
      });
      throw new Error("expected InputError");
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      expect((error as Error).message).toContain('locations[0].category: "shelff"');
    }
  });

  it("ruleByName() returns the named rule and suggests the closest name on a typo", () => {
    expect(
      ruleByName(putawayRules, "fixed", {
        file: "s.yaml",
        path: "storage.putaway",
        kind: "putaway",
      }),
    ).toBe(putawayRules.fixed);
    expect(() =>
      ruleByName(putawayRules, "closestOpn", {
        file: "s.yaml",
        path: "storage.putaway",
        kind: "putaway",
      }),
    ).toThrow(/s.yaml: storage.putaway: "closestOpn" .*did you mean "closestOpen"/);
  });
});
