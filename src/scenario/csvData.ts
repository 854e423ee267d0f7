/**
 * CSV data for a scenario: a SKU master (one row per SKU, most popular first) and an
 * order-lines history (one row per line, grouped into orders by the `order` column), checked
 * cell by cell with every problem reported as `file: row N, column C: value (expected)`.
 * The caller reads the files (the core has no file system) and passes their text.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import type { SkuRow } from "./csvSchema.ts";
import { type CsvRow, numberCell, parseCsv } from "./csvTable.ts";
import { HORIZON_MAX_S, MAX_SKUS, MAX_UNITS } from "./limits.ts";
import type { Scenario } from "./loader.ts";

/** Columns of the SKU master CSV. */
export const SKU_MASTER_COLUMNS = {
  required: ["sku", "unitCubeM3"],
  optional: [
    "unitsPerPallet",
    "unitsPerCase",
    "unitWeightKg",
    "supplier",
    "lineShare",
    "shelfLifeDays",
  ],
} as const;

/** Columns of the order-lines CSV. */
export const ORDER_LINES_COLUMNS = {
  required: ["order", "timeS", "sku", "qty"],
  optional: ["carrier"],
} as const;

/** Most lines of one order (as `outbound.orderList[].lines` in the schema). */
const MAX_LINES_PER_ORDER = 1000;

/** A CSV file's name (for messages) and text. */
export interface CsvSource {
  file: string;
  text: string;
}

