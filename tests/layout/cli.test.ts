import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { whsim } from "../setup/inProcessCli.ts";

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("whsim layout <file> [--svg out.svg] [--json]", () => {
  it("prints capacity by zone and type and avgSingleCommandDistanceM, and draws the SVG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-layout-"));
    const svg = join(dir, "default.svg");
    const run = await whsim("layout", "layouts/default.yaml", "--json", "--svg", svg);
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats.locations).toBe(6336 + 8 + 4);
    expect(stats.byType.floor.locations).toBe(12);
    expect(stats.byZone.forward.locations).toBe(3 * 2 * 24 * 5 * 4);
    expect(stats.pickingAisles).toBe(12);
    expect(stats.avgSingleCommandDistanceM).toBeGreaterThan(0);
    const drawing = readFileSync(svg, "utf8");
    expect(drawing).toMatch(/^<svg /);
    expect(drawing.match(/class="rack"/g)?.length).toBe(12 * 2 * 2);
  });

  it("prints a readable summary without --json", async () => {
    const run = await whsim("layout", "layouts/explicit-small.yaml");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("avg single-command distance from PD: 46 m");
    expect(run.stdout).toContain("picking aisles 2, cross aisles 3");
  });

  it("exits 2 on a bad file with file: path: value (expected), no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-layout-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "generator: traditional\nname: x\naisles: ten\nbaysPerAisle: 4\n");
    const run = await whsim("layout", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}: aisles: "ten" (number)`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
