/**
 * Every command that simulates refuses a scenario whose estimated replication is above the
 * size limits (exit 2, naming what is too big and --force), before anything runs; --force
 * lets it through.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";

const dir = mkdtempSync(join(tmpdir(), "whsim-run-size-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const huge = join(dir, "huge.yaml");
writeFileSync(
  huge,
  `name: huge
horizonDays: 400
warmupDays: 0
layout: { generator: traditional, name: s, aisles: 4, baysPerAisle: 6, packStations: 2 }
skus: { count: 80 }
outbound: { ordersPerDay: 1000000 }
`,
);
const small = join(dir, "small.yaml");
writeFileSync(
  small,
  `name: small
horizonDays: 1
warmupDays: 0
layout: { generator: traditional, name: s, aisles: 4, baysPerAisle: 6, packStations: 2 }
skus: { count: 80 }
outbound: { ordersPerDay: 100 }
`,
);
const spec = join(dir, "huge.optimize.yaml");
writeFileSync(
  spec,
  `scenario: huge.yaml
model: unitLoad
objective: travelMPerRequest
space:
  layout.crossAisles: [0, 1]
budget: 20
`,
);

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: any) => {
    err += String(chunk);
    return true;
  });
  try {
    return { code: await main(["node", "whsim", ...args]), err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

const tooBig =
  /run size \(outbound\.ordersPerDay × horizonDays.*\): "about 400000000 orders per replication" \(at most 1000000; .*--force/;

describe("run size limits", () => {
  it.each([
    ["run", [huge, "--workers", "1", "--out", join(dir, "out-run")]],
    ["compare", [small, huge, "--workers", "1", "--out", join(dir, "out-compare")]],
    ["staff", [huge, "--workers", "1", "--out", join(dir, "out-staff")]],
    ["optimize", [spec, "--workers", "1", "--out", join(dir, "out-optimize")]],
  ])("whsim %s refuses a replication above the limits with exit 2", async (command, args) => {
    const r = await cli(command, ...args);
    expect(r.err).toMatch(tooBig);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(r.code).toBe(2);
  });

  it("whsim sweep checks every point of the grid", async () => {
    const r = await cli(
      "sweep",
      small,
      "--set",
      "outbound.ordersPerDay=100,1000000",
      "--set",
      "horizonDays=1,400",
      "--workers",
      "1",
      "--out",
      join(dir, "out-sweep"),
    );
    expect(r.code).toBe(2);
    const lines = r.err.split("\n").filter((l) => / orders per replication/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /--set .*ordersPerDay=1000000.*horizonDays=400|--set .*horizonDays=400.*ordersPerDay=1000000/,
    );
  });

  it("--force skips the check (only the other problem is left)", async () => {
    const without = await cli("run", huge, "--seed", "-1", "--out", join(dir, "out-force"));
    expect(without.err).toMatch(tooBig);
    const forced = await cli(
      "run",
      huge,
      "--seed",
      "-1",
      "--force",
      "--out",
      join(dir, "out-force"),
    );
    expect(forced.code).toBe(2);
    expect(forced.err).not.toMatch(/run size/);
    expect(forced.err).toContain("--seed");
  });
});
