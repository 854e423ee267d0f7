import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { reportHtml } from "../../src/report/buildReport.ts";
import { whsim } from "../setup/inProcessCli.ts";

const tiny = new URL("./fixtures/tiny.yaml", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "whsim-staff-"));
/** tiny with a second, short shift 06:00–12:00 that nobody works yet. */
const twoShifts = join(tmp, "tiny-two-shifts.yaml");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OUTBOUND = new Set(["picker", "packer", "loader"]);
const EFFICIENCY = 0.85;
/** Hours of the day each shift of the fixture covers (by hand: ≥ 30 min of the hour). */
const SHIFT_HOURS: Record<string, number[]> = {
  day: Array.from({ length: 24 }, (_, h) => h), // 00:00–23:59: the last hour has 59 min
  peak: [6, 7, 8, 9, 10, 11],
};
/** Paid hours per shift. */
const PAID_H: Record<string, number> = { day: 1439 / 60, peak: 6 };

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("whsim staff <scenario>", () => {
  const dir = join(tmp, "staff");
  let run: { code: number; stdout: string; stderr: string };
  let doc: {
    status: string;
    targets: Record<string, { min?: number; max?: number }>;
    baseline: {
      headcount: Record<string, Record<string, number>>;
      replicationKpis: Record<string, number>[];
    };
    plan: { status: string; cost: number; headcount: Record<string, Record<string, number>> };
    check: {
      targets: Record<
        string,
        { estimate: { mean: number; n: number }; ok: boolean; confident: boolean }
      >;
      replicationKpis: Record<string, number>[];
    };
  };
  let scenario: {
    outbound: { hourlyPattern: number[] };
    costs: { labourPerHour: number };
    workforce: { roles: Record<string, { crews: { shift: string; headcount: number }[] }> };
  };
  beforeAll(async () => {
    writeFileSync(
      twoShifts,
      readFileSync(tiny, "utf8")
        .replace("name: tiny\n", "name: tiny-two-shifts\n")
        .replace(
          '    day: { start: "00:00", end: "23:59" }\n',
          '    day: { start: "00:00", end: "23:59" }\n    peak: { start: "06:00", end: "12:00" }\n',
        ),
    );
    run = await whsim(
      "staff",
      twoShifts,
      "--targets",
      "onTimeShipRate>=0,orderCycleTimeS<=1",
      "--replications",
      "2",
      "--workers",
      "1",
      "--out",
      dir,
    );
    doc = JSON.parse(readFileSync(join(dir, "staffing.json"), "utf8"));
    scenario = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8"));
  }, 120_000);

  it("exits 0 and prints the role × shift table, the cost and the targets even when a target fails", () => {
    expect(run.code).toBe(0);
    expect(doc.plan.status).toBe("optimal");
    expect(run.stdout).toContain("FAILS the targets");
    expect(run.stdout).toMatch(/picker\s+1 → \d+\s+0 → \d+/);
    expect(run.stdout).toContain("cost per day");
    expect(run.stdout).toMatch(/orderCycleTimeS <= 1 .* NO/);
  });

  it("the plan covers the baseline's workload in every hour, at least cost", () => {
    const pattern = scenario.outbound.hourlyPattern;
    const roles = Object.keys(doc.plan.headcount);
    expect(roles).toContain("picker");
    let planned = 0;
    for (const role of roles) {
      const utilization = mean(doc.baseline.replicationKpis.map((k) => k[`utilization.${role}`]));
      // Baseline: every crew works the 24-hour day shift.
      const workerHours = scenario.workforce.roles[role].crews.reduce(
        (a, c) => a + c.headcount * SHIFT_HOURS[c.shift].length,
        0,
      );
      const weights = Array.from({ length: 24 }, (_, h) => (OUTBOUND.has(role) ? pattern[h] : 1));
      const total = weights.reduce((a, b) => a + b, 0);
      const workloadS = weights.map((w) => (utilization * workerHours * 3600 * w) / total);
      const plan = doc.plan.headcount[role];
      const capacityS = (h: number, p: Record<string, number>) =>
        Object.entries(p).reduce(
          (a, [shift, n]) => a + (SHIFT_HOURS[shift].includes(h) ? n * 3600 * EFFICIENCY : 0),
          0,
        );
      for (let h = 0; h < 24; h++)
        expect(capacityS(h, plan)).toBeGreaterThanOrEqual(workloadS[h] - 1e-6);
      // Least cost: one worker fewer on any shift leaves some hour short.
      for (const [shift, n] of Object.entries(plan)) {
        if (n === 0) continue;
        const fewer = { ...plan, [shift]: n - 1 };
        const short = workloadS.some((w, h) => capacityS(h, fewer) < w - 1e-6);
        expect(short, `${role} with one fewer on ${shift}`).toBe(true);
      }
      for (const [shift, n] of Object.entries(plan))
        planned += n * PAID_H[shift] * scenario.costs.labourPerHour;
    }
    // The picker is busy nearly all the time at this load, so the plan adds capacity.
    const picker = doc.plan.headcount.picker;
    expect(picker.day + picker.peak).toBeGreaterThanOrEqual(2);
    expect(doc.plan.cost).toBeCloseTo(planned, 6);
  });

  it("staffed.yaml is the scenario with the plan's crews", () => {
    const staffed = readScenarioFile(join(dir, "staffed.yaml"));
    for (const [role, byShift] of Object.entries(doc.plan.headcount)) {
      const crews = (
        staffed.workforce.roles as Record<string, { crews: { shift: string; headcount: number }[] }>
      )[role].crews;
      expect(crews).toEqual(
        Object.entries(byShift)
          .filter(([, n]) => n > 0)
          .map(([shift, headcount]) => ({ shift, headcount })),
      );
    }
    expect(staffed.outbound.ordersPerDay).toBe(500);
  });

  it("the status agrees with the simulated KPIs against the targets", () => {
    const kpis = doc.check.replicationKpis;
    expect(kpis).toHaveLength(2);
    const onTime = mean(kpis.map((k) => k.onTimeShipRate));
    const cycle = mean(kpis.map((k) => k.orderCycleTimeS));
    expect(doc.check.targets.onTimeShipRate.estimate.mean).toBeCloseTo(onTime, 9);
    expect(doc.check.targets.orderCycleTimeS.estimate.mean).toBeCloseTo(cycle, 9);
    expect(doc.check.targets.onTimeShipRate.ok).toBe(onTime >= 0);
    expect(doc.check.targets.orderCycleTimeS.ok).toBe(cycle <= 1);
    expect(doc.check.targets.orderCycleTimeS.ok).toBe(false); // no order takes under a second
    const all = Object.values(doc.check.targets).every((t) => t.ok);
    expect(doc.status).toBe(all ? "meets" : "fails");
    expect(doc.status).toBe("fails");
  });
});

