/**
 * Cross-docking, quality quarantine and returns on the tiny warehouse: depot, doors and pack
 * station at (0,0), face L1 at 10 m (initial 120 units), reserve R1 at 15 m; walking 1 m/s,
 * reach truck 1.5 m/s loaded; trailer at 02:00 → checked at 7590 (docking 300, unload 60,
 * check 30); carrier departs daily at 12:00 (43200).
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyOps } from "./fixtures.ts";

const delivery = { deliveries: [{ timeS: 7200, pallets: [{ sku: 1, units: 100 }] }] };

describe("cross-docking", () => {
  it("simulate(): a flagged supplier's pallet goes door to door and leaves at 12:00, never stored", () => {
    // Driver at the arrival door: pick up 20 → 7610, door to door 0 m, set down 20 + sort 60 → 7690.
    const trace: TraceRecord[] = [];
    const r = simulate(
      tinyOps({ inbound: delivery, operations: { crossDock: { suppliers: ["s"], sortS: 60 } } }),
      { trace: (x) => trace.push(x) },
    );
    const task = trace.filter((x) => x.kind === "task" && x.task === "crossDock");
    expect(task.map((x) => [x.phase, x.t])).toEqual([
      ["start", 7590],
      ["end", 7690],
    ]);
    expect(r.kpis.crossDockPallets).toBe(1);
    expect(r.kpis.crossDockUnits).toBe(100);
    expect(r.kpis.crossDockShare).toBe(1);
    expect(r.kpis.crossDockDwellS).toBe(43200 - 7200);
    // Storage never saw it: no stock change at any location after the initial stock at
    // t = 0, L1 still holds the initial 120.
    expect(trace.filter((x) => x.kind === "stock" && (x.t as number) > 0)).toEqual([]);
    expect(Number.isNaN(r.kpis.dockToStockS)).toBe(true);
    expect(r.conservation).toMatchObject({
      unitsReceived: 100,
      unitsShipped: 100,
      unitsInLocations: 120,
      unitsInProcess: 0,
      ok: true,
    });
  });

  it("simulate(): with share 0 and no flagged supplier the pallet is put away as before", () => {
    const r = simulate(tinyOps({ inbound: delivery, operations: { crossDock: { share: 0 } } }));
    expect(r.kpis.crossDockPallets).toBeUndefined();
    expect(r.kpis.dockToStockS).toBeCloseTo(440, 9);
  });
});

describe("quality sampling", () => {
  const inspectAll = (releaseShare: number) => ({
    inbound: delivery,
    operations: {
      quality: { sampleShare: 1, inspectS: 300, failProbability: 1, holdS: 3600, releaseShare },
    },
  });

  it("simulate(): a failed pallet waits in quarantine, then is released and put away", () => {
    // Inspection 7590 → 7890; held until 11490; putaway to R1: 20 + 10 + 20 → 11540.
    const r = simulate(tinyOps(inspectAll(1)));
    expect(r.kpis.palletsInspected).toBe(1);
    expect(r.kpis.palletsQuarantined).toBe(1);
    expect(r.kpis.palletsReleased).toBe(1);
    expect(r.kpis.dockToStockS).toBeCloseTo(11540 - 7200, 9);
    expect(r.conservation).toMatchObject({ unitsInLocations: 220, ok: true });
  });

  it("simulate(): a rejected pallet goes back to the supplier and never becomes pickable", () => {
    const r = simulate(tinyOps(inspectAll(0)));
    expect(r.kpis.palletsRejected).toBe(1);
    expect(Number.isNaN(r.kpis.dockToStockS)).toBe(true);
    expect(r.conservation).toMatchObject({
      unitsReceived: 100,
      unitsScrapped: 100,
      unitsInLocations: 120,
      unitsInProcess: 0,
      ok: true,
    });
  });
});

describe("returns", () => {
  const returned = (restockShare: number) => ({
    outbound: { orderList: [{ timeS: 3600, lines: [{ sku: 1, qty: 2 }] }] },
    operations: {
      returns: {
        rate: 1,
        delayS: { dist: "constant", value: 3600 },
        receiveSPerOrder: 60,
        inspectSPerUnit: 30,
        restockShare,
        refurbishShare: 0,
      },
    },
  });

  it("simulate(): a returned order is received, inspected and restocked to its face", () => {
    // Shipped 43200, back at 46800; receive 60 + inspect 2 × 30 → 46920; to L1 10 m →
    // 46930; back to the door 10 m → 46940: 140 s.
    const trace: TraceRecord[] = [];
    const r = simulate(tinyOps(returned(1)), { trace: (x) => trace.push(x) });
    expect(r.kpis.ordersReturned).toBe(1);
    expect(r.kpis.unitsRestocked).toBe(2);
    expect(r.kpis.returnHandlingS).toBeCloseTo(140, 9);
    const task = trace.filter((x) => x.kind === "task" && x.task === "return");
    expect(task.map((x) => [x.phase, x.t, x.worker])).toEqual([
      ["start", 46800, "returnsClerk-1"],
      ["end", 46940, "returnsClerk-1"],
    ]);
    expect(r.conservation).toMatchObject({
      unitsShipped: 2,
      unitsReturned: 2,
      unitsInLocations: 120,
      ok: true,
    });
  });

  it("simulate(): scrapped returns leave the balance through unitsScrapped", () => {
    const r = simulate(tinyOps(returned(0)));
    expect(r.kpis.unitsScrappedReturns).toBe(2);
    expect(r.kpis.returnHandlingS).toBeCloseTo(120, 9);
    expect(r.conservation).toMatchObject({
      unitsReturned: 2,
      unitsScrapped: 2,
      unitsInLocations: 118,
      ok: true,
    });
  });
});
