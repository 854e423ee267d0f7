/**
 * Writes a report's files atomically: each goes to a temporary file beside its target and
 * all are renamed into place only when every one has been written, so a failure leaves
 * no half report (and the previous report, if any, untouched).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Files staged for an all-or-nothing publish. */
export class StagedFiles {
  private readonly staged: [string, string][] = [];
  private readonly stamp = `${process.pid}-${Date.now().toString(36)}`;

  /** A temporary path for `target` (its folder is created if missing). */
  stage(target: string): string {
    mkdirSync(dirname(target), { recursive: true });
    const tmp = join(dirname(target), `.${basename(target)}.tmp-${this.stamp}`);
    this.staged.push([target, tmp]);
    return tmp;
  }

  /** Writes `data` to a temporary file for `target`. */
  write(target: string, data: string | Uint8Array): void {
    writeFileSync(this.stage(target), data);
  }

  /** Renames every temporary file onto its target; returns the targets. */
  commit(): string[] {
    for (const [, tmp] of this.staged) {
      if (!existsSync(tmp)) throw new Error(`staged file missing: ${tmp}`);
    }
    for (const [target, tmp] of this.staged) renameSync(tmp, target);
    return this.staged.map(([target]) => target);
  }

  /** Removes every temporary file. */
  abort(): void {
    for (const [, tmp] of this.staged) rmSync(tmp, { force: true });
  }
}
