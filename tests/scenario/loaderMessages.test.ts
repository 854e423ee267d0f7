import { describe, expect, it } from "vitest";
import { formatIssue, type InputIssue } from "../../src/common/inputError.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import { parseDataText } from "../../src/scenario/parseDataText.ts";

function messages(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    return (error as { issues: InputIssue[] }).issues.map(formatIssue);
  }
  return [];
}

describe("loader messages", () => {
  it("parseScenario() shows horizonDays: .nan as NaN, not null", () => {
    const m = messages(() => parseScenario("name: x\nhorizonDays: .nan\n", "s.yaml"));
    expect(m.some((x) => /^s\.yaml: horizonDays: NaN \(/.test(x))).toBe(true);
    expect(m.join("\n")).not.toMatch(/horizonDays: null/);
  });

  it("parseDataText() reports a JSON syntax error in a .json file with line and column", () => {
    // The trailing comma is at line 3; JSON.parse stops at the } on line 4, column 1.
    const m = messages(() =>
      parseDataText('{\n  "name": "x",\n  "horizonDays": 2,\n}\n', "s.json"),
    );
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^s\.json: line 4, column 1: .* \(valid JSON\)$/);
  });

  it("parseDataText() reads a valid .json file as before", () => {
    expect(parseDataText('{"a": [1, 2]}', "s.json")).toEqual({ a: [1, 2] });
  });

  it("parseScenario() names the returns section and both defaults when the shares exceed 1", () => {
    const text = "name: x\noperations: { returns: { restockShare: 1 } }\n";
    const m = messages(() => parseScenario(text, "s.yaml"));
    expect(m).toContain(
      's.yaml: operations.returns: {"restockShare":1} (restockShare + refurbishShare at most 1; restockShare defaults to 0.7 and refurbishShare to 0.2)',
    );
    expect(m.join("\n")).not.toMatch(/refurbishShare: missing/);
  });

  it("parseScenario() refuses a zone-picking crew with fewer pickers than zones", () => {
    const text = [
      "name: x",
      "layout: { generator: traditional, name: x, aisles: 4, baysPerAisle: 6, levels: 2 }",
      "outbound: { picking: { method: zone, zones: 3 } }",
      "workforce:",
      "  roles:",
      "    picker: { crews: [{ shift: day, headcount: 3 }, { shift: late, headcount: 2 }] }",
    ].join("\n");
    const m = messages(() => parseScenario(text, "s.yaml"));
    expect(m).toContain(
      "s.yaml: workforce.roles.picker.crews[1].headcount: 2 (0, or at least outbound.picking.zones (3): one picker per zone)",
    );
    expect(m.join("\n")).not.toMatch(/crews\[0\]/);
  });

  it("parseScenario() of an empty file says so", () => {
    for (const text of ["", "# only a comment\n"]) {
      expect(messages(() => parseScenario(text, "s.yaml"))).toEqual([
        's.yaml: "empty file" (a mapping of scenario settings)',
      ]);
    }
  });
});
