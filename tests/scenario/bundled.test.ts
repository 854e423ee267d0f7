/** Every bundled scenario in scenarios/ loads, with its layout, without a problem. */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { scenarioLayout } from "../../src/warehouse/index.ts";

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
