import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareReport } from "../../src/report/compareReport.ts";
import { readResultsFolder } from "../../src/report/readResultsFolder.ts";
import type { Table } from "../../src/report/reportModel.ts";

/** The comparison fixture with two KPIs a printed report leaves to the screen. */
async function withMinorKpis() {
  const dir = mkdtempSync(join(tmpdir(), "whsim-compare-print-"));
  cpSync(new URL("../fixtures/report/compare", import.meta.url).pathname, dir, {
    recursive: true,
  });
  const file = join(dir, "comparison.json");
  const c = JSON.parse(readFileSync(file, "utf8"));
  for (const k of ["yardWaitS", "linesShipped"]) c.kpis[k] = c.kpis.throughputOrdersPerHour;
  writeFileSync(file, JSON.stringify(c));
  return compareReport(await readResultsFolder(dir));
}

describe("compareReport() on paper", () => {
  it("compareReport() prints the key KPIs' tables and keeps every KPI's on screen", async () => {
    const model = await withMinorKpis();
    for (const id of ["differences", "kpis"]) {
      const tables = model.sections
        .find((s) => s.id === id)!
        .blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])) as Table[];
      expect(tables.map((t) => t.cls)).toEqual(["screen-only", "print-only"]);
      const labels = (t: Table) => t.rows.map((r) => (typeof r[0] === "string" ? r[0] : r[0].text));
      expect(labels(tables[0])).toContain("Yard wait");
      expect(labels(tables[1])).not.toContain("Yard wait");
      expect(labels(tables[1])).toContain("Order cycle time");
      expect(tables[1].rows.length).toBe(tables[0].rows.length - 2);
    }
  });
});
