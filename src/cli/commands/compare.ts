/**
 * `whsim compare <a> <b> [...]`: runs every scenario on the same seeds (common random
 * numbers), then reports per KPI the paired difference from the first scenario with a
 * 95 % confidence interval and a verdict, and the time breakdowns side by side.
 */

import type { Command } from "commander";
import { formatCsv } from "../../common/csv.ts";
import type { InputIssue } from "../../common/inputError.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import {
  differenceUnit,
  displayScale,
  formatDifference,
  formatOnScale,
  formatQuantity,
} from "../../common/units.ts";
import { VERSION } from "../../common/version.ts";
import { type Comparison, compareOutcomes } from "../../experiment/compare.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import type { ExperimentResult } from "../../experiment/runExperiment.ts";
import { timelineRecorder } from "../../report/candidateTimeline.ts";
import { candidateFolder } from "../../report/readResultsFolder.ts";
import type { Scenario } from "../../scenario/index.ts";
import { kpiUnit } from "../../warehouse/measure/kpis.ts";
import { isWaitingReason } from "../../warehouse/measure/workerTime.ts";
import { simulate } from "../../warehouse/simulate.ts";
import { addExperimentOptions, beginExperiment, type ExperimentFlags } from "../experimentFlags.ts";
import { precisionFields, runOnSession, type SessionRun } from "../experimentSession.ts";
import { jsonText, publishResults, scenarioInputFiles } from "../resultsOutput.ts";
import { checkRunnableIn, checkRunSize, readScenarioFlags, throwIssues } from "../scenarioInput.ts";
import { table } from "../textTable.ts";

/** Unique candidate ids from scenario names (`name`, `name#2`, …). */
export function candidateIds(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}#${n}`;
  });
}

/** A value for a table cell, or `-` when there is none. */
function cell(v: number | undefined, show: (v: number) => string): string {
  return v === undefined || !Number.isFinite(v) ? "-" : show(v);
}

/** Rows of KPI estimates, differences to the baseline with their intervals, and verdicts. */
function kpiRows(c: Comparison, currency: string | undefined): string[][] {
  const others = c.candidates.slice(1);
  const header = ["KPI", "unit", ...c.candidates.map((id) => `${id} (±95%)`)];
  for (const id of others) header.push(`${id} − ${c.baseline} [95% CI]`, "verdict");
  const rows = [header];
  for (const [kpi, k] of Object.entries(c.kpis)) {
    // One scale per row, from the baseline's mean: shares in %, differences in points.
    const scale = displayScale(kpiUnit(kpi, currency), k.estimates[c.baseline]?.mean ?? 0);
    const show = (v: number | undefined) => cell(v, (x) => formatOnScale(x, scale));
    const row = [
      kpi,
      scale.unit || "-",
      ...c.candidates.map(
        (id) => `${show(k.estimates[id]?.mean)} ± ${show(k.estimates[id]?.ci95)}`,
      ),
    ];
    const diffUnit = differenceUnit(scale) === scale.unit ? "" : ` ${differenceUnit(scale)}`;
    for (const id of others) {
      const d = k.differences[id];
      row.push(
        d ? `${show(d.mean)}${diffUnit} [${show(d.low)}, ${show(d.high)}]` : "-",
        d?.verdict ?? "-",
      );
    }
    rows.push(row);
  }
  return rows;
}

/** Rows of the mean time per order phase and its difference to the baseline. */
function phaseRows(c: Comparison): string[][] {
  const others = c.candidates.slice(1);
  const phases = [
    ...new Set(c.candidates.flatMap((id) => Object.keys(c.breakdown[id]?.order ?? {}))),
  ];
  const rows = [
    [
      "order phase (mean per order)",
      ...c.candidates,
      ...others.map((id) => `${id} − ${c.baseline}`),
    ],
  ];
  for (const phase of phases) {
    rows.push([
      phase,
      ...c.candidates.map((id) =>
        cell(c.breakdown[id]?.order[phase], (v) => formatQuantity(v, "s")),
      ),
      ...others.map((id) =>
        cell(c.breakdownDifference[id]?.order[phase], (v) => formatDifference(v, "s")),
      ),
    ]);
  }
  return rows;
}

