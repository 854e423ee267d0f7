/**
 * `whsim sweep <scenario> --set path=v1,v2 [--set ...]`: a what-if grid (cartesian product
 * of the --set options; values may be safe arithmetic expressions), every point run on the
 * same seeds, with sweep.json, sweep.csv and a summary table.
 */

import { resolve } from "node:path";
import type { Command } from "commander";
import { formatCsv } from "../../common/csv.ts";
import { type InputIssue, isInputError } from "../../common/inputError.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import { VERSION } from "../../common/version.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { meanBreakdown } from "../../experiment/meanBreakdown.ts";
import { runExperiment } from "../../experiment/runExperiment.ts";
import { estimate } from "../../experiment/statistics.ts";
import { buildGrid, parseSetOption, type SetOption } from "../../experiment/sweep.ts";
import { checkReplaceable } from "../../node/outputFolder.ts";
import { readScenarioFile } from "../../node/readScenarioFile.ts";
import { checkScenario, type Scenario } from "../../scenario/index.ts";
import {
  applyWarmup,
  checkRunSize,
  commonFlags,
  type ExperimentFlags,
  FORCE_HELP,
  jsonText,
  num,
  openSession,
  scenarioInputFiles,
  table,
  throwIssues,
  writeOutput,
} from "../experimentCommon.ts";

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
  program
    .command("sweep")
    .description("what-if grid: run every combination of --set values on the same seeds")
    .argument("<scenario>", "scenario file")
    .option(
      "--set <path=values>",
      "scenario path and comma-separated values or expressions (repeat for a grid), e.g. outbound.ordersPerDay=3000*1.1^k with --set k=0:3",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--replications <n>", "replications per point (default: the scenario's)")
    .option("--precision <p>", "add replications until every point's means are within p (e.g. 5%)")
    .option("--seed <n>", "master seed for every point (default: the scenario's)")
    .option("--warmup-days <d>", "warm-up deleted from statistics (replaces the scenario's)")
    .option("--workers <n>", "worker threads (default: the number of cores)")
    .option("--executor <address>", "run replications elsewhere (e.g. redis://host:port)")
    .option("--out <dir>", "results folder (default: results/sweep-<scenario>)")
    .option("--json", "print sweep.json on stdout instead of the table")
    .option("--force", FORCE_HELP)
    .action(async (file: string, flags: SweepFlags) => {
      // A mistyped --out is refused before any simulation runs, not after.
      if (flags.out) checkReplaceable(flags.out);
      const issues: InputIssue[] = [];
      const parsed = commonFlags(flags, issues);
      const sets: SetOption[] = [];
      for (const text of flags.set) {
        try {
          sets.push(parseSetOption(text));
        } catch (error) {
          if (isInputError(error)) issues.push(...error.issues);
          else throw error;
        }
      }
      if (flags.set.length === 0) {
        issues.push({
          file: "--set",
          path: "",
          value: undefined,
          expected: "at least one --set path=v1,v2",
        });
      }
      let base: Scenario | undefined;
      try {
        base = applyWarmup(readScenarioFile(resolve(file)), flags.warmupDays, file, issues);
      } catch (error) {
        if (isInputError(error)) issues.push(...error.issues);
        else throw error;
      }
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
      const seed = parsed.seed ?? scenario.seed;
      const replications = parsed.replications ?? scenario.replications;
      const session = openSession({
        workers: parsed.workers,
        executor: flags.executor,
        label: "sweep",
      });
      let result: Awaited<ReturnType<typeof runExperiment>>;
      try {
        result = await runExperiment(
          session.executor,
          grid.points.map((p) => ({ id: p.id, scenario: resolved.get(p.id)! })),
          {
            seed,
            replications,
            precision: parsed.precision !== undefined ? { relative: parsed.precision } : undefined,
            signal: session.signal,
            onProgress: (done, total) => session.progress(done, total),
          },
        );
      } finally {
        await session.close();
      }
      const kpiNames = [...new Set(result.outcomes.flatMap((o) => Object.keys(o.kpis)))].sort();
      const points = grid.points.map((p) => {
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
      const document = {
        kind: "sweep",
        version: VERSION,
        scenario: scenario.name,
        file,
        scenarioHash: scenarioHash(scenario),
        seed,
        replications: result.replications,
        aborted: result.aborted,
        ...(parsed.precision !== undefined
          ? { precision: parsed.precision, precisionMet: result.precisionMet ?? false }
          : {}),
        axes: grid.axes,
        points,
      };
      const csvHeader = [
        "point",
        ...grid.axes.map((a) => a.path),
        ...kpiNames.flatMap((k) => [`${k}_mean`, `${k}_ci95`]),
        "n",
      ];
      const csvRows = points.map((p) => {
        const byAxis = grid.axes.map((a) =>
          a.variable ? p.variables[a.path] : p.settings[a.path],
        );
        const stats = kpiNames.flatMap((k) => [p.kpis[k].mean, p.kpis[k].ci95]);
        return [p.id, ...byAxis, ...stats, p.replications];
      });
      const outDir = flags.out ?? defaultResultsFolder(scenario.name, "sweep-");
      const written = writeOutput(
        outDir,
        {
          "sweep.json": jsonText(document),
          "sweep.csv": formatCsv([csvHeader, ...csvRows]),
          ...inputFiles,
        },
        { partial: result.aborted },
      );
      if (flags.json) {
        process.stdout.write(jsonText(document));
      } else {
        const shown = SUMMARY_KPIS.filter((k) => kpiNames.includes(k));
        const rows = [[...grid.axes.map((a) => a.path), ...shown.map((k) => `${k} (±95%)`)]];
        for (const p of points) {
          rows.push([
            ...grid.axes.map((a) => String(a.variable ? p.variables[a.path] : p.settings[a.path])),
            ...shown.map((k) => `${num(p.kpis[k].mean)} ± ${num(p.kpis[k].ci95)}`),
          ]);
        }
        const note = result.aborted ? " (stopped early: partial results)" : "";
        process.stdout.write(
          `${scenario.name}: ${points.length} points × ${result.replications} replications, seed ${seed}${note}\n\n${table(rows)}\n\nwritten to ${written}/sweep.json and sweep.csv\n`,
        );
      }
      if (result.aborted) process.exitCode = 130;
    });
}
