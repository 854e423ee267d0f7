/**
 * makeFolders() and makeFoldersForInput(): nested folders one level at a time, and a clear
 * failure (not a hang, as `mkdirSync(path, { recursive: true })` gives under /proc on
 * Node 20) for a path under /proc or under a file. The /proc case runs in a child process
 * with a timeout, since a synchronous loop cannot be interrupted from inside.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/common/inputError.ts";
import { makeFolders, makeFoldersForInput } from "../../src/node/makeFolders.ts";

const dir = mkdtempSync(join(tmpdir(), "whsim-folders-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = resolve(import.meta.dirname, "../..");

/** The error code makeFolders(path) throws in a child process ("ok" if none), or throws on timeout. */
function codeInChild(path: string): string {
  const script = `import("./src/node/makeFolders.ts").then((m) => {
    try { m.makeFolders(${JSON.stringify(path)}); console.log("ok"); }
    catch (e) { console.log(e.code); }
  });`;
  return execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 20_000,
  }).trim();
}

describe("makeFolders", () => {
  it("makeFolders() creates missing parents and accepts an existing folder", () => {
    const path = join(dir, "a", "b", "c");
    makeFolders(path);
    expect(statSync(path).isDirectory()).toBe(true);
    expect(() => makeFolders(path)).not.toThrow();
  });

  it("makeFolders() under a file throws ENOTDIR naming the file", () => {
    const file = join(dir, "plain.txt");
    writeFileSync(file, "x");
    let error: NodeJS.ErrnoException | undefined;
    try {
      makeFolders(join(file, "x", "y"));
    } catch (e) {
      error = e as NodeJS.ErrnoException;
    }
    expect(error?.code).toBe("ENOTDIR");
    expect(error?.path).toBe(file);
    expect(() => makeFolders(file)).toThrow("ENOTDIR");
  });

  it("makeFolders() under /proc/self fails at once instead of looping", () => {
    expect(codeInChild("/proc/self/whsim-none/a/b")).toMatch(/^(ENOENT|EACCES|EPERM)$/);
  }, 30_000);

  it("makeFoldersForInput() reports the failure as InputError with the flag and value", () => {
    const file = join(dir, "plain2.txt");
    writeFileSync(file, "x");
    let error: unknown;
    try {
      makeFoldersForInput(join(file, "out"), { file: "--out", value: "plain2.txt/out" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `--out: "plain2.txt/out" (a folder whsim can create and write to (ENOTDIR at ${file}))`,
    );
  });
});
