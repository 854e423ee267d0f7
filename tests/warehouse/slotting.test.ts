/**
 * Slotting as it is done: pick-face capacity from the location's cube and the SKU's case,
 * a SKU whose case does not fit its face is bad input, faces slotted from a forecast (never
 * the run's own future demand), and periodic re-slotting whose moves are crew tasks.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import type { Location } from "../../src/layout/index.ts";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { createWorld } from "../../src/warehouse/simulate.ts";
import { faceCapacityUnits } from "../../src/warehouse/storage/faceCapacity.ts";
import type { SkuInfo } from "../../src/warehouse/storage/skuMaster.ts";
import { tinyScenario } from "./tiny.ts";

/** A location of the given cube and weight limit (the fields face capacity reads). */
function location(cubeM3: number, weightKg: number): Location {
  return { id: "X", capacity: { cubeM3, weightKg, unitLoads: 1 } } as Location;
}

/** A SKU of the given unit cube and weight, case and pallet sizes. */
function sku(unitCubeM3: number, unitWeightKg: number, unitsPerCase: number): SkuInfo {
  return {
    rank: 0,
    sku: { id: "S1", unitCubeM3, unitWeightKg, unitLoad: "pallet", unitsPerPallet: 100 },
    unitsPerPallet: 100,
    unitsPerCase,
    lineShare: 1,
    supplier: 0,
  };
}

describe("pick-face capacity", () => {
  it("faceCapacityUnits() is floor(face cube / case cube) × units per case", () => {
    // 0.5 m³ face, cases of 4 × 0.011 = 0.044 m³: 11 cases (0.484 m³), 44 units.
    expect(faceCapacityUnits(location(0.5, 1000), sku(0.011, 1, 4), undefined)).toBe(
      Math.floor(0.5 / (4 * 0.011)) * 4,
    );
    expect(faceCapacityUnits(location(0.5, 1000), sku(0.011, 1, 4), undefined)).toBe(44);
    // The weight limit holds fewer: 100 kg of 4 × 5 kg cases is 5 cases.
    expect(faceCapacityUnits(location(0.5, 100), sku(0.011, 5, 4), undefined)).toBe(20);
    // A pallet cap in whole cases: 0.3 pallets of 100 units is 7 cases of 4.
    expect(faceCapacityUnits(location(0.5, 1000), sku(0.011, 1, 4), 0.3)).toBe(28);
  });

  it("a run's face holds what its location's cube takes in whole cases", () => {
    // L1 is 2 m³; cases of 7 × 0.013 m³ = 0.091 m³: 21 cases, 147 units (no pallet cap).
    const scenario = tinyScenario({
      skus: {
        unitCubeM3: { dist: "constant", value: 0.013 },
        unitsPerCase: { dist: "constant", value: 7 },
      },
    });
    scenario.storage.faceCapacityPallets = undefined;
    const world = createWorld(scenario);
    expect(world.skus[0].face).toBe("L1");
    expect(world.skus[0].faceCapacity).toBe(Math.floor(2 / (7 * 0.013)) * 7);
  });

  it("a SKU whose case does not fit its face is an input error naming the SKU and field", () => {
    const big = tinyScenario({ skus: { unitCubeM3: { dist: "constant", value: 0.5 } } });
    big.skus.unitsPerCase = { dist: "constant", value: 6 };
    let issues: readonly { path: string; value: unknown }[] = [];
    try {
      createWorld(big);
    } catch (error) {
      if (!isInputError(error)) throw error;
      issues = error.issues;
    }
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe("skus.unitsPerCase");
    expect(String(issues[0].value)).toContain("S00001");
  });

  it("whsim validate exits 2 with the SKU and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-slotting-"));
    const file = join(dir, "big.yaml");
    writeFileSync(
      file,
      [
        "name: big",
        "layout: { generator: traditional, name: big, aisles: 2, baysPerAisle: 4, packStations: 1, forward: { aisles: 1 }, docks: { inbound: 1, outbound: 1 } }",
        "skus:",
        "  count: 5",
        "  unitCubeM3: { dist: constant, value: 0.05 }",
        "  unitsPerCase: { dist: constant, value: 6 }",
        "",
      ].join("\n"),
    );
    const run = spawnSync(process.execPath, ["bin/whsim.js", "validate", file], {
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("skus.unitsPerCase");
    expect(run.stderr).toContain("S00001");
    expect(run.stderr).not.toContain("    at ");
  }, 300_000);
});

