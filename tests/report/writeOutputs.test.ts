/**
 * StagedFiles and `whsim report --out`: a folder that cannot be created is bad input (exit
 * 2, one line), never a hang under /proc or a stack trace, and nothing is left behind.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/common/inputError.ts";
import { StagedFiles } from "../../src/report/writeOutputs.ts";

const dir = mkdtempSync(join(tmpdir(), "whsim-staged-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = resolve(import.meta.dirname, "../..");

describe("StagedFiles", () => {
  it("files.write() creates missing folders and commit() publishes the file", () => {
    const files = new StagedFiles();
    const target = join(dir, "new", "deeper", "r.html");
    files.write(target, "<p>hi</p>");
    expect(files.commit()).toEqual([target]);
    expect(readdirSync(join(dir, "new", "deeper"))).toEqual(["r.html"]);
  });

  it("files.stage() under a file throws InputError naming --out and the target", () => {
    const file = join(dir, "plain.txt");
    writeFileSync(file, "x");
    const target = join(file, "sub", "r.html");
    const files = new StagedFiles();
    expect(() => files.stage(target)).toThrow(InputError);
    expect(() => files.stage(target)).toThrow(
      `--out: ${JSON.stringify(target)} (a folder whsim can create and write to (ENOTDIR at ${file}))`,
    );
  });

  it("as a process: whsim report --out under /proc exits 2 with one line, without hanging", () => {
    const out = "/proc/self/whsim-none/report.html";
    const r = spawnSync(
      process.execPath,
      ["bin/whsim.js", "report", "tests/fixtures/report/run", "--out", out],
      { cwd: root, encoding: "utf8", timeout: 120_000 },
    );
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: --out: "\/proc\/self\/whsim-none\/report\.html" \(a folder whsim can create and write to \((ENOENT|EACCES|EPERM) at \/proc\/self\/whsim-none\)\)$/,
    );
    expect(existsSync(join(root, "tests/fixtures/report/run/report.html"))).toBe(false);
  }, 130_000);
});
