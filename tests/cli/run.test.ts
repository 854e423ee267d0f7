/**
 * `whsim run` and `whsim validate` through the CLI entry: exit codes, messages, the
 * results folder (byte-identical summary.json for the same seed) and that a failed run
 * never leaves a half-written folder behind.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";

const dir = mkdtempSync(join(tmpdir(), "whsim-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = `name: small
horizonDays: 2
warmupDays: 0.5
replications: 2
layout:
  generator: traditional
  name: small
  aisles: 4
  baysPerAisle: 6
  levels: 3
  packStations: 2
skus:
  count: 80
outbound:
  ordersPerDay: 150
`;

/** Runs the CLI in this process; returns exit code, stdout and stderr. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((chunk: any) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: any) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(["node", "whsim", ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

describe("whsim run", () => {
  it("writes the results folder; the same seed gives a byte-identical summary.json", async () => {
    const file = join(dir, "small.yaml");
    writeFileSync(file, small);
    const a = await cli("run", file, "--seed", "5", "--out", join(dir, "a"), "--trace");
    expect(a.code).toBe(0);
    expect(a.out).toContain("throughputOrdersPerHour");
    expect(readdirSync(join(dir, "a")).sort()).toEqual([
      ".whsim-results",
      "kpis.csv",
      "layout.json",
      "replications.csv",
      "scenario.json",
      "summary.json",
      "trace.ndjson",
    ]);
    const b = await cli("run", file, "--seed", "5", "--out", join(dir, "b"), "--json");
    expect(b.code).toBe(0);
    const summaryA = readFileSync(join(dir, "a", "summary.json"), "utf8");
    expect(readFileSync(join(dir, "b", "summary.json"), "utf8")).toBe(summaryA);
    const summary = JSON.parse(summaryA);
    expect(JSON.parse(b.out)).toEqual(summary);
    expect(summary).toMatchObject({
      kind: "run",
      scenario: "small",
      seed: 5,
      replications: 2,
      warmupS: 43200,
      horizonS: 172800,
    });
    expect(summary.conservation.ok).toBe(true);
    expect(summary.kpis.ordersShipped.n).toBe(2);
    const csv = readFileSync(join(dir, "a", "kpis.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("kpi,unit,mean,ci95_low,ci95_high,n");
    const trace = readFileSync(join(dir, "a", "trace.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(trace[0]).toMatchObject({
      kind: "header",
      version: 1,
      scenario: "small",
      seed: 5,
      replication: 0,
    });
    const times = trace.slice(1).map((r) => r.t);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(
      (await cli("run", file, "--seed", "6", "--replications", "1", "--out", join(dir, "c"))).code,
    ).toBe(0);
    // Another seed: replication 0 sees other random numbers.
    const row1 = (d: string) =>
      readFileSync(join(dir, d, "replications.csv"), "utf8").split("\n")[1];
    expect(row1("c")).not.toBe(row1("a"));
  });

  it("run --replications 1 writes ci95 null (no interval from one value), empty kpis.csv bounds and a report without NaN", async () => {
    const file = join(dir, "one.yaml");
    writeFileSync(file, small);
    const out = join(dir, "one");
    const r = await cli("run", file, "--seed", "3", "--replications", "1", "--out", out);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const kpis = Object.values(summary.kpis) as { ci95: unknown; n: number }[];
    expect(kpis.length).toBeGreaterThan(5);
    for (const k of kpis) expect(k).toMatchObject({ ci95: null, n: 1 });
    const row = readFileSync(join(out, "kpis.csv"), "utf8")
      .split("\n")
      .find((l) => l.startsWith("ordersShipped,"));
    expect(row).toBe(`ordersShipped,orders,${summary.kpis.ordersShipped.mean},,,1`);
    expect(r.out).toMatch(/ordersShipped +[\d.]+ +- +orders/);
    const report = await cli("report", out, "--xlsx");
    expect(report.code).toBe(0);
    const sheet = readFileSync(join(out, "report-kpis.csv"), "utf8");
    expect(sheet).not.toContain("NaN");
    expect(sheet).toMatch(/\nordersShipped,[^\n]*,\d+,,,,1\n/);
  });

  it("rejects bad flags with exit code 2 and every problem", async () => {
    const r = await cli("run", join(dir, "nothere.yaml"), "--seed", "-1", "--replications", "zero");
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: --seed: "-1" (an integer from 0 to 2147483647)');
    expect(r.err).toContain('error: --replications: "zero" (an integer from 1 to 100000)');
    expect(r.err).toMatch(/nothere\.yaml: .* \(an existing, readable scenario file\)/);
    expect(r.err).not.toContain("    at ");
  });

  it("run --workers refuses 0 and absurd counts, and caps the rest at the replications", async () => {
    for (const bad of ["0", "-3", "9999", "1e3"]) {
      const r = await cli("run", join(dir, "nothere.yaml"), "--workers", bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`error: --workers: "${bad}" (an integer from 1 to 1024)`);
    }
    const file = join(dir, "capped.yaml");
    writeFileSync(
      file,
      small
        .replace("horizonDays: 2", "horizonDays: 0.3")
        .replace("warmupDays: 0.5", "warmupDays: 0.1"),
    );
    const out = join(dir, "capped");
    const r = await cli("run", file, "--replications", "1", "--workers", "1024", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^note: --workers 1024 capped at 1 \(\d+ core\(s\), 1 task\(s\)\)$/m);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("leaves an existing results folder untouched when a run fails", async () => {
    const out = join(dir, "kept");
    mkdirSync(out);
    writeFileSync(join(out, ".whsim-results"), "{}\n");
    writeFileSync(join(out, "summary.json"), "old");
    // Valid schema, but 80 SKUs on a layout with 48 storage locations fails inside the run.
    const file = join(dir, "toosmall.yaml");
    writeFileSync(file, small.replace("aisles: 4", "aisles: 1").replace("levels: 3", "levels: 2"));
    const r = await cli("run", file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/skus\.count: 80 \(at most \d+/);
    expect(readdirSync(out).sort()).toEqual([".whsim-results", "summary.json"]);
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe("old");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});

/** Starts `whsim run` as a process, waits for its temporary folder, then sends `signal`. */
async function interrupt(
  args: string[],
  out: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stderr: string }> {
  const bin = join(import.meta.dirname, "../../bin/whsim.js");
  const child = spawn(process.execPath, [bin, "run", ...args, "--out", out], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const staging = () => readdirSync(dir).some((f) => f.startsWith(`.${basename(out)}.tmp-`));
  while (!staging()) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 500));
  child.kill(signal);
  return { code: await exited, stderr };
}

