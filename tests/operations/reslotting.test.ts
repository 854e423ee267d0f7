/**
 * Re-slotting beside the operations that touch pick faces: returns put back, cycle counts
 * and full inventories, record-vs-physical stock errors. Stock and orders balance, each
 * face's record mirror matches the ledger where the face ends up, and a return put back
 * while its face moves follows the face.
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { checkConservation } from "../../src/warehouse/measure/conservation.ts";
import { OPERATIONS } from "../../src/warehouse/operationList.ts";
import { createWorld } from "../../src/warehouse/simulate.ts";
import type { World } from "../../src/warehouse/world.ts";
import { merge, shortDefault, tinyOps } from "./fixtures.ts";

/** Runs a replication to its horizon; returns the world and the re-slotting KPIs. */
function runWorld(scenario: ReturnType<typeof shortDefault>, trace?: (r: TraceRecord) => void) {
  const world = createWorld(scenario, { trace });
  const measures = OPERATIONS.map((operation) => operation.install(world));
  world.sim.run({ until: world.horizonS });
  const kpis = Object.assign({}, ...measures.map((m) => m.kpis?.() ?? {}));
  return { world, kpis: kpis as Record<string, number> };
}

/** SKUs whose face units (the record mirror the flows plan with) differ from the ledger's record there. */
function mirrorMismatches(world: World): string[] {
  return world.skus
    .filter((sku) => {
      const at = { locationId: sku.face, sku: sku.id, lot: "" };
      return sku.faceUnits !== world.ledger.onHand(at, "record");
    })
    .map((sku) => sku.id);
}

const returns = {
  workforce: { roles: { returnsClerk: { crews: [{ shift: "day", headcount: 2 }] } } },
  operations: {
    returns: { rate: 0.3, delayS: { dist: "exponential", mean: 10_800 }, restockShare: 0.5 },
  },
};
const counts = {
  workforce: { roles: { counter: { crews: [{ shift: "day", headcount: 2 }] } } },
  operations: {
    counts: {
      countsPerYear: { A: 52, B: 12, C: 4 },
      opportunity: "empty",
      fullInventory: [{ timeS: 100_000 }],
    },
  },
};
const stockErrors = {
  operations: {
    stockErrors: {
      mispickProbability: 0.02,
      misplacedPutawayProbability: 0.05,
      shrinkageUnitsPerDay: 100,
    },
  },
};
const reslot = { storage: { slotting: { reslot: { periodDays: 0.25, maxMoves: 40 } } } };

describe("re-slotting with returns, counts and stock errors", () => {
  it.each([
    ["returns", returns],
    ["counts and a full inventory", counts],
    ["stock errors", stockErrors],
    ["all three", merge(merge(returns, counts), stockErrors)],
  ])(
    "conserves stock and keeps every face's record with %s",
    (_, ops) => {
      const { world, kpis } = runWorld(shortDefault(merge(ops, reslot)));
      expect(kpis.reslotMoves).toBeGreaterThan(0);
      // checkConservation throws when units or orders do not balance.
      expect(checkConservation(world).ok).toBe(true);
      expect(mirrorMismatches(world)).toEqual([]);
    },
    120_000,
  );
});

/** Orders of one line of one unit of SKU `sku` (1-based) every 10 minutes from `startS`. */
function orders(sku: number, count: number, startS: number) {
  return Array.from({ length: count }, (_, i) => ({
    timeS: startS + i * 600,
    lines: [{ sku, qty: 1 }],
  }));
}

describe("a return put back while its face moves", () => {
  it("waits for the move and goes to the face's new place", () => {
    // SKU 2 (10 lines on day 1) swaps with SKU 1 into L1 at the end of day 1, through the
    // spare L3; every order ships at 12:00 and comes back at 24:10, during the moves.
    const locations = ["L1", "L2", "L3"].map((id, i) => ({
      id,
      x: 1,
      y: 10 + 2 * i,
      zone: "F",
      aisle: "A1",
      capacity: { cubeM3: 2 },
    }));
    const reserve = ["R1", "R2"].map((id, i) => ({ id, x: 1, y: 15 + i, zone: "R", aisle: "A1" }));
    const scenario = tinyOps({
      horizonDays: 2,
      layout: { locations: [...locations, ...reserve] },
      skus: { count: 2 },
      outbound: { orderList: [...orders(2, 10, 3600), ...orders(1, 1, 3600)] },
      storage: { initialStockDays: 1, slotting: { reslot: { periodDays: 1, maxMoves: 4 } } },
      operations: {
        returns: {
          rate: 1,
          delayS: { dist: "constant", value: 43_800 },
          restockShare: 1,
          refurbishShare: 0,
        },
      },
    });
    const trace: TraceRecord[] = [];
    const { world, kpis } = runWorld(scenario, (r) => trace.push(r));
    expect(kpis.reslotMoves).toBe(2);
    const tasks = trace.filter((r) => r.kind === "task" && r.phase === "end");
    const movesEnd = Math.max(
      ...tasks.filter((r) => r.task === "reslot").map((r) => r.t as number),
    );
    const firstReturnEnd = Math.min(
      ...tasks.filter((r) => r.task === "return").map((r) => r.t as number),
    );
    // The first return arrived during the moves and was put back after them.
    expect(firstReturnEnd).toBeGreaterThan(movesEnd);
    const sku2 = world.skus[1];
    expect(sku2.face).toBe("L1");
    // Ten units shipped, ten returned and restocked: all of SKU 2 stands at its new face.
    expect(world.ledger.onHand({ sku: sku2.id }, "physical")).toBe(
      world.ledger.onHand({ locationId: "L1", sku: sku2.id }, "physical"),
    );
    expect(world.ledger.onHand({ locationId: "L2", sku: sku2.id }, "physical")).toBe(0);
    expect(mirrorMismatches(world)).toEqual([]);
    expect(checkConservation(world).ok).toBe(true);
  });
});
