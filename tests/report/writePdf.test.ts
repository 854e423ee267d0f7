/** `whsim report --pdf` when the browser named by CHROMIUM_PATH is not there. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "whsim-write-pdf-"));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("whsim report --pdf", () => {
  it("exits 2 with one line naming CHROMIUM_PATH when it names no browser, and writes nothing", () => {
    const dir = join(work, "run");
    cpSync(join(root, "tests/fixtures/report/run"), dir, { recursive: true });
    const before = readdirSync(dir).sort();
    const missing = join(work, "no-chrome-here");
    const result = spawnSync(process.execPath, ["bin/whsim.js", "report", dir, "--pdf"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CHROMIUM_PATH: missing, WHSIM_BROWSER: "" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `error: CHROMIUM_PATH: ${JSON.stringify(missing)} (an executable Chrome or Chromium)\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60_000);
});
