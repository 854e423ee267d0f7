import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/inputError.ts";
import {
  parseDemand,
  parseDurationS,
  parseLeadTime,
  parsePolicy,
  policyOptionsFromDocument,
} from "../../src/inventory/policySpec.ts";

const at = { file: "--x", path: "" };

function issuesOf(fn: () => unknown): { path: string; value: unknown }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError)
      return error.issues.map((i) => ({ path: i.path, value: i.value }));
    throw error;
  }
  throw new Error("expected InputError");
}

describe("policy specs", () => {
  it("parseDurationS() reads s, min, h, d, w and bare days", () => {
    expect(parseDurationS("90s")).toBe(90);
    expect(parseDurationS("30min")).toBe(1800);
    expect(parseDurationS("36h")).toBe(129_600);
    expect(parseDurationS("5d")).toBe(432_000);
    expect(parseDurationS("2w")).toBe(1_209_600);
    expect(parseDurationS("1.5")).toBe(129_600);
    expect(parseDurationS("5x")).toBeNaN();
  });

  it("parseDemand() reads poisson per day or week, normal (sd scaled by √) and empirical", () => {
    expect(parseDemand("poisson:2/day", at)).toEqual({ kind: "poisson", ratePerDay: 2 });
    expect(parseDemand("poisson:14/week", at)).toEqual({ kind: "poisson", ratePerDay: 2 });
    expect(parseDemand("normal:20,5/day", at)).toEqual({
      kind: "normal",
      meanPerDay: 20,
      sdPerDay: 5,
    });
    const weekly = parseDemand("normal:140,7/week", at) as { meanPerDay: number; sdPerDay: number };
    expect(weekly.meanPerDay).toBeCloseTo(20, 12);
    expect(weekly.sdPerDay).toBeCloseTo(7 / Math.sqrt(7), 12);
    expect(parseDemand("empirical:0,3,1", at)).toEqual({
      kind: "empirical",
      valuesPerDay: [0, 3, 1],
    });
    expect(issuesOf(() => parseDemand("poisson:2/dy", at))).toEqual([
      { path: "", value: "poisson:2/dy" },
    ]);
    expect(issuesOf(() => parseDemand("gauss:2", at))).toHaveLength(1);
  });

  it("parseLeadTime() reads a fixed duration or a distribution of durations", () => {
    expect(parseLeadTime("5d", at)).toBe(432_000);
    expect(parseLeadTime("uniform:3d,7d", at)).toEqual({
      dist: "uniform",
      min: 259_200,
      max: 604_800,
    });
    expect(parseLeadTime("exponential:12h", at)).toEqual({ dist: "exponential", mean: 43_200 });
    expect(parseLeadTime("normal:5d,1d", at)).toEqual({
      dist: "normal",
      mean: 432_000,
      sd: 86_400,
      min: 0,
    });
    expect(issuesOf(() => parseLeadTime("uniform:3d", at))).toHaveLength(1);
  });

  it("parsePolicy() reads sQ, sS, RS (with a duration) and minMax", () => {
    expect(parsePolicy("sQ:12,20", at)).toEqual({ kind: "sQ", s: 12, Q: 20 });
    expect(parsePolicy("sS:5,40", at)).toEqual({ kind: "sS", s: 5, S: 40 });
    expect(parsePolicy("RS:7d,80", at)).toEqual({ kind: "RS", reviewPeriodS: 604_800, S: 80 });
    expect(parsePolicy("minMax:10,50,6", at)).toEqual({
      kind: "minMax",
      min: 10,
      max: 50,
      orderMultiple: 6,
    });
    expect(issuesOf(() => parsePolicy("sq:12,20", at))).toHaveLength(1);
    expect(issuesOf(() => parsePolicy("sQ:12", at))).toHaveLength(1);
  });

  it("policyOptionsFromDocument() converts a YAML document (numeric leadTime in days)", () => {
    const options = policyOptionsFromDocument(
      { demand: "poisson:2/day", leadTime: 5, policy: "sQ:12,20", days: 1000, seed: 3 },
      "p.yaml",
    );
    expect(options).toEqual({
      demand: { kind: "poisson", ratePerDay: 2 },
      leadTimeS: 432_000,
      policy: { kind: "sQ", s: 12, Q: 20 },
      days: 1000,
      seed: 3,
    });
  });

  it("policyOptionsFromDocument() lists every problem: bad text, bad numbers, unknown and missing keys", () => {
    const issues = issuesOf(() =>
      policyOptionsFromDocument(
        { demand: "poisson:x", policy: { kind: "sS", s: 10, S: 5 }, days: -1, replicatons: 3 },
        "p.yaml",
      ),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(
      ["days", "demand", "leadTime", "policy.S", "replicatons"].sort(),
    );
  });
});
