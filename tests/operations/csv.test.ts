/** SKU master and order-lines CSV files: parsing, every problem by file, row, column and value. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { InputError } from "../../src/common/inputError.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { orderLinesFromCsv, skuMasterFromCsv } from "../../src/scenario/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { skusFromList } from "../../src/warehouse/storage/skuList.ts";
import { tinyOps } from "./fixtures.ts";

const scenario = tinyOps();

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("skuMasterFromCsv()", () => {
  it("reads rows in popularity order with defaults from the pallet cube and density", () => {
    const rows = skuMasterFromCsv(
      { file: "skus.csv", text: "sku,unitCubeM3,unitsPerPallet\nA,0.01,\nB,0.02,40\n" },
      scenario,
    );
    // 1.2 m³ per pallet / 0.01 = 120 units; weight 0.01 × 250 kg/m³ = 2.5 kg.
    expect(rows).toEqual([
      { id: "A", unitCubeM3: 0.01, unitsPerPallet: 120, unitWeightKg: 2.5 },
      { id: "B", unitCubeM3: 0.02, unitsPerPallet: 40, unitWeightKg: 5 },
    ]);
  });

  it("reports every bad cell with file, row, column and value", () => {
    const text = "sku,unitCubeM3,supplier\nA,abc,s\nA,0.01,nobody\n,-1,\n";
    const issues = issuesOf(() => skuMasterFromCsv({ file: "skus.csv", text }, scenario));
    expect(issues).toEqual([
      expect.objectContaining({ file: "skus.csv", path: "row 2, column unitCubeM3", value: "abc" }),
      expect.objectContaining({ path: "row 3, column sku", value: "A" }),
      expect.objectContaining({ path: "row 3, column supplier", value: "nobody" }),
      expect.objectContaining({ path: "row 4, column sku", value: "" }),
      expect.objectContaining({ path: "row 4, column unitCubeM3", value: "-1" }),
    ]);
  });

  it("reads unitsPerCase as a whole number >= 1; an empty cell leaves the scenario's default", () => {
    const rows = skuMasterFromCsv(
      { file: "skus.csv", text: "sku,unitCubeM3,unitsPerCase\nA,0.01,12\nB,0.02,\n" },
      scenario,
    );
    expect(rows[0].unitsPerCase).toBe(12);
    expect(rows[1]).not.toHaveProperty("unitsPerCase");
    const text = "sku,unitCubeM3,unitsPerCase\nA,0.01,0\nB,0.01,2.5\nC,0.01,six\nD,0.01,1000001\n";
    const issues = issuesOf(() => skuMasterFromCsv({ file: "skus.csv", text }, scenario));
    expect(issues.map((i) => [i.path, i.value])).toEqual([
      ["row 2, column unitsPerCase", "0"],
      ["row 3, column unitsPerCase", "2.5"],
      ["row 4, column unitsPerCase", "six"],
      ["row 5, column unitsPerCase", "1000001"],
    ]);
    expect(issues[0].expected).toBe("an integer >= 1 and <= 1000000");
  });

  it("refuses unknown and missing columns and rows of the wrong width", () => {
    const issues = issuesOf(() =>
      skuMasterFromCsv({ file: "skus.csv", text: "sku,cube\nA,1,2\n" }, scenario),
    );
    expect(issues.map((i) => [i.path, i.value])).toEqual([
      ["row 1, column 2", "cube"],
      ["row 1", "sku,cube"],
      ["row 2", "A,1,2"],
    ]);
  });
});

describe("orderLinesFromCsv()", () => {
  it("groups lines into orders; SKUs by id or rank; quoted fields", () => {
    const text = 'order,timeS,sku,qty,carrier\n1,3600,B,2,c\n"1",3600,1,1,c\n2,7200,B,3,\n';
    expect(orderLinesFromCsv({ file: "o.csv", text }, ["A", "B"], ["c"])).toEqual([
      {
        timeS: 3600,
        carrier: "c",
        lines: [
          { sku: 2, qty: 2 },
          { sku: 1, qty: 1 },
        ],
      },
      { timeS: 7200, lines: [{ sku: 2, qty: 3 }] },
    ]);
  });

  it("reports bad SKUs, quantities, carriers and inconsistent order times", () => {
    const text = "order,timeS,sku,qty,carrier\n1,0,Z,1,\n1,0,A,0,\n2,5,A,1,truck\n2,6,A,1,\n";
    const issues = issuesOf(() => orderLinesFromCsv({ file: "o.csv", text }, ["A"], ["c"]));
    expect(issues.map((i) => [i.file, i.path, i.value])).toEqual([
      ["o.csv", "row 2, column sku", "Z"],
      ["o.csv", "row 3, column qty", "0"],
      ["o.csv", "row 4, column carrier", "truck"],
      ["o.csv", "row 5, column timeS", "6"],
    ]);
  });
});

/** Runs `whsim validate` on `path` in this process, expects exit 2 and returns what went to stderr. */
async function validateFails(path: string): Promise<string> {
  let err = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: any) => {
    err += String(chunk);
    return true;
  });
  try {
    expect(await main(["node", "whsim", "validate", path])).toBe(2);
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
  return err;
}

