/**
 * Shared pieces of the experiment commands (`compare`, `sweep`, `optimize`): flag parsing
 * with every problem collected, the executor's lifetime, Ctrl-C as a clean stop, a progress
 * bar on a terminal, atomic output folders and plain-text tables.
 */

import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { SingleBar } from "cli-progress";
import { InputError, type InputIssue, isInputError } from "../common/inputError.ts";
import { formatNumber } from "../common/units.ts";
import type { Executor } from "../experiment/types.ts";
import { OutputFolder } from "../node/outputFolder.ts";
import { checkScenario, runSizeIssues, type Scenario } from "../scenario/index.ts";
import { scenarioLayout } from "../warehouse/index.ts";
import { createExecutor } from "./createExecutor.ts";
import { MAX_WORKERS_FLAG, workerCount } from "./workerCount.ts";

/** Flags every experiment command takes. */
export interface ExperimentFlags {
  replications?: string;
  seed?: string;
  workers?: string;
  executor?: string;
  out?: string;
  json?: boolean;
  precision?: string;
  warmupDays?: string;
  force?: boolean;
}

/** Parses an integer flag in [min, max]; pushes an issue and returns undefined if bad. */
export function intFlag(
  flag: string,
  value: string | undefined,
  issues: InputIssue[],
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*-?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    issues.push({ file: flag, path: "", value, expected: `an integer from ${min} to ${max}` });
    return undefined;
  }
  return n;
}

/** Parses `--precision 2%` or `0.02` into a fraction in (0, 1). */
export function precisionFlag(value: string | undefined, issues: InputIssue[]): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
  const x = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN;
  if (!(x > 0 && x < 1)) {
    issues.push({
      file: "--precision",
      path: "",
      value,
      expected: "a relative precision such as 2% or 0.02",
    });
    return undefined;
  }
  return x;
}

/**
 * The warm-up deletion hook: `--warmup-days D` replaces every scenario's `warmupDays`
 * (statistics start after it); the scenario is validated again (D < horizonDays).
 */
export function applyWarmup(
  scenario: Scenario,
  value: string | undefined,
  file: string,
  issues: InputIssue[],
): Scenario {
  if (value === undefined) return scenario;
  const days = Number(value);
  if (value.trim() === "" || !Number.isFinite(days) || days < 0) {
    if (!issues.some((i) => i.file === "--warmup-days")) {
      issues.push({ file: "--warmup-days", path: "", value, expected: "days >= 0, e.g. 0.5" });
    }
    return scenario;
  }
  try {
    return checkScenario({ ...scenario, warmupDays: days }, `${file} with --warmup-days ${value}`);
  } catch (error) {
    if (!isInputError(error)) throw error;
    issues.push(...error.issues);
    return scenario;
  }
}

/** Largest `--seed` (a 31-bit seed) and `--replications` a command accepts. */
export const MAX_SEED = 2 ** 31 - 1;
export const MAX_REPLICATIONS = 100_000;

/** The common numeric flags, checked together. */
export function commonFlags(flags: ExperimentFlags, issues: InputIssue[]) {
  return {
    replications: intFlag("--replications", flags.replications, issues, 1, MAX_REPLICATIONS),
    seed: intFlag("--seed", flags.seed, issues, 0, MAX_SEED),
    workers: workerCount(intFlag("--workers", flags.workers, issues, 1, MAX_WORKERS_FLAG)),
    precision: precisionFlag(flags.precision, issues),
  };
}

/** Help text of `--force`, the same on every command that simulates. */
export const FORCE_HELP = "run even when the estimated size of a replication is above the limits";

/**
 * Refuses, unless `force`, a scenario whose estimated replication (orders, lines, events)
 * is above the limits: every field may be in range while together they ask for days.
 */
export function checkRunSize(
  scenario: Scenario,
  file: string,
  force: boolean | undefined,
  issues: InputIssue[],
): void {
  if (!force) issues.push(...runSizeIssues(scenario, file));
}

