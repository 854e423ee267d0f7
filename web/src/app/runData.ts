/**
 * A run as the viewer holds it: its layout, summary and indexed trace, loaded from the
 * URL of a results folder (served by `whsim view`) or from files the user dropped.
 */
import { LAYOUT_LIST_FIELDS, type Layout } from "../../../src/layout/types.ts";
import { loadTrace } from "../trace/loadTrace.ts";
import type { TraceIndex } from "../trace/traceIndex.ts";

/** A KPI in summary.json. */
export interface SummaryKpi {
  mean: number;
  ci95?: number | null;
  n?: number;
  unit?: string;
}

/** The parts of summary.json the viewer shows. */
export interface RunSummary {
  kind?: string;
  scenario?: unknown;
  seed?: number;
  replications?: number;
  horizonS?: number;
  /** Warm-up discarded before the measured window, s. */
  warmupS?: number;
  kpis?: Record<string, SummaryKpi>;
  breakdown?: {
    order?: Record<string, number>;
    worker?: Record<string, Record<string, number>>;
  };
  /** Counts per simulated day (warm-up included): mean and 95 % half-width over replications. */
  daily?: Record<string, { mean: number[]; ci95: (number | null)[] }>;
}

/** One loaded run. */
export interface RunData {
  name: string;
  layout: Layout | null;
  summary: RunSummary | null;
  /** The resolved scenario (scenario.json), for the what-if tab. */
  scenario: unknown | null;
  trace: TraceIndex | null;
  /** Time to stream and index trace.ndjson, ms. */
  traceMs: number;
  traceBytes: number;
  /** Problems met while loading, one line each (`file: what`). */
  problems: string[];
}

/** Reports loading progress: a label and a 0..1 fraction (NaN if unknown). */
export type ProgressFn = (label: string, fraction: number) => void;

/** Problems with a parsed layout.json, in the `file: path: value (expected)` style. */
export function checkLayout(value: unknown, file = "layout.json"): string[] {
  const problems: string[] = [];
  if (typeof value !== "object" || value === null) return [`${file}: not an object (a Layout)`];
  const l = value as Record<string, unknown>;
  for (const key of ["widthM", "depthM"]) {
    if (typeof l[key] !== "number" || !((l[key] as number) > 0)) {
      problems.push(
        `${file}: ${key}: ${JSON.stringify(l[key]) ?? "missing"} (a positive number of metres)`,
      );
    }
  }
  for (const key of LAYOUT_LIST_FIELDS) {
    if (!Array.isArray(l[key]))
      problems.push(`${file}: ${key}: ${JSON.stringify(l[key]) ?? "missing"} (an array)`);
  }
  return problems;
}

function scenarioName(summary: RunSummary | null): string | undefined {
  const s = summary?.scenario;
  if (typeof s === "string") return s;
  if (s && typeof s === "object" && typeof (s as { name?: unknown }).name === "string") {
    return (s as { name: string }).name;
  }
  return undefined;
}

async function finish(
  name: string,
  layoutText: Promise<string | null>,
  summaryText: Promise<string | null>,
  scenarioText: Promise<string | null>,
  trace: string | Blob | null,
  onProgress: ProgressFn,
): Promise<RunData> {
  const run: RunData = {
    name,
    layout: null,
    summary: null,
    scenario: null,
    trace: null,
    traceMs: 0,
    traceBytes: 0,
    problems: [],
  };
  const lt = await layoutText;
  if (lt === null) run.problems.push("layout.json: missing (the floor cannot be drawn)");
  else {
    try {
      const parsed = JSON.parse(lt);
      const problems = checkLayout(parsed);
      if (problems.length) run.problems.push(...problems);
      else run.layout = parsed as Layout;
    } catch (e) {
      run.problems.push(`layout.json: not valid JSON (${(e as Error).message})`);
    }
  }
  const st = await summaryText;
  if (st !== null) {
    try {
      run.summary = JSON.parse(st) as RunSummary;
    } catch (e) {
      run.problems.push(`summary.json: not valid JSON (${(e as Error).message})`);
    }
  }
  const sc = await scenarioText;
  if (sc !== null) {
    try {
      run.scenario = JSON.parse(sc);
    } catch (e) {
      run.problems.push(`scenario.json: not valid JSON (${(e as Error).message})`);
    }
  }
  run.name = scenarioName(run.summary) ?? run.layout?.name ?? name;
  if (trace !== null) {
    const floor = run.layout ? { widthM: run.layout.widthM, depthM: run.layout.depthM } : undefined;
    try {
      const loaded = await loadTrace(trace, { floor }, (bytes, total, records) =>
        onProgress(
          `Indexing trace: ${records.toLocaleString("en-US")} records`,
          total > 0 ? bytes / total : Number.NaN,
        ),
      );
      run.trace = loaded.index;
      run.traceMs = loaded.parseMs;
      run.traceBytes = loaded.bytes;
      for (const issue of loaded.index.issues) {
        run.problems.push(`trace.ndjson: line ${issue.line}: ${issue.message}`);
      }
      if (loaded.index.issueCount > loaded.index.issues.length) {
        run.problems.push(
          `trace.ndjson: ${loaded.index.issueCount - loaded.index.issues.length} more problems`,
        );
      }
    } catch (e) {
      run.problems.push(`trace.ndjson: ${(e as Error).message}`);
    }
  }
  return run;
}

async function fetchText(url: string): Promise<string | null> {
  try {
    const r = await fetch(url);
    return r.ok ? await r.text() : null;
  } catch {
    return null;
  }
}

/** Loads the run whose files are under `base` (a URL ending in "/"). */
export async function loadRunFromUrl(base: string, onProgress: ProgressFn): Promise<RunData> {
  const b = base.endsWith("/") ? base : `${base}/`;
  const hasTrace = await fetch(`${b}trace.ndjson`, { method: "HEAD" })
    .then((r) => r.ok)
    .catch(() => false);
  const name = decodeURIComponent(b.split("/").filter(Boolean).pop() ?? "run");
  return finish(
    name,
    fetchText(`${b}layout.json`),
    fetchText(`${b}summary.json`),
    fetchText(`${b}scenario.json`),
    hasTrace ? `${b}trace.ndjson` : null,
    onProgress,
  );
}

/** Loads a run from dropped or chosen files (matched by file name). */
export async function loadRunFromFiles(files: File[], onProgress: ProgressFn): Promise<RunData> {
  const byName = (n: string) => files.find((f) => f.name === n) ?? null;
  const layout = byName("layout.json");
  const summary = byName("summary.json");
  const trace = byName("trace.ndjson");
  const scenario = byName("scenario.json");
  const dir = (files[0] as File & { webkitRelativePath?: string })?.webkitRelativePath?.split(
    "/",
  )[0];
  return finish(
    dir || "dropped run",
    layout ? layout.text() : Promise.resolve(null),
    summary ? summary.text() : Promise.resolve(null),
    scenario ? scenario.text() : Promise.resolve(null),
    trace,
    onProgress,
  );
}