describe("readScenarioFile() with CSV data", () => {
  function folder(orders: string, skus = "sku,unitCubeM3\nWIDGET,0.01\nGADGET,0.02\n") {
    const dir = mkdtempSync(join(tmpdir(), "whsim-csv-"));
    const spec = {
      ...JSON.parse(JSON.stringify(scenario)),
      skus: { ...scenario.skus, count: 1, csv: "skus.csv" },
      outbound: { ...scenario.outbound, orderLinesCsv: "orders.csv" },
    };
    writeFileSync(join(dir, "s.json"), JSON.stringify(spec));
    writeFileSync(join(dir, "skus.csv"), skus);
    writeFileSync(join(dir, "orders.csv"), orders);
    return join(dir, "s.json");
  }

  it("replays the order history on the CSV SKU master", () => {
    // Two SKUs on faces L1 and L2; two orders, 2 + 1 and 3 units.
    const path = folder("order,timeS,sku,qty\n1,3600,WIDGET,2\n1,3600,GADGET,1\n2,7200,GADGET,3\n");
    const loaded = readScenarioFile(path);
    expect(loaded.skus.count).toBe(2);
    const r = simulate(loaded);
    expect(r.kpis.ordersShipped).toBe(2);
    expect(r.kpis.unitsShipped).toBe(6);
    expect(r.conservation.ok).toBe(true);
  });

  it("takes each SKU's units per case from the column, else the mean of skus.unitsPerCase", () => {
    const orders = "order,timeS,sku,qty\n1,3600,WIDGET,2\n";
    const skus = "sku,unitCubeM3,unitsPerCase\nWIDGET,0.01,10\nGADGET,0.02,\n";
    const loaded = readScenarioFile(folder(orders, skus));
    const infos = skusFromList({
      ...loaded,
      skus: { ...loaded.skus, unitsPerCase: { dist: "uniform", min: 2, max: 5 } },
    });
    // GADGET has no cell: the mean 3.5 of uniform(2, 5), rounded.
    expect(infos.map((i) => i.unitsPerCase)).toEqual([10, 4]);
  });

  it("whsim validate exits 2 naming the file, row and column of a bad unitsPerCase", async () => {
    const orders = "order,timeS,sku,qty\n1,3600,WIDGET,2\n";
    const path = folder(orders, "sku,unitCubeM3,unitsPerCase\nWIDGET,0.01,0\nGADGET,0.02,4\n");
    const err = await validateFails(path);
    expect(err).toMatch(/skus\.csv: row 2, column unitsPerCase: "0" \(an integer >= 1/);
    expect(err).not.toContain("    at ");
  });

  it("a case from the CSV that fits no face is named by the CSV file, SKU and column", async () => {
    // Faces of 2 m³: 300 units of 0.01 m³ make a 3 m³ case.
    const orders = "order,timeS,sku,qty\n1,3600,WIDGET,2\n";
    const path = folder(orders, "sku,unitCubeM3,unitsPerCase\nWIDGET,0.01,300\nGADGET,0.02,4\n");
    const err = await validateFails(path);
    expect(err).toMatch(/skus\.csv: SKU WIDGET, column unitsPerCase: .*a case of 3 m³/);
    expect(err).not.toContain("GADGET");
  });

  it("names the CSV file, row, column and value of a bad cell", () => {
    const path = folder("order,timeS,sku,qty\n1,3600,WIDGET,two\n");
    const issues = issuesOf(() => readScenarioFile(path));
    expect(issues).toHaveLength(1);
    expect(issues[0].file.endsWith("orders.csv")).toBe(true);
    expect(issues[0]).toMatchObject({ path: "row 2, column qty", value: "two" });
  });
});
