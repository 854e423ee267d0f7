import { describe, expect, it } from "vitest";
import { compareAnswer } from "../../src/report/compareAnswer.ts";
import type { ComparisonFile } from "../../src/report/resultSchemas.ts";

type Verdict = "better" | "worse" | "higher" | "lower" | "no significant difference";

/** A KPI of a two-candidate comparison: A's mean, B − A with its interval, and the verdict. */
function kpi(a: number, d: number, half: number, verdict: Verdict, unit?: string) {
  const e = (mean: number) => ({ mean, ci95: half, n: 5, unit });
  return {
    direction: "neutral",
    estimates: { A: e(a), B: e(a + d) },
    differences: { B: { mean: d, ci95: half, n: 5, unit, low: d - half, high: d + half, verdict } },
  };
}

function comparison(kpis: ComparisonFile["kpis"]): ComparisonFile {
  return {
    kind: "comparison",
    version: "0.1.0",
    seed: 1,
    replications: 5,
    baseline: "A",
    candidates: ["A", "B"],
    level: 0.95,
    kpis,
    breakdown: {},
  } as unknown as ComparisonFile;
}

const input = (c: ComparisonFile) => ({
  c,
  base: { id: "A", name: "A" },
  others: [{ id: "B", name: "B" }],
  kpis: Object.keys(c.kpis),
  levelPct: "95",
});

describe("compareAnswer()", () => {
  it("compareAnswer() keeps the baseline when the candidate ships fewer orders on time", () => {
    const c = comparison({
      throughputOrdersPerHour: kpi(54.4, -2, 1, "worse"),
      onTimeShipRate: kpi(0.963, -0.363, 0.015, "worse"),
      "annualCost.total": kpi(1_183_685, 356_473, 413, "higher", "EUR"),
      "utilization.picker": kpi(0.72, -0.48, 0.01, "lower"),
    });
    const a = compareAnswer(input(c));
    expect(a.kind).toBe("Recommendation");
    expect(a.finding).toMatch(/^Keep “A”: “B” makes on-time shipping worse\./);
    // On-time in percentage points, throughput in orders/h, cost in the scenario's currency.
    expect(a.finding).toContain("on-time shipping by −36.3 pp (95 % CI −37.8 pp to −34.8 pp)");
    expect(a.finding).toMatch(/orders shipped per hour by −2 orders\/h/);
    expect(a.finding).toMatch(/annual cost by \+356,473 EUR/);
    expect(a.sure).toMatch(
      /intervals of annual cost, orders shipped per hour, on-time shipping exclude no change/,
    );
    // The risk names what choosing the candidate would cost.
    expect(a.risk).toMatch(/Choosing “B” instead would cost on-time shipping −36\.3 pp/);
  });

  it("compareAnswer() prefers a cheaper candidate whose service is no worse", () => {
    const c = comparison({
      throughputOrdersPerHour: kpi(54, 0.1, 0.5, "no significant difference"),
      onTimeShipRate: kpi(0.96, 0.002, 0.01, "no significant difference"),
      "annualCost.total": kpi(1_000_000, -40_000, 2_000, "lower", "EUR"),
    });
    const a = compareAnswer(input(c));
    expect(a.finding).toMatch(
      /^Prefer “B” to “A”\. Against “A” it changes annual cost by −40,000 EUR/,
    );
    expect(a.sure).toMatch(/Those of orders shipped per hour, on-time shipping include no change/);
  });

  it("compareAnswer() does not prefer a candidate that costs more for better service, and says so", () => {
    const c = comparison({
      onTimeShipRate: kpi(0.9, 0.05, 0.01, "better"),
      "annualCost.total": kpi(1_000_000, 50_000, 2_000, "higher", "EUR"),
    });
    const a = compareAnswer(input(c));
    expect(a.finding).toMatch(/^Keep “A”: “B” serves better \(on-time shipping\) but costs more/);
  });
});
