/**
 * Service targets as constraints: Batur & Kim's feasibility decision, the check on an
 * M/M/c queue against Erlang C, and a constrained selection in which the cheapest
 * candidate misses its on-time target and so never wins.
 */
import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/index.ts";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { mmcWaitS, type QueueScenario, runQueueModel } from "../../src/experiment/queueModel.ts";
import type { RunnerResult } from "../../src/experiment/types.ts";
import { checkFeasibility, targetDecision } from "../../src/optimize/feasibility.ts";
import { objectiveFor } from "../../src/optimize/objective.ts";
import { selectBest } from "../../src/optimize/selectBest.ts";
import { parseServiceTargets } from "../../src/optimize/serviceTargets.ts";

const onTime98 = { kpi: "onTimeShipRate", op: ">=" as const, value: 0.98, tolerance: 0.005 };

describe("targetDecision()", () => {
  it("declares a mean well inside the bound feasible and one well outside infeasible", () => {
    expect(targetDecision([0.99, 0.992, 0.991, 0.989], onTime98, 4, 10)).toBe("feasible");
    expect(targetDecision([0.95, 0.952, 0.951, 0.949], onTime98, 4, 10)).toBe("infeasible");
  });
  it("waits while the evidence is within the continuation region", () => {
    expect(targetDecision([0.975, 0.985, 0.982, 0.978], onTime98, 4, 10)).toBe("undecided");
  });
  it("fails a target whose KPI was not measured", () => {
    expect(targetDecision([0.99, Number.NaN], onTime98, 2, 10)).toBe("infeasible");
  });
});

describe("parseServiceTargets()", () => {
  it("reads `kpi >= v` and `{ kpi, min, max, tolerance }`, and reports bad text", () => {
    const issues: never[] = [];
    const t = parseServiceTargets(
      ["onTimeShipRate >= 0.98", { kpi: "backlogAtEndOrders", max: 50, tolerance: 2 }],
      "spec.yaml",
      "targets",
      issues,
    );
    expect(t).toEqual([
      { kpi: "onTimeShipRate", op: ">=", value: 0.98, tolerance: 0.0098 },
      { kpi: "backlogAtEndOrders", op: "<=", value: 50, tolerance: 2 },
    ]);
    const bad: { path: string }[] = [];
    parseServiceTargets(["onTime > 1"], "spec.yaml", "targets", bad as never[]);
    expect(bad.map((i) => i.path)).toEqual(["targets[0]"]);
  });
});

describe("checkFeasibility()", () => {
  it("classifies M/M/c queues by Erlang C against a bound on the mean wait", async () => {
    // λ = 2.5, 1/μ = 1: Wq = 0.702 (3 servers), 0.0889 (4), 0.0201 (5); bound 0.3 ± 0.05.
    expect(mmcWaitS(2.5, 1, 3)).toBeGreaterThan(0.35);
    expect(mmcWaitS(2.5, 1, 4)).toBeLessThan(0.25);
    const candidates = [3, 4, 5].map((servers) => ({
      id: `c${servers}`,
      scenario: {
        arrivalRatePerS: 2.5,
        serviceMeanS: 1,
        servers,
        horizonS: 4000,
        warmupS: 400,
      } as QueueScenario,
    }));
    const result = await checkFeasibility(createInProcessExecutor(runQueueModel), candidates, {
      targets: [{ kpi: "waitS", op: "<=", value: 0.3, tolerance: 0.05 }],
      seed: 3,
      alpha: 0.05,
    });
    expect(result.status).toBe("complete");
    expect(result.candidates.c3.verdict).toBe("infeasible");
    expect(result.candidates.c4.verdict).toBe("feasible");
    expect(result.candidates.c5.verdict).toBe("feasible");
  });
});

/** A plant: `cost` a year and an on-time rate, each with replication noise. */
interface Plant {
  cost: number;
  onTime: number;
}

function plantRunner(p: Plant, options: { seed: number; replication: number }): RunnerResult {
  const sim = new Simulation({ seed: options.seed, replication: options.replication });
  const noise = sim.random("noise");
  return {
    kpis: {
      "annualCost.total": p.cost + noise.normal(0, 20_000),
      onTimeShipRate: Math.min(1, p.onTime + noise.normal(0, 0.004)),
    },
  };
}

describe("selectBest() with service targets", () => {
  const plants = [
    { id: "cheapLate", scenario: { cost: 800_000, onTime: 0.965 } },
    { id: "nearMiss", scenario: { cost: 850_000, onTime: 0.975 } },
    { id: "good", scenario: { cost: 1_000_000, onTime: 0.99 } },
    { id: "dear", scenario: { cost: 1_200_000, onTime: 0.995 } },
  ];
  it("a candidate that misses its on-time target never wins, however cheap", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = await selectBest(createInProcessExecutor(plantRunner), plants, {
        objective: objectiveFor("annualCost.total"),
        seed,
        indifferenceZone: { absolute: 20_000 },
        race: { finalists: 2 },
        targets: [onTime98],
      });
      expect(result.winner).toBe("good");
      expect(result.status).toBe("optimal");
      // Raced last (its means miss the target) or checked and found infeasible.
      expect(result.feasibility?.cheapLate?.verdict ?? "infeasible").toBe("infeasible");
      expect(result.ranking[0].id).toBe("good");
      expect(result.why.join(" ")).toMatch(/service targets onTimeShipRate >= 0.98/);
    }
  });
  it("without the targets the cheapest wins (the constraint is what keeps it out)", async () => {
    const result = await selectBest(createInProcessExecutor(plantRunner), plants, {
      objective: objectiveFor("annualCost.total"),
      seed: 1,
      indifferenceZone: { absolute: 20_000 },
      race: { finalists: 2 },
    });
    expect(result.winner).toBe("cheapLate");
  });
  it("names no winner when no candidate meets the targets", async () => {
    const result = await selectBest(createInProcessExecutor(plantRunner), plants.slice(0, 2), {
      objective: objectiveFor("annualCost.total"),
      seed: 1,
      targets: [onTime98],
    });
    expect(result.status).toBe("infeasible");
    expect(result.winner).toBeUndefined();
  });
});
