/** Every bundled scenario in scenarios/ loads, with its layout, without a problem. */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { scenarioLayout } from "../../src/warehouse/index.ts";

/**
 * What each what-if of the default DC changes, as its description says: any other setting
 * that differs from default.yaml would make a comparison with the default mix two changes.
 */
const WHAT_IFS: Record<string, string[]> = {
  peak: ["outbound.ordersPerDay"],
  "extra-shift": [
    "outbound.ordersPerDay",
    "workforce.shifts.night",
    "workforce.roles.picker.crews",
    "workforce.roles.packer.crews",
  ],
  "batch-picking": ["outbound.release", "outbound.picking"],
  "zone-picking": ["outbound.release", "outbound.picking", "workforce.roles.picker.crews"],
  "shifts-breaks": [
    "workforce.shifts.day.breaks",
    "workforce.shifts.late.breaks",
    "workforce.roles.picker.crossTrained",
    "operations.packaging",
  ],
  "high-returns": ["workforce.roles.returnsClerk", "operations.returns"],
  counts: [
    "workforce.shifts.night",
    "workforce.roles.counter",
    "operations.stockErrors",
    "operations.counts",
  ],
  "cross-dock": ["operations.crossDock"],
  "production-supply": ["operations.productionSupply"],
};

/** Dotted paths of the leaves (arrays count as leaves) that differ between two values. */
function differingPaths(a: unknown, b: unknown, path = ""): string[] {
  const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(a) || !isObject(b)) return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return keys.flatMap((k) => differingPaths(x[k], y[k], path ? `${path}.${k}` : k));
}

const dir = fileURLToPath(new URL("../../scenarios/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

describe("bundled scenarios", () => {
  it("include the default and the what-ifs", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "default.yaml",
        "peak.yaml",
        "batch-picking.yaml",
        "extra-shift.yaml",
        "large.yaml",
      ]),
    );
  });
  it.each(files)("readScenarioFile(%s) validates and builds its layout", (file) => {
    const scenario = readScenarioFile(`${dir}${file}`);
    expect(scenario.name).toBe(file.replace(/\.yaml$/, ""));
    expect(scenarioLayout(scenario).locations.length).toBeGreaterThanOrEqual(scenario.skus.count);
  });
  it.each(Object.keys(WHAT_IFS))(
    "%s.yaml differs from default.yaml only in what its what-if changes",
    (name) => {
      const base = readScenarioFile(`${dir}default.yaml`);
      const whatIf = readScenarioFile(`${dir}${name}.yaml`);
      const changed = differingPaths(base, whatIf).filter(
        (p) => p !== "name" && p !== "description",
      );
      const outside = changed.filter(
        (p) => !WHAT_IFS[name].some((allowed) => p === allowed || p.startsWith(`${allowed}.`)),
      );
      expect(outside).toEqual([]);
      // Each declared change is really there.
      for (const allowed of WHAT_IFS[name]) {
        expect(changed.some((p) => p === allowed || p.startsWith(`${allowed}.`))).toBe(true);
      }
    },
  );
  it("large.yaml is the benchmark size: ~10,000 SKUs, ~20,000 locations, 100+ workers, 30 days", () => {
    const s = readScenarioFile(`${dir}large.yaml`);
    const workers = Object.values(s.workforce.roles).reduce(
      (n, r) => n + r.crews.reduce((m, c) => m + c.headcount, 0),
      0,
    );
    expect(s.skus.count).toBe(10_000);
    expect(scenarioLayout(s).locations.length).toBeGreaterThanOrEqual(20_000);
    expect(workers).toBeGreaterThanOrEqual(100);
    expect(s.horizonDays).toBe(30);
  });
});
