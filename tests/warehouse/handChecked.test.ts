/**
 * End-to-end cases small enough to check by hand: one order, one trailer, two pickers in
 * one narrow aisle. Distances: depot (0,0) to face L1 10 m, to reserve R1 15 m.
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyScenario } from "./tiny.ts";

describe("simulate() on hand-checkable cases", () => {
  it("one order, one picker: every phase as computed by hand", () => {
    // Order at 01:00 for 2 units of SKU 1 (face L1 holds the initial pallet of 120 units).
    // Pick: setup 30, walk 10 m at 1 m/s, 10 per line + 2 × 3 per unit, walk back 10 m:
    // 3600 → 3666. Pack: 45 + 2 × 6 = 57 → 3723. Load 20 s → 3743. Departure 12:00 = 43200.
    const scenario = tinyScenario({
      outbound: { orderList: [{ timeS: 3600, lines: [{ sku: 1, qty: 2 }] }] },
    });
    const trace: TraceRecord[] = [];
    const result = simulate(scenario, { trace: (r) => trace.push(r) });
    expect(result.kpis.ordersShipped).toBe(1);
    expect(result.kpis.orderCycleTimeS).toBeCloseTo(43200 - 3600, 9);
    expect(result.kpis.onTimeShipRate).toBe(1);
    expect(result.kpis.pickTravelMPerLine).toBeCloseTo(20, 9);
    const o = result.breakdown.order;
    expect(o.waitRelease).toBeCloseTo(0, 9);
    expect(o.waitPicker).toBeCloseTo(0, 9);
    expect(o.travel).toBeCloseTo(20, 9);
    expect(o.pick).toBeCloseTo(30 + 10 + 6, 9);
    expect(o.congestion).toBeCloseTo(0, 9);
    expect(o.waitPack).toBeCloseTo(0, 9);
    expect(o.pack).toBeCloseTo(57, 9);
    expect(o.waitTrailer).toBeCloseTo(43200 - 3723, 9);
    const events = trace.filter((r) => r.kind === "order").map((r) => [r.event, r.t]);
    expect(events).toEqual([
      ["created", 3600],
      ["released", 3600],
      ["picked", 3666],
      ["packed", 3723],
      ["shipped", 43200],
    ]);
    const pick = trace.find((r) => r.kind === "pick");
    expect(pick).toMatchObject({ t: 3656, location: "L1", qty: 2, worker: "picker-1" });
    expect(result.conservation).toMatchObject({
      unitsInitial: 120,
      unitsShipped: 2,
      unitsInLocations: 118,
      ok: true,
    });
  });

  it("one trailer: docking, unloading, checking and putaway to reserve by reach truck", () => {
    // Trailer at 02:00 with one pallet of 100 units; the face holds 120 of 180, so the
    // pallet goes to reserve R1 (15 m). Dock 300 → 7500; unload 60 + check 30 → 7590 (the
    // trailer leaves: turnaround 390 s). Putaway: pick up 20 → 7610, 15 m at 1.5 m/s = 10 s
    // → 7620, set down 20 → 7640: dock-to-stock 440 s.
    const scenario = tinyScenario({
      inbound: { deliveries: [{ timeS: 7200, pallets: [{ sku: 1, units: 100 }] }] },
    });
    const trace: TraceRecord[] = [];
    const result = simulate(scenario, { trace: (r) => trace.push(r) });
    expect(result.kpis.trailerTurnaroundS).toBeCloseTo(390, 9);
    expect(result.kpis.dockToStockS).toBeCloseTo(440, 9);
    // After the initial stock at t = 0 (face L1: 120 units), only the putaway changes stock.
    const stock = trace.filter((r) => r.kind === "stock" && (r.t as number) > 0);
    expect(stock).toEqual([{ t: 7640, kind: "stock", location: "R1", sku: "S00001", onHand: 100 }]);
    expect(result.conservation).toMatchObject({
      unitsInitial: 120,
      unitsReceived: 100,
      unitsInLocations: 220,
      unitsInProcess: 0,
      ok: true,
    });
    expect(result.counts.trailersIn).toBe(1);
  });

  it("narrow aisle: the second picker waits for the first to finish its picks", () => {
    // Two orders at 01:00, two pickers. Both reach L1 at 3640; picker 1 holds the aisle
    // while picking (16 s), picker 2 enters at 3656: one wait of 16 s, 8 s per order.
    const scenario = tinyScenario({
      outbound: {
        orderList: [
          { timeS: 3600, lines: [{ sku: 1, qty: 2 }] },
          { timeS: 3600, lines: [{ sku: 1, qty: 2 }] },
        ],
      },
      workforce: { roles: { picker: { crews: [{ shift: "all", headcount: 2 }], speedMps: 1 } } },
    });
    const trace: TraceRecord[] = [];
    const result = simulate(scenario, { trace: (r) => trace.push(r) });
    expect(result.kpis.congestionWaitsPerHour * 24).toBeCloseTo(1, 9);
    expect(result.kpis.congestionWaitS).toBeCloseTo(8, 9);
    expect(trace.filter((r) => r.kind === "congestion")).toEqual([
      { t: 3656, kind: "congestion", aisle: "A1", worker: "picker-2", waitS: 16 },
    ]);
    const picked = trace.filter((r) => r.kind === "order" && r.event === "picked").map((r) => r.t);
    expect(picked).toEqual([3666, 3682]);
  });

  it("a stockout holds the order until replenishment restocks the face", () => {
    // Face L1 holds 120. Order 1 at 01:00 takes all 120; order 2 at 01:00 for 5 finds
    // nothing available (a stockout line: fill rate 1/2) and waits until a delivery at 02:00
    // is put away straight to the emptied face (0 + 100 <= 180): 7200 + 300 + 90 + 20
    // + 10 m / 1.5 m/s + 20 → released at 7636.67.
    const scenario = tinyScenario({
      outbound: {
        orderList: [
          { timeS: 3600, lines: [{ sku: 1, qty: 120 }] },
          { timeS: 3600, lines: [{ sku: 1, qty: 5 }] },
        ],
      },
      inbound: { deliveries: [{ timeS: 7200, pallets: [{ sku: 1, units: 100 }] }] },
    });
    const trace: TraceRecord[] = [];
    const result = simulate(scenario, { trace: (r) => trace.push(r) });
    const released = trace
      .filter((r) => r.kind === "order" && r.event === "released")
      .map((r) => [r.id, r.t]);
    expect(released[0]).toEqual([1, 3600]);
    expect(released[1][0]).toBe(2);
    expect(released[1][1] as number).toBeCloseTo(7200 + 300 + 90 + 20 + 10 / 1.5 + 20, 6);
    expect(result.kpis.fillRateLines).toBeCloseTo(0.5, 9);
    expect(result.kpis.stockoutLines).toBe(1);
    expect(result.kpis.ordersShipped).toBe(2);
  });
});
