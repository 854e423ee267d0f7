/**
 * `whsim sweep <scenario> --set path=v1,v2 [--set ...]`: a what-if grid (cartesian product
 * of the --set options; values may be safe arithmetic expressions), every point run on the
 * same seeds, with sweep.json, sweep.csv and a summary table.
 */

import type { Command } from "commander";
import { formatCsv } from "../../common/csv.ts";
import { type InputIssue, isInputError } from "../../common/inputError.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import { VERSION } from "../../common/version.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { meanBreakdown } from "../../experiment/meanBreakdown.ts";
import type { ExperimentResult } from "../../experiment/runExperiment.ts";
import { estimate } from "../../experiment/statistics.ts";
import {
  buildGrid,
  type GridPoint,
  parseSetOption,
  type SetOption,
  type SweepAxis,
} from "../../experiment/sweep.ts";
import { checkScenario, type Scenario } from "../../scenario/index.ts";
import { addExperimentOptions, beginExperiment, type ExperimentFlags } from "../experimentFlags.ts";
import { precisionFields, runOnSession, type SessionRun } from "../experimentSession.ts";
import { jsonText, publishResults, scenarioInputFiles } from "../resultsOutput.ts";
import { checkRunnableIn, checkRunSize, readScenarioFlags, throwIssues } from "../scenarioInput.ts";
import { num, table } from "../textTable.ts";

/** KPIs shown in the summary table when present. */
const SUMMARY_KPIS = [
  "throughputOrdersPerHour",
  "orderCycleTimeS",
  "onTimeShipRate",
  "costPerOrder",
  "utilization.picker",
];

interface SweepFlags extends ExperimentFlags {
  set: string[];
}

/** Registers `whsim sweep`. */
export function sweepCommand(program: Command): void {
  const command = program
    .command("sweep")
    .description("what-if grid: run every combination of --set values on the same seeds")
    .argument("<scenario>", "scenario file")
    .option(
      "--set <path=values>",
      "scenario path and comma-separated values or expressions (repeat for a grid), e.g. outbound.ordersPerDay=3000*1.1^k with --set k=0:3",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    );
  addExperimentOptions(command, {
    replications: "replications per point (default: the scenario's)",
    precision: "add replications until every point's means are within p (e.g. 5%)",
    seed: "master seed for every point (default: the scenario's)",
    warmupDays: "warm-up deleted from statistics (replaces the scenario's)",
    out: "results/sweep-<scenario>",
    json: "print sweep.json on stdout instead of the table",
  }).action(sweepAction);
}

/** The checked inputs of `whsim sweep`. */
interface SweepInputs {
  file: string;
  run: SessionRun;
  scenario: Scenario;
  inputFiles: Record<string, string>;
  grid: { axes: SweepAxis[]; points: GridPoint<Scenario>[] };
  /** Each point's scenario, checked, by point id. */
  resolved: Map<string, Scenario>;
}

/** The --set options; problems go to `issues`. */
function setOptions(texts: readonly string[], issues: InputIssue[]): SetOption[] {
  const sets: SetOption[] = [];
  for (const text of texts) {
    try {
      sets.push(parseSetOption(text));
    } catch (error) {
      if (isInputError(error)) issues.push(...error.issues);
      else throw error;
    }
  }
  if (texts.length === 0) {
    issues.push({
      file: "--set",
      path: "",
      value: undefined,
      expected: "at least one --set path=v1,v2",
    });
  }
  return sets;
}

/** Checks the flags, reads the scenario and builds the grid; every problem at once (InputError). */
function sweepInputs(file: string, flags: SweepFlags): SweepInputs {
  const { issues, parsed } = beginExperiment(flags);
  const sets = setOptions(flags.set, issues);
  const base = readScenarioFlags(file, flags.warmupDays, issues);
  if (base) checkRunnableIn(base, file, issues);
  throwIssues(issues);
  const scenario = base!;
  // The base scenario and its built layout, for the report's assumptions and drawing.
  const inputFiles = scenarioInputFiles(scenario, "", file, issues);
  throwIssues(issues);
  const resolved = new Map<string, Scenario>();
  const grid = buildGrid(scenario, sets, (candidate, id) => {
    try {
      resolved.set(id, checkScenario(candidate, `--set ${id}`));
      return [];
    } catch (error) {
      if (isInputError(error)) return [...error.issues];
      throw error;
    }
  });
  for (const [id, s] of resolved) checkRunSize(s, `--set ${id}`, flags.force, issues);
  throwIssues(issues);
  const run = {
    label: "sweep",
    workers: parsed.workers,
    executor: flags.executor,
    seed: parsed.seed ?? scenario.seed,
    replications: parsed.replications ?? scenario.replications,
    precision: parsed.precision,
  };
  return { file, run, scenario, inputFiles, grid, resolved };
}

