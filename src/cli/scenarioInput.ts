/**
 * The scenario of a command that simulates, as its flags change it (`--warmup-days`) and
 * check it (`--force` for the size limits), with every problem collected.
 */
import { resolve } from "node:path";
import { collectIssues, InputError, type InputIssue, isInputError } from "../common/inputError.ts";
import { readScenarioFile } from "../node/readScenarioFile.ts";
import { checkScenario, runSizeIssues, type Scenario } from "../scenario/index.ts";
import { checkRunnable } from "../warehouse/index.ts";

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
  const checked = collectIssues(issues, () =>
    checkScenario({ ...scenario, warmupDays: days }, `${file} with --warmup-days ${value}`),
  );
  return checked ?? scenario;
}

/**
 * Adds to `issues` what building `scenario`'s run finds (a storage rule without its data, a
 * case that fits no face, a reserve too small), named by `file`, so nothing starts on it.
 * Only when nothing else is wrong: a scenario above the size limits takes long to build.
 */
export function checkRunnableIn(scenario: Scenario, file: string, issues: InputIssue[]): void {
  if (issues.length > 0) return;
  try {
    // Builds the run's setup (SKUs, storage rules, initial stock) as a replication does.
    checkRunnable(scenario);
  } catch (error) {
    if (!isInputError(error)) throw error;
    issues.push(...error.issues.map((i) => (i.file === "<scenario>" ? { ...i, file } : i)));
  }
}

/** Scenario `file` with `--warmup-days` applied, or undefined with its problems in `issues`. */
export function readScenarioFlags(
  file: string,
  warmupDays: string | undefined,
  issues: InputIssue[],
): Scenario | undefined {
  return collectIssues(issues, () =>
    applyWarmup(readScenarioFile(resolve(file)), warmupDays, file, issues),
  );
}

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
