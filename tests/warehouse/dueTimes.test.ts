/** Due times: every task queue's one priority unit (simulated seconds, earliest first). */
import { describe, expect, it } from "vitest";
import {
  countDueS,
  putawayDueS,
  receiveDueS,
  replenishDueS,
} from "../../src/warehouse/workforce/dueTimes.ts";
import type { Pallet, SkuState, World } from "../../src/warehouse/world.ts";

const taskDue = { unloadS: 3600, putawayS: 14_400, countS: 86_400, returnS: 86_400 };
const world = {
  sim: { now: 1000 },
  scenario: { workforce: { taskDue } },
} as unknown as World;

function sku(fields: Partial<SkuState>): SkuState {
  return {
    waiting: [],
    faceUnits: 0,
    faceIncoming: 0,
    faceAllocated: 0,
    dailyUnits: 0,
    ...fields,
  } as SkuState;
}

describe("due times", () => {
  it("a replenishment for waiting orders is due at the earliest of their due times", () => {
    const waiting = [{ dueS: 9000 }, { dueS: 5000 }] as SkuState["waiting"];
    expect(replenishDueS(world, sku({ waiting }))).toBe(5000);
  });

  it("a min/max replenishment is due when the face's free units run out at mean demand", () => {
    // 50 free units at 100 a day last half a day.
    const s = sku({ faceUnits: 60, faceAllocated: 10, dailyUnits: 100 });
    expect(replenishDueS(world, s)).toBe(1000 + 43_200);
  });

  it("putaway is due its allowance after the pallet arrived; unloading after docking", () => {
    expect(putawayDueS(world, { arrivedS: 200 } as Pallet)).toBe(200 + 14_400);
    expect(receiveDueS(world)).toBe(1000 + 3600);
  });

  it("a full inventory count is due now, an opportunity count before a cycle count", () => {
    expect(countDueS(world, "full")).toBe(1000);
    expect(countDueS(world, "opportunity")).toBe(1000 + 3600);
    expect(countDueS(world, "abc")).toBe(1000 + 86_400);
  });
});
