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