/** Rows of worker time shares that moved by at least half a percentage point. */
function workerRows(c: Comparison): string[][] {
  const others = c.candidates.slice(1);
  const rows = [
    ["worker time (share)", ...c.candidates, ...others.map((id) => `${id} − ${c.baseline}`)],
  ];
  const roles = [
    ...new Set(c.candidates.flatMap((id) => Object.keys(c.breakdown[id]?.worker ?? {}))),
  ];
  for (const role of roles.sort()) {
    const states = [
      ...new Set(c.candidates.flatMap((id) => Object.keys(c.breakdown[id]?.worker[role] ?? {}))),
    ];
    for (const state of states) {
      const moved = others.some(
        (id) => Math.abs(c.breakdownDifference[id]?.worker[role]?.[state] ?? 0) >= 0.005,
      );
      if (!moved) continue;
      // A reason for waiting is a part of `waiting`, listed under it and never added to it.
      const label = isWaitingReason(state)
        ? `${role}   of which waiting for ${state.slice("waiting.".length)}`
        : `${role} ${state}`;
      rows.push([
        label,
        ...c.candidates.map((id) =>
          cell(c.breakdown[id]?.worker[role]?.[state], (v) => formatQuantity(v, "share")),
        ),
        ...others.map((id) =>
          cell(c.breakdownDifference[id]?.worker[role]?.[state], (v) =>
            formatDifference(v, "share"),
          ),
        ),
      ]);
    }
  }
  return rows;
}

/** The KPI table of a comparison: estimates, difference to the baseline and verdict. */
export function comparisonTable(c: Comparison, options: { currency?: string } = {}): string {
  const parts = [table(kpiRows(c, options.currency))];
  const phases = phaseRows(c);
  if (phases.length > 1) parts.push(table(phases));
  const workers = workerRows(c);
  if (workers.length > 1) parts.push(table(workers));
  return parts.join("\n\n");
}

/** Registers `whsim compare`. */
export function compareCommand(program: Command): void {
  const command = program
    .command("compare")
    .description("compare scenarios on common random numbers: paired differences with 95% CIs")
    .argument("<scenarios...>", "two or more scenario files; the first is the baseline");
  addExperimentOptions(command, {
    replications: "replications per scenario (default: the first scenario's)",
    precision: "add replications until every mean is within p (e.g. 2%)",
    seed: "master seed for every scenario (default: the first scenario's)",
    warmupDays: "warm-up deleted from statistics, for every scenario",
    out: "results/compare-<a>-<b>",
    json: "print comparison.json on stdout instead of the table",
  }).action(compareAction);
}

/** The checked inputs of `whsim compare`. */
interface CompareInputs {
  files: string[];
  run: SessionRun;
  scenarios: Scenario[];
  /** Each candidate's resolved scenario and built layout, for the report: candidates/<k>/. */
  inputFiles: Record<string, string>;
  ids: string[];
}

/** Checks the flags and reads every scenario; every problem at once (InputError). */
function compareInputs(files: string[], flags: ExperimentFlags): CompareInputs {
  const tooFew: InputIssue[] =
    files.length < 2
      ? [{ file: "compare", path: "", value: files, expected: "at least two scenario files" }]
      : [];
  const { issues, parsed } = beginExperiment(flags, tooFew);
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const scenario = readScenarioFlags(file, flags.warmupDays, issues);
    if (scenario) scenarios.push(scenario);
  }
  const inputFiles: Record<string, string> = {};
  if (scenarios.length === files.length) {
    for (const [k, s] of scenarios.entries())
      Object.assign(inputFiles, scenarioInputFiles(s, candidateFolder(k), files[k], issues));
  }
  for (const [k, s] of scenarios.entries()) checkRunSize(s, files[k], flags.force, issues);
  for (const [k, s] of scenarios.entries()) checkRunnableIn(s, files[k], issues);
  throwIssues(issues);
  const run = {
    label: "compare",
    workers: parsed.workers,
    executor: flags.executor,
    seed: parsed.seed ?? scenarios[0].seed,
    replications: parsed.replications ?? scenarios[0].replications,
    precision: parsed.precision,
  };
  return { files, run, scenarios, inputFiles, ids: candidateIds(scenarios.map((s) => s.name)) };
}

