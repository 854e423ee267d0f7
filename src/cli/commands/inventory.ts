/**
 * `whsim inventory [file] --demand poisson:2/day --lead-time 5d --policy sQ:12,20 --days N`:
 * simulates one SKU's reorder policy and prints fill rate, cycle service level, average
 * on-hand and backorders and orders placed with 95 % CIs and the exact theory beside them.
 * Options come from a YAML/JSON file, flags, or both (flags win); daily demand may be a CSV.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { InputError, type InputIssue } from "../../common/inputError.ts";
import {
  type InventoryPolicyOptions,
  type InventoryPolicyResult,
  type PolicyDocument,
  policyDocumentFields,
  policyOptionsFromDocument,
  simulateInventoryPolicy,
} from "../../inventory/index.ts";

interface InventoryFlags {
  demand?: string;
  demandCsv?: string;
  demandColumn?: string;
  leadTime?: string;
  policy?: string;
  days?: string;
  warmupDays?: string;
  seed?: string;
  replications?: string;
  batches?: string;
  lostSales?: boolean;
  json?: boolean;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "unreadable";
    throw new InputError({ file, path: "", value: file, expected: `a readable ${what} (${code})` });
  }
}

/**
 * Daily demand values from a CSV: one value per row, from `column` (a header name) or the
 * last column; a first row that is not numeric is a header. Every bad cell is reported.
 */
export function parseDemandCsv(text: string, file: string, column?: string): number[] {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split(/[,;\t]/).map((cell) => cell.trim()));
  if (rows.length === 0)
    throw new InputError({
      file,
      path: "",
      value: "",
      expected: "daily demand values, one per row",
    });
  const header = rows[0].some((cell) => cell !== "" && Number.isNaN(Number(cell)))
    ? rows.shift()!
    : undefined;
  let index = (rows[0] ?? header ?? [""]).length - 1;
  if (column !== undefined) {
    index = header ? header.indexOf(column) : -1;
    if (index < 0) {
      throw new InputError({
        file,
        path: "header",
        value: column,
        expected: `a column of the header: ${header ? header.join(", ") : "(the file has no header)"}`,
      });
    }
  }
  const issues: InputIssue[] = [];
  const values = rows.map((row, i) => {
    const cell = row[index] ?? "";
    const v = cell === "" ? Number.NaN : Number(cell);
    if (!(Number.isFinite(v) && v >= 0)) {
      issues.push({
        file,
        path: `row ${i + 1 + (header ? 1 : 0)}, column ${header ? header[index] : index + 1}`,
        value: cell,
        expected: "a daily demand >= 0",
      });
    }
    return v;
  });
  if (issues.length > 0) throw new InputError(issues);
  if (values.length === 0)
    throw new InputError({ file, path: "", value: "", expected: "at least one day of demand" });
  return values;
}

function numberFlag(
  flag: string,
  text: string | undefined,
  issues: InputIssue[],
  integer: boolean,
): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || (integer && !Number.isSafeInteger(v))) {
    issues.push({
      file: flag,
      path: "",
      value: text,
      expected: integer ? "an integer" : "a number",
    });
    return undefined;
  }
  return v;
}

const fmt = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? "—" : Math.abs(x) >= 1000 ? x.toFixed(1) : x.toPrecision(5);

/** Renders the result as a small table. */
export function formatPolicyResult(result: InventoryPolicyResult, title: string): string {
  const method =
    result.method === "batchMeans"
      ? `${result.kpis.fillRate.n} batch means of one run`
      : `${result.replications} replications`;
  const lines = [
    title,
    `${result.days} days after ${result.warmupDays} warm-up days, seed ${result.seed}, ${result.shortage === "backorder" ? "backorders" : "lost sales"}, CIs from ${method}`,
    "",
    `${"KPI".padEnd(22)}${"simulated".padStart(12)}${"± 95 % CI".padStart(12)}${"theory".padStart(12)}`,
  ];
  const names: [keyof InventoryPolicyResult["kpis"], string][] = [
    ["fillRate", "fill rate"],
    ["cycleServiceLevel", "cycle service level"],
    ["averageOnHand", "average on-hand"],
    ["averageBackorders", "average backorders"],
    ["ordersPerDay", "orders per day"],
    ["ordersPlaced", "orders placed"],
  ];
  if (result.shortage === "lostSales") names.push(["lostSalesRate", "lost sales rate"]);
  for (const [key, label] of names) {
    const k = result.kpis[key];
    lines.push(
      `${label.padEnd(22)}${fmt(k.mean).padStart(12)}${fmt(k.ci95).padStart(12)}${(k.theory !== undefined || k.approx === undefined ? fmt(k.theory) : `≈${fmt(k.approx)}`).padStart(12)}`,
    );
  }
  if (result.theoryNote) lines.push("", `theory: ${result.theoryNote}`);
  if (Object.values(result.kpis).some((k) => k.approx !== undefined)) {
    lines.push("≈: normal approximation (ignores the undershoot of daily demand below s)");
  }
  return `${lines.join("\n")}\n`;
}

