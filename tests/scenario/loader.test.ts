/**
 * Scenario loading: defaults, every problem reported at once as file: path: value
 * (expected), unknown keys with suggestions, alias bombs and huge files refused, and the
 * committed JSON Schema up to date.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue, InputError } from "../../src/common/inputError.ts";
import {
  loadScenario,
  MAX_INPUT_CHARS,
  parseScenario,
  resolveScenario,
  scenarioJsonSchemaText,
  withReference,
} from "../../src/scenario/index.ts";

const layout = `layout:
  generator: traditional
  name: t
  aisles: 4
  baysPerAisle: 6
`;

function problems(text: string, file = "s.yaml"): string[] {
  try {
    loadScenario(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map(formatIssue);
  }
  throw new Error("expected an InputError");
}

describe("loadScenario()", () => {
  it("fills documented defaults", () => {
    const s = loadScenario(`name: x\n${layout}`, "s.yaml");
    expect(s.horizonDays).toBe(5);
    expect(s.warmupDays).toBe(1);
    expect(s.outbound.ordersPerDay).toBe(400);
    expect(s.outbound.picking).toMatchObject({ method: "single", routing: "sShape", batchSize: 6 });
    expect(s.workforce.roles.picker.crews).toEqual([
      { shift: "day", headcount: 5 },
      { shift: "late", headcount: 3 },
    ]);
    expect(s.storage.putaway).toBe("closestOpen");
    expect(s.layout).toMatchObject({ generator: "traditional", aisles: 4, levels: 4 });
  });

  it("reads JSON as well as YAML", () => {
    const s = loadScenario(
      JSON.stringify({
        name: "j",
        layout: { generator: "traditional", name: "t", aisles: 2, baysPerAisle: 3 },
      }),
      "s.json",
    );
    expect(s.name).toBe("j");
  });

  it("names an unknown key with a did-you-mean suggestion", () => {
    expect(problems(`name: x\n${layout}outbound:\n  ordrsPerDay: 10\n`)).toEqual([
      's.yaml: outbound.ordrsPerDay: 10 (unknown key; did you mean "ordersPerDay"?)',
    ]);
  });

  it("refuses an empirical distribution whose weights are all 0", () => {
    const found = problems(
      `name: x\n${layout}outbound:\n  linesPerOrder: { dist: empirical, values: [1, 2], weights: [0, 0] }\n`,
    );
    expect(found).toEqual([
      "s.yaml: outbound.linesPerOrder.weights: [0,0] (at least one weight above 0)",
    ]);
  });

  it("reports a wrong type, a negative rate and a bad enum together", () => {
    const found = problems(
      `name: x\n${layout}horizonDays: ten\noutbound:\n  ordersPerDay: -5\n  picking:\n    method: wave\n`,
    );
    expect(found).toEqual([
      's.yaml: horizonDays: "ten" (a number)',
      "s.yaml: outbound.ordersPerDay: -5 (a number >= 0)",
      's.yaml: outbound.picking.method: "wave" (one of "single", "batch", "zone")',
    ]);
  });

  it("reports a missing required value and a bad distribution", () => {
    const found = problems(`${layout}outbound:\n  linesPerOrder: { dist: expo, mean: 2 }\n`);
    expect(found).toContain("s.yaml: name: missing (a string)");
    expect(
      found.some((f) =>
        f.startsWith('s.yaml: outbound.linesPerOrder.dist: "expo" (one of "constant"'),
      ),
    ).toBe(true);
  });

  it("checks fields against each other: warm-up, shift names, equipment pools", () => {
    const found = problems(
      `name: x\n${layout}horizonDays: 2\nwarmupDays: 2\nworkforce:\n  roles:\n    picker: { crews: [{ shift: night, headcount: 2 }] }\nequipment:\n  pools: {}\n`,
    );
    expect(found).toContain("s.yaml: warmupDays: 2 (less than horizonDays (2))");
    expect(found).toContain(
      's.yaml: workforce.roles.picker.crews[0].shift: "night" (a shift in workforce.shifts (day, late))',
    );
    expect(found).toContain(
      's.yaml: equipment.tasks.pick: "cart" (a pool in equipment.pools with count >= 1, or "none")',
    );
  });

  it("reports problems of an inline layout with the layout path", () => {
    const found = problems(
      "name: x\nlayout:\n  generator: traditional\n  name: t\n  aisles: 0\n  baysPerAisle: 6\n",
    );
    expect(found.some((f) => f.startsWith("s.yaml: layout.aisles: 0"))).toBe(true);
  });

  it("refuses a YAML alias bomb without expanding it", () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]",
      "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]",
    ].join("\n");
    const found = problems(bomb);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^s\.yaml: .*alias.* \(YAML with at most \d+ alias expansions \(alias bombs are refused\)\)$/,
    );
  });

  it("refuses a text over the size cap", () => {
    const huge = `name: x\n# ${"x".repeat(MAX_INPUT_CHARS)}\n`;
    expect(problems(huge)).toEqual([
      `s.yaml: "${huge.length} characters" (a file of at most ${MAX_INPUT_CHARS} characters)`,
    ]);
  });

  it("reports YAML syntax errors with a line number", () => {
    const found = problems("name: x\nname: y\n");
    expect(found[0]).toMatch(/^s\.yaml: line 2, column 1: .*\(valid YAML\)$/);
  });

  it("resolveScenario() needs the layout text when the layout is a path", () => {
    const parsed = parseScenario("name: x\nlayout: ../layouts/a.yaml\n", "s.yaml");
    expect(() => resolveScenario(parsed, "s.yaml")).toThrow(InputError);
    const s = resolveScenario(parsed, "s.yaml", {
      file: "a.yaml",
      text: "generator: traditional\nname: a\naisles: 3\nbaysPerAisle: 4\n",
    });
    expect(s.layout).toMatchObject({ name: "a", aisles: 3 });
    expect(s.layoutFile).toBe("../layouts/a.yaml");
  });
});

describe("scenarios/scenario.schema.json", () => {
  it("is up to date with the zod schema (npx tsx src/node/writeScenarioSchema.ts)", () => {
    const committed = readFileSync(
      new URL("../../scenarios/scenario.schema.json", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(scenarioJsonSchemaText());
  });
});

describe("docs/scenarios.md", () => {
  it("has the current generated field reference", () => {
    const doc = readFileSync(new URL("../../docs/scenarios.md", import.meta.url), "utf8");
    expect(doc).toContain("| `outbound.picking.method` |");
    expect(withReference(doc)).toBe(doc);
  });
});
