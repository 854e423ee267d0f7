import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportModel } from "../../src/report/buildReport.ts";
import { readResultsFolder } from "../../src/report/readResultsFolder.ts";
import { conservationBlocks, runSummaryText } from "../../src/report/runReport.ts";
import { timeStandardsSchema } from "../../src/scenario/sections/timeStandards.ts";

const summary = JSON.parse(
  readFileSync(new URL("../fixtures/report/run/summary.json", import.meta.url), "utf8"),
);

describe("runReport pieces", () => {
  it("conservationBlocks() shows one row per replication and says conservation holds", () => {
    const blocks = conservationBlocks(summary);
    expect(blocks[0]).toMatchObject({
      kind: "p",
      text: expect.stringMatching(/^Conservation holds in every replication/),
    });
    const table = blocks[1].kind === "table" ? blocks[1].table : undefined;
    expect(table?.columns).toEqual(["Quantity", "rep. 0", "rep. 1", "rep. 2", "rep. 3", "rep. 4"]);
    // Replication 0: 30,000 + 10,000 − 8,000 − 200 = 31,800 units in locations.
    expect(table?.rows.find((r) => r[0] === "unitsInLocations")?.[1]).toBe("31,800");
  });

  it("conservationBlocks() and runSummaryText() flag a replication that loses stock", () => {
    const broken = structuredClone(summary);
    broken.conservation.ok = false;
    broken.conservation.replications[2].ok = false;
    const blocks = conservationBlocks(broken);
    expect(blocks[0]).toMatchObject({ text: expect.stringMatching(/^⚑ Conservation FAILS/) });
    const table = blocks[1].kind === "table" ? blocks[1].table : undefined;
    // The failing replication comes first.
    expect(table?.columns[1]).toBe("rep. 2");
    expect(table?.rows.at(-1)?.[1]).toEqual({ text: "⚑ no", cls: "flag" });
    expect(runSummaryText(broken, []).join(" ")).toMatch(
      /not conserved in at least one replication/,
    );
  });

  it("runSummaryText() of one replication says the figures carry no interval", () => {
    const one = structuredClone(summary);
    one.replications = 1;
    for (const e of Object.values(one.kpis) as { n: number; ci95: number }[]) {
      e.n = 1;
      e.ci95 = 0;
    }
    expect(runSummaryText(one, []).join(" ")).toMatch(
      /single replication, so the figures carry no confidence interval/,
    );
  });
});

describe("replicationBlocks()", () => {
  it("replicationBlocks() splits 20 replications into tables of eight, one row per KPI", async () => {
    const { replicationBlocks } = await import("../../src/report/commonSections.ts");
    const csv = {
      header: ["candidate", "replication", "orderCycleTimeS"],
      rows: Array.from({ length: 20 }, (_, i) => ["A", String(i), String(1000 + i)]),
    };
    const { blocks, sheet } = replicationBlocks(csv);
    expect(blocks.map((b) => (b.kind === "table" ? b.table.columns.length : 0))).toEqual([
      10, 10, 6,
    ]);
    const last = blocks[2].kind === "table" ? blocks[2].table : undefined;
    expect(last?.caption).toBe("Results per replication (17–20 of 20)");
    expect(last?.rows[0]).toEqual(["Order cycle time", "s", "1,016", "1,017", "1,018", "1,019"]);
    expect(last?.columns[2]).toBe("A · rep. 16");
    expect(sheet?.columns).toEqual(["candidate", "replication", "orderCycleTimeS (s)"]);
    expect(sheet?.rows[3]).toEqual(["A", 3, 1003]);
  });
});

describe("the assumptions page's time standards", () => {
  /** The run fixture's assumption tables with `over.timeStandards` resolved and a picker pace. */
  async function assumptionTables(over: Record<string, unknown>) {
    const dir = mkdtempSync(join(tmpdir(), "whsim-standards-"));
    cpSync(new URL("../fixtures/report/run", import.meta.url).pathname, dir, { recursive: true });
    const scenario = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8"));
    scenario.timeStandards = timeStandardsSchema.parse(over.timeStandards ?? {});
    if (over.pickerPace) scenario.workforce.roles.picker.handlingFactor = over.pickerPace;
    writeFileSync(join(dir, "scenario.json"), JSON.stringify(scenario));
    const model = reportModel(await readResultsFolder(dir));
    rmSync(dir, { recursive: true, force: true });
    const section = model.sections.find((s) => s.id === "assumptions");
    const table = (caption: string) =>
      section?.blocks.flatMap((b) =>
        b.kind === "table" && b.table.caption?.startsWith(caption) ? [b.table] : [],
      )[0];
    return { standards: table("Time standards"), pace: table("Individual pace") };
  }

  it("lists every activity with its seconds by location type, its variation and its source", async () => {
    const { standards, pace } = await assumptionTables({});
    expect(standards?.columns).toEqual([
      "Activity",
      "Seconds",
      "Variation (factor per occurrence)",
      "Source",
    ]);
    const rows = new Map(standards?.rows.map((r) => [r[0], r.slice(1)]));
    expect([...rows.keys()]).toEqual([
      "Pallet pick-up",
      "Pallet set-down",
      "Case pick or put",
      "Unit pick",
      "Scan (per unit)",
      "Label (per order)",
      "Carton erect (per order)",
      "Stretch-wrap (per outbound pallet)",
    ]);
    // The defaults of docs/scenarios.md: 20 s in racking, 15 s on the floor; BasicMOST figures.
    expect(rows.get("Pallet pick-up")?.[0]).toBe(
      "20 (pallet, shelf, flow); 15 (floor, staging, dock)",
    );
    expect(rows.get("Pallet pick-up")?.[2]).toMatch(/^Planning assumption within the 15–25 s/);
    expect(rows.get("Case pick or put")?.[0]).toBe(
      "5.04 (pallet, floor, staging, dock); 2.88 (shelf, flow)",
    );
    expect(rows.get("Stretch-wrap (per outbound pallet)")).toEqual([
      "40.68",
      "none (the standard)",
      expect.stringMatching(/^BasicMOST \(Zandin.*index 113$/),
    ]);
    expect(pace?.rows.find((r) => r[0] === "picker")).toEqual([
      "picker",
      "1 (every worker at the standard)",
      "Default",
    ]);
  });

  it("says which figures the scenario sets, with the default and its source beside them", async () => {
    const { standards, pace } = await assumptionTables({
      timeStandards: {
        scanS: 3,
        variation: { scan: { dist: "lognormal", mean: 1, sd: 0.2 } },
      },
      pickerPace: { dist: "normal", mean: 1, sd: 0.1 },
    });
    const scan = standards?.rows.find((r) => r[0] === "Scan (per unit)");
    expect(scan?.[1]).toBe("3");
    expect(scan?.[2]).toMatch(/^× lognormal \(mean = 1, sd = 0\.2\)/);
    expect(scan?.[3]).toMatch(/^Set by the scenario \(default 1\.8: BasicMOST/);
    expect(pace?.rows.find((r) => r[0] === "picker")?.slice(1)).toEqual([
      "× normal (mean = 1, sd = 0.1), mean 1",
      "Set by the scenario",
    ]);
  });
});
