/**
 * `whsim run [scenario]`: simulates a scenario (the bundled default without one) for R
 * replications, prints a KPI table with 95 % intervals, and writes the results folder
 * (summary.json, kpis.csv, replications.csv, scenario.json, layout.json, trace.ndjson with
 * --trace) atomically: a failed run never leaves a half-written folder.
 */
import { resolve } from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { InputError, type InputIssue } from "../../common/inputError.ts";
import { defaultResultsFolder } from "../../common/resultsFolderName.ts";
import { displayScale, formatOnScale, formatQuantity } from "../../common/units.ts";
import { VERSION } from "../../common/version.ts";
import { scenarioHash } from "../../experiment/hash.ts";
import { NdjsonWriter } from "../../node/ndjsonWriter.ts";
import { OutputFolder } from "../../node/outputFolder.ts";
import { runReplicationsParallel } from "../../node/pool/runReplicationsParallel.ts";
import {
  DEFAULT_SCENARIO_PATH,
  displayName,
  readScenarioFile,
} from "../../node/readScenarioFile.ts";
import { RunStopped, runReplicationsStoppable } from "../../node/runReplicationsStoppable.ts";
import type { Scenario } from "../../scenario/index.ts";
import {
  kpisCsv,
  type RunSummary,
  replicationsCsv,
  scenarioLayout,
  splitWorkerTime,
  summarize,
  type TraceRecord,
  type WorkerTime,
} from "../../warehouse/index.ts";
import {
  checkRunSize,
  FORCE_HELP,
  intFlag,
  MAX_REPLICATIONS,
  MAX_SEED,
} from "../experimentCommon.ts";
import { SIGNAL_EXIT_CODES, stopOnSignals } from "../stopOnSignals.ts";
import { MAX_WORKERS_FLAG, workerCount } from "../workerCount.ts";

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

/** Runs a scenario and writes its results folder; returns the summary. */
export async function runScenario(
  scenario: Scenario,
  options: {
    seed: number;
    replications: number;
    out: string;
    trace: boolean;
    /** Worker threads; more than 1 runs the replications in parallel (same results). */
    workers?: number;
    onProgress?: (fraction: number) => void;
    /** Stops the run after the replication under way (RunStopped; nothing is written). */
    signal?: AbortSignal;
  },
): Promise<RunSummary> {
  const folder = new OutputFolder(options.out);
  let trace: NdjsonWriter | undefined;
  try {
    const layout = scenarioLayout(scenario);
    trace = options.trace ? new NdjsonWriter(folder.path("trace.ndjson")) : undefined;
    const writer = trace;
    const loop = {
      seed: options.seed,
      replications: options.replications,
      onProgress: options.onProgress,
      trace: writer ? (record: TraceRecord) => writer.write(record) : undefined,
      signal: options.signal,
    };
    const results =
      (options.workers ?? 1) > 1 && options.replications > 1
        ? await runReplicationsParallel(scenario, { ...loop, workers: options.workers ?? 1 })
        : await runReplicationsStoppable(scenario, loop);
    trace?.close();
    const summary = summarize(scenario, results, {
      seed: options.seed,
      scenarioHash: scenarioHash(scenario),
      version: VERSION,
    });
    folder.writeFile("summary.json", `${JSON.stringify(summary, null, 2)}\n`);
    folder.writeFile("kpis.csv", kpisCsv(summary));
    folder.writeFile("replications.csv", replicationsCsv(results));
    folder.writeFile("scenario.json", `${JSON.stringify(scenario, null, 2)}\n`);
    folder.writeFile("layout.json", `${JSON.stringify(layout)}\n`);
    folder.commit();
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
    .action(async (file: string | undefined, flags: RunFlags) => {
      const issues: InputIssue[] = [];
      const seedFlag = intFlag("--seed", flags.seed, issues, 0, MAX_SEED);
      const replicationsFlag = intFlag(
        "--replications",
        flags.replications,
        issues,
        1,
        MAX_REPLICATIONS,
      );
      const workersFlag = intFlag("--workers", flags.workers, issues, 1, MAX_WORKERS_FLAG);
      let scenario: Scenario | undefined;
      try {
        scenario = readScenarioFile(resolve(file ?? DEFAULT_SCENARIO_PATH));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        issues.push(...error.issues);
      }
      if (scenario)
        checkRunSize(
          scenario,
          displayName(resolve(file ?? DEFAULT_SCENARIO_PATH)),
          flags.force,
          issues,
        );
      if (issues.length > 0 || !scenario) throw new InputError(issues);
      const seed = seedFlag ?? scenario.seed;
      const replications = replicationsFlag ?? scenario.replications;
      const out = resolve(flags.out ?? defaultResultsFolder(scenario.name));
      const bar =
        process.stderr.isTTY && !flags.json
          ? new SingleBar({
              format: `${scenario.name} [{bar}] {percentage}% | ${replications} replication(s) | {duration_formatted} elapsed, {eta_formatted} left`,
              stream: process.stderr,
              hideCursor: true,
            })
          : undefined;
      bar?.start(1000, 0);
      const stop = stopOnSignals(
        "stopping after the replication under way; no results are written (again to quit at once)",
      );
      let summary: RunSummary;
      try {
        summary = await runScenario(scenario, {
          seed,
          replications,
          out,
          trace: flags.trace === true,
          workers: workerCount(workersFlag, { tasks: replications }),
          onProgress: bar ? (f) => bar.update(Math.round(f * 1000)) : undefined,
          signal: stop.signal,
        });
      } catch (error) {
        const received = stop.received();
        if (!(error instanceof RunStopped) || !received) throw error;
        process.stderr.write(`stopped after ${error.finished} replication(s); ${out} unchanged\n`);
        process.exitCode = SIGNAL_EXIT_CODES[received];
        return;
      } finally {
        stop.dispose();
        bar?.stop();
      }
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } else {
        process.stdout.write(
          `${scenario.name}: ${replications} replication(s), seed ${seed}, ${scenario.horizonDays} days (warm-up ${scenario.warmupDays})\n\n`,
        );
        process.stdout.write(kpiTable(summary));
        process.stdout.write(`\nresults: ${out}\n`);
      }
    });
}
