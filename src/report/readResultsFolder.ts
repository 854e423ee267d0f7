/**
 * Reads a results folder for a report: detects its kind from the files and their `kind`,
 * validates every file it uses, refuses another whsim version, and reads only the known
 * file names inside the folder (no symlinks, nothing the data points to).
 */
import { createReadStream, existsSync, lstatSync, readFileSync, realpathSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { createInterface } from "node:readline";
import type { z } from "zod";
import { InputError, type InputIssue, isInputError } from "../common/inputError.ts";
import { VERSION } from "../common/version.ts";
import { buildLayout } from "../layout/loadLayout.ts";
import type { LayoutSpecInput } from "../layout/spec.ts";
import { LAYOUT_LIST_FIELDS, type Layout } from "../layout/types.ts";
import { zodToInputIssues } from "../scenario/zodIssues.ts";
import { parseWhsimCsv } from "./csv.ts";
import {
  type ComparisonFile,
  comparisonSchema,
  type OptimizationFile,
  optimizationSchema,
  type StaffingFile,
  type Summary,
  type SweepFile,
  staffingSchema,
  summarySchema,
  sweepSchema,
  type TimelineFile,
  timelineSchema,
} from "./resultSchemas.ts";
import { type TraceTimelines, timelineCollector } from "./traceTimelines.ts";

/** The kinds of results a report is made from. */
export type ResultsKind = "run" | "compare" | "sweep" | "optimize" | "staff";

/** A CSV file as read: header and rows of cells. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Aggregates of trace.ndjson (only when the run was traced). */
export interface TraceAggregates {
  /** Picks per location id. */
  picksByLocation: Record<string, number>;
  /** Congestion wait per aisle id, s. */
  congestionByAisle: Record<string, number>;
  /** Periodic samples, at most ~1000 (thinned evenly). */
  samples: {
    t: number;
    wip: number;
    queues: Record<string, number>;
    utilization: Record<string, number>;
  }[];
  /** Worker states and order times, for the time charts. */
  timelines: TraceTimelines;
}

/** One candidate of a comparison: its id and, when written, its resolved scenario and layout. */
export interface CandidateInput {
  id: string;
  /** candidates/<k>/scenario.json. */
  scenario?: Record<string, unknown>;
  /** candidates/<k>/layout.json. */
  layout?: Layout;
  /** candidates/<k>/timeline.json: the traced replication's data over time. */
  timeline?: TimelineFile;
}

/** Everything a report shows, read from one results folder. */
export interface ResultsFolder {
  kind: ResultsKind;
  /** Absolute path of the folder. */
  dir: string;
  /** Names of the files read. */
  files: string[];
  summary?: Summary;
  comparison?: ComparisonFile;
  sweep?: SweepFile;
  optimization?: OptimizationFile;
  staffing?: StaffingFile;
  /** scenario.json: the resolved scenario (defaults filled in). */
  scenario?: Record<string, unknown>;
  /** layout.json: the built layout (for an optimization, the winner's). */
  layout?: Layout;
  /** A comparison's candidates in comparison.json's order, with what candidates/<k>/ holds. */
  candidateInputs?: CandidateInput[];
  /** replications.csv: one row per replication (and candidate), one column per KPI. */
  replications?: CsvTable;
  trace?: TraceAggregates;
}

/** The `kind` values each primary file may carry. */
const KIND_VALUES: Record<ResultsKind, readonly string[]> = {
  run: ["run"],
  compare: ["comparison", "compare"],
  sweep: ["sweep"],
  optimize: ["optimization", "optimize"],
  staff: ["staffing"],
};

/** The file that names each kind, in the order they are looked for. */
export const PRIMARY_FILES: readonly [string, ResultsKind][] = [
  ["optimization.json", "optimize"],
  ["comparison.json", "compare"],
  ["sweep.json", "sweep"],
  ["summary.json", "run"],
  ["staffing.json", "staff"],
];

/** Files each kind needs besides its primary file. */
export const REQUIRED_FILES: Record<ResultsKind, readonly string[]> = {
  run: ["kpis.csv", "replications.csv", "scenario.json", "layout.json"],
  compare: [],
  sweep: [],
  optimize: [],
  staff: [],
};

const MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * True when results written by whsim `version` can be read by this whsim: the same major
 * version (and before 1.0, the same minor version).
 */
export function compatibleVersion(version: string, current = VERSION): boolean {
  const a = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  const b = /^(\d+)\.(\d+)\.(\d+)/.exec(current);
  if (!a || !b) return false;
  if (a[1] !== b[1]) return false;
  return a[1] !== "0" || a[2] === b[2];
}

/**
 * The folder, inside a comparison's results folder, that holds the `k`-th candidate's
 * (0-based, in the order of comparison.json's `scenarios` and `candidates`) resolved
 * `scenario.json` and built `layout.json`: `candidates/<k>/`.
 */
export function candidateFolder(k: number): string {
  return `candidates/${k}/`;
}

/** A regular file inside `dir` (symlinks refused, also as a sub-folder), or undefined when absent. */
function safeFile(dir: string, name: string, issues: InputIssue[]): string | undefined {
  const path = join(dir, name);
  if (!existsSync(path)) return undefined;
  const stat = lstatSync(path);
  const inside = realpathSync(path).startsWith(`${realpathSync(dir)}${sep}`);
  if (!stat.isFile() || !inside) {
    issues.push({
      file: path,
      path: "",
      value: stat.isSymbolicLink() || !inside ? "a symbolic link" : "not a file",
      expected: "a regular file inside the results folder",
    });
    return undefined;
  }
  if (stat.size > MAX_JSON_BYTES && !name.endsWith(".ndjson")) {
    issues.push({
      file: path,
      path: "",
      value: `${stat.size} bytes`,
      expected: `at most ${MAX_JSON_BYTES} bytes`,
    });
    return undefined;
  }
  return path;
}

function readJson(path: string, issues: InputIssue[]): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    issues.push({
      file: path,
      path: "",
      value: "unreadable JSON",
      expected: `valid JSON (${(error as Error).message})`,
    });
    return undefined;
  }
}

