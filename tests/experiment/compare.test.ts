import { describe, expect, it } from "vitest";
import { compareOutcomes, verdictOf } from "../../src/experiment/compare.ts";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { kpiDirection } from "../../src/experiment/kpiDirection.ts";
import { mmcWaitS, type QueueScenario, runQueueModel } from "../../src/experiment/queueModel.ts";
import { runExperiment } from "../../src/experiment/runExperiment.ts";

const busy: QueueScenario = {
  arrivalRatePerS: 1.8,
  serviceMeanS: 1,
  servers: 2,
  horizonS: 3000,
  warmupS: 300,
};

async function compare(a: QueueScenario, b: QueueScenario, replications = 5) {
  const executor = createInProcessExecutor(runQueueModel);
  const result = await runExperiment(
    executor,
    [
      { id: "a", scenario: a },
      { id: "b", scenario: b },
    ],
    { seed: 42, replications },
  );
  return compareOutcomes(result.outcomes, ["a", "b"]);
}

describe("compareOutcomes()", () => {
  it("compareOutcomes() of two identical scenarios gives differences of exactly zero", async () => {
    const c = await compare(busy, { ...busy });
    expect(Object.keys(c.kpis).length).toBeGreaterThan(3);
    for (const kpi of Object.values(c.kpis)) {
      const d = kpi.differences.b;
      expect(d.n).toBe(5);
      expect(d.mean).toBe(0);
      expect(d.ci95).toBe(0);
      expect(d.verdict).toBe("no significant difference");
    }
    expect(c.breakdownDifference.b.order).toEqual({ service: 0, wait: 0 });
  });

  it("compareOutcomes() finds a third server better at high load, with a CI excluding zero", async () => {
    const c = await compare(busy, { ...busy, servers: 3 });
    const wait = c.kpis.waitS;
    expect(wait.direction).toBe("lower");
    expect(wait.differences.b.high).toBeLessThan(0);
    expect(wait.differences.b.verdict).toBe("better");
    // Theory: Wq falls from 4.26 s (c=2, ρ=0.9) to 0.35 s (c=3, ρ=0.6).
    expect(mmcWaitS(1.8, 1, 2)).toBeCloseTo(4.263, 3);
    expect(wait.differences.b.mean).toBeLessThan(-2);
    // Common random numbers: the same customers arrive, so throughput barely moves.
    expect(c.kpis.throughputPerHour.differences.b.verdict).not.toBe("worse");
    expect(c.kpis["utilization.server"].direction).toBe("neutral");
    expect(c.kpis["utilization.server"].differences.b.verdict).toBe("lower");
  });

  it("compareOutcomes() pairs by replication: common random numbers tighten the interval", async () => {
    const c = await compare(busy, { ...busy, serviceMeanS: 0.95 }, 8);
    const wait = c.kpis.waitS;
    const separate = Math.hypot(wait.estimates.a.ci95, wait.estimates.b.ci95);
    expect(wait.differences.b.ci95).toBeLessThan(separate * 0.75);
  });

  it("verdictOf() maps intervals and directions to verdicts", () => {
    expect(verdictOf(1, 2, "higher")).toBe("better");
    expect(verdictOf(1, 2, "lower")).toBe("worse");
    expect(verdictOf(-2, -1, "lower")).toBe("better");
    expect(verdictOf(-2, 1, "lower")).toBe("no significant difference");
    expect(verdictOf(0, 0, "higher")).toBe("no significant difference");
    expect(verdictOf(1, 2, "neutral")).toBe("higher");
  });

  it("kpiDirection() knows the summary KPIs", () => {
    expect(kpiDirection("throughputOrdersPerHour")).toBe("higher");
    expect(kpiDirection("ordersShipped")).toBe("higher");
    expect(kpiDirection("onTimeShipRate")).toBe("higher");
    expect(kpiDirection("fillRateLines")).toBe("higher");
    expect(kpiDirection("inventoryRecordAccuracy")).toBe("higher");
    expect(kpiDirection("orderCycleTimeS")).toBe("lower");
    expect(kpiDirection("dockToStockS")).toBe("lower");
    expect(kpiDirection("pickTravelMPerLine")).toBe("lower");
    expect(kpiDirection("congestionWaitS")).toBe("lower");
    expect(kpiDirection("costPerOrder")).toBe("lower");
    expect(kpiDirection("costPerHour")).toBe("lower");
    expect(kpiDirection("utilization.picker")).toBe("neutral");
    expect(kpiDirection("backlogAtEndOrders")).toBe("lower");
    expect(kpiDirection("demandOrdersPerHour")).toBe("neutral");
  });
});
