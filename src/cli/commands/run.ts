/**
 * `whsim run [scenario]`: simulates a scenario (the bundled default without one) for R
 * replications, prints a KPI table with 95 % intervals, and writes the results folder
 * (summary.json, kpis.csv, replications.csv, scenario.json, layout.json, trace.ndjson with
 * --trace) atomically: a failed run never leaves a half-written folder.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import type { InputIssue } from "../../common/inputError.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import { displayScale, formatOnScale, formatQuantity } from "../../common/units.ts";
import { VERSION } from "../../common/version.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { NdjsonWriter } from "../../node/ndjsonWriter.ts";
import { OutputFolder } from "../../node/outputFolder.ts";
import { runReplicationsParallel } from "../../node/pool/runReplicationsParallel.ts";
import { DEFAULT_SCENARIO_PATH, displayName } from "../../node/readScenarioFile.ts";
import { RunStopped, runReplicationsStoppable } from "../../node/runReplicationsStoppable.ts";
import type { Scenario } from "../../scenario/index.ts";
import {
  kpisCsv,
  type RunResult,
  type RunSummary,
  replicationsCsv,
  scenarioLayout,
  splitWorkerTime,
  summarize,
  type TraceRecord,
  type WorkerTime,
} from "../../warehouse/index.ts";
import { FORCE_HELP, numericFlags } from "../experimentFlags.ts";
import { terminalProgressBar } from "../progressBar.ts";
import { commitFiles, jsonText } from "../resultsOutput.ts";
import { checkRunnableIn, checkRunSize, readScenarioFlags, throwIssues } from "../scenarioInput.ts";
import { SIGNAL_EXIT_CODES, stopOnSignals } from "../stopOnSignals.ts";
import { workerCount } from "../workerCount.ts";

/** Flags of `whsim run`, as commander gives them. */
interface RunFlags {
  seed?: string;
  replications?: string;
  workers?: string;
  out?: string;
  json?: boolean;
  trace?: boolean;
  force?: boolean;
}

/** A role's time shares (adding up to 100 %), the reasons for waiting within `waiting`. */
function workerTimeLine(role: string, time: WorkerTime): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
  const reasons = Object.entries(time.waitingFor)
    .filter(([, share]) => share > 0)
    .map(([reason, share]) => `${reason} ${pct(share)}`);
  const states = Object.entries(time.states)
    .filter(([, share]) => share > 0)
    .map(([state, share]) =>
      state === "waiting" && reasons.length > 0
        ? `${state} ${pct(share)} (of which ${reasons.join(", ")})`
        : `${state} ${pct(share)}`,
    );
  return `  ${role}: ${states.join(", ")}`;
}

