/**
 * estimateRunSize(): orders, lines and events of one replication from the scenario alone,
 * close to what a run counts, and the limits that keep a run from taking days.
 */
import { describe, expect, it } from "vitest";
import {
  estimateRunSize,
  loadScenario,
  RUN_SIZE_LIMITS,
  roughMean,
  runSizeIssues,
} from "../../src/scenario/index.ts";
import { runReplications } from "../../src/warehouse/index.ts";

const small = `name: small
horizonDays: 2
warmupDays: 0
layout: { generator: traditional, name: s, aisles: 4, baysPerAisle: 6, levels: 3, packStations: 2 }
skus: { count: 80 }
outbound:
  ordersPerDay: 150
  hourlyPattern: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]
  weeklyPattern: [1,1,1,1,1,1,1]
`;

describe("estimateRunSize()", () => {
  it("roughMean() gives each distribution's mean", () => {
    expect(roughMean({ dist: "constant", value: 3 })).toBe(3);
    expect(roughMean({ dist: "geometric", p: 0.4 })).toBe(2.5);
    expect(roughMean({ dist: "uniform", min: 1, max: 5 })).toBe(3);
    expect(roughMean({ dist: "gamma", shape: 2, scale: 3 })).toBe(6);
    expect(roughMean({ dist: "triangular", min: 0, mode: 3, max: 6 })).toBe(3);
    expect(roughMean({ dist: "empirical", values: [1, 3], weights: [3, 1] })).toBe(1.5);
  });

  it("is within a factor 2 of the orders, lines and events a run counts", () => {
    const scenario = loadScenario(small, "s.yaml");
    const size = estimateRunSize(scenario);
    const [result] = runReplications(scenario, { seed: 1, replications: 1 });
    const counted = {
      orders: result.kpis.ordersCreated,
      lines: result.counts.linesPicked,
      events: result.counts.events,
    };
    for (const measure of ["orders", "lines", "events"] as const) {
      const ratio = size[measure] / counted[measure];
      expect(
        ratio,
        `${measure}: estimated ${size[measure]}, counted ${counted[measure]}`,
      ).toBeGreaterThan(0.5);
      expect(ratio, measure).toBeLessThan(2);
    }
  });

  it("adds given orders and line-feeding orders", () => {
    const scenario = loadScenario(
      `${small}  orderList: [{ timeS: 0, lines: [{ sku: 1, qty: 1 }, { sku: 2, qty: 1 }] }]
operations:
  productionSupply:
    lines: [{ name: l, intervalS: 600, start: "06:00", end: "22:00", days: [mon, tue, wed, thu, fri, sat, sun], linesPerOrder: { dist: constant, value: 2 } }]
`,
      "s.yaml",
    );
    const size = estimateRunSize(scenario);
    // 150 × 2 random orders, 1 given, 16 h / 10 min × 2 days = 192 line-feeding orders.
    expect(size.orders).toBeCloseTo(300 + 1 + 192, 6);
    expect(size.lines).toBeCloseTo(300 * 2.5 + 2 + 192 * 2, 6);
  });

  it("every bundled-size scenario fits; a million orders a day for 400 days does not", () => {
    expect(runSizeIssues(loadScenario(small, "s.yaml"), "s.yaml")).toEqual([]);
    const huge = loadScenario(
      small
        .replace("horizonDays: 2", "horizonDays: 400")
        .replace("ordersPerDay: 150", "ordersPerDay: 1000000"),
      "s.yaml",
    );
    // Events: 6 a line, plus 400 days of samples every 900 s (38,400).
    const issues = runSizeIssues(huge, "s.yaml");
    expect(issues.map((i) => i.value)).toEqual([
      "about 400000000 orders per replication",
      "about 1000000000 lines per replication",
      "about 6000038400 events per replication",
    ]);
    expect(issues[0].expected).toBe(
      `at most ${RUN_SIZE_LIMITS.orders}; make the scenario smaller, or pass --force to run it anyway`,
    );
  });
});