function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  issues: InputIssue[],
): z.output<T> | undefined {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  issues.push(...zodToInputIssues(schema, parsed.error.issues, data, file));
  return undefined;
}

/** Reads the aggregates a report needs from trace.ndjson, line by line. */
export async function readTraceAggregates(path: string): Promise<TraceAggregates> {
  const picksByLocation: Record<string, number> = {};
  const congestionByAisle: Record<string, number> = {};
  const samples: TraceAggregates["samples"] = [];
  const timelines = timelineCollector();
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (
      !line.includes('"pick"') &&
      !line.includes('"congestion"') &&
      !line.includes('"sample"') &&
      !timelines.wants(line)
    )
      continue;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    if (r.kind === "pick" && typeof r.location === "string") {
      picksByLocation[r.location] = (picksByLocation[r.location] ?? 0) + 1;
    } else if (
      r.kind === "congestion" &&
      typeof r.aisle === "string" &&
      typeof r.waitS === "number"
    ) {
      congestionByAisle[r.aisle] = (congestionByAisle[r.aisle] ?? 0) + r.waitS;
    } else if (r.kind === "sample" && typeof r.t === "number") {
      samples.push({
        t: r.t,
        wip: typeof r.wip === "number" ? r.wip : Number.NaN,
        queues: (r.queues as Record<string, number>) ?? {},
        utilization: (r.utilization as Record<string, number>) ?? {},
      });
    } else timelines.add(r);
  }
  const step = Math.ceil(samples.length / 1000);
  return {
    picksByLocation,
    congestionByAisle,
    samples: step > 1 ? samples.filter((_, i) => i % step === 0) : samples,
    timelines: timelines.result(),
  };
}

function checkVersion(data: unknown, file: string, issues: InputIssue[]): void {
  const version = (data as { version?: unknown } | undefined)?.version;
  if (typeof version === "string" && !compatibleVersion(version)) {
    issues.push({
      file,
      path: "version",
      value: version,
      expected: `results written by whsim ${VERSION.replace(/\.\d+$/, ".x")} (this is whsim ${VERSION}; re-run the experiment)`,
    });
  }
}

/**
 * Reads and validates the results folder `dir`. Throws InputError listing every problem
 * (missing files, bad fields, another version) — never returns a partial folder.
 */
