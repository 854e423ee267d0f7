import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDemandCsv } from "../../src/cli/commands/inventory.ts";
import { InputError } from "../../src/common/inputError.ts";
import { whsim } from "../setup/inProcessCli.ts";

afterEach(() => {
  process.exitCode = undefined;
});

describe("whsim inventory", () => {
  it("prints the KPIs with CIs and theory, and --json the same result as JSON", async () => {
    const args = [
      "inventory",
      "--demand",
      "poisson:2/day",
      "--lead-time",
      "5d",
      "--policy",
      "sQ:12,20",
      "--days",
      "2000",
    ];
    const text = await whsim(...args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/fill rate\s+0\.9\d+\s+[\d.]+\s+0\.97345/);
    expect(text.stdout).toContain("cycle service level");
    const json = await whsim(...args, "--json", "--seed", "4");
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.kind).toBe("inventoryPolicy");
    expect(result.seed).toBe(4);
    expect(result.kpis.ordersPerDay.theory).toBe(0.1);
  });

  it("reads a YAML file and a demand CSV; flags override the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-inv-"));
    const yaml = join(dir, "policy.yaml");
    writeFileSync(yaml, "demand: poisson:9/day\nleadTime: 2\npolicy: sQ:2,5\ndays: 500\nseed: 1\n");
    const csv = join(dir, "demand.csv");
    writeFileSync(csv, "date,units\n2026-01-01,1\n2026-01-02,1\n");
    const r = await whsim("inventory", yaml, "--demand-csv", csv, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // Demand is 1 every day: the deterministic (2,5) case has on-hand 5,4,3,2,1 → 3.
    expect(JSON.parse(r.stdout).kpis.averageOnHand.mean).toBeCloseTo(3, 10);
  });

  it("bad flags exit 2 with one line per problem naming the flag and value", async () => {
    const r = await whsim(
      "inventory",
      "--demand",
      "poison:2/day",
      "--lead-time",
      "5d",
      "--policy",
      "sQ:12,20",
      "--days",
      "ten",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --days: "ten" (a number)');
    expect(r.stderr).toContain('error: --demand: "poison:2/day"');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("parseDemandCsv() reads a named or the last column and reports bad cells by row", () => {
    expect(parseDemandCsv("3\n4\n0\n", "d.csv")).toEqual([3, 4, 0]);
    expect(parseDemandCsv("day,a,b\n1,5,6\n2,7,8\n", "d.csv", "a")).toEqual([5, 7]);
    try {
      parseDemandCsv("day,units\n1,5\n2,-1\n3,x\n", "d.csv");
      throw new Error("expected InputError");
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues.map((i) => i.path)).toEqual([
        "row 3, column units",
        "row 4, column units",
      ]);
    }
  });
});
