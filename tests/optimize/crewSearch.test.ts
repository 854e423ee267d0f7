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
  descendCrews,
  neighbourCrews,
  scoreCrews,
  shortfall,
} from "../../src/optimize/crewDescent.ts";
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
      margin: 1,
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
          firstReplication: 0,
        })
      )[0];
    const today = await pilotOf(scenario, "today");
    const mine = await pilotOf(found.scenario, "found");
    expect(mine.shortfall).toBe(0);
    expect(mine.cost).toBeLessThanOrEqual(today.cost);
  });

  it("neighbourCrews() moves one worker and keeps a worker in every role", () => {
    const crew = { picker: { day: 2, late: 0 }, loader: { day: 1 } };
    const space = { roles: ["picker", "loader"], shifts: ["day", "late"] };
    expect(neighbourCrews(crew, -1, space)).toEqual([
      { picker: { day: 1, late: 0 }, loader: { day: 1 } },
    ]);
    expect(neighbourCrews(crew, 1, space)).toHaveLength(4);
    expect(neighbourCrews(crew, 1, { ...space, roles: ["loader"] })).toEqual([
      { picker: { day: 2, late: 0 }, loader: { day: 2 } },
      { picker: { day: 2, late: 0 }, loader: { day: 1, late: 1 } },
    ]);
  });

  it("neighbourCrews() can staff a shift a role has no worker on, and a role with none", () => {
    const space = { roles: ["packer", "picker"], shifts: ["day", "night"] };
    const more = neighbourCrews({ picker: { day: 3 } }, 1, space);
    expect(more).toContainEqual({ picker: { day: 3, night: 1 } });
    expect(more).toContainEqual({ picker: { day: 3 }, packer: { day: 1 } });
    expect(neighbourCrews({ picker: { day: 3 } }, -1, space)).toEqual([{ picker: { day: 2 } }]);
  });

  it("withCrews() puts workers on a shift that had none when the targets need them", async () => {
    // Pickers work only the first 3 of 12 hours today, so most orders are never picked.
    const base = readScenarioFile(tinyFile);
    const scenario = {
      ...base,
      workforce: {
        ...base.workforce,
        shifts: {
          ...base.workforce.shifts,
          early: { ...base.workforce.shifts.day, start: "00:00", end: "03:00" },
          rest: { ...base.workforce.shifts.day, start: "03:00", end: "23:59" },
        },
        roles: {
          ...base.workforce.roles,
          picker: { ...base.workforce.roles.picker, crews: [{ shift: "early", headcount: 2 }] },
        },
      },
    };
    const executor = createInProcessExecutor(runWarehouse);
    const targets = [{ kpi: "onTimeShipRate", op: ">=" as const, value: 0.5, tolerance: 0.01 }];
    const { candidates } = await withCrews(
      executor,
      [{ id: "base", settings: {}, scenario } as CrewedCandidate],
      {
        seed: 1,
        efficiencies: [0.85],
        pilotReplications: 1,
        roles: ["picker"],
        targets,
        costKpi: "annualCost.total",
        margin: 1,
        maxRounds: 2,
      },
    );
    const crew = candidates[0].crew!;
    expect(crewOf(scenario).picker).toEqual({ early: 2 });
    expect(crew.picker.rest ?? 0).toBeGreaterThan(0);
    expect(crewOf(candidates[0].scenario).picker.rest).toBe(crew.picker.rest);
  });

  it("descendCrews() reaches the least-cost crew and does not retry a fewer-worker move that failed", async () => {
    // A made-up model: on time only with 2 pickers on the day shift and 3 in all; each worker
    // costs 100 a year. The least-cost crew that meets it is picker day 2, late 1, packer 1.
    type Roles = Record<string, { crews: { shift: string; headcount: number }[] }>;
    const heads = (roles: Roles, role: string, shift?: string) =>
      (roles[role]?.crews ?? [])
        .filter((c) => shift === undefined || c.shift === shift)
        .reduce((a, c) => a + c.headcount, 0);
    const tried: Roles[] = [];
    const executor = createInProcessExecutor((s: { workforce: { roles: Roles } }) => {
      const roles = s.workforce.roles;
      tried.push(roles);
      const pickers = heads(roles, "picker");
      const onTime = heads(roles, "picker", "day") >= 2 && pickers >= 3 ? 1 : 0.5;
      return { kpis: { onTimeShipRate: onTime, cost: 100 * (pickers + heads(roles, "packer")) } };
    });
    const crew = { picker: { day: 2, late: 5 }, packer: { day: 2 } };
    const scenario = {
      workforce: {
        shifts: { day: {}, late: {} },
        roles: {
          picker: { crews: [] },
          packer: { crews: [] },
        },
      },
    } as never;
    const states = [{ id: "x", scenario, best: { crew, cost: 900, shortfall: 0 }, done: false }];
    const targets = [{ kpi: "onTimeShipRate", op: ">=" as const, value: 0.9, tolerance: 0.01 }];
    await descendCrews(executor, states, {
      seed: 1,
      pilotReplications: 1,
      firstReplication: 0,
      targets,
      costKpi: "cost",
      margin: 1,
      maxRounds: 10,
    });
    expect(states[0].best.crew).toEqual({ picker: { day: 2, late: 1 }, packer: { day: 1 } });
    // picker.day 2 → 1 fails in the first round and is not tried again in the next four.
    expect(tried.filter((r) => heads(r, "picker", "day") === 1)).toHaveLength(1);
  });

  it("shortfall() is 0 when every target's mean is met and grows with the miss", () => {
    const outcome = (onTime: number) => ({ kpis: { onTimeShipRate: onTime } }) as never;
    const t = [{ kpi: "onTimeShipRate", op: ">=" as const, value: 0.9, tolerance: 0.01 }];
    expect(shortfall([outcome(0.95), outcome(0.87)], t)).toBe(0);
    expect(shortfall([outcome(0.8)], t)).toBeCloseTo(0.1 / 0.9, 9);
    expect(shortfall([outcome(0.85)], t)).toBeLessThan(shortfall([outcome(0.8)], t));
    // With a margin, the mean must clear the bound by that many tolerances ε (0.01 here).
    expect(shortfall([outcome(0.915)], t, 1)).toBe(0);
    expect(shortfall([outcome(0.915)], t, 2)).toBeCloseTo(0.005 / 0.9, 9);
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
