import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { studentTQuantile } from "../../src/engine/index.ts";
import {
  DAY_S,
  type KpiEstimate,
  simulateInventoryPolicy,
} from "../../src/inventory/policySimulator.ts";
import { poissonPmf } from "../../src/inventory/theory/poissonSQ.ts";

const LONG = Boolean(process.env.WHSIM_LONG);

/** |mean − exact| ≤ max(relative tolerance, 3 standard errors) (REFERENCES.md). */
function expectNear(kpi: KpiEstimate, exact: number, relTol = 0.005): void {
  const se = kpi.ci95 / studentTQuantile(0.975, kpi.n - 1);
  expect(Math.abs(kpi.mean - exact)).toBeLessThanOrEqual(
    Math.max(relTol * Math.abs(exact), 3 * se),
  );
}

describe("simulateInventoryPolicy()", () => {
  it("deterministic demand of 1/day, L = 2 d, (s,Q) = (2,5): no shortage, on-hand 5,4,3,2,1 → mean 3", () => {
    const r = simulateInventoryPolicy({
      demand: { kind: "empirical", valuesPerDay: [1] },
      leadTimeS: 2 * DAY_S,
      policy: { kind: "sQ", s: 2, Q: 5 },
      days: 1000,
    });
    expect(r.kpis.fillRate.mean).toBe(1);
    expect(r.kpis.cycleServiceLevel.mean).toBe(1);
    expect(r.kpis.averageOnHand.mean).toBeCloseTo(3, 10);
    expect(r.kpis.averageBackorders.mean).toBe(0);
    expect(r.kpis.ordersPerDay.mean).toBeCloseTo(0.2, 10);
    expect(r.theoryNote).toMatch(/Poisson/);
  });

  it("deterministic demand of 1/day, L = 2 d, (s,Q) = (0,5): both lead-time demands wait", () => {
    // A receipt comes after the same day's demand. Per 5-day cycle, after each day:
    // on-hand 3, 2, 1, 0, 0 and one backorder during the last day; 3 of 5 demands filled.
    const r = simulateInventoryPolicy({
      demand: { kind: "empirical", valuesPerDay: [1] },
      leadTimeS: 2 * DAY_S,
      policy: { kind: "sQ", s: 0, Q: 5 },
      days: 1000,
    });
    expect(r.kpis.fillRate.mean).toBeCloseTo(0.6, 10);
    expect(r.kpis.cycleServiceLevel.mean).toBe(0);
    expect(r.kpis.averageOnHand.mean).toBeCloseTo(1.2, 10);
    expect(r.kpis.averageBackorders.mean).toBeCloseTo(0.2, 10);
  });

  it("Poisson 2/day, L = 5 d, (s,Q) = (12,20) with backorders matches the exact Hadley–Whitin values", () => {
    const r = simulateInventoryPolicy({
      demand: { kind: "poisson", ratePerDay: 2 },
      leadTimeS: 5 * DAY_S,
      policy: { kind: "sQ", s: 12, Q: 20 },
      days: LONG ? 400_000 : 40_000,
      seed: 11,
    });
    const k = r.kpis;
    // Theory (computed by poissonSQ, itself checked against a brute-force sum).
    expect(k.fillRate.theory).toBeCloseTo(0.97345, 4);
    expect(k.cycleServiceLevel.theory).toBeCloseTo(0.79156, 4);
    expect(k.ordersPerDay.theory).toBe(0.1);
    expectNear(k.fillRate, k.fillRate.theory!);
    expectNear(k.cycleServiceLevel, k.cycleServiceLevel.theory!);
    expectNear(k.averageOnHand, k.averageOnHand.theory!);
    expectNear(k.averageBackorders, k.averageBackorders.theory!, 0.05);
    expectNear(k.ordersPerDay, 0.1);
  });

  it("(s,S) with unit demand behaves as (s, S − s) and gets the same theory; replications give the CI", () => {
    const r = simulateInventoryPolicy({
      demand: { kind: "poisson", ratePerDay: 3 },
      leadTimeS: 2 * DAY_S,
      policy: { kind: "sS", s: 5, S: 15 },
      days: LONG ? 20_000 : 2_000,
      replications: 10,
      seed: 3,
    });
    expect(r.method).toBe("replications");
    expect(r.kpis.fillRate.n).toBe(10);
    expectNear(r.kpis.fillRate, r.kpis.fillRate.theory!);
    expectNear(r.kpis.averageOnHand, r.kpis.averageOnHand.theory!);
    expectNear(r.kpis.ordersPerDay, 3 / 10);
  });

  it("(R,S) periodic review with Poisson demand matches the exact time averages", () => {
    const r = simulateInventoryPolicy({
      demand: { kind: "poisson", ratePerDay: 2 },
      leadTimeS: 5 * DAY_S,
      policy: { kind: "RS", reviewPeriodS: 7 * DAY_S, S: 30 },
      days: LONG ? 400_000 : 40_000,
      seed: 5,
    });
    expectNear(r.kpis.fillRate, r.kpis.fillRate.theory!);
    expectNear(r.kpis.averageOnHand, r.kpis.averageOnHand.theory!);
    expectNear(r.kpis.ordersPerDay, (1 - Math.exp(-14)) / 7);
    expect(r.kpis.cycleServiceLevel.theory).toBeUndefined();
  });

  it("lost sales, base stock S = 5, exponential lead times: stockout share = Erlang B(5, λE[L]) (insensitive)", () => {
    // λ = 2/day, E[L] = 2 days: a = 4; B(5, 4) = (4⁵/5!) / Σ_{k≤5} 4^k/k!.
    const a = 4;
    let sum = 0;
    let term = 1;
    for (let k = 0; k <= 5; k++) {
      if (k > 0) term *= a / k;
      sum += term;
    }
    const erlangB = term / sum;
    expect(erlangB).toBeCloseTo(0.19907, 4);
    const r = simulateInventoryPolicy({
      demand: { kind: "poisson", ratePerDay: 2 },
      leadTimeS: { dist: "exponential", mean: 2 * DAY_S },
      policy: { kind: "sS", s: 4, S: 5 },
      shortage: "lostSales",
      days: LONG ? 200_000 : 20_000,
      seed: 2,
    });
    expectNear(r.kpis.lostSalesRate, erlangB, 0.01);
    expect(r.kpis.fillRate.mean + r.kpis.lostSalesRate.mean).toBeCloseTo(1, 12);
    expect(r.kpis.averageBackorders.mean).toBe(0);
    // On hand = S − busy servers: 5 − a(1 − B).
    expectNear(r.kpis.averageOnHand, 5 - a * (1 - erlangB), 0.01);
    expect(r.theoryNote).toMatch(/fixed lead time/);
  });

  it("backorders, base stock S = 6, random lead times: on-hand = E[(S − D)⁺], D ~ Poisson(λE[L]) (Palm)", () => {
    const m = 2 * 1.5;
    const pmf = poissonPmf(m, 6);
    const onHand = pmf.reduce((acc, p, d) => acc + (6 - d) * p, 0);
    const r = simulateInventoryPolicy({
      demand: { kind: "poisson", ratePerDay: 2 },
      leadTimeS: { dist: "uniform", min: 0.5 * DAY_S, max: 2.5 * DAY_S },
      policy: { kind: "sS", s: 5, S: 6 },
      days: LONG ? 200_000 : 20_000,
      seed: 4,
    });
    expectNear(r.kpis.averageOnHand, onHand, 0.01);
  });

  it("normal daily demand: net inventory ≈ s + Q/2 − μL, less the undershoot of daily lumps", () => {
    const r = simulateInventoryPolicy({
      demand: { kind: "normal", meanPerDay: 20, sdPerDay: 5 },
      leadTimeS: 5 * DAY_S,
      policy: { kind: "sQ", s: 130, Q: 200 },
      days: 5_000,
      seed: 9,
    });
    // Net inventory averages the position (uniform over (s − undershoot, s + Q]) minus lead-time demand.
    const net = r.kpis.averageOnHand.mean - r.kpis.averageBackorders.mean;
    expect(net).toBeGreaterThan(130 + 100 - 100 - 20);
    expect(net).toBeLessThan(130 + 100 - 100 + 1);
    expect(r.kpis.fillRate.mean).toBeGreaterThan(0.99);
  });

  it("normal daily demand shows the REFERENCES normal approximation beside the simulated values", () => {
    // μ = 20/day, σ = 20/√5 per day, L = 5 d: μL = 100, σL = 20; s = 130, Q = 200.
    const r = simulateInventoryPolicy({
      demand: { kind: "normal", meanPerDay: 20, sdPerDay: 20 / Math.sqrt(5) },
      leadTimeS: 5 * DAY_S,
      policy: { kind: "sQ", s: 130, Q: 200 },
      days: 20_000,
      seed: 1,
    });
    expect(r.kpis.cycleServiceLevel.approx).toBeCloseTo(0.93319, 5);
    expect(r.kpis.fillRate.approx).toBeCloseTo(0.99707, 5);
    expect(r.kpis.cycleServiceLevel.theory).toBeUndefined();
    // Daily lumps undershoot s by about E[D²]/(2E[D]) = 12 units, so the simulated policy
    // protects less than the approximation promises.
    expect(r.kpis.cycleServiceLevel.mean + r.kpis.cycleServiceLevel.ci95).toBeLessThan(0.93319);
  });

  it("the same seed gives the same result; another seed a different one", () => {
    const run = (seed: number) =>
      simulateInventoryPolicy({
        demand: { kind: "poisson", ratePerDay: 2 },
        leadTimeS: 5 * DAY_S,
        policy: { kind: "sQ", s: 12, Q: 20 },
        days: 500,
        seed,
      });
    expect(JSON.stringify(run(1))).toBe(JSON.stringify(run(1)));
    expect(run(2).kpis.averageOnHand.mean).not.toBe(run(1).kpis.averageOnHand.mean);
  });

  it("bad options are refused together, each naming its field and value", () => {
    try {
      simulateInventoryPolicy({
        demand: { kind: "poisson", ratePerDay: -2 },
        leadTimeS: 5 * DAY_S,
        policy: { kind: "sQ", s: 12, Q: 0 },
        days: 0,
      });
      throw new Error("expected InputError");
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      const paths = (error as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(["demand.ratePerDay", "policy.Q", "days"]);
    }
  });
});
