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
