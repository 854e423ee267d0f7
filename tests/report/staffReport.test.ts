import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/common/version.ts";
import { reportHtml } from "../../src/report/buildReport.ts";
import { readResultsFolder } from "../../src/report/readResultsFolder.ts";
import type { Block, ReportModel, Table } from "../../src/report/reportModel.ts";
import { hoursText } from "../../src/report/staffReport.ts";

const tmp = mkdtempSync(join(tmpdir(), "whsim-staff-report-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const h = (n: number) => `h${String(n).padStart(2, "0")}`;

/** A hand-made staffing.json: two shifts, picker needs 2 in hours 06–11 and 1 otherwise. */
function staffing(overrides: Record<string, unknown> = {}) {
  const day = Array.from({ length: 24 }, (_, i) => h(i));
  const need = Object.fromEntries(day.map((x, i) => [x, i >= 6 && i < 12 ? 2 : 1]));
  return {
    kind: "staffing",
    version: VERSION,
    scenario: "<script>alert(1)</script>",
    scenarioHash: "abc",
    seed: 3,
    replications: 4,
    status: "fails",
    targets: { onTimeShipRate: { min: 0.95 }, orderCycleTimeS: { max: 3600 } },
    efficiency: 0.85,
    shifts: [
      { id: "day", covers: day, costPerWorker: 480 },
      { id: "peak", covers: day.slice(6, 12), costPerWorker: 120 },
    ],
    need: { picker: need },
    baseline: {
      headcount: { picker: { day: 3, peak: 0 } },
      cost: 1440,
      kpis: {
        onTimeShipRate: { mean: 0.9, ci95: 0.02, n: 4 },
        orderCycleTimeS: { mean: 4000, ci95: 100, n: 4 },
      },
    },
    // One on the day shift leaves 06–11 short by one: the need table must flag those hours.
    plan: { status: "optimal", cost: 600, headcount: { picker: { day: 1, peak: 1 } } },
    check: {
      targets: {
        onTimeShipRate: {
          estimate: { mean: 0.97, ci95: 0.01, n: 4 },
          target: { min: 0.95 },
          ok: true,
          confident: true,
        },
        orderCycleTimeS: {
          estimate: { mean: 3700, ci95: 50, n: 4 },
          target: { max: 3600 },
          ok: false,
          confident: false,
        },
      },
      kpis: {},
    },
    ...overrides,
  };
}

function folder(name: string, doc: unknown): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "staffing.json"), JSON.stringify(doc));
  return dir;
}

const text = (cell: unknown) => (typeof cell === "string" ? cell : (cell as { text: string }).text);
function tableOf(model: ReportModel, caption: string): Table {
  for (const s of model.sections)
    for (const b of s.blocks as Block[])
      if (b.kind === "table" && b.table.caption?.startsWith(caption)) return b.table;
  throw new Error(`no table ${caption}`);
}

describe("staffReport()", () => {
  it("hoursText() writes covered hours as clock ranges", () => {
    expect(hoursText(["h06", "h07", "h08", "h22", "h23"])).toBe("06:00–09:00, 22:00–24:00");
  });

  it("reportHtml(staffing folder) shows the role × shift plan, the cost, the targets and the short hours", async () => {
    const { model, html } = await reportHtml(folder("fails", staffing()));
    expect(model.kind).toBe("staff");
    const plan = tableOf(model, "Headcount per role and shift");
    expect(plan.columns).toEqual(["Role", "day (workers)", "peak (workers)", "Total (workers)"]);
    expect(plan.rows[0].map(text)).toEqual(["picker", "3 → 1", "0 → 1", "3 → 2"]);
    expect(text(plan.rows[1].at(-1))).toBe("1,440 → 600");
    const targets = tableOf(model, "Service targets");
    expect(targets.rows.map((r) => r.map(text))).toEqual([
      ["On time ship rate", "≥ 95 %", "90 ± 2 %", "97 ± 1 %", "yes", "yes"],
      ["Order cycle time", "≤ 60 min", "66.67 ± 1.67 min", "61.67 ± 0.833 min", "no", "no"],
    ]);
    const need = tableOf(model, "Workers needed per hour");
    const flagged = need.rows
      .filter((r) => (r[1] as { cls?: string }).cls?.includes("flag"))
      .map((r) => text(r[0]));
    // Hours 06–11 need 2 and the plan has 1 (day) + 1 (peak) = 2: nothing short.
    expect(flagged).toEqual([]);
    expect(text(need.rows[6][1])).toBe("2 / 2");
    expect(text(need.rows[0][1])).toBe("1 / 1");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("the need table flags hours the plan leaves short", async () => {
    const doc = staffing({
      plan: { status: "optimal", cost: 480, headcount: { picker: { day: 1, peak: 0 } } },
    });
    const { model } = await reportHtml(folder("short", doc));
    const need = tableOf(model, "Workers needed per hour");
    const flagged = need.rows
      .filter((r) => (r[1] as { cls?: string }).cls?.includes("flag"))
      .map((r) => text(r[0]));
    expect(flagged).toEqual(["06:00", "07:00", "08:00", "09:00", "10:00", "11:00"]);
  });

  it("readResultsFolder() refuses a staffing.json with an unknown status or another version", async () => {
    await expect(
      readResultsFolder(folder("bad", staffing({ status: "great", version: "9.0.0" }))),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: "version" })]),
    });
    await expect(
      readResultsFolder(folder("bad2", staffing({ status: "great" }))),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "status" })],
    });
  });
});
