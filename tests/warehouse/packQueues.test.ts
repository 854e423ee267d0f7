/**
 * The pack-station queue in the trace: orders a packer holds while every pack station is
 * busy (`packStations`), beside the orders waiting for a packer (`packerTasks`). Checked by
 * hand on the tiny warehouse with a wide aisle, two pickers, two packers and one station.
 */
import { describe, expect, it } from "vitest";
import { simulate, type TraceRecord } from "../../src/warehouse/index.ts";
import { tinyAisle, tinyScenario } from "./tiny.ts";

const allDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const crew = { crews: [{ shift: "all", headcount: 2 }], speedMps: 1 };

describe("simulate() trace: pack queues", () => {
  it("'packStations' holds the second order while the only station packs the first", () => {
    // Both orders (2 units each) are picked in parallel at the one face (no pick-face
    // blocking): 3600 + 30 + 10 + 16 + 10 = 3666.
    // Packer A packs 45 + 2 × 6 = 57 s (3666 → 3723); packer B waits for the station from
    // 3666 to 3723, then packs to 3780.
    const scenario = tinyScenario({
      equipment: { traffic: { pickFaceBlocking: false } },
      layout: {
        aisles: [tinyAisle({ narrow: false })],
      },
      outbound: {
        orderList: [
          { timeS: 3600, lines: [{ sku: 1, qty: 2 }] },
          { timeS: 3600, lines: [{ sku: 1, qty: 2 }] },
        ],
      },
      workforce: {
        shifts: { all: { start: "00:00", end: "00:00", days: allDays } },
        roles: { picker: crew, packer: crew },
      },
    });
    const trace: TraceRecord[] = [];
    const result = simulate(scenario, { trace: (r) => trace.push(r) });
    const station = trace
      .filter((r) => r.kind === "queue" && r.name === "packStations")
      .map((r) => [r.t, r.length]);
    expect(station).toEqual([
      [3666, 1],
      [3723, 0],
    ]);
    const packed = trace.filter((r) => r.kind === "order" && r.event === "packed").map((r) => r.t);
    expect(packed).toEqual([3723, 3780]);
    // waitPack is the wait from picked to pack start: 0 and 57 s.
    expect(result.breakdown.order.waitPack).toBeCloseTo(57 / 2, 9);
    expect(result.breakdown.worker.packer["waiting.packStation"]).toBeGreaterThan(0);
  });
});
