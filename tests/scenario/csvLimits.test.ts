/**
 * CSV data keeps the scenario's ranges: a value that passes `validate` is one `run` can
 * simulate (units per pallet and quantities at most a million, at most 200,000 SKUs), and
 * the CSV reader refuses what it used to take silently: repeated headers, hex numbers.
 * Names that key a list (suppliers, carriers) must be unique; type errors read "an array".
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { formatIssue, InputError } from "../../src/common/inputError.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import {
  checkScenario,
  loadScenario,
  orderLinesFromCsv,
  skuMasterFromCsv,
} from "../../src/scenario/index.ts";

const dir = mkdtempSync(join(tmpdir(), "whsim-csv-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenarioYaml = `name: csv-limits
horizonDays: 1
warmupDays: 0
replications: 1
layout:
  generator: traditional
  name: t
  aisles: 4
  baysPerAisle: 6
  packStations: 2
skus:
  csv: skus.csv
outbound:
  ordersPerDay: 20
  orderLinesCsv: orders.csv
`;

const setup = loadScenario(scenarioYaml, "s.yaml");

function problems(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map(formatIssue);
  }
  throw new Error("expected an InputError");
}

describe("CSV limits", () => {
  it("refuses unitsPerPallet beyond a million (9007199254740994 broke conservation)", () => {
    const text = "sku,unitCubeM3,unitsPerPallet\nA,0.01,9007199254740994\nB,0.01,1000001\n";
    expect(problems(() => skuMasterFromCsv({ file: "skus.csv", text }, setup))).toEqual([
      'skus.csv: row 2, column unitsPerPallet: "9007199254740994" (an integer >= 1 and <= 1000000)',
      'skus.csv: row 3, column unitsPerPallet: "1000001" (an integer >= 1 and <= 1000000)',
    ]);
  });

  it("refuses a quantity beyond a million (1e12 broke the run) and times past the horizon", () => {
    const text = "order,timeS,sku,qty\n1,61200,A,1e12\n2,1e9,A,1\n";
    expect(problems(() => orderLinesFromCsv({ file: "o.csv", text }, ["A"], ["c"]))).toEqual([
      'o.csv: row 2, column qty: "1e12" (an integer >= 1 and <= 1000000)',
      'o.csv: row 3, column timeS: "1e9" (a decimal number >= 0 and <= 34560000)',
    ]);
  });

  it("refuses an order of more than 1,000 lines", () => {
    const rows = Array.from({ length: 1001 }, () => "1,0,A,1");
    const text = `order,timeS,sku,qty\n${rows.join("\n")}\n`;
    expect(problems(() => orderLinesFromCsv({ file: "o.csv", text }, ["A"], ["c"]))).toEqual([
      'o.csv: row 1002, column order: "1" (an order of at most 1000 lines)',
    ]);
  });

  it("refuses more than 200,000 SKU rows", () => {
    const rows = Array.from({ length: 200_001 }, (_, i) => `S${i},0.01`);
    const text = `sku,unitCubeM3\n${rows.join("\n")}\n`;
    expect(problems(() => skuMasterFromCsv({ file: "skus.csv", text }, setup))).toEqual([
      'skus.csv: row 200002: "200001 SKU rows" (at most 200000 SKUs)',
    ]);
  });

  it("refuses hex, octal, binary, Infinity and other non-decimal numbers", () => {
    const cells = ["0x10", "0o7", "0b1", "Infinity", "1_000", "1e", "."];
    const text = `sku,unitCubeM3,unitsPerPallet\n${cells.map((c, i) => `S${i},0.01,${c}`).join("\n")}\n`;
    const found = problems(() => skuMasterFromCsv({ file: "skus.csv", text }, setup));
    expect(found).toHaveLength(cells.length);
    expect(found[0]).toBe(
      'skus.csv: row 2, column unitsPerPallet: "0x10" (an integer >= 1 and <= 1000000)',
    );
  });

  it("reads decimal forms people write: signs, leading dots, exponents", () => {
    const text = "sku,unitCubeM3,unitsPerPallet\nA,.01,+40\nB,1e-2,4E1\n";
    const rows = skuMasterFromCsv({ file: "skus.csv", text }, setup);
    expect(rows.map((r) => [r.unitCubeM3, r.unitsPerPallet])).toEqual([
      [0.01, 40],
      [0.01, 40],
    ]);
  });

  it("refuses a header named twice", () => {
    const text = "sku,unitCubeM3,unitCubeM3\nA,0.01,0.02\n";
    expect(problems(() => skuMasterFromCsv({ file: "skus.csv", text }, setup))).toEqual([
      'skus.csv: row 1, column 3: "unitCubeM3" (a column not named before (column 2 is unitCubeM3))',
    ]);
  });
});

describe("scenario names and messages", () => {
  const layout = "layout: { generator: traditional, name: t, aisles: 4, baysPerAisle: 6 }\n";

  it("refuses two suppliers of the same name, as it refuses two carriers", () => {
    const text = `name: x\n${layout}inbound:\n  suppliers: [{ name: a }, { name: b }, { name: a }]\n`;
    expect(problems(() => loadScenario(text, "s.yaml"))).toEqual([
      's.yaml: inbound.suppliers[2].name: "a" (a unique supplier name)',
    ]);
  });

  it('says "an array" and "an integer", not "a array"', () => {
    const text = `name: x\n${layout}inbound: { suppliers: 3 }\n`;
    expect(problems(() => loadScenario(text, "s.yaml"))).toEqual([
      "s.yaml: inbound.suppliers: 3 (an array)",
    ]);
  });
});

describe("data at the bounds runs", () => {
  it("checkScenario() takes a resolved scenario larger than a file may be (60,000 SKU rows)", () => {
    const list = Array.from({ length: 60_000 }, (_, i) => ({
      id: `SKU-${i}-abcdefgh`,
      unitCubeM3: 0.0123456789,
      unitsPerPallet: 97,
      unitWeightKg: 3.0864197,
    }));
    const resolved = { ...setup, skus: { ...setup.skus, list, count: list.length } };
    expect(JSON.stringify(resolved).length).toBeGreaterThan(4 * 1024 * 1024);
    expect(checkScenario(resolved, "<scenario>").skus.list).toHaveLength(60_000);
  });

  it("whsim run exits 0 on a SKU master and order lines at their largest values", async () => {
    // S0: the most units a pallet may hold, at the smallest unit cube (a 1 m³ pallet).
    const skus = Array.from({ length: 20 }, (_, i) =>
      i === 0 ? "S0,0.000001,1000000" : `S${i},0.01,100`,
    );
    writeFileSync(join(dir, "skus.csv"), `sku,unitCubeM3,unitsPerPallet\n${skus.join("\n")}\n`);
    writeFileSync(
      join(dir, "orders.csv"),
      "order,timeS,sku,qty\no1,61200,S0,1000000\no2,30000,S1,1000000\n",
    );
    const file = join(dir, "s.yaml");
    writeFileSync(file, scenarioYaml);
    expect(readScenarioFile(file).outbound.orderList).toHaveLength(2);
    let err = "";
    const o = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: any) => {
      err += String(chunk);
      return true;
    });
    try {
      const code = await main([
        "node",
        "whsim",
        "run",
        file,
        "--workers",
        "1",
        "--out",
        join(dir, "out"),
      ]);
      expect(err).toBe("");
      expect(code).toBe(0);
    } finally {
      o.mockRestore();
      e.mockRestore();
      process.exitCode = undefined;
    }
  }, 120_000);
});
