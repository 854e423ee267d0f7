import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  crossChecks,
  littleCheck,
  packCheck,
  pickBlock,
  routingCheck,
  staffedHoursPerWeek,
} from "../../src/report/crossChecks.ts";
import { sShapeTourM } from "../../src/report/routingEstimate.ts";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/report/run/${name}`, import.meta.url), "utf8"));
const summary = fixture("summary.json");
const scenario = fixture("scenario.json");
const layout = fixture("layout.json");
const input = { kpis: summary.kpis, breakdown: summary.breakdown, scenario, layout };

describe("cross-checks", () => {
  it("littleCheck() agrees when WIP = λW (16.6 orders/h × 7200 s = 33.2 orders)", () => {
    const c = littleCheck(input);
    expect(c.analytic).toBeCloseTo(33.2, 10);
    expect(c.simulated).toBeCloseTo(33.2, 10);
    expect(c.status).toBe("agrees");
  });

  it("littleCheck() flags a WIP 30 % off λW", () => {
    const kpis = { ...summary.kpis, wipOrders: { mean: 43.2, ci95: 0.5, n: 5 } };
    expect(littleCheck({ ...input, kpis }).status).toBe("disagrees");
  });

  it("littleCheck() is not available without a WIP figure", () => {
    const { wipOrders: _, ...kpis } = summary.kpis;
    expect(littleCheck({ ...input, kpis }).status).toBe("not available");
  });

  it("staffedHoursPerWeek() of day 06:00–14:30 and late 14:00–22:30, mon–fri, is 82.5 h", () => {
    expect(staffedHoursPerWeek(scenario, "packer")).toBe(82.5);
  });

  it("packCheck() is Erlang C with c = 2, λ = 16.6·168/82.5 per h, 1/μ = 120 s", () => {
    // Hand calculation: λ = 0.0093899/s, a = 1.12679, ρ = 0.563394,
    // P0 = 1/(1 + a + a²/(2(1−ρ))) = 0.27927, P_W = 0.40606, Lq = 0.52398, Wq = 55.80 s.
    const c = packCheck(input);
    expect(c.analytic).toBeCloseTo(55.8, 1);
    expect(c.simulated).toBe(70);
    expect(c.status).toBe("agrees");
  });

  it("routingCheck() uses the layout's pick grid and m = 1/p = 2.5 lines per order", () => {
    const block = pickBlock(layout)!;
    expect(block.aisles).toBe(6);
    const c = routingCheck(input);
    expect(c.analytic).toBeCloseTo(sShapeTourM(block, 2.5) / 2.5, 10);
    expect(c.simulated).toBe(42);
  });

  it("crossChecks() flags the dock doors: timetable trailers wait far longer than Erlang C says", () => {
    const dock = crossChecks(input).find((c) => c.name.includes("dock"))!;
    expect(dock.status).toBe("disagrees");
    expect(dock.note).toMatch(/timetable/);
  });
});
