import { describe, expect, it } from "vitest";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { mmcWaitS, type QueueScenario, runQueueModel } from "../../src/experiment/queueModel.ts";
import type { RunnerResult } from "../../src/experiment/types.ts";
import { kimNelson, knHSquared } from "../../src/optimize/kimNelson.ts";
import { lossOf, objectiveFor } from "../../src/optimize/objective.ts";
import { race } from "../../src/optimize/race.ts";
import { selectBest } from "../../src/optimize/selectBest.ts";

/** Staffing a queue: 20 per server-hour plus 0.02 per second a customer waits. */
function costly(
  scenario: QueueScenario,
  options: { seed: number; replication: number },
): RunnerResult {
  const r = runQueueModel(scenario, options);
  const waitCostPerHour = scenario.arrivalRatePerS * 3600 * r.kpis.waitS * 0.02;
  return { ...r, kpis: { ...r.kpis, costPerHour: scenario.servers * 20 + waitCostPerHour } };
}

const theoryCost = (c: number) => c * 20 + 2.5 * 3600 * mmcWaitS(2.5, 1, c) * 0.02;
const candidates = [3, 4, 5, 6, 7, 8].map((servers) => ({
  id: `c${servers}`,
  scenario: { arrivalRatePerS: 2.5, serviceMeanS: 1, servers, horizonS: 3000, warmupS: 300 },
}));

describe("selectBest()", () => {
  it("selectBest() finds the least-cost number of servers known from Erlang C", async () => {
    // Theory: 312.8, 118.4, 109.4, 122.4, 140.6, 160.2 → five servers is best by 9.
    const costs = [3, 4, 5, 6, 7, 8].map(theoryCost);
    expect(costs.indexOf(Math.min(...costs))).toBe(2);
    const result = await selectBest(createInProcessExecutor(costly), candidates, {
      objective: objectiveFor("costPerHour"),
      seed: 5,
      indifferenceZone: { absolute: 3 },
    });
    expect(result.status).toBe("optimal");
    expect(result.winner).toBe("c5");
    expect(result.ranking[0]).toMatchObject({ id: "c5", rank: 1, reached: "winner" });
    expect(result.ranking.at(-1)?.id).toBe("c3"); // the worst goes out in the first round
    // Every other candidate costs more than the winner (difference interval above zero).
    for (const row of result.ranking.slice(1)) expect(row.versusWinner!.mean).toBeGreaterThan(0);
    expect(result.why.join(" ")).toMatch(/Kim–Nelson selected c5/);
    expect(result.comparison?.baseline).toBe("c5");
  });

  it("selectBest() with no candidate is infeasible, and a tiny budget times out", async () => {
    const executor = createInProcessExecutor(costly);
    const none = await selectBest(executor, [], {
      objective: objectiveFor("costPerHour"),
      seed: 1,
    });
    expect(none.status).toBe("infeasible");
    const tight = await selectBest(executor, candidates, {
      objective: objectiveFor("costPerHour"),
      seed: 1,
      budget: 20,
    });
    expect(tight.status).toBe("timedout");
    expect(tight.evaluations).toBeLessThanOrEqual(20);
    // The selection could not start: the race's best mean is reported.
    expect(tight.winner).toBe(tight.rounds.at(-1)?.ranking[0].id);
    const none0 = await selectBest(executor, candidates, {
      objective: objectiveFor("costPerHour"),
      seed: 1,
      budget: 5,
    });
    expect(none0.status).toBe("timedout");
    expect(none0.winner).toBeUndefined();
  });

  it("selectBest() names its steps in order: race, feasibility, selection", async () => {
    const stages: string[] = [];
    const result = await selectBest(createInProcessExecutor(costly), candidates.slice(1, 4), {
      objective: objectiveFor("costPerHour"),
      seed: 5,
      indifferenceZone: { absolute: 3 },
      targets: [{ kpi: "waitS", op: "<=", value: 2, tolerance: 0.1 }],
      onStage: (s) => stages.push(s),
    });
    expect(result.feasibility).toBeDefined();
    expect(stages).toEqual(["race", "feasibility", "selection"]);
    const none: string[] = [];
    await selectBest(createInProcessExecutor(costly), candidates.slice(1, 4), {
      objective: objectiveFor("costPerHour"),
      seed: 5,
      onStage: (s) => none.push(s),
    });
    expect(none).toEqual(["race", "selection"]);
  });

  it("race() halves the field each round on the same replications", async () => {
    const r = await race(createInProcessExecutor(costly), candidates, {
      objective: objectiveFor("costPerHour"),
      seed: 2,
      initialReplications: 2,
      eta: 2,
      finalists: 2,
    });
    expect(r.rounds.map((round) => [round.replications, round.ranking.length])).toEqual([
      [2, 6],
      [4, 3],
    ]);
    expect(r.survivors).toHaveLength(2);
    // 6×2 + 3×2 more = 18 replications instead of 6×4 = 24.
    expect(r.evaluations).toBe(18);
    expect(r.replications.c5).toBe(4);
  });

  it("kimNelson() stops at once for identical candidates and picks the first", async () => {
    const same = [
      { id: "x", scenario: candidates[2].scenario },
      { id: "y", scenario: candidates[2].scenario },
    ];
    const r = await kimNelson(createInProcessExecutor(costly), same, {
      objective: objectiveFor("costPerHour"),
      seed: 1,
      indifferenceZone: 1,
      initialReplications: 5,
    });
    expect(r.status).toBe("optimal");
    expect(r.best).toBe("x");
    expect(r.evaluations).toBe(10);
  });

  it("knHSquared() matches Kim & Nelson's constant (hand-computed)", () => {
    // k = 2, α = 0.05, n0 = 10: 0.1^(−2/9) = e^(0.51170) = 1.66810,
    // η = ½(1.66810 − 1) = 0.33405, h² = 2·η·9 = 6.0129.
    expect(knHSquared(0.05, 2, 10)).toBeCloseTo(6.0129, 3);
  });

  it("objectiveFor() takes the sense from the KPI and lossOf() negates maximised KPIs", () => {
    expect(objectiveFor("orderCycleTimeS")).toEqual({ kpi: "orderCycleTimeS", sense: "minimize" });
    expect(objectiveFor("throughputOrdersPerHour")).toEqual({
      kpi: "throughputOrdersPerHour",
      sense: "maximize",
    });
    expect(objectiveFor("utilization.picker", "maximize").sense).toBe("maximize");
    const o = {
      key: "k",
      candidate: "c",
      replication: 0,
      kpis: { a: 3 },
      breakdown: { order: {}, worker: {} },
    };
    expect(lossOf(o, { kpi: "a", sense: "minimize" })).toBe(3);
    expect(lossOf(o, { kpi: "a", sense: "maximize" })).toBe(-3);
    expect(lossOf(o, { kpi: "b", sense: "minimize" })).toBeNaN();
  });

  it("selectBest() maximising picks the largest mean (servers by utilisation, theory ρ = λ/(cμ))", async () => {
    // Utilisation falls with servers: 2.5/3 = 0.83, 2.5/4 = 0.63, 2.5/5 = 0.5 → three servers.
    const result = await selectBest(createInProcessExecutor(costly), candidates.slice(0, 3), {
      objective: objectiveFor("utilization.server", "maximize"),
      seed: 8,
      indifferenceZone: { absolute: 0.02 },
    });
    expect(result.status).toBe("optimal");
    expect(result.winner).toBe("c3");
    expect(result.ranking.map((r) => r.id)).toEqual(["c3", "c4", "c5"]);
  });
});
