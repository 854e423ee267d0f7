/**
 * Writes a report's files atomically: each goes to a temporary file beside its target and
 * all are renamed into place only when every one has been written, so a failure leaves
 * no half report (and the previous report, if any, untouched).
 */
import { existsSync, lstatSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../common/inputError.ts";
import { makeFoldersForInput } from "../node/makeFolders.ts";

/**
 * Throws an InputError unless every target may be written: none may be a folder or anything
 * but a regular file, and without `replace` none may exist (`flag` and `value` name the
 * option in the message; `force` names the option that allows replacing).
 */
export function checkTargets(
  targets: readonly string[],
  options: { flag: string; value: string; replace: boolean; force: string },
): void {
  const present = targets.filter((t) => existsSync(t));
  const odd = present.filter((t) => !lstatSync(t).isFile());
  const issue = (expected: string) =>
    new InputError({ file: options.flag, path: "", value: options.value, expected });
  if (odd.length > 0) {
    throw issue(`a file name; ${odd.join(", ")} is a folder or not a regular file, left alone`);
  }
  if (present.length > 0 && !options.replace) {
    throw issue(
      `a new file name, or ${options.force} to replace what exists: ${present.join(", ")}`,
    );
  }
}

/** Files staged for an all-or-nothing publish. */
export class StagedFiles {
  private readonly staged: [string, string][] = [];
  private readonly stamp = `${process.pid}-${Date.now().toString(36)}`;

  /** `flag` names where the targets came from in messages. Defaults to `--out`. */
  constructor(private readonly flag = "--out") {}

  /**
   * A temporary path for `target`. Its folder is created if missing; throws InputError when
   * it cannot be (a part of the path is a file, or the parent refuses new folders).
   */
  stage(target: string): string {
    makeFoldersForInput(dirname(target), { file: this.flag, value: target });
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
