import { describe, expect, it } from "vitest";
import { runMm1 } from "../../src/distributed/mm1Job.ts";

describe("runMm1()", () => {
  it("runMm1() gives the M/M/1 mean wait Wq = ρ/(μ − λ) and utilisation ρ within 5 %", () => {
    // λ = 0.5, μ = 1: ρ = 0.5, Wq = 0.5 / 0.5 = 1 s, W = Wq + 1/μ = 2 s.
    const r = runMm1(
      { arrivalRatePerS: 0.5, serviceRatePerS: 1, customers: 1_000_000 },
      { seed: 1, replication: 0 },
    );
    expect(r.kpis.meanWaitS).toBeGreaterThan(0.95);
    expect(r.kpis.meanWaitS).toBeLessThan(1.05);
    expect(r.kpis.meanSystemS).toBeGreaterThan(1.95);
    expect(r.kpis.meanSystemS).toBeLessThan(2.05);
    expect(Math.abs(r.kpis.utilization - 0.5)).toBeLessThan(0.025);
  });

  it("runMm1() is the same for the same seed and replication, and differs across replications", () => {
    const s = { arrivalRatePerS: 0.8, serviceRatePerS: 1, customers: 10_000 };
    const a = runMm1(s, { seed: 7, replication: 2 });
    expect(runMm1(s, { seed: 7, replication: 2 })).toEqual(a);
    expect(runMm1(s, { seed: 7, replication: 3 }).kpis.meanWaitS).not.toBe(a.kpis.meanWaitS);
  });

  it("runMm1() with a faster server on the same streams never waits longer (common random numbers)", () => {
    // Same arrivals and the same uniform draws for service: every service time shrinks,
    // so by Lindley's recursion every wait does too.
    const slow = runMm1(
      { arrivalRatePerS: 0.8, serviceRatePerS: 1, customers: 50_000 },
      { seed: 3, replication: 0 },
    );
    const fast = runMm1(
      { arrivalRatePerS: 0.8, serviceRatePerS: 1.25, customers: 50_000 },
      { seed: 3, replication: 0 },
    );
    expect(fast.kpis.meanWaitS).toBeLessThan(slow.kpis.meanWaitS);
  });
});
