import { describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/common/inputError.ts";
import { buildGrid, parseSetOption } from "../../src/experiment/sweep.ts";

const scenario = { outbound: { ordersPerDay: 3000 } };
/** Stands in for the scenario schema: orders per day must be a number >= 0. */
function validate(s: typeof scenario, id: string): InputIssue[] {
  const v = s.outbound.ordersPerDay;
  return typeof v === "number" && v >= 0
    ? []
    : [{ file: `--set ${id}`, path: "outbound.ordersPerDay", value: v, expected: "a number >= 0" }];
}

function issuesOf(text: string): InputIssue[] {
  try {
    buildGrid(scenario, [parseSetOption(text)], validate);
  } catch (error) {
    return [...(error as { issues: InputIssue[] }).issues];
  }
  return [];
}

describe("buildGrid() messages", () => {
  it("buildGrid() reports a bad text and a bad number of one --set together", () => {
    const issues = issuesOf("outbound.ordersPerDay=-5,abc");
    expect(issues.map((i) => i.value).sort()).toEqual([-5, "abc"]);
    const abc = issues.find((i) => i.value === "abc")!;
    expect(abc).toMatchObject({ file: "--set", path: "outbound.ordersPerDay" });
  });

  it("buildGrid() reports 1/0 once, without a NaN point or the path twice", () => {
    for (const text of ["outbound.ordersPerDay=1/0", "outbound.ordersPerDay=2000,1/0"]) {
      const issues = issuesOf(text);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        file: "--set",
        path: "outbound.ordersPerDay",
        value: "1/0",
      });
      expect(issues[0].expected).toMatch(/finite number/);
    }
  });

  it("buildGrid() refuses constructor with one issue and no NaN point", () => {
    const issues = issuesOf("outbound.ordersPerDay=constructor");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "--set", value: "constructor" });
    expect(JSON.stringify(issues)).not.toMatch(/NaN|null/);
  });

  it("buildGrid() still builds good values when nothing is wrong", () => {
    const grid = buildGrid(
      scenario,
      [parseSetOption("outbound.ordersPerDay=base*1.1,2000")],
      validate,
    );
    expect(grid.points.map((p) => p.settings["outbound.ordersPerDay"])).toEqual([3300, 2000]);
  });
});
