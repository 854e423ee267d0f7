/**
 * Aisle traffic on the tiny warehouse (tiny.ts), hand-computed: aisle A1 with face L1 10 m
 * from the depot, reserve R1 15 m; walking 1 m/s; a pick takes setup 30 s, 10 m out, 16 s
 * at L1 (a line of 2 units), 10 m back. In the picker cases everyone walks (0.6 m wide), so
 * an aisle narrower than 1.2 m is narrow.
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyAisle, tinyScenario } from "./tiny.ts";

/** The tiny aisle A1 with a width and no narrow mark; every task walks. */
function aisleOfWidth(widthM: number, passingSlowdown = 0.15) {
  return {
    equipment: {
      pools: { reachTruck: { count: 0 } },
      tasks: { putaway: "none", replenish: "none" },
      traffic: { passingSlowdown },
    },
    layout: {
      aisles: [tinyAisle({ widthM })],
    },
  };
}

/** Two pick orders: at 01:00 and `secondS` later, each one line of 2 units of SKU 1. */
function twoPickers(secondS: number, extra: Record<string, unknown>) {
  return tinyScenario({
    ...extra,
    outbound: {
      orderList: [
        { timeS: 3600, lines: [{ sku: 1, qty: 2 }] },
        { timeS: 3600 + secondS, lines: [{ sku: 1, qty: 2 }] },
      ],
    },
    workforce: { roles: { picker: { crews: [{ shift: "all", headcount: 2 }], speedMps: 1 } } },
  });
}

function run(scenario: ReturnType<typeof tinyScenario>) {
  const trace: TraceRecord[] = [];
  const result = simulate(scenario, { trace: (r) => trace.push(r) });
  const congestion = trace.filter((r) => r.kind === "congestion");
  const picked = trace.filter((r) => r.kind === "order" && r.event === "picked").map((r) => r.t);
  const blocks = trace.filter((r) => r.kind === "block");
  return { result, congestion, picked, blocks };
}

describe("aisle traffic", () => {
  it("an aisle narrower than two of the widest bodies is narrow: the second picker waits", () => {
    // Picker 1 is at L1 3640–3656. Picker 2 (order 15 s later) arrives at 3655 and waits
    // 1 s; it picks 3656–3672 and is back at 3682.
    const { result, congestion, picked, blocks } = run(twoPickers(15, aisleOfWidth(1.1)));
    expect(congestion).toEqual([
      { t: 3656, kind: "congestion", aisle: "A1", worker: "picker-2", waitS: 1 },
    ]);
    // The wait is traced from its start to its end, for a viewer to mark the aisle blocked.
    expect(blocks).toEqual([
      { t: 3655, kind: "block", id: "picker-2", at: "A1", phase: "start", reason: "aisle" },
      { t: 3656, kind: "block", id: "picker-2", at: "A1", phase: "end" },
    ]);
    expect(picked).toEqual([3666, 3682]);
    expect(result.kpis.congestionWaitS).toBeCloseTo(0.5, 9);
    expect(result.kpis.congestionWaitsPerHour * 24).toBeCloseTo(1, 9);
  });

  it("a wide aisle lets the second picker pass, slowed by passingSlowdown while occupied", () => {
    // Same orders in a 1.3 m aisle with passingSlowdown 0.5: picker 2 sets off at 3645 while
    // picker 1 is at L1, so its 10 s walk takes 15 s; it picks 3660–3676, back at 3686.
    const { result, congestion, picked, blocks } = run(twoPickers(15, aisleOfWidth(1.3, 0.5)));
    expect(congestion).toEqual([
      { t: 3645, kind: "congestion", aisle: "A1", worker: "picker-2", waitS: 5 },
    ]);
    // A slow-down is no stop: nothing is blocked.
    expect(blocks).toEqual([]);
    expect(picked).toEqual([3666, 3686]);
    expect(result.kpis.congestionWaitS).toBeCloseTo(2.5, 9);
    // A slow-down is time lost, not a stop at an entry.
    expect(result.kpis.congestionWaitsPerHour).toBe(0);
  });

  it("a wide aisle with a single worker in it costs nothing", () => {
    const { congestion, picked } = run(twoPickers(60, aisleOfWidth(1.3)));
    expect(congestion).toEqual([]);
    expect(picked).toEqual([3666, 3726]);
  });

  it("a truck in a narrow aisle blocks a picker", () => {
    // Trailer at 02:00, one pallet to reserve R1: docked 7500, unloaded and checked 7590,
    // picked up 7610, at R1 7620 (15 m at 1.5 m/s), set down until 7640. An order at 7590:
    // setup until 7620, at L1 at 7630, waits 10 s for the truck; picks 7640–7656, back 7666.
    const scenario = tinyScenario({
      inbound: { deliveries: [{ timeS: 7200, pallets: [{ sku: 1, units: 100 }] }] },
      outbound: { orderList: [{ timeS: 7590, lines: [{ sku: 1, qty: 2 }] }] },
    });
    const { result, congestion, picked } = run(scenario);
    expect(congestion).toEqual([
      { t: 7640, kind: "congestion", aisle: "A1", worker: "picker-1", waitS: 10 },
    ]);
    expect(picked).toEqual([7666]);
    expect(result.kpis.congestionWaitS).toBeCloseTo(10, 9);
  });
});
