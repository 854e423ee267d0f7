/**
 * An output folder that is never half-written: files go to a temporary folder next to the
 * target, which replaces the target only when everything is written (rename), and is
 * removed if the run fails. Only an earlier whsim results folder (it holds the marker
 * file) or an empty folder may be replaced: anything else at the target is refused as bad
 * input, so a mistyped `--out` never deletes a user's files. The marker lists the files
 * whsim wrote; a results folder that holds any other file (the user's notes, a spreadsheet
 * saved beside the CSVs) is refused too, naming those files. A process that exits while a
 * folder is being written (process.exit, a second Ctrl-C) removes its temporary folder.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
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

/** Every file and link under `dir`, as paths relative to it with `/` separators, sorted. */
export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk("");
  return found.sort();
}

/** The files the marker of results folder `dir` lists, or undefined for an older marker. */
function writtenFiles(dir: string): Set<string> | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, RESULTS_MARKER), "utf8"));
    return Array.isArray(marker?.files) ? new Set(marker.files.map(String)) : undefined;
  } catch {
    return new Set();
  }
}

/** Files in results folder `dir` that whsim did not write (none for a marker without a list). */
export function foreignFiles(dir: string): string[] {
  const written = writtenFiles(dir);
  if (!written) return [];
  return filesUnder(dir).filter((f) => f !== RESULTS_MARKER && !written.has(f));
}

/** Adds `files` (absolute paths inside results folder `dir`) to its marker's list, if it has one. */
export function recordWrittenFiles(dir: string, files: readonly string[]): void {
  const markerPath = join(dir, RESULTS_MARKER);
  if (!existsSync(markerPath)) return;
  let marker: { files?: unknown };
  try {
    marker = JSON.parse(readFileSync(markerPath, "utf8"));
  } catch {
    return;
  }
  if (!Array.isArray(marker.files)) return;
  const inside = files
    .map((f) => relative(dir, f))
    .filter((f) => f !== "" && !f.startsWith("..") && !f.startsWith(sep))
    .map((f) => f.split(sep).join("/"));
  const list = [...new Set([...marker.files.map(String), ...inside])].sort();
  writeFileSync(markerPath, `${JSON.stringify({ ...marker, files: list })}\n`);
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
  if (entries.length === 0) return;
  if (entries.includes(RESULTS_MARKER)) {
    const foreign = foreignFiles(target);
    if (foreign.length === 0) return;
    const shown = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? ", …" : "");
    throw issue(
      `a folder holding only what whsim wrote; it also holds ${shown}, which whsim will not delete (move them, or choose another ${flag})`,
    );
  }
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
  private readonly kind: string;
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
    this.kind = options.kind ?? "results";
    this.writeMarker([]);
  }

  /** Path of a file inside the temporary folder. */
  path(name: string): string {
    return join(this.staging, name);
  }

  /** Writes a whole text file into the temporary folder. */
  writeFile(name: string, text: string): void {
    writeFileSync(this.path(name), text);
  }

  private writeMarker(files: string[]): void {
    const marker = { writer: "whsim", version: VERSION, kind: this.kind, files };
    writeFileSync(this.path(RESULTS_MARKER), `${JSON.stringify(marker)}\n`);
  }

  /** Replaces the target with the finished folder (an earlier results folder is removed). */
  commit(): void {
    if (this.done) return;
    this.writeMarker(filesUnder(this.staging).filter((f) => f !== RESULTS_MARKER));
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
