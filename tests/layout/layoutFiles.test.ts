import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { whsim } from "../setup/inProcessCli.ts";

const tmp = mkdtempSync(join(tmpdir(), "whsim-layouts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("whsim layout <files...>", () => {
  it("whsim layout a.yaml b.yaml reports each layout", async () => {
    const run = await whsim("layout", "layouts/default.yaml", "layouts/explicit-small.yaml");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^default-dc: /m);
    expect(run.stdout).toMatch(/^explicit-small: /m);
  });

  it("whsim layout --json with two files prints an array", async () => {
    const run = await whsim(
      "layout",
      "layouts/default.yaml",
      "layouts/explicit-small.yaml",
      "--json",
    );
    const stats = JSON.parse(run.stdout);
    expect(stats.map((s: { name: string }) => s.name)).toEqual(["default-dc", "explicit-small"]);
  });

  it("whsim layout <scenario> says it looks like a scenario, and still reports the good files", async () => {
    const run = await whsim("layout", "layouts/explicit-small.yaml", "scenarios/default.yaml");
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^explicit-small: /m);
    expect(run.stderr).toMatch(/scenarios\/default\.yaml: .*looks like a scenario/);
    expect(run.stderr).not.toMatch(/generator: missing/);
  });

  it("whsim layout names a scenario's layout file when it has one", async () => {
    const path = join(tmp, "s.yaml");
    writeFileSync(path, "name: s\nlayout: ../layouts/default.yaml\nhorizonDays: 1\n");
    const run = await whsim("layout", path);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/whose layout is \.\.\/layouts\/default\.yaml/);
  });
});