/** replications.csv: every replication's KPIs, one row per candidate and replication. */
function replicationsCsv(result: ExperimentResult, kpiNames: string[]): string {
  return formatCsv([
    ["candidate", "replication", ...kpiNames],
    ...result.outcomes.map((o) => [o.candidate, o.replication, ...kpiNames.map((k) => o.kpis[k])]),
  ]);
}

/** What the run was: stopped early, and whether the precision asked was reached. */
function runNote(result: ExperimentResult, precision: number | undefined): string {
  let note = result.aborted ? " (stopped early: partial results)" : "";
  if (precision !== undefined) {
    note += result.precisionMet
      ? `; relative precision ${precision * 100}% reached`
      : `; relative precision ${precision * 100}% NOT reached (limit 100 replications)`;
  }
  return note;
}

/**
 * candidates/<k>/timeline.json of every candidate: its replication 0 simulated again with a
 * trace (the same seed gives the same run) and kept as the report's data over time.
 */
function timelineFiles(scenarios: Scenario[], seed: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [k, scenario] of scenarios.entries()) {
    const recorder = timelineRecorder();
    const { warmupS, horizonS } = simulate(scenario, {
      seed,
      replication: 0,
      trace: (record) => recorder.add(record),
    });
    const shifts = scenario.workforce.shifts;
    const timeline = recorder.result({ warmupS, horizonS, replication: 0, shifts });
    files[`${candidateFolder(k)}timeline.json`] =
      `${JSON.stringify({ version: VERSION, ...timeline })}\n`;
  }
  return files;
}

/** Runs `whsim compare <files...>`: writes the results folder and prints the tables (or JSON). */
async function compareAction(files: string[], flags: ExperimentFlags): Promise<void> {
  const { run, scenarios, ids, inputFiles } = compareInputs(files, flags);
  const result = await runOnSession(
    scenarios.map((scenario, i) => ({ id: ids[i], scenario })),
    run,
  );
  const comparison = compareOutcomes(result.outcomes, ids);
  const document = {
    kind: "comparison",
    version: VERSION,
    seed: run.seed,
    replications: result.replications,
    aborted: result.aborted,
    ...precisionFields(run.precision, result),
    scenarios: scenarios.map((s, i) => ({
      id: ids[i],
      file: files[i],
      scenario: s.name,
      scenarioHash: scenarioHash(s),
      warmupDays: s.warmupDays,
      folder: candidateFolder(i).slice(0, -1),
    })),
    ...comparison,
  };
  const tables = () => comparisonTable(comparison, { currency: scenarios[0]?.costs.currency });
  publishResults({
    dir: flags.out ?? defaultResultsFolder(ids.slice(0, 2).join("-"), "compare-"),
    files: {
      "comparison.json": jsonText(document),
      "replications.csv": replicationsCsv(result, Object.keys(comparison.kpis)),
      ...inputFiles,
      ...(result.aborted ? {} : timelineFiles(scenarios, run.seed)),
    },
    stopped: result.aborted,
    json: flags.json,
    document,
    text: (written) =>
      `${ids.join(" vs ")}: ${result.replications} replications each, seed ${run.seed}${runNote(result, run.precision)}\n\n${tables()}\n\nwritten to ${written}/comparison.json\n`,
  });
}
