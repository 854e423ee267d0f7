/**
 * Fuzz cases for the CLI: a bundled scenario (optionally with a bundled layout file and
 * generated SKU and order-lines CSVs) mutated by fast-check — values of the wrong type or
 * range, unicode, paths out of the folder, duplicated list items and keys, deep nesting,
 * truncation, broken CSV cells and headers — and written to a folder of its own.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";

const root = new URL("../../", import.meta.url).pathname;

/** The bundled scenarios and layouts, by file name. */
export const SCENARIOS = readdirSync(join(root, "scenarios")).filter((f) => f.endsWith(".yaml"));
export const LAYOUTS = readdirSync(join(root, "layouts")).filter((f) => f.endsWith(".yaml"));

/** One change to a parsed YAML object; `pick` chooses among its paths when the case is built. */
export type Mutation =
  | { kind: "set"; pick: number; extra?: string; value: unknown }
  | { kind: "delete"; pick: number }
  | { kind: "duplicate"; pick: number };

/** One change to the text of the scenario file. */
export type TextMutation =
  | { kind: "duplicateKey" }
  | { kind: "deep"; depth: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "manyKeys"; count: number }
  | { kind: "bom" };

/** One change to a CSV file. */
export type CsvMutation =
  | { kind: "cell"; file: "skus" | "orders"; row: number; column: number; value: string }
  | { kind: "duplicateHeader"; file: "skus" | "orders" }
  | { kind: "extraColumn"; file: "skus" | "orders" }
  | { kind: "unclosedQuote"; file: "skus" | "orders" }
  | { kind: "rows"; file: "skus" | "orders"; count: number };

/** A case before it is written: what to start from and what to change. */
export interface FuzzCase {
  scenario: string;
  layout: string | null;
  csv: boolean;
  mutations: Mutation[];
  layoutMutations: Mutation[];
  text: TextMutation | null;
  csvMutations: CsvMutation[];
}

const specialNumbers = fc.constantFrom(
  0,
  -1,
  5e-324,
  1e-300,
  0.5,
  1,
  2,
  7,
  24,
  3600,
  86_400,
  1e6,
  1e9,
  1e12,
  1e15,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
);

const specialStrings = fc.constantFrom(
  "",
  "../../escaped",
  "../../../../../../etc/passwd",
  "/etc/passwd",
  "/proc/self/environ",
  "/dev/zero",
  "/",
  ".",
  "..",
  "0x10",
  "1e3",
  "\u0000",
  "𝕏𝕏",
  "=HYPERLINK(1)",
  "day",
  "late",
  "exponential",
  "06:00",
  "25:00",
);

/** Values of every type and range a careless or hostile user might write. */
export const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 100 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 50, noNaN: true }) },
  specialNumbers,
  fc.double(),
  fc.integer(),
  fc.nat({ max: 2000 }),
  specialStrings,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom<unknown>(
    [],
    {},
    [1, 2, 3],
    { dist: "constant", value: 1e12 },
    { dist: "geometric", p: 1e-300 },
    { dist: "normal", mean: 5, sd: 1e9 },
    { dist: "exponential", mean: 5e-324 },
    { shift: "day", headcount: 1_000_000 },
    { name: "main" },
  ),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 30 }),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("set" as const), pick: fc.nat(), value: valueArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      pick: fc.nat(),
      extra: fc.constantFrom(
        "junk",
        "sampleIntervalS",
        "ordersPerDay",
        "headcount",
        "csv",
        "layout",
      ),
      value: valueArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), pick: fc.nat() }) },
);