/** The flag that sets each document key (commander stores it under the same key). */
const FLAG_OF: Record<string, string> = {
  demand: "--demand",
  leadTime: "--lead-time",
  policy: "--policy",
  days: "--days",
  warmupDays: "--warmup-days",
  seed: "--seed",
  replications: "--replications",
  batches: "--batches",
};
/** Registers `whsim inventory`. */
export function inventoryCommand(program: Command): void {
  program
    .command("inventory")
    .description(
      "Simulate one SKU's reorder policy: fill rate, service level, stock, with theory beside",
    )
    .argument(
      "[file]",
      "a YAML or JSON file with demand, leadTime, policy, days, ... (flags override it)",
    )
    .option("--demand <spec>", "poisson:RATE/day, normal:MEAN,SD/day or empirical:V1,V2,...")
    .option(
      "--demand-csv <file>",
      "daily demand history, one value per row (drawn with replacement)",
    )
    .option("--demand-column <name>", "the CSV column to read (default: the last)")
    .option(
      "--lead-time <spec>",
      "fixed (5d, 36h) or uniform:3d,7d, exponential:5d, normal:5d,1d, ...",
    )
    .option("--policy <spec>", "sQ:s,Q | sS:s,S | RS:7d,S | minMax:min,max[,multiple]")
    .option("--days <n>", "days measured after the warm-up")
    .option(
      "--warmup-days <n>",
      "days simulated before measuring (default: 10 lead times or 5 % of days)",
    )
    .option("--seed <n>", "master seed (default 0)")
    .option("--replications <n>", "independent replications (default 1: batch means of one run)")
    .option("--batches <n>", "batches for batch means (default 20)")
    .option("--lost-sales", "unmet demand is lost instead of backordered")
    .option("--json", "print the result as JSON")
    .action(inventoryAction);
}

/** The policy document of `file` (empty without one). */
async function readPolicyDocument(
  file: string | undefined,
): Promise<PolicyDocument & Record<string, unknown>> {
  if (!file) return {};
  const parsed = parseYaml(await readText(file, "YAML or JSON file"));
  return Object.assign({}, policyDocumentFields(parsed, file));
}

/** Writes the flags over the document's fields; bad numbers go to `issues`. */
async function applyFlags(
  doc: PolicyDocument & Record<string, unknown>,
  flags: InventoryFlags,
  issues: InputIssue[],
): Promise<void> {
  if (flags.demand !== undefined && flags.demandCsv !== undefined) {
    issues.push({
      file: "--demand-csv",
      path: "",
      value: flags.demandCsv,
      expected: "either --demand or --demand-csv, not both",
    });
  }
  if (flags.demand !== undefined) doc.demand = flags.demand;
  if (flags.leadTime !== undefined) doc.leadTime = flags.leadTime;
  if (flags.policy !== undefined) doc.policy = flags.policy;
  const numbers: [keyof PolicyDocument, string, string | undefined, boolean][] = [
    ["days", "--days", flags.days, false],
    ["warmupDays", "--warmup-days", flags.warmupDays, false],
    ["seed", "--seed", flags.seed, true],
    ["replications", "--replications", flags.replications, true],
    ["batches", "--batches", flags.batches, true],
  ];
  for (const [key, flag, text, integer] of numbers) {
    const v = numberFlag(flag, text, issues, integer);
    if (v !== undefined) (doc as Record<string, unknown>)[key] = v;
  }
  if (flags.lostSales) doc.shortage = "lostSales";
  if (flags.demandCsv !== undefined) {
    const values = parseDemandCsv(
      await readText(flags.demandCsv, "CSV file"),
      flags.demandCsv,
      flags.demandColumn,
    );
    doc.demand = { kind: "empirical", valuesPerDay: values };
  }
}

/**
 * The checked options, or every problem (the flags' with the document's) as one InputError;
 * a problem with a value given as a flag names the flag.
 */
function checkedOptions(
  doc: PolicyDocument,
  source: string,
  flags: InventoryFlags,
  issues: InputIssue[],
): InventoryPolicyOptions {
  let options: InventoryPolicyOptions | undefined;
  try {
    options = policyOptionsFromDocument(doc, source);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const issue of error.issues) {
      const key = issue.path.split(".")[0];
      const flag = FLAG_OF[key];
      const given = flag && (flags as Record<string, unknown>)[key] !== undefined;
      issues.push(given ? { ...issue, file: flag, path: issue.path.slice(key.length + 1) } : issue);
    }
  }
  if (issues.length > 0 || !options) throw new InputError(issues);
  return options;
}

/** The title line: policy, demand and lead time as given. */
function resultTitle(doc: PolicyDocument, flags: InventoryFlags): string {
  const describe = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  const demandText = flags.demandCsv
    ? `${flags.demandCsv} (${(doc.demand as unknown as { valuesPerDay: number[] }).valuesPerDay.length} days)`
    : describe(doc.demand);
  return `policy ${describe(doc.policy)} · demand ${demandText} · lead time ${describe(doc.leadTime)}`;
}

/** Runs `whsim inventory [file]`: prints the result table (or JSON). */
async function inventoryAction(file: string | undefined, flags: InventoryFlags): Promise<void> {
  const doc = await readPolicyDocument(file);
  const issues: InputIssue[] = [];
  await applyFlags(doc, flags, issues);
  const result = simulateInventoryPolicy(checkedOptions(doc, file ?? "<flags>", flags, issues));
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(formatPolicyResult(result, resultTitle(doc, flags)));
}