/** Orders of one line of one unit of SKU `sku` (1-based) every 10 minutes from `startS`. */
function orders(sku: number, count: number, startS: number) {
  return Array.from({ length: count }, (_, i) => ({
    timeS: startS + i * 600,
    lines: [{ sku, qty: 1 }],
  }));
}

const WEEK_S = 7 * 86_400;

/** Two SKUs: SKU 2 is the busier in the first week, SKU 1 by far after it. */
function flipping(forecast: "expected" | "history", later: number) {
  return tinyScenario({
    horizonDays: 14,
    skus: { count: 2 },
    outbound: {
      orderList: [...orders(2, 6, 3600), ...orders(1, 2, 7200), ...orders(1, later, WEEK_S + 3600)],
    },
    storage: { slotting: { forecast, historyWeeks: 1 } },
  });
}

describe("slotting from a forecast", () => {
  it("forecast: history slots by the history's first weeks, not by the demand after them", () => {
    const history = createWorld(flipping("history", 40));
    // SKU 2 had the most lines in week 1: it takes the nearest face, though SKU 1 has more
    // lines over the whole run.
    expect(history.skus[1].face).toBe("L1");
    expect(history.skus[0].face).toBe("L2");
    // Changing the demand after the window changes nothing.
    const other = createWorld(flipping("history", 0));
    expect(other.skus.map((s) => s.face)).toEqual(history.skus.map((s) => s.face));
    // The expected shares (SKU 1 the more popular) slot the other way round.
    const expected = createWorld(flipping("expected", 40));
    expect(expected.skus[0].face).toBe("L1");
  });

  it("forecast: history without given orders in the window is an input error", () => {
    const scenario = tinyScenario({
      skus: { count: 2 },
      storage: { slotting: { forecast: "history" } },
    });
    expect(() => createWorld(scenario)).toThrow(/storage\.slotting\.forecast/);
  });
});

/** Two SKUs in L1 and L2, a spare forward location L3; SKU 2 is busy on the first day. */
function reslotting(reslot: boolean) {
  const locations = [
    { id: "L1", x: 1, y: 10, zone: "F", aisle: "A1", capacity: { cubeM3: 2 } },
    { id: "L2", x: 1, y: 12, zone: "F", aisle: "A1", capacity: { cubeM3: 2 } },
    { id: "L3", x: 1, y: 14, zone: "F", aisle: "A1", capacity: { cubeM3: 2 } },
    { id: "R1", x: 1, y: 15, zone: "R", aisle: "A1" },
    { id: "R2", x: 1, y: 16, zone: "R", aisle: "A1" },
  ];
  return tinyScenario({
    horizonDays: 2,
    layout: { locations },
    skus: { count: 2 },
    outbound: {
      orderList: [...orders(2, 10, 3600), ...orders(1, 1, 3600), ...orders(2, 1, 90_000)],
    },
    storage: reslot ? { slotting: { reslot: { periodDays: 1, maxMoves: 4 } } } : {},
  });
}

describe("re-slotting", () => {
  it("moves the busier SKU nearer as move tasks whose number is the KPI and whose labour counts", () => {
    const trace: TraceRecord[] = [];
    const result = simulate(reslotting(true), { trace: (r) => trace.push(r) });
    const plain = simulate(reslotting(false));
    const ends = trace.filter((r) => r.kind === "task" && r.task === "reslot" && r.phase === "end");
    const starts = trace.filter(
      (r) => r.kind === "task" && r.task === "reslot" && r.phase === "start",
    );
    // One swap: SKU 1 out of L1 to the spare L3, then SKU 2 from L2 into L1.
    expect(result.kpis.reslotMoves).toBe(2);
    expect(ends).toHaveLength(2);
    expect(starts).toHaveLength(2);
    const lastPick = trace.filter((r) => r.kind === "pick").at(-1);
    expect(lastPick).toMatchObject({ sku: "S00002", location: "L1" });
    expect(result.conservation.ok).toBe(true);
    // The moves are the replenisher's only work: its busy time is theirs.
    const busyS = ends.reduce(
      (sum, end, i) => sum + (end.t as number) - (starts[i].t as number),
      0,
    );
    expect(busyS).toBeGreaterThan(0);
    expect(plain.kpis["utilization.replenisher"]).toBe(0);
    expect(result.kpis["utilization.replenisher"] * 2 * 86_400).toBeCloseTo(busyS, 6);
  });
});