const textArb = (long: boolean): fc.Arbitrary<TextMutation> =>
  fc.oneof(
    fc.constant({ kind: "duplicateKey" as const }),
    fc.record({ kind: fc.constant("deep" as const), depth: fc.integer({ min: 10, max: 5000 }) }),
    fc.record({
      kind: fc.constant("truncate" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.oneof(
        fc.string({ unit: "grapheme", maxLength: 8 }),
        fc.constantFrom("\t", ":", "- ", "&a ", "*a", "!!js/function", "{", "]"),
      ),
    }),
    fc.record({
      kind: fc.constant("manyKeys" as const),
      count: fc.integer({ min: 1, max: long ? 50_000 : 5000 }),
    }),
    fc.constant({ kind: "bom" as const }),
  );

const csvFile = fc.constantFrom("skus" as const, "orders" as const);
const csvCell = fc.oneof(
  fc.constantFrom(
    "0x10",
    "1e12",
    "9007199254740994",
    "-1",
    "0",
    "",
    " ",
    "NaN",
    "Infinity",
    "1_000",
    "=SUM(1)",
    "S00001",
    "nobody",
    '"',
  ),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.double().map(String),
);

const csvMutationArb = (long: boolean): fc.Arbitrary<CsvMutation> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant("cell" as const),
        file: csvFile,
        row: fc.nat({ max: 30 }),
        column: fc.nat({ max: 5 }),
        value: csvCell,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("duplicateHeader" as const), file: csvFile }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("extraColumn" as const), file: csvFile }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("unclosedQuote" as const), file: csvFile }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("rows" as const),
        file: csvFile,
        count: fc.integer({ min: 0, max: long ? 250_000 : 3000 }),
      }),
    },
  );

/** `arbitrary` in `weight` cases of 3, `otherwise` in the rest. */
function sometimes<T, U>(
  arbitrary: fc.Arbitrary<T>,
  otherwise: U,
  weight: number,
): fc.Arbitrary<T | U> {
  return fc.oneof({ weight, arbitrary }, { weight: 3 - weight, arbitrary: fc.constant(otherwise) });
}

