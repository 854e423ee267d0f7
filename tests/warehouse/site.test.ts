import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.ts";
import { buildScenarioSite } from "../../src/warehouse/simulate.ts";
import { tinyScenario } from "./tiny.ts";

describe("buildScenarioSite()", () => {
  it("reserveIndex and reserveLocations describe the tiny site's one reserve slot R1", () => {
    const site = buildScenarioSite(tinyScenario());
    expect(site.reserve.map((s) => s.location.id)).toEqual(["R1"]);
    expect([...site.reserveIndex]).toEqual([["R1", 0]]);
    expect(site.reserveLocations).toHaveLength(1);
    const r1 = site.reserveLocations[0];
    expect(r1.id).toBe("R1");
    expect([r1.x, r1.y, r1.zone]).toEqual([1, 15, "R"]);
    // From the P&D point at (0,0) up aisle A1 to R1, reached from the aisle at (0,15): 15 m.
    expect(r1.distanceFromPdM).toBeCloseTo(15, 9);
  });

  it("reserveIndex gives every reserve slot of the default site its own index", () => {
    const text = readFileSync("scenarios/default.yaml", "utf8");
    const site = buildScenarioSite(loadScenario(text, "scenarios/default.yaml"));
    expect(site.reserve.length).toBeGreaterThan(10);
    expect(site.reserveIndex.size).toBe(site.reserve.length);
    expect(site.reserveLocations).toHaveLength(site.reserve.length);
    site.reserve.forEach((slot, i) => {
      expect(slot.index).toBe(i);
      expect(site.reserveIndex.get(slot.location.id)).toBe(i);
      expect(site.reserveLocations[i].id).toBe(slot.location.id);
      expect(site.reserveLocations[i].capacityUnitLoads).toBe(slot.capacityPallets);
    });
  });
});
