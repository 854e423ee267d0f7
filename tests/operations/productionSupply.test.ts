/** Line feeding to a production line on the tiny warehouse (face L1 at 10 m, walking 1 m/s). */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { tinyOps } from "./fixtures.ts";

const line = (leadS: number) => ({
  name: "L",
  intervalS: 3600,
  start: "00:57",
  end: "00:58",
  days: ["mon"],
  linesPerOrder: { dist: "constant", value: 1 },
  unitsPerLine: { dist: "constant", value: 4 },
  leadS,
});

describe("production supply", () => {
  it("simulate(): a feeding order is picked, then delivered to the line, never packed", () => {
    // Created 00:57 (3420); pick 30 + 10 + (10 + 4 × 3) + 10 → 3492; replenisher to the line
    // door (0 m from the depot) and hands over 60 s → 3552: lead 132 s, due 3420 + 1800.
    const trace: TraceRecord[] = [];
    const r = simulate(
      tinyOps({ operations: { productionSupply: { lines: [line(1800)], deliverSPerOrder: 60 } } }),
      { trace: (x) => trace.push(x) },
    );
    expect(r.kpis.productionOrdersDelivered).toBe(1);
    expect(r.kpis.productionLeadTimeS).toBeCloseTo(132, 9);
    expect(r.kpis.productionOnTimeRate).toBe(1);
    expect(r.kpis.productionLatenessS).toBe(0);
    const events = trace.filter((x) => x.kind === "order").map((x) => x.event);
    expect(events).toEqual(["created", "picked", "shipped"]);
    expect(r.conservation).toMatchObject({
      unitsShipped: 4,
      unitsInLocations: 116,
      ordersCreated: 1,
      ordersShipped: 1,
      ok: true,
    });
  });

  function firstPicked(priority: "first" | "due"): number | undefined {
    // Customer order A keeps the picker busy 3400–3466; customer order B comes at 3410, the
    // feeding order at 3480 (due two days later). Which is picked next, from 3466?
    const trace: TraceRecord[] = [];
    simulate(
      tinyOps({
        outbound: {
          orderList: [
            { timeS: 3400, lines: [{ sku: 1, qty: 2 }] },
            { timeS: 3410, lines: [{ sku: 1, qty: 1 }] },
          ],
        },
        operations: { productionSupply: { lines: [line(172_800)], priority } },
      }),
      { trace: (x) => trace.push(x) },
    );
    const second = trace.filter(
      (x) => x.kind === "task" && x.task === "pick" && x.phase === "start",
    )[1];
    return second?.order as number | undefined;
  }

  it("simulate(): priority first picks the feeding order before an earlier customer order", () => {
    expect(firstPicked("first")).toBe(3);
  });

  it("simulate(): priority due picks by due time: the customer order (due 12:00) first", () => {
    expect(firstPicked("due")).toBe(2);
  });
});
