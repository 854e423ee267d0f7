/**
 * Layout and crew together: crews in words, the crews planned on a pilot run of a layout,
 * and the bundled layout-choice spec, which must enumerate without a dropped field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { runWarehouse } from "../../src/experiment/warehouseRunner.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { neighbourCrews, scoreCrews, shortfall } from "../../src/optimize/crewDescent.ts";
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

  it("withCrews() gives each layout one crew: cheaper than today's on its pilots, targets met", async () => {
    const scenario = readScenarioFile(tinyFile);
    const executor = createInProcessExecutor(runWarehouse);
    const targets = [{ kpi: "fillRateLines", op: ">=" as const, value: 0.5, tolerance: 0.01 }];
    const options = {
      seed: 1,
      efficiencies: [0.85],
      pilotReplications: 1,
      targets,
      costKpi: "annualCost.total",
      maxRounds: 2,
    };
    const { candidates, evaluations } = await withCrews(
      executor,
      [{ id: "base", settings: {}, scenario } as CrewedCandidate],
      options,
    );
    expect(candidates).toHaveLength(1);
    const [found] = candidates;
    expect(found.crew).toEqual(crewOf(found.scenario));
    // Pilot, at most one plan, and at most two rounds of one-worker moves.
    expect(evaluations).toBeGreaterThanOrEqual(1);
    const pilotOf = async (s: typeof scenario, id: string) =>
      (
        await scoreCrews(executor, [{ layout: id, scenario: s, crew: crewOf(s) }], {
          ...options,
          firstReplication: 1_000_000,
        })
      )[0];
    const today = await pilotOf(scenario, "today");
    const mine = await pilotOf(found.scenario, "found");
    expect(mine.shortfall).toBe(0);
    expect(mine.cost).toBeLessThanOrEqual(today.cost);
  });

  it("neighbourCrews() moves one worker and keeps a worker in every role", () => {
    const crew = { picker: { day: 2, late: 0 }, loader: { day: 1 } };
    expect(neighbourCrews(crew, -1)).toEqual([{ picker: { day: 1, late: 0 }, loader: { day: 1 } }]);
    expect(neighbourCrews(crew, 1)).toHaveLength(3);
    expect(neighbourCrews(crew, 1, ["loader"])).toEqual([
      { picker: { day: 2, late: 0 }, loader: { day: 2 } },
    ]);
  });

  it("shortfall() is 0 when every target's mean is met and grows with the miss", () => {
    const outcome = (onTime: number) => ({ kpis: { onTimeShipRate: onTime } }) as never;
    const t = [{ kpi: "onTimeShipRate", op: ">=" as const, value: 0.9, tolerance: 0.01 }];
    expect(shortfall([outcome(0.95), outcome(0.87)], t)).toBe(0);
    expect(shortfall([outcome(0.8)], t)).toBeCloseTo(0.1 / 0.9, 9);
    expect(shortfall([outcome(0.85)], t)).toBeLessThan(shortfall([outcome(0.8)], t));
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
