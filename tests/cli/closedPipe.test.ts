/**
 * `whsim run … | head -1`: the reader closes the pipe early. The run must still finish
 * its results folder and exit 0, with no stack trace on stderr.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "whsim-pipe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = `name: piped
horizonDays: 1
warmupDays: 0.25
replications: 2
layout:
  generator: traditional
  name: piped
  aisles: 4
  baysPerAisle: 6
  levels: 3
  packStations: 2
skus:
  count: 60
outbound:
  ordersPerDay: 120
`;

describe("whsim run with its output piped into a reader that stops early", () => {
  it("finishes the results folder and exits 0 without a stack trace", async () => {
    const file = join(dir, "piped.yaml");
    writeFileSync(file, scenario);
    const out = join(dir, "results");
    const child = spawn(
      process.execPath,
      ["bin/whsim.js", "run", file, "--out", out, "--workers", "1"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    // Like `head -1`: read the first chunk, then close our end of the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event|at .*\.js:\d+/);
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.replications).toBe(2);
    expect(existsSync(join(out, "kpis.csv"))).toBe(true);
  });
});