describe("whsim run stopped by a signal", () => {
  const earlier = (out: string) => {
    mkdirSync(out);
    writeFileSync(join(out, ".whsim-results"), "{}\n");
    writeFileSync(join(out, "summary.json"), "earlier");
  };
  const longRun = () => {
    const file = join(dir, "long.yaml");
    writeFileSync(file, small);
    return file;
  };

  it("as a process: SIGINT stops a one-thread run with 130, no temporary folder, earlier results kept", async () => {
    const out = join(dir, "stopped-int");
    earlier(out);
    const r = await interrupt(
      [longRun(), "--replications", "1000", "--workers", "1"],
      out,
      "SIGINT",
    );
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/stopped after \d+ replication\(s\)/);
    expect(r.stderr).not.toContain("    at ");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe("earlier");
  }, 180_000);

  it("as a process: SIGTERM stops a traced run on threads with 143 and no temporary folder", async () => {
    const out = join(dir, "stopped-term");
    const args = [longRun(), "--replications", "1000", "--workers", "2", "--trace"];
    const r = await interrupt(args, out, "SIGTERM");
    expect(r.code).toBe(143);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }, 180_000);
});

describe("whsim run without --out", () => {
  it("as a process: a scenario named ../../escaped-by-name writes under results/ only", () => {
    const cwd = join(dir, "cwd", "inner");
    mkdirSync(cwd, { recursive: true });
    const file = join(cwd, "escape.yaml");
    const text = small
      .replace("name: small", 'name: "../../escaped-by-name"')
      .replace("horizonDays: 2", "horizonDays: 0.3")
      .replace("warmupDays: 0.5", "warmupDays: 0.1");
    writeFileSync(file, text);
    const bin = join(import.meta.dirname, "../../bin/whsim.js");
    execFileSync(process.execPath, [bin, "run", file, "--replications", "1", "--workers", "1"], {
      cwd,
      stdio: "ignore",
      timeout: 120_000,
    });
    expect(readdirSync(join(dir, "cwd")).sort()).toEqual(["inner"]);
    expect(readdirSync(cwd).sort()).toEqual(["escape.yaml", "results"]);
    expect(readdirSync(join(cwd, "results"))).toEqual(["escaped-by-name"]);
    expect(existsSync(join(cwd, "results", "escaped-by-name", "summary.json"))).toBe(true);
  }, 150_000);
});

