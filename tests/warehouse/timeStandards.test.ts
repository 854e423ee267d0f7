/**
 * Time standards and people who differ: pallet handling by location type, individual
 * handling factors on a stream of their own, and staggered breaks.
 */
import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/warehouse/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { shiftWindows } from "../../src/warehouse/workforce/calendar.ts";
import { tinyScenario } from "./tiny.ts";

const delivery = { inbound: { deliveries: [{ timeS: 7200, pallets: [{ sku: 1, units: 100 }] }] } };

describe("time standards", () => {
  it("a pallet set down in racking takes the standard of its location type", () => {
    // R1 is a pallet location: 35 s instead of 20 adds 15 s to dock-to-stock (440 s).
    const base = simulate(tinyScenario(delivery)).kpis.dockToStockS;
    const slower = simulate(
      tinyScenario({ ...delivery, timeStandards: { palletSetDownS: { pallet: 35 } } }),
    ).kpis.dockToStockS;
    expect(base).toBeCloseTo(440, 9);
    expect(slower - base).toBeCloseTo(15, 9);
  });

  it("a worker's handling factor scales its handling, not its travel", () => {
    // Putaway handles 20 + 20 s: factor 1.5 adds 20 s.
    const scenario = tinyScenario({
      ...delivery,
      workforce: {
        roles: {
          putaway: {
            crews: [{ shift: "all", headcount: 1 }],
            speedMps: 1,
            handlingFactor: { dist: "constant", value: 1.5 },
          },
        },
      },
    });
    expect(simulate(scenario).kpis.dockToStockS).toBeCloseTo(460, 9);
  });

  it("two pickers draw different factors, and the other streams are unchanged", () => {
    const orders = Array.from({ length: 6 }, (_, i) => ({
      timeS: 3600 + i * 600,
      lines: [{ sku: 1, qty: 1 }],
    }));
    const picker = (extra: object) => ({
      outbound: { orderList: orders, ordersPerDay: 20 },
      workforce: {
        roles: { picker: { crews: [{ shift: "all", headcount: 2 }], speedMps: 1, ...extra } },
      },
    });
    const trace: TraceRecord[] = [];
    simulate(tinyScenario(picker({ handlingFactor: { dist: "uniform", min: 0.8, max: 1.2 } })), {
      trace: (r) => trace.push(r),
    });
    const plainTrace: TraceRecord[] = [];
    simulate(tinyScenario(picker({})), { trace: (r) => plainTrace.push(r) });
    // One SKU: each stop picks one line of `qty` units in (10 + 3 qty) s times the factor.
    const factors = new Map<string, Set<number>>();
    const since = new Map<string, number>();
    for (const r of trace) {
      if (r.kind === "state" && r.state === "picking") since.set(r.id as string, r.t as number);
      if (r.kind === "pick") {
        const who = r.worker as string;
        const factor = ((r.t as number) - since.get(who)!) / (10 + 3 * (r.qty as number));
        const set = factors.get(who) ?? new Set<number>();
        set.add(Math.round(factor * 1e6) / 1e6);
        factors.set(who, set);
      }
    }
    const one = [...(factors.get("picker-1") ?? [])];
    const two = [...(factors.get("picker-2") ?? [])];
    expect(one).toHaveLength(1);
    expect(two).toHaveLength(1);
    expect(one[0]).not.toBe(two[0]);
    for (const f of [one[0], two[0]]) {
      expect(f).toBeGreaterThanOrEqual(0.8);
      expect(f).toBeLessThanOrEqual(1.2);
    }
    const created = (r: TraceRecord) => r.kind === "order" && r.event === "created";
    expect(trace.filter(created).map((r) => r.t)).toEqual(
      plainTrace.filter(created).map((r) => r.t),
    );
  });
});

describe("staggered breaks", () => {
  const shift = {
    start: "06:00",
    end: "14:00",
    days: ["mon"],
    breaks: [{ start: "10:00", minutes: 30, staggerGroups: 2 }],
  };

  it("the second group takes the break after the first", () => {
    const h = 3600;
    expect(shiftWindows(shift, 86_400, 0)).toEqual([
      { startS: 6 * h, endS: 10 * h },
      { startS: 10.5 * h, endS: 14 * h },
    ]);
    expect(shiftWindows(shift, 86_400, 1)).toEqual([
      { startS: 6 * h, endS: 10.5 * h },
      { startS: 11 * h, endS: 14 * h },
    ]);
    expect(shiftWindows(shift, 86_400, 2)).toEqual(shiftWindows(shift, 86_400, 0));
  });
});

/**
 * Times of one order of 9 units of SKU 1 (cases of 4: two full cases and one unit) under
 * the activity standards: when it is picked, packed, and when its pallet is loaded.
 */
function oneOrderTimes(timeStandards: Record<string, unknown>) {
  const scenario = tinyScenario({
    skus: { unitsPerCase: { dist: "constant", value: 4 } },
    outbound: { orderList: [{ timeS: 3600, lines: [{ sku: 1, qty: 9 }] }] },
    timeStandards,
  });
  scenario.outbound.picking.timePerUnitS = undefined;
  const trace: TraceRecord[] = [];
  simulate(scenario, { trace: (r) => trace.push(r) });
  const event = (name: string) =>
    trace.find((r) => r.kind === "order" && r.event === name)?.t as number;
  const loaded = trace.find((r) => r.kind === "task" && r.task === "load" && r.phase === "end");
  return { picked: event("picked"), packed: event("packed"), loaded: loaded?.t as number };
}

describe("activity time standards", () => {
  const base = oneOrderTimes({});

  it("a case and a unit pick standard move the pick by their count × the change", () => {
    // L1 is a pallet location: 2 cases and 1 unit.
    const slower = oneOrderTimes({
      casePickS: { pallet: 5.04 + 1.5 },
      unitPickS: { pallet: 3.24 + 0.25 },
    });
    expect(slower.picked - base.picked).toBeCloseTo(2 * 1.5 + 0.25, 9);
    expect(slower.packed - base.packed).toBeCloseTo(2 * 1.5 + 0.25, 9);
  });

  it("carton, label and scan standards move the pack by exactly their change", () => {
    const slower = oneOrderTimes({ cartonErectS: 7, labelS: 2, scanS: 1 });
    // From 0 in the tiny scenario: 7 + 2 + 9 units × 1 s.
    expect(slower.picked).toBeCloseTo(base.picked, 9);
    expect(slower.packed - base.packed).toBeCloseTo(7 + 2 + 9, 9);
  });

  it("the wrap standard moves the loading by exactly its change", () => {
    const slower = oneOrderTimes({ wrapS: 33 });
    expect(slower.packed).toBeCloseTo(base.packed, 9);
    expect(slower.loaded - base.loaded).toBeCloseTo(33, 9);
  });

  it("a variation draws a factor per occurrence on its own stream", () => {
    const varied = oneOrderTimes({
      cartonErectS: 10,
      variation: { cartonErect: { dist: "constant", value: 1.5 } },
    });
    const plain = oneOrderTimes({ cartonErectS: 10 });
    expect(varied.packed - plain.packed).toBeCloseTo(5, 9);
  });
});
