import { describe, expect, it } from "vitest";
import {
  abcCountSchedule,
  countsPerYearByClass,
  fullPhysicalInventory,
  opportunityCount,
  YEAR_S,
} from "../../src/inventory/cycleCount.ts";

describe("cycle counting", () => {
  const items = [
    { id: "a1", velocityClass: "A" },
    { id: "a2", velocityClass: "A" },
    { id: "b1", velocityClass: "B" },
    { id: "c1", velocityClass: "C" },
  ];

  it("abcCountSchedule() counts A 12×, B 4×, C 1× a year, staggered within a class", () => {
    const tasks = abcCountSchedule(items, { endS: YEAR_S });
    const per = (id: string) => tasks.filter((t) => t.id === id).length;
    expect([per("a1"), per("a2"), per("b1"), per("c1")]).toEqual([12, 12, 4, 1]);
    // a2 starts half an A interval after a1: (1/2)·(year/12).
    expect(tasks.find((t) => t.id === "a2")!.timeS).toBeCloseTo(YEAR_S / 24, 6);
    const times = tasks.map((t) => t.timeS);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(countsPerYearByClass(items)).toEqual({ A: 24, B: 4, C: 1 });
  });

  it("abcCountSchedule() over a quarter with custom frequencies", () => {
    const tasks = abcCountSchedule(items, {
      countsPerYear: { A: 52, B: 0 },
      startS: 1000,
      endS: 1000 + YEAR_S / 4,
    });
    expect(tasks.filter((t) => t.id === "a1")).toHaveLength(13);
    expect(tasks.some((t) => t.id === "b1" || t.id === "c1")).toBe(false);
    expect(tasks[0].timeS).toBe(1000);
  });

  it("opportunityCount() flags empty, low and short picks", () => {
    expect(opportunityCount({ recordUnits: 0 })).toBe("empty");
    expect(opportunityCount({ recordUnits: 3 }, { lowUnits: 3 })).toBe("low");
    expect(opportunityCount({ recordUnits: 4 }, { lowUnits: 3 })).toBeUndefined();
    expect(opportunityCount({ recordUnits: 9, pickerFoundShort: true })).toBe("short");
  });

  it("fullPhysicalInventory() counts every location at each date", () => {
    expect(fullPhysicalInventory(["L2", "L1"], [500, 100])).toEqual([
      { timeS: 100, id: "L1", reason: "full" },
      { timeS: 100, id: "L2", reason: "full" },
      { timeS: 500, id: "L1", reason: "full" },
      { timeS: 500, id: "L2", reason: "full" },
    ]);
  });
});
