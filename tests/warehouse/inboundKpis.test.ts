/**
 * Inbound door KPIs for the dock-door Erlang-C check: trailer arrival rate, yard wait for a
 * door and door time per trailer, checked by hand on the tiny warehouse (one inbound door,
 * docking 300 s, unload 60 + check 30 s per pallet, the receiver already at the door).
 */
import { describe, expect, it } from "vitest";
import { dockCheck } from "../../src/report/crossChecks.ts";
import { kpiUnit, simulate, type TraceRecord } from "../../src/warehouse/index.ts";
import { tinyScenario } from "./tiny.ts";

describe("simulate() inbound door KPIs", () => {
  // Two one-pallet trailers at 02:00 on one door. The first docks at once: door 300 + 90 =
  // 390 s (7200 → 7590). The second waits 390 s in the yard, then holds the door 390 s.
  const scenario = tinyScenario({
    inbound: {
      deliveries: [
        { timeS: 7200, pallets: [{ sku: 1, units: 30 }] },
        { timeS: 7200, pallets: [{ sku: 1, units: 30 }] },
      ],
    },
  });
  const trace: TraceRecord[] = [];
  const result = simulate(scenario, { trace: (r) => trace.push(r) });

  it("yardWaitS, inboundDoorTimeS and inboundTrailersPerHour as computed by hand", () => {
    expect(result.kpis.inboundTrailersPerHour).toBeCloseTo(2 / 24, 12);
    expect(result.kpis.yardWaitS).toBeCloseTo((0 + 390) / 2, 9);
    expect(result.kpis.inboundDoorTimeS).toBeCloseTo(390, 9);
    // Turnaround = yard wait + door time, per trailer: (390 + 780) / 2.
    expect(result.kpis.trailerTurnaroundS).toBeCloseTo(585, 9);
    expect(kpiUnit("inboundTrailersPerHour")).toBe("trailers/h");
    expect(kpiUnit("yardWaitS")).toBe("s");
    expect(kpiUnit("inboundDoorTimeS")).toBe("s");
  });

  it("the 'yard' queue holds the second trailer from 7200 to 7590", () => {
    const yard = trace.filter((r) => r.kind === "queue" && r.name === "yard");
    const at = (t: number) => {
      let length = 0;
      for (const r of yard) if ((r.t as number) <= t) length = r.length as number;
      return length;
    };
    expect(at(7200)).toBe(1);
    expect(at(7589)).toBe(1);
    expect(at(7590)).toBe(0);
    expect(Math.max(...yard.map((r) => r.length as number))).toBe(1);
  });

  it("the report's dock-door check reads these KPIs", () => {
    const est = (mean: number) => ({ mean, ci95: 0, n: 1 });
    const check = dockCheck({
      kpis: {
        inboundTrailersPerHour: est(result.kpis.inboundTrailersPerHour),
        yardWaitS: est(result.kpis.yardWaitS),
        inboundDoorTimeS: est(result.kpis.inboundDoorTimeS),
        trailerTurnaroundS: est(result.kpis.trailerTurnaroundS),
      },
      layout: { docks: [{ id: "IN", kind: "inbound", x: 0, y: 0 }] } as never,
    });
    expect(check.status).not.toBe("not available");
    expect(check.simulated).toBeCloseTo(195, 9);
    // M/M/1 with λ = 1/12 per hour and 1/μ = 390 s: Wq = ρ / (μ − λ).
    const lambda = 2 / 24 / 3600;
    const mu = 1 / 390;
    expect(check.analytic).toBeCloseTo(lambda / mu / (mu - lambda), 6);
    expect(check.note).toContain("390");
  });
});
