import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CrossCheck,
  crossCheckHeadline,
  crossChecks,
  isJudged,
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

  it("dockCheck() with timetable trailers says its assumptions do not hold and is not judged", () => {
    const dock = crossChecks(input).find((c) => c.name.includes("dock"))!;
    expect(dock.status).toBe("assumptions do not hold");
    expect(dock.note).toMatch(/timetable/);
    expect(isJudged(dock)).toBe(false);
  });

  it("dockCheck() with random trailer arrivals judges Erlang C", () => {
    const random = {
      ...scenario,
      inbound: {
        ...scenario.inbound,
        suppliers: scenario.inbound.suppliers.map((s: object) => ({
          ...s,
          arrivals: { mode: "random" },
        })),
      },
    };
    const dock = crossChecks({ ...input, scenario: random }).find((c) => c.name.includes("dock"))!;
    expect(isJudged(dock)).toBe(true);
  });

  it("packCheck() under batch picking says orders reach packing in batches", () => {
    const batch = {
      ...scenario,
      outbound: { ...scenario.outbound, picking: { method: "batch", batchSize: 8 } },
    };
    const c = packCheck({ ...input, scenario: batch });
    expect(c.status).toBe("assumptions do not hold");
    expect(c.note).toMatch(/batch picking/);
  });

  it("crossCheckHeadline() counts only the checks whose assumptions hold", () => {
    const text = crossCheckHeadline(crossChecks(input));
    expect(text).not.toMatch(/of 4/);
    expect(text).toMatch(
      /inbound dock doors\): the theory's assumptions do not hold|Erlang C \(inbound dock doors\)/,
    );
    expect(text).toMatch(/shown but not judged/);
  });
  it("crossCheckHeadline() names the checks that agree and flags the one that does not", () => {
    const check = (name: string, status: CrossCheck["status"]): CrossCheck => ({
      name,
      theory: "",
      quantity: "",
      unit: "s",
      analytic: 1,
      simulated: 1,
      tolerance: "",
      status,
      note: "",
    });
    const agree = [check("Little's law", "agrees"), check("Erlang C (packing)", "agrees")];
    expect(crossCheckHeadline(agree)).toBe(
      "The 2 analytic cross-checks that apply (Little's law, Erlang C (packing)) agree with the simulation within their tolerances.",
    );
    const oneOff = [agree[0], check("Erlang C (packing)", "disagrees")];
    expect(crossCheckHeadline(oneOff)).toMatch(/^1 of 2 .* flagged: Erlang C \(packing\)/);
  });
  it("packCheck() with an hourly pattern judges the wait against the mean- and peak-rate bounds", () => {
    const c = packCheck(input);
    expect(c.theory).toMatch(/peak/);
    const slow = packCheck({
      ...input,
      breakdown: { ...input.breakdown, order: { ...input.breakdown.order, waitPack: 100_000 } },
    });
    // The peak (1.5× the mean) leaves the stations stable: a wait of a day is above any bound.
    expect(c.status).toBe("agrees");
    expect(slow.status).toBe("disagrees");
  });

  it("routingCheck() with skewed SKU popularity says the uniform-pick formula does not apply", () => {
    const skewed = {
      ...scenario,
      skus: { ...scenario.skus, popularity: { topSkuShare: 0.2, lineShare: 0.8 } },
    };
    const c = routingCheck({ ...input, scenario: skewed });
    expect(c.status).toBe("assumptions do not hold");
    expect(c.note).toMatch(/80 % of lines go to 20 % of SKUs/);
  });
});
