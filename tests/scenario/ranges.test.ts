/**
 * Every number a scenario holds has a range a real warehouse can have: the values that used
 * to validate and then make `run` loop for ever are refused with the field and its range,
 * and the JSON Schema (and so the docs) states a lower and an upper bound for every number.
 */
import { describe, expect, it } from "vitest";
import { formatIssue, InputError } from "../../src/common/inputError.ts";
import { loadScenario, scenarioJsonSchema } from "../../src/scenario/index.ts";

const base = `name: r
layout:
  generator: traditional
  name: t
  aisles: 4
  baysPerAisle: 6
`;

function problems(text: string): string[] {
  try {
    loadScenario(text, "s.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map(formatIssue);
  }
  return [];
}

describe("scenario ranges", () => {
  it.each([
    ["sampleIntervalS: 5e-324", "s.yaml: sampleIntervalS: 5e-324 (a number >= 1)"],
    ["outbound: { ordersPerDay: 1e9 }", "outbound.ordersPerDay: 1000000000 (a number <= 1000000)"],
    [
      "outbound: { linesPerOrder: { dist: constant, value: 1e12 } }",
      "outbound.linesPerOrder.value: 1000000000000 (a number <= 1000)",
    ],
    [
      "outbound: { unitsPerLine: { dist: constant, value: 1e15 } }",
      "outbound.unitsPerLine.value: 1000000000000000 (a number <= 10000)",
    ],
    [
      "outbound: { linesPerOrder: { dist: geometric, p: 1e-300 } }",
      "outbound.linesPerOrder.p: 1e-300 (a number >= 0.001)",
    ],
    [
      "workforce: { roles: { picker: { crews: [{ shift: day, headcount: 1000000 }] } } }",
      "workforce.roles.picker.crews[0].headcount: 1000000 (a number <= 1000)",
    ],
    [
      "operations: { productionSupply: { lines: [{ name: l, intervalS: 1e-9 }] } }",
      "operations.productionSupply.lines[0].intervalS: 1e-9 (a number >= 1)",
    ],
    [
      "skus: { unitCubeM3: { dist: constant, value: 1e-12 } }",
      "skus.unitCubeM3.value: 1e-12 (a number >= 0.000001)",
    ],
    [
      "outbound: { unitsPerLine: { dist: gamma, shape: 1000, scale: 1000 } }",
      "outbound.unitsPerLine.scale: 1000 (shape × scale (the mean) at most 10000)",
    ],
  ])("refuses %s", (yaml, message) => {
    const found = problems(`${base}${yaml}\n`);
    expect(found.some((line) => line.endsWith(message))).toBe(true);
  });

  it("accepts the bounds themselves", () => {
    expect(
      problems(
        `${base}sampleIntervalS: 1\noutbound: { ordersPerDay: 1000000, linesPerOrder: { dist: geometric, p: 0.001 } }\n`,
      ),
    ).toEqual([]);
  });

  it("the JSON Schema bounds every number below and above", () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n.type === "number" || n.type === "integer") {
        const low = n.minimum !== undefined || n.exclusiveMinimum !== undefined;
        // An integer's implicit bound is Number.MAX_SAFE_INTEGER; only the seed may use it.
        const max = (n.maximum ?? n.exclusiveMaximum) as number | undefined;
        const high = max !== undefined && (max < 1e15 || path === ".properties.seed");
        if (!low || !high) unbounded.push(path);
      }
      for (const [key, child] of Object.entries(n)) {
        if (!Array.isArray(child)) walk(child, `${path}.${key}`);
        else {
          for (const [i, c] of child.entries()) walk(c, `${path}.${key}[${i}]`);
        }
      }
    };
    walk(scenarioJsonSchema(), "");
    expect(unbounded).toEqual([]);
  });
});
