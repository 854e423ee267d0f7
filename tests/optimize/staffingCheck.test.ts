import { describe, expect, it } from "vitest";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import type { ReplicationOutcome } from "../../src/experiment/types.ts";
import { runWarehouse } from "../../src/experiment/warehouseRunner.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { planStaffing } from "../../src/optimize/staffing.ts";
import {
  applyStaffing,
  checkStaffing,
  shiftHours,
  staffingProblemFromRun,
} from "../../src/optimize/staffingCheck.ts";
import { checkScenario } from "../../src/scenario/index.ts";

const tiny = readScenarioFile(
  new URL("../experiment/fixtures/tiny-4-pickers.yaml", import.meta.url).pathname,
);
const outcome = (kpis: Record<string, number>): ReplicationOutcome => ({
  key: "k",
  candidate: "c",
  replication: 0,
  kpis,
  breakdown: { order: {}, worker: {} },
});

describe("staffing from the warehouse model", () => {
  it("shiftHours() counts hours covered for at least half an hour, across midnight too", () => {
    expect(shiftHours({ start: "06:00", end: "14:30" })).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(shiftHours({ start: "06:00", end: "14:29" })).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(shiftHours({ start: "22:00", end: "06:00" })).toEqual([0, 1, 2, 3, 4, 5, 22, 23]);
  });

  it("staffingProblemFromRun() spreads busy hours by the order pattern (hand-computed)", () => {
    // Four pickers on a 00:00–23:59 shift (24 h each) busy half the time: 48 busy hours a
    // day. Default intake weights sum to 28; hour 8 has weight 3 → 48·3/28 h = 18514 s,
    // ⌈18514 / (3600·0.85)⌉ = 7 pickers; hour 6 (weight 1) → ⌈6171 / 3060⌉ = 3; hour 0 → 0.
    const problem = staffingProblemFromRun(tiny, [outcome({ "utilization.picker": 0.5 })]);
    expect(tiny.workforce.roles.picker.crews).toEqual([{ shift: "day", headcount: 4 }]);
    expect(problem.need.picker.h08).toBe(7);
    expect(problem.need.picker.h06).toBe(3);
    expect(problem.need.picker.h00).toBe(0);
    expect(problem.shifts).toEqual([
      { id: "day", covers: problem.periods, costPerWorker: (1439 / 60) * 25 },
    ]);
  });

  it("applyStaffing() writes the plan's crews and the scenario stays valid", () => {
    const plan = planStaffing(
      staffingProblemFromRun(tiny, [
        outcome({ "utilization.picker": 0.5, "utilization.packer": 0.4 }),
      ]),
    );
    expect(plan.status).toBe("optimal");
    const staffed = applyStaffing(tiny, plan);
    expect(staffed.workforce.roles.picker.crews).toEqual([
      { shift: "day", headcount: plan.headcount.picker.day },
    ]);
    expect(tiny.workforce.roles.picker.crews[0].headcount).toBe(4);
    expect(() => checkScenario(staffed)).not.toThrow();
  });

  it("checkStaffing() runs the staffed plan and compares the means with the targets", async () => {
    const executor = createInProcessExecutor(runWarehouse);
    const baseline = await executor.run(
      [0, 1].map((replication) => ({
        key: `b${replication}`,
        candidate: "base",
        scenario: tiny as never,
        replication,
        seed: 2,
      })),
    );
    const plan = planStaffing(staffingProblemFromRun(tiny, baseline));
    const staffed = applyStaffing(tiny, plan);
    const check = await checkStaffing(
      executor,
      staffed,
      { onTimeShipRate: { min: 0 }, orderCycleTimeS: { max: 1 } },
      { seed: 2, replications: 2 },
    );
    expect(check.outcomes).toHaveLength(2);
    expect(check.targets.onTimeShipRate.ok).toBe(true);
    // No warehouse ships an order in one second: that target fails, so the plan fails.
    expect(check.targets.orderCycleTimeS.ok).toBe(false);
    expect(check.status).toBe("fails");
  });
});
