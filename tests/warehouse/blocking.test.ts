/**
 * Congestion at places and in one-way aisles on the tiny warehouse (tiny.ts), hand-computed:
 * face L1 is 10 m from the depot PD along aisle A1; walking 1 m/s; a pick takes setup 30 s
 * at PD, 10 m out, 16 s at L1 (a line of 2 units), then the way back. A wide cross aisle C1
 * runs from A1's far end (0,20) round to PD (30 m), so a one-way A1 can be left at its end.
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyAisle, tinyScenario } from "./tiny.ts";

interface Case {
  /** Seconds between the two orders (order 1 at 01:00). */
  secondS: number;
  aisle: { narrow: boolean; oneWay: boolean };
  traffic?: Record<string, unknown>;
}

/** Two pickers, two one-line orders of SKU 1; every task walks; passing costs nothing. */
function scenarioOf({ secondS, aisle, traffic }: Case) {
  return tinyScenario({
    equipment: {
      pools: { reachTruck: { count: 0 } },
      tasks: { putaway: "none", replenish: "none" },
      traffic: { passingSlowdown: 0, ...traffic },
    },
    layout: {
      aisles: [tinyAisle({ ...aisle })],
      crossAisles: [
        {
          id: "C1",
          points: [
            [0, 20],
            [5, 20],
            [5, 0],
            [0, 0],
          ],
          widthM: 3,
        },
      ],
    },
    outbound: {
      orderList: [
        { timeS: 3600, lines: [{ sku: 1, qty: 2 }] },
        { timeS: 3600 + secondS, lines: [{ sku: 1, qty: 2 }] },
      ],
    },
    workforce: { roles: { picker: { crews: [{ shift: "all", headcount: 2 }], speedMps: 1 } } },
  });
}

function run(c: Case) {
  const trace: TraceRecord[] = [];
  const result = simulate(scenarioOf(c), { trace: (r) => trace.push(r) });
  const congestion = trace.filter((r) => r.kind === "congestion");
  const picked = trace.filter((r) => r.kind === "order" && r.event === "picked").map((r) => r.t);
  const blocks = trace.filter((r) => r.kind === "block");
  return { result, congestion, picked, blocks };
}

/** The `block` records of one wait of picker 2 at `at`, from `fromT` to `toT`. */
function blockOf(at: string, fromT: number, toT: number, reason: string, location?: string) {
  const start = { t: fromT, kind: "block", id: "picker-2", at, phase: "start", reason };
  return [
    location === undefined ? start : { ...start, location },
    { t: toT, kind: "block", id: "picker-2", at, phase: "end" },
  ];
}

const wide = { narrow: false, oneWay: false };

describe("pick-face blocking", () => {
  it("a picker reaching a face another is picking from waits until it is free", () => {
    // Picker 1 at L1 3640–3656, back 3666. Picker 2: setup 3605–3635, at L1 3645, waits
    // 11 s, picks 3656–3672, back 3682.
    const { result, congestion, picked, blocks } = run({ secondS: 5, aisle: wide });
    expect(congestion).toEqual([
      { t: 3656, kind: "congestion", aisle: "A1", worker: "picker-2", waitS: 11 },
    ]);
    expect(blocks).toEqual(blockOf("A1", 3645, 3656, "pickFace", "L1"));
    expect(picked).toEqual([3666, 3682]);
    expect(result.kpis.congestionWaitS).toBeCloseTo(5.5, 9);
  });

  it("without pick-face blocking both pick at once", () => {
    const { congestion, picked, blocks } = run({
      secondS: 5,
      aisle: wide,
      traffic: { pickFaceBlocking: false },
    });
    expect(congestion).toEqual([]);
    expect(blocks).toEqual([]);
    expect(picked).toEqual([3666, 3671]);
  });
});

describe("P&D point capacity", () => {
  it("with room for one, the second picker waits for the first to finish its setup", () => {
    // Both orders at 3600: picker 1 sets up 3600–3630; picker 2 waits 30 s, sets up
    // 3630–3660, walks to L1 by 3670 (picker 1 left it at 3656), picks until 3686, back 3696.
    const { congestion, picked, blocks } = run({
      secondS: 0,
      aisle: wide,
      traffic: { pdPointCapacity: 1 },
    });
    expect(congestion).toEqual([
      { t: 3630, kind: "congestion", aisle: "PD", worker: "picker-2", waitS: 30 },
    ]);
    expect(blocks).toEqual(blockOf("PD", 3600, 3630, "pdPoint"));
    expect(picked).toEqual([3666, 3696]);
  });

  it("without a capacity both set up at once", () => {
    // Picker 2 reaches L1 at 3640 with picker 1 and waits for the face until 3656.
    const { congestion } = run({ secondS: 0, aisle: wide });
    expect(congestion.map((r) => r.kind === "congestion" && r.aisle)).toEqual(["A1"]);
  });
});

describe("narrow one-way aisle", () => {
  it("a follower waits while the worker ahead stands at or before its target", () => {
    // Picker 1 enters A1 at 3630, at L1 3640–3656, leaves by the far end and C1 (40 m):
    // back 3696. Picker 2 (set up by 3635) may not pass it: it waits 3635–3656, walks to
    // L1 by 3666, picks until 3682 and is back at 3722.
    const { result, congestion, picked, blocks } = run({
      secondS: 5,
      aisle: { narrow: true, oneWay: true },
    });
    expect(congestion).toEqual([
      { t: 3656, kind: "congestion", aisle: "A1", worker: "picker-2", waitS: 21 },
    ]);
    expect(blocks).toEqual(blockOf("A1", 3635, 3656, "aisle"));
    expect(picked).toEqual([3696, 3722]);
    expect(result.kpis.congestionWaitS).toBeCloseTo(10.5, 9);
  });

  it("a wide one-way aisle lets the follower walk in: it waits only for the face", () => {
    const { congestion } = run({ secondS: 5, aisle: { narrow: false, oneWay: true } });
    expect(congestion).toEqual([
      { t: 3656, kind: "congestion", aisle: "A1", worker: "picker-2", waitS: 11 },
    ]);
  });
});

describe("cross-aisle capacity", () => {
  it("with room for one, a move waits until the cross aisle on its route is free", () => {
    // A1 one-way and wide, so both pickers leave by C1. Picker 1 at L1 3640–3656, back along
    // C1 3656–3696. Picker 2 waits for the face until 3656, picks until 3672, then waits for
    // C1 until 3696 and is back at 3736.
    const { congestion, picked, blocks } = run({
      secondS: 5,
      aisle: { narrow: false, oneWay: true },
      traffic: { crossAisleCapacity: 1 },
    });
    expect(congestion).toEqual([
      { t: 3656, kind: "congestion", aisle: "A1", worker: "picker-2", waitS: 11 },
      { t: 3696, kind: "congestion", aisle: "C1", worker: "picker-2", waitS: 24 },
    ]);
    expect(blocks).toEqual([
      ...blockOf("A1", 3645, 3656, "pickFace", "L1"),
      ...blockOf("C1", 3672, 3696, "crossAisle"),
    ]);
    expect(picked).toEqual([3696, 3736]);
  });
});