describe("whsim report on a whsim staff folder", () => {
  it("reportHtml(staff results) shows the plan that staffing.json holds", async () => {
    const dir = join(tmp, "staff");
    const doc = JSON.parse(readFileSync(join(dir, "staffing.json"), "utf8"));
    const { model, folder } = await reportHtml(dir);
    expect(model.kind).toBe("staff");
    expect(folder.files).toEqual(
      expect.arrayContaining(["staffing.json", "scenario.json", "layout.json"]),
    );
    const plan = model.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === "table" && b.table.caption?.startsWith("Headcount"));
    const rows = plan?.kind === "table" ? plan.table.rows : [];
    const picker = rows
      .find((r) => r[0] === "picker")
      ?.map((c) => (typeof c === "string" ? c : c.text));
    const p = doc.plan.headcount.picker;
    const b = doc.baseline.headcount.picker;
    expect(picker).toEqual([
      "picker",
      `${b.day ?? 0} → ${p.day}`,
      `${b.peak ?? 0} → ${p.peak}`,
      `${(b.day ?? 0) + (b.peak ?? 0)} → ${p.day + p.peak}`,
    ]);
    expect(model.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(["targets", "need", "layout", "assumptions"]),
    );
  });
});

describe("whsim staff with bad input", () => {
  it("whsim staff with bad --targets, --efficiency and --max-per-shift exits 2 listing every problem", async () => {
    const r = await whsim(
      "staff",
      tiny,
      "--targets",
      "onTimeShipRate=0.9,orderCycleTimeS<=abc",
      "--efficiency",
      "1.5",
      "--max-per-shift",
      "0",
      "--out",
      join(tmp, "bad"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("onTimeShipRate=0.9");
    expect(r.stderr).toContain("orderCycleTimeS<=abc");
    expect(r.stderr).toContain("--efficiency");
    expect(r.stderr).toContain("--max-per-shift");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("whsim staff with a missing scenario file exits 2", async () => {
    const r = await whsim("staff", join(tmp, "nope.yaml"), "--out", join(tmp, "bad2"));
    expect(r.code).toBe(2);
  });

  it("whsim staff --targets naming a KPI the model lacks exits 2 with a suggestion", async () => {
    const r = await whsim(
      "staff",
      tiny,
      "--targets",
      "onTimeShipRat>=0.9",
      "--replications",
      "1",
      "--workers",
      "1",
      "--out",
      join(tmp, "bad3"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("onTimeShipRate");
  }, 60_000);
});