/** Parses a SKU master CSV into SKU rows (defaults from the scenario's pallet cube and density). */
export function skuMasterFromCsv(
  source: CsvSource,
  scenario: Pick<Scenario, "skus" | "inbound">,
): SkuRow[] {
  const { file } = source;
  const rows = parseCsv(source.text, file, SKU_MASTER_COLUMNS);
  if (rows.length > MAX_SKUS) {
    throw new InputError({
      file,
      path: `row ${rows[MAX_SKUS].row}`,
      value: `${rows.length} SKU rows`,
      expected: `at most ${MAX_SKUS} SKUs`,
    });
  }
  const issues: InputIssue[] = [];
  const seen = new Map<string, number>();
  const suppliers = scenario.inbound.suppliers.map((s) => s.name);
  const out: SkuRow[] = [];
  for (const row of rows) {
    const idIssue = skuIdIssue(row, seen, file);
    if (idIssue) issues.push(idIssue);
    out.push(skuOfRow(row, scenario.skus, suppliers, file, issues));
  }
  const withShare = out.filter((sku) => sku.lineShare !== undefined).length;
  if (withShare > 0 && withShare < out.length) {
    const missing = rows.find((r) => (r.cells.lineShare ?? "") === "");
    issues.push({
      file,
      path: `row ${missing?.row}, column lineShare`,
      value: "",
      expected: "a lineShare on every row, or on none",
    });
  }
  if (out.length === 0) {
    issues.push({ file, path: "row 2", value: "", expected: "at least one SKU row" });
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/** A row's SKU id when it is empty or used by an earlier row (`seen`: id → row). */
function skuIdIssue(row: CsvRow, seen: Map<string, number>, file: string): InputIssue | undefined {
  const id = row.cells.sku;
  if (id === "")
    return { file, path: `row ${row.row}, column sku`, value: id, expected: "a SKU id" };
  if (seen.has(id)) {
    return {
      file,
      path: `row ${row.row}, column sku`,
      value: id,
      expected: `a SKU id not used before (row ${seen.get(id)})`,
    };
  }
  seen.set(id, row.row);
  return undefined;
}

/** The SKU of one row; its problems go to `issues`. */
function skuOfRow(
  row: CsvRow,
  skus: Scenario["skus"],
  suppliers: readonly string[],
  file: string,
  issues: InputIssue[],
): SkuRow {
  const given = (column: string) => (row.cells[column] ?? "") !== "";
  const cube = numberCell(row, "unitCubeM3", file, issues, { min: 1e-6, max: 10 });
  const sku: SkuRow = {
    id: row.cells.sku,
    unitCubeM3: cube,
    unitsPerPallet: Math.max(1, Math.floor(skus.palletLoadCubeM3 / cube)),
    unitWeightKg: cube * skus.densityKgPerM3,
  };
  if (given("unitsPerPallet"))
    sku.unitsPerPallet = numberCell(row, "unitsPerPallet", file, issues, {
      min: 1,
      max: MAX_UNITS,
      integer: true,
    });
  if (given("unitsPerCase"))
    sku.unitsPerCase = numberCell(row, "unitsPerCase", file, issues, {
      min: 1,
      max: MAX_UNITS,
      integer: true,
    });
  if (given("unitWeightKg"))
    sku.unitWeightKg = numberCell(row, "unitWeightKg", file, issues, { min: 0, max: 2000 });
  if (given("shelfLifeDays"))
    sku.shelfLifeDays = numberCell(row, "shelfLifeDays", file, issues, {
      min: 0,
      exclusiveMin: true,
      max: 36_500,
    });
  const supplier = row.cells.supplier ?? "";
  if (supplier !== "") {
    if (!suppliers.includes(supplier)) {
      issues.push({
        file,
        path: `row ${row.row}, column supplier`,
        value: supplier,
        expected: `a supplier of inbound.suppliers (${suppliers.join(", ")})`,
      });
    }
    sku.supplier = supplier;
  }
  if (given("lineShare"))
    sku.lineShare = numberCell(row, "lineShare", file, issues, { min: 0, max: 1e12 });
  return sku;
}

/**
 * Parses an order-lines CSV into given orders. `skuIds` are the SKU ids in rank order (the
 * SKU master's, or the generated `S00001`…); a `sku` cell may also be a 1-based rank.
 */
export function orderLinesFromCsv(
  source: CsvSource,
  skuIds: readonly string[],
  carriers: readonly string[],
): Scenario["outbound"]["orderList"] {
  const { file } = source;
  const rows = parseCsv(source.text, file, ORDER_LINES_COLUMNS);
  const issues: InputIssue[] = [];
  const rankOf = new Map(skuIds.map((id, i) => [id, i + 1]));
  const orders = new Map<string, Scenario["outbound"]["orderList"][number]>();
  for (const row of rows) {
    const key = row.cells.order;
    if (key === "") {
      issues.push({
        file,
        path: `row ${row.row}, column order`,
        value: key,
        expected: "an order id",
      });
    }
    const timeS = numberCell(row, "timeS", file, issues, { min: 0, max: HORIZON_MAX_S });
    const qty = numberCell(row, "qty", file, issues, { min: 1, max: MAX_UNITS, integer: true });
    const raw = row.cells.sku;
    let sku = rankOf.get(raw);
    if (sku === undefined && /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= skuIds.length)
      sku = Number(raw);
    if (sku === undefined) {
      issues.push({
        file,
        path: `row ${row.row}, column sku`,
        value: raw,
        expected: `a SKU id of the SKU master (${skuIds.length} SKUs) or a rank 1–${skuIds.length}`,
      });
    }
    const carrier = row.cells.carrier ?? "";
    if (carrier !== "" && !carriers.includes(carrier)) {
      issues.push({
        file,
        path: `row ${row.row}, column carrier`,
        value: carrier,
        expected: `a carrier of outbound.carriers (${carriers.join(", ")})`,
      });
    }
    if (sku === undefined || !Number.isFinite(timeS) || !Number.isFinite(qty) || key === "")
      continue;
    const existing = orders.get(key);
    if (existing) {
      if (existing.timeS !== timeS) {
        issues.push({
          file,
          path: `row ${row.row}, column timeS`,
          value: row.cells.timeS,
          expected: `the time of order ${key}'s first line (${existing.timeS})`,
        });
        continue;
      }
      if (existing.lines.length >= MAX_LINES_PER_ORDER) {
        issues.push({
          file,
          path: `row ${row.row}, column order`,
          value: key,
          expected: `an order of at most ${MAX_LINES_PER_ORDER} lines`,
        });
        continue;
      }
      existing.lines.push({ sku, qty });
    } else {
      const order: Scenario["outbound"]["orderList"][number] = { timeS, lines: [{ sku, qty }] };
      if (carrier !== "") order.carrier = carrier;
      orders.set(key, order);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return [...orders.values()];
}

/** The generated SKU ids of `count` SKUs (as the warehouse names them: S00001 = rank 1). */
export function generatedSkuIds(count: number): string[] {
  const width = Math.max(5, String(count).length);
  return Array.from({ length: count }, (_, i) => `S${String(i + 1).padStart(width, "0")}`);
}

/**
 * Fills a resolved scenario with its CSV data: `skus.list` (and `skus.count`) from the SKU
 * master, the order lines appended to `outbound.orderList`. Returns a new scenario.
 */
export function applyCsvData(
  scenario: Scenario,
  sources: { skuMaster?: CsvSource; orderLines?: CsvSource },
): Scenario {
  let skus = scenario.skus;
  if (sources.skuMaster) {
    const list = skuMasterFromCsv(sources.skuMaster, scenario);
    skus = { ...skus, list, count: list.length };
  }
  let outbound = scenario.outbound;
  if (sources.orderLines) {
    const ids = skus.list ? skus.list.map((s) => s.id) : generatedSkuIds(skus.count);
    const given = orderLinesFromCsv(
      sources.orderLines,
      ids,
      scenario.outbound.carriers.map((c) => c.name),
    );
    outbound = { ...outbound, orderList: [...outbound.orderList, ...given] };
  }
  return { ...scenario, skus, outbound };
}
