/**
 * The count programme on the tiny warehouse (counter at the depot, face L1 at 10 m, reserve
 * R1 5 m beyond it, walking 1 m/s, 60 s per location).
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyAisle } from "../warehouse/tiny.ts";
import { tinyOps } from "./fixtures.ts";

describe("counts", () => {
  it("simulate(): a full physical inventory freezes picking in its zone until every location is counted", () => {
    // Counter from 3000: L1 at 3010, counted 3070; R1 at 3075, counted 3135 (135 s).
    // Order at 3050: setup 30, walk 10, handle 16 → 3106; waits for the count to 3135; back 10.
    // A wide aisle without passing slow-down, so that only the count holds the picker.
    const trace: TraceRecord[] = [];
    const r = simulate(
      tinyOps({
        layout: {
          aisles: [tinyAisle({ widthM: 3 })],
        },
        equipment: { traffic: { passingSlowdown: 0 } },
        outbound: { orderList: [{ timeS: 3050, lines: [{ sku: 1, qty: 2 }] }] },
        operations: { counts: { fullInventory: [{ timeS: 3000 }], countSPerLocation: 60 } },
      }),
      { trace: (x) => trace.push(x) },
    );
    expect(r.kpis.fullInventoryS).toBeCloseTo(135, 9);
    expect(r.kpis.countsDone).toBe(2);
    const picked = trace.find((x) => x.kind === "order" && x.event === "picked");
    expect(picked?.t).toBe(3145);
    const pick = trace.find((x) => x.kind === "pick");
    expect(pick?.t).toBe(3135);
    expect(r.breakdown.worker.picker["waiting.count"]).toBeCloseTo(29 / 86400, 12);
  });

  it("simulate(): a zone's inventory leaves faces of other zones pickable", () => {
    const r = simulate(
      tinyOps({
        outbound: { orderList: [{ timeS: 3050, lines: [{ sku: 1, qty: 2 }] }] },
        operations: { counts: { fullInventory: [{ timeS: 3000, zone: "R" }] } },
      }),
    );
    // Only R1 is counted: walk 15 m, count 60 → 75 s; the pick at L1 does not wait.
    expect(r.kpis.fullInventoryS).toBeCloseTo(75, 9);
    expect(r.breakdown.worker.picker["waiting.count"]).toBeUndefined();
  });

  it("simulate(): ABC cycle counts 8,760 a year count the face every hour (24 a day)", () => {
    // One SKU: class shares round to no A and no B item, so it is class C.
    const r = simulate(tinyOps({ operations: { counts: { countsPerYear: { C: 8760 } } } }));
    expect(r.kpis.countsDone).toBe(24);
    expect(r.kpis.countsWithVariance).toBe(0);
  });

  it("simulate(): counts without a counter are refused as input", () => {
    expect(() =>
      simulate(
        tinyOps({
          workforce: { roles: { counter: { crews: [] } } },
          operations: { counts: { opportunity: "short" } },
        }),
      ),
    ).toThrow(/workforce\.roles\.counter\.crews/);
  });
});
