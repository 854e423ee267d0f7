/**
 * Layout and crew together: crews in words, the crews planned on a pilot run of a layout,
 * and the bundled layout-choice spec, which must enumerate without a dropped field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { runWarehouse } from "../../src/experiment/warehouseRunner.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import {
  type CrewedCandidate,
  crewDifference,
  crewOf,
  withCrews,
} from "../../src/optimize/crewSearch.ts";
import { enumerateCandidates, screenCandidates } from "../../src/optimize/layoutSearch.ts";
import { parseOptimizeSpec } from "../../src/optimize/optimizeSpec.ts";
import { parseDataText } from "../../src/scenario/index.ts";

const tinyFile = new URL("../experiment/fixtures/tiny.yaml", import.meta.url).pathname;

describe("crews", () => {
  it("crewDifference() names the roles and shifts whose headcount changes", () => {
    const from = { picker: { day: 6, late: 4 }, packer: { day: 3 } };
    const to = { picker: { day: 4, late: 4 }, packer: { day: 3 }, loader: { late: 1 } };
    expect(crewDifference(from, to)).toEqual(["loader: late 0 → 1", "picker: day 6 → 4"]);
    expect(crewDifference(from, from)).toEqual([]);
  });

  it("withCrews() gives each layout the staffing program's crews, one per distinct plan", async () => {
    const scenario = readScenarioFile(tinyFile);
    const executor = createInProcessExecutor(runWarehouse);
    const { candidates, evaluations } = await withCrews(
      executor,
      [{ id: "base", settings: {}, scenario } as CrewedCandidate],
      { seed: 1, efficiencies: [0.85, 0.85, 0.5], pilotReplications: 1 },
    );
    expect(evaluations).toBe(1);
    // Equal efficiencies give one crew; a lower share never gives fewer workers.
    // Today's crew first; equal efficiencies give one crew (unless it is today's).
    expect(candidates[0].id).toBe("base,crew=today");
    expect(candidates[0].crew).toEqual(crewOf(scenario));
    expect(candidates.length).toBeLessThanOrEqual(3);
    expect(new Set(candidates.map((c) => JSON.stringify(c.crew))).size).toBe(candidates.length);
    for (const c of candidates) expect(c.crew).toEqual(crewOf(c.scenario));
    const total = (crew: Record<string, Record<string, number>>) =>
      Object.values(crew).reduce((n, s) => n + Object.values(s).reduce((a, b) => a + b, 0), 0);
    const planned = candidates.filter((c) => c.id !== "base,crew=today");
    if (planned.length === 2)
      expect(total(planned[1].crew!)).toBeGreaterThanOrEqual(total(planned[0].crew!));
  });
});

describe("scenarios/optimize/layout-choice.yaml", () => {
  it("enumerates every generator without dropping a field, storage equal within 3 %", () => {
    const file = new URL("../../scenarios/optimize/layout-choice.yaml", import.meta.url).pathname;
    const spec = parseOptimizeSpec(parseDataText(readFileSync(file, "utf8"), file), file);
    const base = readScenarioFile(
      new URL("../../scenarios/layout-choice.yaml", import.meta.url).pathname,
    );
    const all = enumerateCandidates(base, spec, file);
    expect(new Set(all.map((c) => c.settings["layout.generator"]))).toEqual(
      new Set(["traditional", "fishbone", "flyingV"]),
    );
    const kept = screenCandidates(all, { ...spec, screen: { keep: 100 } });
    expect(all.filter((c) => c.rejected?.includes("storage"))).toEqual([]);
    expect(kept.length).toBe(all.length);
  });
});
