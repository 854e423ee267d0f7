import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { whsim } from "../setup/inProcessCli.ts";

const tiny = new URL("./fixtures/tiny.yaml", import.meta.url).pathname;
const tiny4 = new URL("./fixtures/tiny-4-pickers.yaml", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "whsim-exp-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(join(tmp, dir, file), "utf8");

describe("whsim compare", () => {
  it("whsim compare <a> <a> gives exactly zero differences", async () => {
    const r = await whsim(
      "compare",
      tiny,
      tiny,
      "--replications",
      "2",
      "--workers",
      "1",
      "--warmup-days",
      "0.2",
      "--out",
      join(tmp, "same"),
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(read("same", "comparison.json"));
    expect(doc.kind).toBe("comparison");
    expect(doc.candidates).toEqual(["tiny", "tiny#2"]);
    expect(doc.scenarios.map((x: { warmupDays: number }) => x.warmupDays)).toEqual([0.2, 0.2]);
    for (const kpi of Object.values(doc.kpis) as {
      differences: Record<string, { mean: number; ci95: number; verdict: string }>;
    }[]) {
      expect(kpi.differences["tiny#2"]).toMatchObject({
        mean: 0,
        ci95: 0,
        verdict: "no significant difference",
      });
    }
  });

  it("whsim compare: more pickers at high load is better (CI excludes zero), byte-identical for 1 and 2 workers", async () => {
    const one = await whsim(
      "compare",
      tiny,
      tiny4,
      "--replications",
      "3",
      "--workers",
      "1",
      "--out",
      join(tmp, "w1"),
    );
    const two = await whsim(
      "compare",
      tiny,
      tiny4,
      "--replications",
      "3",
      "--workers",
      "2",
      "--out",
      join(tmp, "w2"),
    );
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(read("w2", "comparison.json")).toBe(read("w1", "comparison.json"));
    expect(read("w2", "replications.csv")).toBe(read("w1", "replications.csv"));
    const doc = JSON.parse(read("w1", "comparison.json"));
    // One picker leaves a backlog; four ship more orders and more of them on time.
    const shipped = doc.kpis.throughputOrdersPerHour.differences["tiny-4-pickers"];
    expect(shipped.low).toBeGreaterThan(0);
    expect(shipped.verdict).toBe("better");
    const onTime = doc.kpis.onTimeShipRate.differences["tiny-4-pickers"];
    expect(onTime.low).toBeGreaterThan(0);
    expect(onTime.verdict).toBe("better");
    expect(doc.kpis["utilization.picker"].differences["tiny-4-pickers"].verdict).toBe("lower");
    // Common random numbers: both candidates see the same orders.
    expect(doc.kpis.ordersCreated.differences["tiny-4-pickers"].mean).toBe(0);
    expect(one.stdout).toMatch(/throughputOrdersPerHour .* better/);
    expect(doc.breakdown.tiny.order.waitPicker).toBeGreaterThan(
      doc.breakdown["tiny-4-pickers"].order.waitPicker,
    );
  });

  it("whsim compare with bad input exits 2 listing every problem", async () => {
    const r = await whsim(
      "compare",
      tiny,
      join(tmp, "missing.yaml"),
      "--replications",
      "0",
      "--workers",
      "x",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--replications: "0" \(an integer from 1/);
    expect(r.stderr).toMatch(/--workers: "x"/);
    expect(r.stderr).toMatch(/missing\.yaml/);
    const warm = await whsim("compare", tiny, tiny, "--warmup-days", "5");
    expect(warm.code).toBe(2);
    expect(warm.stderr).toMatch(/warmupDays: 5 \(less than horizonDays/);
  });
});

describe("whsim sweep", () => {
  it("whsim sweep --set runs the grid and writes sweep.json and sweep.csv", async () => {
    const r = await whsim(
      "sweep",
      tiny,
      "--set",
      "workforce.roles.picker.crews[0].headcount=1,2*2",
      "--replications",
      "2",
      "--workers",
      "2",
      "--out",
      join(tmp, "sweep"),
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(read("sweep", "sweep.json"));
    expect(doc.kind).toBe("sweep");
    expect(
      doc.points.map(
        (p: { settings: Record<string, number> }) =>
          p.settings["workforce.roles.picker.crews[0].headcount"],
      ),
    ).toEqual([1, 4]);
    const [p1, p4] = doc.points;
    expect(p4.kpis["utilization.picker"].mean).toBeLessThan(p1.kpis["utilization.picker"].mean);
    const csv = read("sweep", "sweep.csv").trim().split("\n");
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^point,workforce\.roles\.picker\.crews\[0\]\.headcount,/);
    expect(r.stdout).toMatch(/2 points × 2 replications/);
  });

  it("whsim sweep with a bad path or a refused expression exits 2", async () => {
    const r = await whsim(
      "sweep",
      tiny,
      "--set",
      "outbound.ordersPerDya=1",
      "--set",
      'outbound.ordersPerDay=evaluate("1")',
      "--out",
      join(tmp, "bad"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean ordersPerDay/);
    expect(r.stderr).toMatch(/function evaluate is not allowed/);
    const invalid = await whsim(
      "sweep",
      tiny,
      "--set",
      "outbound.ordersPerDay=-5",
      "--out",
      join(tmp, "bad2"),
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/outbound\.ordersPerDay/);
  });
});

describe("CSV files a spreadsheet opens", () => {
  it("compare's replications.csv neutralises a candidate named like a formula", async () => {
    const evil = join(tmp, "evil.yaml");
    const text = readFileSync(tiny, "utf8").replace(
      /^name: .*$/m,
      "name: \"-2+3+cmd|' /C calc'!A0\"",
    );
    writeFileSync(evil, text);
    const r = await whsim(
      "compare",
      evil,
      tiny,
      "--replications",
      "2",
      "--workers",
      "1",
      "--out",
      join(tmp, "evil-compare"),
    );
    expect(r.code).toBe(0);
    const rows = read("evil-compare", "replications.csv").split("\n").slice(1, 3);
    for (const row of rows) expect(row.split(",")[0]).toBe("'-2+3+cmd|' /C calc'!A0");
  });

  it("sweep --workers above the cores runs on the cores with a note", async () => {
    const r = await whsim(
      "sweep",
      tiny,
      "--set",
      "seed=4",
      "--replications",
      "1",
      "--workers",
      "1024",
      "--out",
      join(tmp, "capped-sweep"),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: --workers 1024 capped at \d+ \(\d+ core\(s\)\)$/m);
    const zero = await whsim("sweep", tiny, "--set", "seed=4", "--workers", "0");
    expect(zero.code).toBe(2);
  });

  it("sweep's sweep.csv neutralises text values", async () => {
    const r = await whsim(
      "sweep",
      tiny,
      "--set",
      "name=@SUM(1)",
      "--replications",
      "1",
      "--workers",
      "1",
      "--out",
      join(tmp, "evil-sweep"),
    );
    expect(r.code).toBe(0);
    const [header, row] = read("evil-sweep", "sweep.csv").split("\n");
    expect(header.split(",").slice(0, 2)).toEqual(["point", "name"]);
    expect(row.split(",").slice(0, 2)).toEqual(["name=@SUM(1)", "'@SUM(1)"]);
  });
});

describe("whsim run --workers", () => {
  it("whsim run --workers 2 --trace writes byte-identical results to --workers 1", async () => {
    const one = await whsim(
      "run",
      tiny,
      "--replications",
      "3",
      "--workers",
      "1",
      "--trace",
      "--out",
      join(tmp, "run1"),
    );
    const two = await whsim(
      "run",
      tiny,
      "--replications",
      "3",
      "--workers",
      "2",
      "--trace",
      "--out",
      join(tmp, "run2"),
    );
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    for (const file of [
      "summary.json",
      "kpis.csv",
      "replications.csv",
      "scenario.json",
      "layout.json",
      "trace.ndjson",
    ]) {
      expect(read("run2", file), file).toBe(read("run1", file));
    }
    expect(JSON.parse(read("run2", "summary.json")).replications).toBe(3);
  });
});

describe("whsim compare and Ctrl-C", () => {
  it("SIGINT stops whsim compare cleanly: exit 130, partial comparison.json written", async () => {
    const { spawn } = await import("node:child_process");
    const bin = new URL("../../bin/whsim.js", import.meta.url).pathname;
    const out = join(tmp, "stopped");
    const child = spawn(
      process.execPath,
      [bin, "compare", tiny, tiny4, "--replications", "2000", "--workers", "2", "--out", out],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    // Wait until the run has started (its first line), let some replications finish, stop.
    // The wait scales with the start-up time, so a busy machine still finishes a few
    // replications first (4,000 replications take well over ten times as long).
    const startedAt = Date.now();
    while (!stderr.includes("Ctrl-C stops"))
      await new Promise((resolve) => setTimeout(resolve, 100));
    const startUpMs = Date.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, Math.max(3000, 3 * startUpMs)));
    child.kill("SIGINT");
    const code = await exited;
    expect(stderr).toMatch(/stopping: keeping the finished replications/);
    expect(code).toBe(130);
    const doc = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
    expect(doc.aborted).toBe(true);
    expect(doc.replications).toBe(2000);
    const rows = readFileSync(join(out, "replications.csv"), "utf8").trim().split("\n").length - 1;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(4000);
  }, 180_000);
});

describe("whsim sweep and Ctrl-C", () => {
  it("SIGINT keeps an earlier complete sweep and writes the partial one beside it", async () => {
    const out = join(tmp, "kept-sweep");
    const first = await whsim(
      "sweep",
      tiny,
      "--set",
      "seed=5",
      "--replications",
      "1",
      "--workers",
      "1",
      "--out",
      out,
    );
    expect(first.code).toBe(0);
    const earlier = read("kept-sweep", "sweep.json");
    const { spawn } = await import("node:child_process");
    const bin = new URL("../../bin/whsim.js", import.meta.url).pathname;
    const args = [
      bin,
      "sweep",
      tiny,
      "--set",
      "seed=5",
      "--replications",
      "2000",
      "--workers",
      "2",
      "--out",
      out,
    ];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    while (!stderr.includes("Ctrl-C stops"))
      await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    child.kill("SIGINT");
    // The message carries the process's stderr, so a failure says how the process ended.
    expect(await exited, `stderr: ${stderr}; signal: ${child.signalCode}`).toBe(130);
    expect(read("kept-sweep", "sweep.json")).toBe(earlier);
    expect(stderr).toContain(
      `partial results written to ${out}.partial; the earlier results in ${out} are kept`,
    );
    const partial = JSON.parse(readFileSync(`${out}.partial/sweep.json`, "utf8"));
    expect(partial.aborted).toBe(true);
    expect(readdirSync(tmp).filter((f) => f.includes(".tmp-"))).toEqual([]);
  }, 180_000);
});