/** Throws the collected issues, if any. */
export function throwIssues(issues: InputIssue[]): void {
  if (issues.length > 0) throw new InputError(issues);
}

/** A running experiment's surroundings: executor, Ctrl-C handling, progress bar. */
export interface ExperimentSession {
  executor: Executor;
  signal: AbortSignal;
  /** Reports one finished replication of `total`, and the stage under way if any. */
  progress(done: number, total: number, stage?: string): void;
  close(): Promise<void>;
}

/**
 * Starts an executor with Ctrl-C wired to a clean stop (finished replications are kept)
 * and a progress bar on stderr when it is a terminal.
 */
export function openSession(options: {
  workers: number;
  executor?: string;
  label: string;
  model?: string;
}): ExperimentSession {
  const executor = createExecutor({
    workers: options.workers,
    executor: options.executor,
    model: options.model,
  });
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(
      "\nstopping: keeping the finished replications (Ctrl-C again to quit at once)\n",
    );
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: `${options.label}{stage} [{bar}] {value}/{total} replications | {duration_formatted} elapsed, {eta_formatted} left`,
        stream: process.stderr,
        hideCursor: true,
      })
    : undefined;
  let started = false;
  // One line says the run has started and how to stop it (the bar starts with the first
  // finished replication, which may take a while).
  process.stderr.write(
    `${options.label}: running on ${options.workers} worker(s); Ctrl-C stops and keeps the finished replications\n`,
  );
  return {
    executor,
    signal: controller.signal,
    progress(done, total, stage) {
      if (!bar) return;
      const payload = { stage: stage ? `: ${stage}` : "" };
      if (!started) {
        bar.start(total, 0, payload);
        started = true;
      }
      bar.setTotal(Math.max(total, done));
      bar.update(done, payload);
    },
    async close() {
      if (started) bar?.stop();
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigint);
      await executor.close();
    },
  };
}

/**
 * The inputs of one scenario as results-folder files: `<prefix>scenario.json` (the resolved
 * scenario that was run) and `<prefix>layout.json` (its built layout), e.g. prefix
 * `candidates/0/`. Collects a layout that cannot be built into `issues` instead.
 */
export function scenarioInputFiles(
  scenario: Scenario,
  prefix: string,
  file: string,
  issues: InputIssue[],
): Record<string, string> {
  try {
    const layout = scenarioLayout(scenario, file);
    return {
      [`${prefix}scenario.json`]: jsonText(scenario),
      [`${prefix}layout.json`]: `${JSON.stringify(layout)}\n`,
    };
  } catch (error) {
    if (!isInputError(error)) throw error;
    issues.push(...error.issues);
    return {};
  }
}

/**
 * Writes `files` into `dir` atomically (all or nothing); names may hold sub-folders
 * (`a/b.json`). Partial results (a run stopped early) never replace an earlier results
 * folder: they go to `<dir>.partial` instead, and a line on stderr says so. Returns the
 * folder written.
 */
export function writeOutput(
  dir: string,
  files: Record<string, string>,
  options: { partial?: boolean } = {},
): string {
  if (options.partial && existsSync(dir) && readdirSync(dir).length > 0) {
    const beside = `${dir.replace(/[/\\]+$/, "")}.partial`;
    writeFolder(beside, files);
    process.stderr.write(
      `partial results written to ${beside}; the earlier results in ${dir} are kept\n`,
    );
    return beside;
  }
  writeFolder(dir, files);
  return dir;
}

function writeFolder(dir: string, files: Record<string, string>): void {
  const folder = new OutputFolder(dir);
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(folder.path(name)), { recursive: true });
      folder.writeFile(name, text);
    }
    folder.commit();
  } catch (error) {
    folder.abort();
    throw error;
  }
}

/** A number for a table by the shared rule (about 4 significant digits, never an exponent). */
export function num(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return "-";
  return formatNumber(x);
}

/** Renders rows as an aligned text table (first row is the header). */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd();
  return [
    line(rows[0]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ].join("\n");
}

/** JSON with a trailing newline, two-space indent. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
