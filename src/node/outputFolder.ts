/**
 * An output folder that is never half-written: files go to a temporary folder next to the
 * target, which replaces the target only when everything is written (rename), and is
 * removed if the run fails.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** A results folder being written; `commit()` publishes it, `abort()` discards it. */
export class OutputFolder {
  /** Final location. */
  readonly target: string;
  /** Temporary folder the files are written to until commit. */
  readonly staging: string;
  private done = false;

  /** Creates the temporary folder next to `target` (the parent is created if missing). */
  constructor(target: string) {
    this.target = resolve(target);
    const parent = dirname(this.target);
    mkdirSync(parent, { recursive: true });
    const stamp = `${process.pid}-${Date.now().toString(36)}`;
    this.staging = join(parent, `.${basename(this.target)}.tmp-${stamp}`);
    mkdirSync(this.staging);
  }

  /** Path of a file inside the temporary folder. */
  path(name: string): string {
    return join(this.staging, name);
  }

  /** Writes a whole text file into the temporary folder. */
  writeFile(name: string, text: string): void {
    writeFileSync(this.path(name), text);
  }

  /** Replaces the target with the finished folder (the old target is removed). */
  commit(): void {
    if (this.done) return;
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
    if (old) rmSync(old, { recursive: true, force: true });
  }

  /** Discards the temporary folder; the target is left as it was. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    rmSync(this.staging, { recursive: true, force: true });
  }
}
