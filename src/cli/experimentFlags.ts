/**
 * The flags of the commands that simulate (`run`, `compare`, `sweep`, `optimize`, `staff`):
 * parsed with every problem collected, and the options they share registered once.
 */
import type { Command } from "commander";
import type { InputIssue } from "../common/inputError.ts";
import { checkReplaceable } from "../node/outputFolder.ts";
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

/** Largest `--seed` (a 31-bit seed) and `--replications` a command accepts. */
export const MAX_SEED = 2 ** 31 - 1;
export const MAX_REPLICATIONS = 100_000;

/** The numeric flags, checked together; `workers` as asked (not yet capped at the cores). */
export function numericFlags(
  flags: Pick<ExperimentFlags, "replications" | "seed" | "workers" | "precision">,
  issues: InputIssue[],
) {
  return {
    replications: intFlag("--replications", flags.replications, issues, 1, MAX_REPLICATIONS),
    seed: intFlag("--seed", flags.seed, issues, 0, MAX_SEED),
    workers: intFlag("--workers", flags.workers, issues, 1, MAX_WORKERS_FLAG),
    precision: precisionFlag(flags.precision, issues),
  };
}

/** The numeric flags with the worker threads to start. */
export function commonFlags(flags: ExperimentFlags, issues: InputIssue[]) {
  const parsed = numericFlags(flags, issues);
  return { ...parsed, workers: workerCount(parsed.workers) };
}

/** The parsed common flags of an experiment command. */
export type CommonFlags = ReturnType<typeof commonFlags>;

/**
 * Starts checking an experiment command's input: refuses a mistyped `--out` before any
 * simulation runs, not after, then parses the common flags into `issues`.
 */
export function beginExperiment(
  flags: ExperimentFlags,
  issues: InputIssue[] = [],
): { issues: InputIssue[]; parsed: CommonFlags } {
  if (flags.out) checkReplaceable(flags.out);
  return { issues, parsed: commonFlags(flags, issues) };
}

/** Help text of `--force`, the same on every command that simulates. */
export const FORCE_HELP = "run even when the estimated size of a replication is above the limits";

/** Help texts of the shared options a command takes; an option without one is left out. */
export interface ExperimentHelp {
  replications?: string;
  precision?: string;
  seed: string;
  warmupDays?: string;
  /** The results folder's default. */
  out: string;
  /** Help of `--json`: what it prints instead of the tables. */
  json: string;
}

/**
 * Adds the shared options in their usual order (after the command's own): replications,
 * precision, seed, warm-up, threads or another executor, results folder, JSON and force.
 */
export function addExperimentOptions(command: Command, help: ExperimentHelp): Command {
  if (help.replications) command.option("--replications <n>", help.replications);
  if (help.precision) command.option("--precision <p>", help.precision);
  command.option("--seed <n>", help.seed);
  if (help.warmupDays) command.option("--warmup-days <d>", help.warmupDays);
  return command
    .option("--workers <n>", "worker threads (default: the number of cores)")
    .option("--executor <address>", "run replications elsewhere (e.g. redis://host:port)")
    .option("--out <dir>", `results folder (default: ${help.out})`)
    .option("--json", help.json)
    .option("--force", FORCE_HELP);
}
