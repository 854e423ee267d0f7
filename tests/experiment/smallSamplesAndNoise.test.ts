import { describe, expect, it } from "vitest";
import { optimizationTable } from "../../src/cli/commands/optimize.ts";
import { compareOutcomes, verdictOf } from "../../src/experiment/compare.ts";
import { breakdownDifference } from "../../src/experiment/meanBreakdown.ts";
import { estimate, withoutNoise } from "../../src/experiment/statistics.ts";
import type { ReplicationOutcome } from "../../src/experiment/types.ts";
import type { OptimizationResult } from "../../src/optimize/layoutSearch.ts";
import { estimateSchema } from "../../src/report/resultSchemas.ts";

const noBreakdown = { order: {}, worker: {} };
function outcome(candidate: string, replication: number, kpis: Record<string, number>) {
  return { candidate, replication, kpis, breakdown: noBreakdown } as unknown as ReplicationOutcome;
}

describe("one replication has no interval", () => {
  it("estimate([x]) has a NaN half-width, written null in JSON and read back by reports", () => {
    const e = estimate([52.46]);
    expect(e).toMatchObject({ mean: 52.46, n: 1 });
    expect(e.ci95).toBeNaN();
    const json = JSON.parse(JSON.stringify(e));
    expect(json.ci95).toBeNull();
    expect(estimateSchema.parse(json).ci95).toBeNaN();
    expect(estimateSchema.parse({ mean: 1, ci95: 0.5, n: 3 }).ci95).toBe(0.5);
  });

  it("compareOutcomes() with one replication each gives no interval and no verdict", () => {
    const c = compareOutcomes(
      [outcome("a", 0, { waitS: 10 }), outcome("b", 0, { waitS: 12 })],
      ["a", "b"],
    );
    const d = c.kpis.waitS.differences.b;
    expect(d.mean).toBe(2);
    expect(d.low).toBeNaN();
    expect(d.verdict).toBe("no significant difference");
  });

  it("optimizationTable() shows `-` for the interval of a one-replication estimate", () => {
    const result = {
      status: "timedout",
      objective: { kpi: "orderCycleTimeS", sense: "minimize" },
      ranking: [
        { id: "w", rank: 1, reached: "winner", estimate: { mean: 19650, ci95: Number.NaN, n: 1 } },
        {
          id: "r",
          rank: 2,
          reached: "race round 1",
          estimate: { mean: 19691.3, ci95: Number.NaN, n: 1 },
          versusWinner: { mean: 41.3, ci95: Number.NaN, n: 1, low: Number.NaN, high: Number.NaN },
        },
      ],
      why: [],
    } as unknown as OptimizationResult;
    const text = optimizationTable(result);
    expect(text).toMatch(/19,650 ± -/);
    expect(text).toMatch(/41\.3 \[-\]/);
    expect(text).not.toMatch(/± 0/);
  });
});

describe("rounding noise", () => {
  it("withoutNoise() zeroes differences below 1e-9 of the values, keeps real small ones", () => {
    expect(withoutNoise(7.276e-12, 19650)).toBe(0);
    expect(withoutNoise(-5.4e-12, 300)).toBe(0);
    expect(withoutNoise(4e-6, 0.5)).toBe(4e-6);
    expect(withoutNoise(1e-12, 0)).toBe(1e-12);
  });

  it("verdictOf() calls an interval within noise of zero no difference", () => {
    expect(verdictOf(7e-12, 8e-12, "neutral", 19650)).toBe("no significant difference");
    expect(verdictOf(7e-12, 8e-12, "neutral")).toBe("higher");
    expect(verdictOf(0.01, 0.02, "neutral", 1)).toBe("higher");
    expect(verdictOf(Number.NaN, Number.NaN, "lower")).toBe("no significant difference");
  });

  it("compareOutcomes() of sums in another order gives exactly zero and no verdict", () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary floating point, 5.6e-17 above 0.3.
    const c = compareOutcomes(
      [
        outcome("a", 0, { u: 0.1 + 0.2 }),
        outcome("a", 1, { u: 0.7 + 0.1 }),
        outcome("b", 0, { u: 0.3 }),
        outcome("b", 1, { u: 0.8 }),
      ],
      ["a", "b"],
    );
    expect(0.1 + 0.2 - 0.3).not.toBe(0);
    const d = c.kpis.u.differences.b;
    expect(d.mean).toBe(0);
    expect(d.ci95).toBe(0);
    expect(d.verdict).toBe("no significant difference");
  });

  it("breakdownDifference() zeroes phase differences that are rounding noise", () => {
    const d = breakdownDifference(
      { order: { consolidate: 0.1 + 0.2, pick: 10 }, worker: {} },
      { order: { consolidate: 0.3, pick: 12.5 }, worker: {} },
    );
    expect(d.order).toEqual({ consolidate: 0, pick: 2.5 });
  });
});

describe("reports with one replication", () => {
  it("littleCheck() with no half-widths (n = 1) still judges by the 5 % tolerance", async () => {
    const { readFileSync } = await import("node:fs");
    const { littleCheck } = await import("../../src/report/crossChecks.ts");
    const fixture = (name: string) =>
      JSON.parse(readFileSync(new URL(`../fixtures/report/run/${name}`, import.meta.url), "utf8"));
    const summary = fixture("summary.json");
    const one = (e: { mean: number }) => ({ mean: e.mean, ci95: Number.NaN, n: 1 });
    const kpis = Object.fromEntries(
      Object.entries(summary.kpis as Record<string, { mean: number }>).map(([k, e]) => [k, one(e)]),
    );
    const input = {
      kpis,
      breakdown: summary.breakdown,
      scenario: fixture("scenario.json"),
      layout: fixture("layout.json"),
    };
    expect(littleCheck(input).status).toBe("agrees");
    const off = { ...kpis, wipOrders: one({ mean: 33.2 * 1.3 }) };
    expect(littleCheck({ ...input, kpis: off }).status).toBe("disagrees");
  });
});