/** The KPI table printed at the end of a run. */
export function kpiTable(summary: RunSummary): string {
  const rows = [["KPI", "mean", "±95%", "unit"]];
  for (const [name, k] of Object.entries(summary.kpis)) {
    // The shared rule: shares in %, times in s/min/h by the mean's size, money in its code.
    const scale = displayScale(k.unit, k.mean);
    const show = (v: number) => (Number.isFinite(v) ? formatOnScale(v, scale) : "-");
    rows.push([name, show(k.mean), k.ci95 === null ? "-" : show(k.ci95), scale.unit]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 || c === 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ");
  const lines = rows.map((r) => line(r).trimEnd());
  lines.splice(
    1,
    0,
    widths
      .map((w) => "-".repeat(w))
      .join("  ")
      .trimEnd(),
  );
  const phases = Object.entries(summary.breakdown.order)
    .map(([phase, s]) => `${phase} ${formatQuantity(s, "s")}`)
    .join(", ");
  const roles = Object.entries(summary.breakdown.worker).map(([role, shares]) =>
    workerTimeLine(role, splitWorkerTime(shares)),
  );
  const workers =
    roles.length > 0 ? `\nworker time (share of on-shift time):\n${roles.join("\n")}\n` : "";
  return `${lines.join("\n")}\n\norder time (mean per order): ${phases}\n${workers}`;
}

/** Options of runScenario(). */
export interface RunScenarioOptions {
  seed: number;
  replications: number;
  out: string;
  trace: boolean;
  /** Worker threads; more than 1 runs the replications in parallel (same results). */
  workers?: number;
  onProgress?: (fraction: number) => void;
  /** Stops the run after the replication under way (RunStopped; nothing is written). */
  signal?: AbortSignal;
}

/** The replications, in parallel on threads or one after the other, replication 0 traced. */
function runReplicationsOf(
  scenario: Scenario,
  options: RunScenarioOptions,
  trace: NdjsonWriter | undefined,
): Promise<RunResult[]> {
  const loop = {
    seed: options.seed,
    replications: options.replications,
    onProgress: options.onProgress,
    trace: trace ? (record: TraceRecord) => trace.write(record) : undefined,
    signal: options.signal,
  };
  return (options.workers ?? 1) > 1 && options.replications > 1
    ? runReplicationsParallel(scenario, { ...loop, workers: options.workers ?? 1 })
    : runReplicationsStoppable(scenario, loop);
}

/** Runs a scenario and writes its results folder; returns the summary. */
export async function runScenario(
  scenario: Scenario,
  options: RunScenarioOptions,
): Promise<RunSummary> {
  const folder = new OutputFolder(options.out);
  let trace: NdjsonWriter | undefined;
  try {
    const layout = scenarioLayout(scenario);
    trace = options.trace ? new NdjsonWriter(folder.path("trace.ndjson")) : undefined;
    const results = await runReplicationsOf(scenario, options, trace);
    trace?.close();
    const summary = summarize(scenario, results, {
      seed: options.seed,
      scenarioHash: scenarioHash(scenario),
      version: VERSION,
    });
    commitFiles(folder, {
      "summary.json": jsonText(summary),
      "kpis.csv": kpisCsv(summary),
      "replications.csv": replicationsCsv(results),
      "scenario.json": jsonText(scenario),
      "layout.json": `${JSON.stringify(layout)}\n`,
    });
    return summary;
  } catch (error) {
    trace?.close();
    folder.abort();
    throw error;
  }
}

/** Registers `whsim run`. */
export function runCommand(program: Command): void {
  program
    .command("run")
    .description("simulate a scenario (default: the bundled scenarios/default.yaml)")
    .argument("[scenario]", "scenario file (YAML or JSON)")
    .option("--seed <n>", "master seed (default: the scenario's)")
    .option("--replications <n>", "replications (default: the scenario's)")
    .option("--workers <n>", "worker threads for replications (default: the number of cores)")
    .option(
      "--out <dir>",
      "results folder (default: results/<scenario name, letters, digits, . _ - only>)",
    )
    .option("--json", "print the summary as JSON on stdout instead of the table")
    .option("--trace", "also write trace.ndjson (replication 0) for the viewer")
    .option("--force", FORCE_HELP)
    .action(runAction);
}

/** The checked inputs of `whsim run`. */
interface RunInputs {
  scenario: Scenario;
  seed: number;
  replications: number;
  /** `--workers` as asked, if given. */
  workers: number | undefined;
}

/** Checks the flags and reads the scenario; every problem at once (InputError). */
function runInputs(file: string | undefined, flags: RunFlags): RunInputs {
  const issues: InputIssue[] = [];
  const parsed = numericFlags(flags, issues);
  const path = resolve(file ?? DEFAULT_SCENARIO_PATH);
  const scenario = readScenarioFlags(path, undefined, issues);
  if (scenario) checkRunSize(scenario, displayName(path), flags.force, issues);
  if (scenario) checkRunnableIn(scenario, displayName(path), issues);
  throwIssues(issues);
  return {
    scenario: scenario!,
    seed: parsed.seed ?? scenario!.seed,
    replications: parsed.replications ?? scenario!.replications,
    workers: parsed.workers,
  };
}

/**
 * Runs the scenario with a progress bar; a signal stops it after the replication under way
 * with nothing written (undefined is returned and the exit code set).
 */
async function runWithStop(
  inputs: RunInputs,
  flags: RunFlags,
  out: string,
): Promise<RunSummary | undefined> {
  const { scenario, replications } = inputs;
  const bar = flags.json
    ? undefined
    : terminalProgressBar(
        `${scenario.name} [{bar}] {percentage}% | ${replications} replication(s) | {duration_formatted} elapsed, {eta_formatted} left`,
      );
  bar?.start(1000, 0);
  const stop = stopOnSignals(
    "stopping after the replication under way; no results are written (again to quit at once)",
  );
  try {
    return await runScenario(scenario, {
      seed: inputs.seed,
      replications,
      out,
      trace: flags.trace === true,
      workers: workerCount(inputs.workers, { tasks: replications }),
      onProgress: bar ? (f) => bar.update(Math.round(f * 1000)) : undefined,
      signal: stop.signal,
    });
  } catch (error) {
    const received = stop.received();
    if (!(error instanceof RunStopped) || !received) throw error;
    process.stderr.write(`stopped after ${error.finished} replication(s); ${out} unchanged\n`);
    process.exitCode = SIGNAL_EXIT_CODES[received];
    return undefined;
  } finally {
    stop.dispose();
    bar?.stop();
  }
}

/** Runs `whsim run [file]`: writes the results folder and prints the KPI table (or JSON). */
async function runAction(file: string | undefined, flags: RunFlags): Promise<void> {
  const inputs = runInputs(file, flags);
  const { scenario, seed, replications } = inputs;
  const out = resolve(flags.out ?? defaultResultsFolder(scenario.name));
  const summary = await runWithStop(inputs, flags, out);
  if (!summary) return;
  if (flags.json) {
    process.stdout.write(jsonText(summary));
  } else {
    process.stdout.write(
      `${scenario.name}: ${replications} replication(s), seed ${seed}, ${scenario.horizonDays} days (warm-up ${scenario.warmupDays})\n\n`,
    );
    process.stdout.write(kpiTable(summary));
    process.stdout.write(`\nresults: ${out}\n`);
  }
}