export async function readResultsFolder(dirArg: string): Promise<ResultsFolder> {
  const issues: InputIssue[] = [];
  const dir = resolve(dirArg);
  const [primaryName, kind] = primaryFile(dirArg, dir);
  const folder: ResultsFolder = { kind, dir, files: [] };
  readPrimary(folder, primaryName, issues);
  for (const name of REQUIRED_FILES[kind]) {
    if (!existsSync(join(dir, name))) {
      issues.push({
        file: join(dir, name),
        path: "",
        value: "missing",
        expected: `present: a ${kind} results folder holds ${[primaryName, ...REQUIRED_FILES[kind]].join(", ")}`,
      });
    }
  }
  const optional = (name: string) => optionalFile(folder, name, issues);
  const scenarioPath = optional("scenario.json");
  if (scenarioPath) folder.scenario = readScenarioJson(scenarioPath, issues);
  const layoutPath = optional("layout.json");
  if (layoutPath) folder.layout = readLayoutJson(layoutPath, issues);
  if (folder.comparison) folder.candidateInputs = readCandidateInputs(folder, issues);
  const replicationsPath = optional("replications.csv");
  if (replicationsPath)
    folder.replications = parseWhsimCsv(readFileSync(replicationsPath, "utf8"), replicationsPath);
  const kpisPath = optional("kpis.csv");
  if (kpisPath && folder.summary)
    checkKpisCsv(
      parseWhsimCsv(readFileSync(kpisPath, "utf8"), kpisPath),
      folder.summary,
      kpisPath,
      issues,
    );
  if (folder.summary && folder.replications) checkReplicationRows(folder, issues);
  if (folder.optimization?.winnerLayout && !folder.layout)
    readWinnerLayout(folder, primaryName, issues);
  if (issues.length > 0) throw new InputError(issues);
  const tracePath = optional("trace.ndjson");
  if (tracePath) folder.trace = await readTraceAggregates(tracePath);
  return folder;
}

/** The primary file of `dir` and the kind it names; throws when `dir` is no results folder. */
function primaryFile(dirArg: string, dir: string): readonly [string, ResultsKind] {
  if (!existsSync(dir) || !lstatSync(realpathSync(dir)).isDirectory()) {
    throw new InputError({
      file: dirArg,
      path: "",
      value: dirArg,
      expected: "a results folder written by whsim run, compare, sweep, optimize or staff",
    });
  }
  const primary = PRIMARY_FILES.find(([name]) => existsSync(join(dir, name)));
  if (!primary) {
    throw new InputError({
      file: dirArg,
      path: "",
      value: "no results file",
      expected: `one of ${PRIMARY_FILES.map(([n]) => n).join(", ")}`,
    });
  }
  return primary;
}

/** Reads the primary file into the folder's field for its kind, checking `kind` and version. */
function readPrimary(folder: ResultsFolder, primaryName: string, issues: InputIssue[]): void {
  const kind = folder.kind;
  const primaryPath = safeFile(folder.dir, primaryName, issues);
  const data = primaryPath ? readJson(primaryPath, issues) : undefined;
  if (!primaryPath || data === undefined) return;
  folder.files.push(primaryName);
  const found = (data as { kind?: unknown })?.kind;
  if (typeof found !== "string" || !KIND_VALUES[kind].includes(found)) {
    issues.push({
      file: primaryPath,
      path: "kind",
      value: found,
      expected: KIND_VALUES[kind].map((k) => `"${k}"`).join(" or "),
    });
    return;
  }
  checkVersion(data, primaryPath, issues);
  if (kind === "run") folder.summary = validate(summarySchema, data, primaryPath, issues);
  else if (kind === "compare") {
    folder.comparison = validate(comparisonSchema, data, primaryPath, issues);
    if (folder.comparison) checkComparison(folder.comparison, primaryPath, issues);
  } else if (kind === "sweep") folder.sweep = validate(sweepSchema, data, primaryPath, issues);
  else if (kind === "staff") folder.staffing = validate(staffingSchema, data, primaryPath, issues);
  else folder.optimization = validate(optimizationSchema, data, primaryPath, issues);
}

/** The path of an optional file of the folder (recorded as read), or undefined when absent. */
function optionalFile(folder: ResultsFolder, name: string, issues: InputIssue[]) {
  const path = safeFile(folder.dir, name, issues);
  if (path) folder.files.push(name);
  return path;
}

/** Each comparison candidate's resolved scenario and layout from candidates/<k>/. */
function readCandidateInputs(folder: ResultsFolder, issues: InputIssue[]): CandidateInput[] {
  const c = folder.comparison!;
  return c.candidates.map((x, k) => {
    const id = c.scenarios?.[k]?.id ?? (typeof x === "string" ? x : x.id);
    const input: CandidateInput = { id };
    const sub = candidateFolder(k);
    const sPath = optionalFile(folder, `${sub}scenario.json`, issues);
    if (sPath) input.scenario = readScenarioJson(sPath, issues);
    const lPath = optionalFile(folder, `${sub}layout.json`, issues);
    if (lPath) input.layout = readLayoutJson(lPath, issues);
    const tPath = optionalFile(folder, `${sub}timeline.json`, issues);
    const timeline = tPath ? readJson(tPath, issues) : undefined;
    if (timeline !== undefined) input.timeline = validate(timelineSchema, timeline, tPath!, issues);
    return input;
  });
}