describe("whsim validate", () => {
  it("exits 0 for a good scenario and 2 with every problem for a bad one", async () => {
    const good = join(dir, "good.yaml");
    writeFileSync(good, small);
    const ok = await cli("validate", good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("ok");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, `${small}horizonDays: -1\nworkforse: {}\n`.replace("horizonDays: 2\n", ""));
    const r = await cli("validate", bad);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toContain(
      `error: ${bad.startsWith(process.cwd()) ? bad.slice(process.cwd().length + 1) : bad}: horizonDays: -1 (a number > 0)`,
    );
    expect(
      lines.some((l) => l.endsWith('workforse: {} (unknown key; did you mean "workforce"?)')),
    ).toBe(true);
  });

  it("checks the storage rules' data: fefo without shelf lives exits 2 naming storage.removal; classBased passes", async () => {
    const fefo = join(dir, "fefo.yaml");
    writeFileSync(fefo, `${small}storage:\n  removal: fefo\n`);
    const r = await cli("validate", fefo);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/fefo\.yaml: storage\.removal: "fefo" \(a rule the SKUs have data for/);
    const classBased = join(dir, "class.yaml");
    writeFileSync(classBased, `${small}storage:\n  putaway: classBased\n  removal: lifo\n`);
    expect((await cli("validate", classBased)).code).toBe(0);
  });

  it("refuses a YAML alias bomb and an oversized file with exit code 2", async () => {
    const bomb = join(dir, "bomb.yaml");
    const level = (name: string, from: string) =>
      `${name}: &${name} [${Array(10).fill(`*${from}`).join(",")}]`;
    writeFileSync(
      bomb,
      [
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
        level("b", "a"),
        level("c", "b"),
        level("d", "c"),
        level("e", "d"),
        level("f", "e"),
      ].join("\n"),
    );
    const r1 = await cli("validate", bomb);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(
      /bomb\.yaml: .* \(YAML with at most \d+ alias expansions \(alias bombs are refused\)\)\n$/,
    );
    const huge = join(dir, "huge.yaml");
    writeFileSync(huge, `name: x\n#${"x".repeat(5 * 1024 * 1024)}\n`);
    const r2 = await cli("run", huge, "--out", join(dir, "huge-out"));
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/huge\.yaml: "\d+ bytes" \(a scenario file of at most \d+ bytes\)\n$/);
    expect(existsSync(join(dir, "huge-out"))).toBe(false);
  });

  it("as a process: a missing file exits 2 with one line and no stack trace", () => {
    const bin = new URL("../../bin/whsim.js", import.meta.url).pathname;
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [bin, "validate", join(dir, "missing.yaml")], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error: any) {
      status = error.status;
      stderr = error.stderr;
    }
    expect(status).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(
      /^error: .*missing\.yaml: ".*missing\.yaml" \(an existing, readable scenario file\)\n$/,
    );
    expect(existsSync(join(dir, "missing.yaml"))).toBe(false);
  });
});