/** Each point's estimates and time breakdown from the outcomes of its replications. */
function sweepPoints(inputs: SweepInputs, result: ExperimentResult) {
  const kpiNames = [...new Set(result.outcomes.flatMap((o) => Object.keys(o.kpis)))].sort();
  const points = inputs.grid.points.map((p) => {
    const mine = result.outcomes.filter((o) => o.candidate === p.id);
    const kpis: Record<string, ReturnType<typeof estimate>> = {};
    for (const kpi of kpiNames) {
      kpis[kpi] = estimate(
        mine.map((o) => o.kpis[kpi]).filter((v): v is number => v !== undefined),
      );
    }
    return {
      id: p.id,
      settings: p.settings,
      variables: p.variables,
      replications: mine.length,
      kpis,
      breakdown: meanBreakdown(mine.map((o) => o.breakdown)),
    };
  });
  return { kpiNames, points };
}

type SweepPoint = ReturnType<typeof sweepPoints>["points"][number];

/** A point's value on an axis. */
function axisValue(axis: SweepAxis, point: SweepPoint): number | string | boolean {
  return axis.variable ? point.variables[axis.path] : point.settings[axis.path];
}

/** sweep.csv: one row per point, its axis values and every KPI's mean and half-width. */
function sweepCsv(axes: SweepAxis[], kpiNames: string[], points: SweepPoint[]): string {
  const header = [
    "point",
    ...axes.map((a) => a.path),
    ...kpiNames.flatMap((k) => [`${k}_mean`, `${k}_ci95`]),
    "n",
  ];
  const rows = points.map((p) => {
    const stats = kpiNames.flatMap((k) => [p.kpis[k].mean, p.kpis[k].ci95]);
    return [p.id, ...axes.map((a) => axisValue(a, p)), ...stats, p.replications];
  });
  return formatCsv([header, ...rows]);
}

/** The summary table of the main KPIs per point. */
function sweepTable(axes: SweepAxis[], kpiNames: string[], points: SweepPoint[]): string {
  const shown = SUMMARY_KPIS.filter((k) => kpiNames.includes(k));
  const rows = [[...axes.map((a) => a.path), ...shown.map((k) => `${k} (±95%)`)]];
  for (const p of points) {
    rows.push([
      ...axes.map((a) => String(axisValue(a, p))),
      ...shown.map((k) => `${num(p.kpis[k].mean)} ± ${num(p.kpis[k].ci95)}`),
    ]);
  }
  return table(rows);
}

/** Runs `whsim sweep <file>`: writes the results folder and prints the table (or JSON). */
async function sweepAction(file: string, flags: SweepFlags): Promise<void> {
  const inputs = sweepInputs(file, flags);
  const { run, scenario, grid } = inputs;
  const result = await runOnSession(
    grid.points.map((p) => ({ id: p.id, scenario: inputs.resolved.get(p.id)! })),
    run,
  );
  const { kpiNames, points } = sweepPoints(inputs, result);
  const document = {
    kind: "sweep",
    version: VERSION,
    scenario: scenario.name,
    file,
    scenarioHash: scenarioHash(scenario),
    seed: run.seed,
    replications: result.replications,
    aborted: result.aborted,
    ...precisionFields(run.precision, result),
    axes: grid.axes,
    points,
  };
  const note = result.aborted ? " (stopped early: partial results)" : "";
  publishResults({
    dir: flags.out ?? defaultResultsFolder(scenario.name, "sweep-"),
    files: {
      "sweep.json": jsonText(document),
      "sweep.csv": sweepCsv(grid.axes, kpiNames, points),
      ...inputs.inputFiles,
    },
    stopped: result.aborted,
    json: flags.json,
    document,
    text: (written) =>
      `${scenario.name}: ${points.length} points × ${result.replications} replications, seed ${run.seed}${note}\n\n${sweepTable(grid.axes, kpiNames, points)}\n\nwritten to ${written}/sweep.json and sweep.csv\n`,
  });
}