/** replications.csv of a run holds one row per replication. */
function checkReplicationRows(folder: ResultsFolder, issues: InputIssue[]): void {
  const rows = folder.replications!.rows.length;
  if (rows === folder.summary!.replications) return;
  issues.push({
    file: join(folder.dir, "replications.csv"),
    path: "",
    value: `${rows} rows`,
    expected: `one row per replication (${folder.summary!.replications}, as summary.json says)`,
  });
}

/** An optimization without layout.json draws the winner's layout from its spec. */
function readWinnerLayout(folder: ResultsFolder, primaryName: string, issues: InputIssue[]): void {
  try {
    folder.layout = buildLayout(
      folder.optimization!.winnerLayout as LayoutSpecInput,
      `${primaryName}: winnerLayout`,
    );
  } catch (error) {
    if (!isInputError(error)) throw error;
    issues.push(...error.issues);
  }
}

/** A resolved scenario file: any JSON object. */
function readScenarioJson(path: string, issues: InputIssue[]): Record<string, unknown> | undefined {
  const scenario = readJson(path, issues);
  if (scenario === undefined) return undefined;
  if (typeof scenario !== "object" || scenario === null || Array.isArray(scenario)) {
    issues.push({
      file: path,
      path: "",
      value: scenario,
      expected: "a JSON object (the resolved scenario)",
    });
    return undefined;
  }
  return scenario as Record<string, unknown>;
}

/** A built layout file: its size and every list a drawing needs. */
function readLayoutJson(path: string, issues: InputIssue[]): Layout | undefined {
  const layout = readJson(path, issues) as Layout | undefined;
  if (layout === undefined) return undefined;
  const bad =
    typeof layout !== "object" ||
    layout === null ||
    typeof layout.widthM !== "number" ||
    typeof layout.depthM !== "number" ||
    LAYOUT_LIST_FIELDS.some((f) => !Array.isArray(layout[f]));
  if (bad) {
    issues.push({
      file: path,
      path: "",
      value: "not a layout",
      expected: `a built layout (widthM, depthM, ${LAYOUT_LIST_FIELDS.join(", ")})`,
    });
    return undefined;
  }
  return layout;
}

/** kpis.csv must hold the same KPIs and means as summary.json (a half-written folder does not). */
function checkKpisCsv(table: CsvTable, summary: Summary, file: string, issues: InputIssue[]): void {
  const col = (name: string) => table.header.indexOf(name);
  const [kpiCol, meanCol] = [col("kpi"), col("mean")];
  if (kpiCol < 0 || meanCol < 0) {
    issues.push({
      file,
      path: "header",
      value: table.header.join(","),
      expected: "kpi,unit,mean,ci95_low,ci95_high,n",
    });
    return;
  }
  const seen = new Set<string>();
  for (const row of table.rows) {
    const name = row[kpiCol];
    seen.add(name);
    const expected = summary.kpis[name];
    if (!expected) {
      issues.push({ file, path: `kpi ${name}`, value: name, expected: "a KPI of summary.json" });
      continue;
    }
    const mean = Number(row[meanCol]);
    if (!(Math.abs(mean - expected.mean) <= 1e-6 * Math.max(1, Math.abs(expected.mean)))) {
      issues.push({
        file,
        path: `kpi ${name}, mean`,
        value: row[meanCol],
        expected: `${expected.mean}, as in summary.json`,
      });
    }
  }
  for (const name of Object.keys(summary.kpis)) {
    if (!seen.has(name))
      issues.push({
        file,
        path: `kpi ${name}`,
        value: "missing",
        expected: "a row for every KPI of summary.json",
      });
  }
}

/** A comparison's candidates, baseline and per-KPI entries must agree with each other. */
function checkComparison(c: ComparisonFile, file: string, issues: InputIssue[]): void {
  const ids = new Set(c.candidates.map((x) => (typeof x === "string" ? x : x.id)));
  if (!ids.has(c.baseline))
    issues.push({
      file,
      path: "baseline",
      value: c.baseline,
      expected: `one of the candidates (${[...ids].join(", ")})`,
    });
  for (const [kpi, k] of Object.entries(c.kpis)) {
    for (const id of Object.keys(k.estimates)) {
      if (!ids.has(id))
        issues.push({
          file,
          path: `kpis.${kpi}.estimates.${id}`,
          value: id,
          expected: "a candidate id",
        });
    }
    for (const id of Object.keys(k.differences)) {
      if (!ids.has(id) || id === c.baseline)
        issues.push({
          file,
          path: `kpis.${kpi}.differences.${id}`,
          value: id,
          expected: "a candidate id other than the baseline",
        });
    }
  }
}