/** Cases; `runnable` leaves out the scenarios too large to run within the fuzz's time bound. */
export function caseArb(options: { long: boolean; runnable: boolean }): fc.Arbitrary<FuzzCase> {
  const scenarios = options.runnable ? SCENARIOS.filter((s) => s !== "large.yaml") : SCENARIOS;
  return fc.record({
    scenario: fc.constantFrom(...scenarios),
    layout: sometimes(fc.constantFrom(...LAYOUTS), null, 1),
    csv: fc.boolean(),
    mutations: fc.oneof(
      { weight: 2, arbitrary: fc.constant<Mutation[]>([]) },
      { weight: 3, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.array(mutationArb, { minLength: 2, maxLength: 4 }) },
    ),
    layoutMutations: sometimes(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), [], 1),
    text: sometimes(textArb(options.long), null, 1),
    csvMutations: sometimes(
      fc.array(csvMutationArb(options.long), { minLength: 1, maxLength: 3 }),
      [],
      1,
    ),
  });
}

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside `data` (objects and lists included), depth first. */
function pathsOf(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (data === null || typeof data !== "object") return [prefix];
  const entries = Array.isArray(data)
    ? data.map((v, i) => [i, v] as const)
    : Object.entries(data as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function parentOf(data: Json, path: (string | number)[]): Json | undefined {
  let here: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here !== null && typeof here === "object" ? (here as Json) : undefined;
}

/** Applies one mutation to `data` in place. */
export function mutate(data: Json, mutation: Mutation): void {
  const paths = pathsOf(data).filter((p) => p.length > 0);
  if (paths.length === 0) return;
  const path = paths[mutation.pick % paths.length];
  const parent = parentOf(data, path);
  if (!parent) return;
  const key = path[path.length - 1];
  const record = parent as Record<string | number, unknown>;
  if (mutation.kind === "set") {
    const target = mutation.extra && !Array.isArray(parent) ? mutation.extra : key;
    record[target] = structuredClone(mutation.value);
  } else if (mutation.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete record[key];
  } else if (Array.isArray(parent)) {
    parent.push(structuredClone(parent[key as number]));
  } else {
    record[key] = [structuredClone(record[key]), structuredClone(record[key])];
  }
}

function applyText(text: string, mutation: TextMutation): string {
  switch (mutation.kind) {
    case "duplicateKey":
      return `${text}\nname: again\n`;
    case "deep":
      return `${text}\njunk: ${"[".repeat(mutation.depth)}${"]".repeat(mutation.depth)}\n`;
    case "truncate":
      return text.slice(0, Math.floor(text.length * mutation.at));
    case "insert": {
      const at = Math.floor(text.length * mutation.at);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case "manyKeys": {
      const keys = Array.from({ length: mutation.count }, (_, i) => `  k${i}: ${i}`);
      return `${text}\njunk:\n${keys.join("\n")}\n`;
    }
    case "bom":
      return `\uFEFF${text}`;
  }
}

/** A SKU master of `count` SKUs and a day of order lines for it. */
function baseCsv(count: number): { skus: string[][]; orders: string[][] } {
  const skus = [["sku", "unitCubeM3", "unitsPerPallet", "supplier"]];
  for (let i = 1; i <= count; i++) skus.push([`S${i}`, String(0.002 + (i % 7) * 0.002), "", ""]);
  const orders = [["order", "timeS", "sku", "qty"]];
  for (let i = 1; i <= 60; i++)
    orders.push([`o${i}`, String(21_600 + i * 600), `S${1 + (i % count)}`, "2"]);
  return { skus, orders };
}

function applyCsv(tables: { skus: string[][]; orders: string[][] }, m: CsvMutation): void {
  const table = tables[m.file];
  switch (m.kind) {
    case "cell": {
      const row = table[m.row % table.length];
      row[m.column % row.length] = m.value;
      break;
    }
    case "duplicateHeader":
      for (const row of table) row.push(row[1]);
      break;
    case "extraColumn":
      table[0].push("extra");
      break;
    case "unclosedQuote":
      table[table.length - 1][0] = `"${table[table.length - 1][0]}`;
      break;
    case "rows": {
      const template = table[table.length - 1];
      for (let i = 0; i < m.count; i++) table.push([`${template[0]}-${i}`, ...template.slice(1)]);
      break;
    }
  }
}

/** A CSV cell: quoted when it holds a comma, quote or line break. */
function cell(text: string): string {
  return /[",\n\r]/.test(text) && !text.startsWith('"') ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Shortens a runnable case: one day (a quarter of it warm-up) unless a mutation says otherwise. */
function shorten(data: Record<string, unknown>): void {
  if (typeof data.horizonDays === "number" && data.horizonDays > 1) data.horizonDays = 1;
  if (typeof data.warmupDays === "number" && data.warmupDays >= 1) data.warmupDays = 0.25;
}

/** Writes the case's files into `dir`; returns the scenario file's path. */
export function writeCase(dir: string, c: FuzzCase, runnable: boolean): string {
  const data = parse(readFileSync(join(root, "scenarios", c.scenario), "utf8")) as Record<
    string,
    unknown
  >;
  if (c.layout) {
    const layout = parse(readFileSync(join(root, "layouts", c.layout), "utf8")) as Json;
    for (const m of c.layoutMutations) mutate(layout, m);
    writeFileSync(join(dir, "layout.yaml"), stringify(layout));
    data.layout = "layout.yaml";
  }
  if (c.csv) {
    const skus = data.skus as Record<string, unknown> | undefined;
    const count = typeof skus?.count === "number" ? Math.min(skus.count, 2000) : 500;
    data.skus = { ...(skus ?? {}), csv: "skus.csv" };
    data.outbound = { ...((data.outbound as object) ?? {}), orderLinesCsv: "orders.csv" };
    const tables = baseCsv(count);
    for (const m of c.csvMutations) applyCsv(tables, m);
    for (const name of ["skus", "orders"] as const) {
      const text = tables[name].map((row) => row.map(cell).join(",")).join("\n");
      writeFileSync(join(dir, `${name}.csv`), `${text}\n`);
    }
  }
  if (runnable) shorten(data);
  for (const m of c.mutations) mutate(data, m);
  if (runnable) shorten(data);
  let text = stringify(data);
  if (c.text) text = applyText(text, c.text);
  const file = join(dir, "scenario.yaml");
  writeFileSync(file, text);
  return file;
}
