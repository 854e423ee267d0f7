import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conservationBlocks, runSummaryText } from "../../src/report/runReport.ts";

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
