/**
 * The results folders of the commands that simulate: written atomically (all or nothing),
 * partial results beside an earlier complete folder, and the printed answer after them.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { type InputIssue, isInputError } from "../common/inputError.ts";
import { OutputFolder } from "../node/outputFolder.ts";
import type { Scenario } from "../scenario/index.ts";
import { scenarioLayout } from "../warehouse/index.ts";

/** JSON with a trailing newline, two-space indent. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
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
 * Writes `files` into `folder` (names may hold sub-folders: `a/b.json`) and publishes it;
 * discards it if anything fails.
 */
export function commitFiles(folder: OutputFolder, files: Record<string, string>): void {
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

/**
 * Writes `files` into `dir` atomically (all or nothing). Partial results (a run stopped
 * early) never replace an earlier results folder: they go to `<dir>.partial` instead, and a
 * line on stderr says so. Returns the folder written.
 */
export function writeOutput(
  dir: string,
  files: Record<string, string>,
  options: { partial?: boolean } = {},
): string {
  if (options.partial && existsSync(dir) && readdirSync(dir).length > 0) {
    const beside = `${dir.replace(/[/\\]+$/, "")}.partial`;
    commitFiles(new OutputFolder(beside), files);
    process.stderr.write(
      `partial results written to ${beside}; the earlier results in ${dir} are kept\n`,
    );
    return beside;
  }
  commitFiles(new OutputFolder(dir), files);
  return dir;
}

/** The results of an experiment command and how to show them. */
export interface CommandResults {
  /** The results folder. */
  dir: string;
  files: Record<string, string>;
  /** True when the run was stopped early: partial results, exit code 130. */
  stopped: boolean;
  /** Print `document` as JSON instead of `text`. */
  json?: boolean;
  document: unknown;
  /** The printed answer, given the folder written. */
  text(written: string): string;
}

/** Writes the results folder, then prints the answer (or the document as JSON). */
export function publishResults(results: CommandResults): void {
  const written = writeOutput(results.dir, results.files, { partial: results.stopped });
  process.stdout.write(results.json ? jsonText(results.document) : results.text(written));
  if (results.stopped) process.exitCode = 130;
}
