/**
 * An output folder that is never half-written: files go to a temporary folder next to the
 * target, which replaces the target only when everything is written (rename), and is
 * removed if the run fails. Only an earlier whsim results folder (it holds the marker
 * file) or an empty folder may be replaced: anything else at the target is refused as bad
 * input, so a mistyped `--out` never deletes a user's files. A process that exits while a
 * folder is being written (process.exit, a second Ctrl-C) removes its temporary folder.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../common/inputError.ts";
import { VERSION } from "../common/version.ts";
import { makeFolders } from "./makeFolders.ts";

/** The file that marks a folder as written by whsim (and so safe to replace). */
export const RESULTS_MARKER = ".whsim-results";

/** Options for an output folder. */
export interface OutputFolderOptions {
  /** How the folder was named on the command line, for messages. Defaults to `--out`. */
  flag?: string;
  /** What kind of results the folder holds (run, compare, sweep, optimize, report…). */
  kind?: string;
}

/** Throws an InputError unless `target` is absent, an empty folder or a whsim results folder. */
export function checkReplaceable(target: string, flag = "--out"): void {
  if (!existsSync(target)) return;
  const issue = (expected: string) =>
    new InputError({ file: flag, path: "", value: target, expected });
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(target);
  } catch {
    throw issue("a folder whsim can write to");
  }
  if (!stats.isDirectory()) {
    throw issue("a folder for the results; a file of that name exists and is left alone");
  }
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(RESULTS_MARKER)) return;
  throw issue(
    "a new folder or an earlier whsim results folder; this folder holds other files, which whsim will not replace",
  );
}

/** A results folder being written; `commit()` publishes it, `abort()` discards it. */
export class OutputFolder {
  /** Final location. */
  readonly target: string;
  /** Temporary folder the files are written to until commit. */
  readonly staging: string;
  private done = false;
  /** Removes the temporary folder if the process exits before commit or abort. */
  private readonly onExit = () => this.abort();

  /**
   * Creates the temporary folder next to `target` (the parent is created if missing).
   * Throws InputError when the target may not be replaced or cannot be created.
   */
  constructor(target: string, options: OutputFolderOptions = {}) {
    const flag = options.flag ?? "--out";
    this.target = resolve(target);
    checkReplaceable(this.target, flag);
    const parent = dirname(this.target);
    const stamp = `${process.pid}-${Date.now().toString(36)}`;
    this.staging = join(parent, `.${basename(this.target)}.tmp-${stamp}`);
    try {
      makeFolders(parent);
      mkdirSync(this.staging);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? "error";
      throw new InputError({
        file: flag,
        path: "",
        value: target,
        expected: `a folder whsim can create and write to (${reason})`,
      });
    }
    process.on("exit", this.onExit);
    writeFileSync(
      this.path(RESULTS_MARKER),
      `${JSON.stringify({ writer: "whsim", version: VERSION, kind: options.kind ?? "results" })}\n`,
    );
  }

  /** Path of a file inside the temporary folder. */
  path(name: string): string {
    return join(this.staging, name);
  }

  /** Writes a whole text file into the temporary folder. */
  writeFile(name: string, text: string): void {
    writeFileSync(this.path(name), text);
  }

  /** Replaces the target with the finished folder (an earlier results folder is removed). */
  commit(): void {
    if (this.done) return;
    // NOTE: checked again here, as the target may have appeared while the run went on.
    checkReplaceable(this.target);
    let old: string | undefined;
    if (existsSync(this.target)) {
      old = `${this.staging}.old`;
      renameSync(this.target, old);
    }
    try {
      renameSync(this.staging, this.target);
    } catch (error) {
      if (old) renameSync(old, this.target);
      throw error;
    }
    this.done = true;
    process.off("exit", this.onExit);
    if (old) rmSync(old, { recursive: true, force: true });
  }

  /** Discards the temporary folder; the target is left as it was. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    process.off("exit", this.onExit);
    rmSync(this.staging, { recursive: true, force: true });
  }
}
