import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { optimizationTable } from "../../src/cli/commands/optimize.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import type { OptimizationResult } from "../../src/optimize/layoutSearch.ts";
import { enumerateCandidates } from "../../src/optimize/layoutSearch.ts";
import { optimizeSpecIssues, parseOptimizeSpec } from "../../src/optimize/optimizeSpec.ts";
import { whsim } from "../setup/inProcessCli.ts";

const tiny = new URL("../experiment/fixtures/tiny.yaml", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "whsim-optspec-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function specFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, `scenario: ${tiny}\n${text}`);
  return path;
}

describe("optimizeSpecIssues()", () => {
  it("optimizeSpecIssues() names an unknown objective KPI with a did-you-mean", () => {
    const issues = optimizeSpecIssues(
      { scenario: "s.yaml", objective: "orderCycleTime" },
      "o.yaml",
    );
    expect(issues).toEqual([
      {
        file: "o.yaml",
        path: "objective",
        value: "orderCycleTime",
        expected: 'a KPI name; did you mean "orderCycleTimeS"?',
      },
    ]);
  });

  it("optimizeSpecIssues() checks objective.kpi against the unitLoad model's KPIs", () => {
    const data = { scenario: "s.yaml", model: "unitLoad", objective: { kpi: "orderCycleTimeS" } };
    expect(optimizeSpecIssues(data, "o.yaml").map((i) => i.path)).toEqual(["objective.kpi"]);
    expect(optimizeSpecIssues({ ...data, objective: "travelMPerRequest" }, "o.yaml")).toEqual([]);
  });

  it("optimizeSpecIssues() accepts utilisation KPIs per role and equipment", () => {
    for (const kpi of ["utilization.picker", "utilization.reachTruck", "costPerOrder"]) {
      expect(optimizeSpecIssues({ scenario: "s.yaml", objective: kpi }, "o.yaml")).toEqual([]);
    }
  });

  it("optimizeSpecIssues() reports a bad budget and a bad objective together", () => {
    const issues = optimizeSpecIssues(
      { scenario: "s.yaml", budget: -3, objective: "orderCycleTime", constrants: {} },
      "o.yaml",
    );
    expect(issues.map((i) => i.path).sort()).toEqual(["budget", "constrants", "objective"]);
  });
});

describe("space values", () => {
  it("enumerateCandidates() rejects a well-typed infeasible value with its reason", () => {
    const base = readScenarioFile(tiny);
    const spec = parseOptimizeSpec(
      { scenario: "x", space: { "layout.aisles": [4, -2] } },
      "o.yaml",
    );
    const candidates = enumerateCandidates(base, spec, "o.yaml");
    expect(candidates.map((c) => [c.id, c.rejected?.split(":")[0]])).toEqual([
      ["aisles=4", undefined],
      ["aisles=-2", "invalid"],
    ]);
    expect(candidates[1].rejected).toMatch(/layout\.aisles: -2/);
  });

  it("optimizationTable() lists each invalid candidate with its reason and counts screened ones", () => {
    const result = {
      status: "infeasible",
      objective: { kpi: "orderCycleTimeS", sense: "minimize" },
      ranking: [
        { id: "aisles=-2", settings: {}, rejected: "invalid: layout.aisles: -2 (a number >= 1)" },
        { id: "aisles=0", settings: {}, rejected: "invalid: layout.aisles: 0 (a number >= 1)" },
        { id: "aisles=30", settings: {}, rejected: "screened out: longer travel" },
      ],
      why: [],
    } as unknown as OptimizationResult;
    const text = optimizationTable(result);
    expect(text).toMatch(/not simulated: 2 invalid, 1 screened out/);
    expect(text).toMatch(/^ {2}aisles=-2: invalid: layout\.aisles: -2 \(a number >= 1\)$/m);
    expect(text).toMatch(/^ {2}aisles=0: invalid/m);
    expect(text).not.toMatch(/^ {2}aisles=30/m);
  });
});

describe("whsim optimize <spec> with bad input", () => {
  it("exits 2 before simulating on an unknown objective", async () => {
    const r = await whsim("optimize", specFile("o1.yaml", "objective: orderCycleTime\n"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /o1\.yaml: objective: "orderCycleTime" \(a KPI name; did you mean "orderCycleTimeS"\?\)/,
    );
    expect(r.stderr).not.toMatch(/running on/);
  });

  it("reports a wrong-typed space value with its path and every other problem at once", async () => {
    const r = await whsim(
      "optimize",
      specFile(
        "o2.yaml",
        "budget: -3\nobjective: orderCycleTime\nconstrants: {}\nspace:\n  layout.aisels: [4]\n  layout.baysPerAisle: [6, abc]\n",
      ),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/o2\.yaml: budget: -3/);
    expect(r.stderr).toMatch(/o2\.yaml: objective: "orderCycleTime"/);
    expect(r.stderr).toMatch(/o2\.yaml: constrants: .*did you mean.*constraints/);
    expect(r.stderr).toMatch(
      /o2\.yaml: space\.layout\.aisels: "aisels" \(a layout parameter; did you mean aisles\?\)/,
    );
    expect(r.stderr).toMatch(/o2\.yaml: space\.layout\.baysPerAisle\[1\]: "abc" \(a number\)/);
  });

  it("names the spec and its scenario field when the scenario file is missing", async () => {
    const path = join(tmp, "o3.yaml");
    writeFileSync(path, "scenario: nowhere.yaml\nobjective: orderCycleTime\n");
    const r = await whsim("optimize", path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/o3\.yaml: scenario: "nowhere\.yaml" \(an existing scenario file/);
    expect(r.stderr).toMatch(/o3\.yaml: objective:/);
  });
});
