/**
 * Sections every kind of report shares: the KPI table with confidence intervals, the time
 * breakdown charts, the layout drawing with heatmaps, the analytic cross-checks and the
 * reproducibility details.
 */
import {
  clipInterval,
  type DisplayScale,
  differenceUnit,
  displayScale,
  formatOnScale,
  formatQuantity,
  spreadsheetFormat,
  spreadsheetValue,
} from "../common/units.ts";
import type { Layout } from "../layout/types.ts";
import { splitWorkerTime } from "../warehouse/measure/workerTime.ts";
import type { CrossCheck } from "./crossChecks.ts";
import { formatDuration, formatShare, formatValue } from "./format.ts";
import { plainName, withPlainNames } from "./glossary.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { TraceAggregates } from "./readResultsFolder.ts";
import type { Block, Cell, ChartSpec, DrawingSpec, Sheet, Table } from "./reportModel.ts";
import type { BreakdownData, Estimate } from "./resultSchemas.ts";

/** KPIs shown first, in this order; the others follow alphabetically. */
export const HEADLINE_KPIS = [
  "throughputOrdersPerHour",
  "ordersShipped",
  "orderCycleTimeS",
  "onTimeShipRate",
  "fillRateLines",
  "dockToStockS",
  "pickTravelMPerLine",
  "congestionWaitS",
  "inventoryRecordAccuracy",
];

/** KPIs a report's body (and its printed tables) shows; every KPI is on screen or in the appendix. */
export const BODY_KPIS = [
  ...HEADLINE_KPIS,
  "demandOrdersPerHour",
  "backlogAtStartOrders",
  "backlogAtEndOrders",
  "costPerOrder",
  "annualCost.total",
];

/** KPI names in report order. */
export function orderKpis(names: Iterable<string>): string[] {
  const all = [...new Set(names)];
  const head = HEADLINE_KPIS.filter((k) => all.includes(k));
  const util = all.filter((k) => k.startsWith("utilization")).sort();
  const rest = all.filter((k) => !head.includes(k) && !util.includes(k)).sort();
  return [...head, ...util, ...rest];
}

/** The unit of KPI `name` as results files write it ("share" for shares). */
export function baseUnit(name: string, unit?: string): string {
  const meta = kpiMeta(name, unit);
  return meta.share ? "share" : meta.unit;
}

/** How KPI `name` is shown around `typical` (common/units.ts: %, s/min/h/days, currency). */
export function kpiScale(name: string, unit?: string, typical = 0): DisplayScale {
  return displayScale(baseUnit(name, unit), typical);
}

/** The unit shown in tables: `%` for shares, `h` for a cycle time of hours. */
export function displayUnit(name: string, e?: Estimate): string {
  return kpiScale(name, e?.unit, e?.mean ?? 0).unit;
}

/** The unit of a difference: percentage points for shares. */
export function differenceDisplayUnit(
  name: string,
  d: Estimate & { low: number; high: number },
): string {
  return differenceUnit(kpiScale(name, d.unit, differenceTypical(d)));
}

/** The size that sets a difference's scale: its largest bound. */
export function differenceTypical(d: { mean: number; low: number; high: number }): number {
  return Math.max(...[d.mean, d.low, d.high].filter(Number.isFinite).map(Math.abs), 0);
}

/**
 * `value` of KPI `name` as shown, without the unit, on the scale of `typical` (default the
 * value; pass the row's mean so that a mean and its bounds share one unit).
 */
export function showKpi(name: string, value: number, unit?: string, typical = value): string {
  return formatOnScale(value, kpiScale(name, unit, typical));
}

/** `low – high` of an estimate, as shown. */
export function showInterval(name: string, e: Estimate): string {
  if (e.n <= 1 || e.ci95 === 0)
    return e.n <= 1 ? "— (one replication)" : `${showKpi(name, e.mean, e.unit)} (exact)`;
  const [low, high] = kpiInterval(name, e);
  return `${showKpi(name, low, e.unit, e.mean)} – ${showKpi(name, high, e.unit, e.mean)}`;
}

/**
 * The interval [mean − ci95, mean + ci95] of a KPI, cut to what the quantity can be: every
 * whsim KPI is ≥ 0 (counts, times, distances, rates) and shares are ≤ 1.
 */
export function kpiInterval(name: string, e: Estimate): [number, number] {
  return clipInterval(baseUnit(name, e.unit), e.mean, e.mean - e.ci95, e.mean + e.ci95);
}

/** A KPI with its unit in words: `95.3 %`, `5.3 h`, `4.35 EUR`. */
export function kpiInWords(name: string, e: Estimate): string {
  return formatQuantity(e.mean, baseUnit(name, e.unit));
}

/** Relative precision of an estimate: half-width ÷ |mean|. */
export function relativePrecision(e: Estimate): number {
  return e.mean !== 0 ? e.ci95 / Math.abs(e.mean) : 0;
}

/** A KPI's label with the unit it is shown in: `Order cycle time (h)`. */
export function kpiWithUnit(name: string, e?: Estimate): string {
  const unit = displayUnit(name, e);
  return unit ? `${kpiMeta(name, e?.unit).label} (${unit})` : kpiMeta(name, e?.unit).label;
}

/** A KPI estimate as a table cell: `mean ± half-width` (just the mean for one replication). */
export function estimateCell(name: string, e: Estimate | undefined, typical: number): Cell {
  if (!e) return "—";
  return {
    text:
      e.n > 1
        ? `${showKpi(name, e.mean, e.unit, typical)} ± ${showKpi(name, e.ci95, e.unit, typical)}`
        : showKpi(name, e.mean, e.unit, typical),
    cls: "num",
  };
}

/** The KPI table of one set of estimates. */
export function kpiTable(kpis: Record<string, Estimate>, caption: string): Table {
  return {
    caption,
    columns: ["KPI", "Unit", "Mean", "95 % confidence interval", "± % of mean", "Replications"],
    numeric: [false, false, true, true, true, true],
    rows: orderKpis(Object.keys(kpis)).map((name) => {
      const e = kpis[name];
      return [
        { text: kpiMeta(name, e.unit).label, cls: "kpi" },
        displayUnit(name, e),
        { text: showKpi(name, e.mean, e.unit), cls: "kpi-mean" },
        showInterval(name, e),
        e.n > 1 ? formatValue(relativePrecision(e) * 100) : "—",
        String(e.n),
      ];
    }),
  };
}

/** The KPI sheet of one set of estimates (units in headers, raw numbers). */
export function kpiSheet(kpis: Record<string, Estimate>, name = "KPIs"): Sheet {
  const names = orderKpis(Object.keys(kpis));
  const rows: Sheet["rows"] = [];
  const formats: Sheet["formats"] = [];
  for (const k of names) {
    const e = kpis[k];
    // The HTML's rule: shares as % (fractions with a % format), times in s/min/h by size,
    // money in its currency; bounds cut to what the quantity can be.
    const scale = kpiScale(k, e.unit, e.mean);
    const [low, high] = e.n > 1 ? kpiInterval(k, e) : [Number.NaN, Number.NaN];
    const value = (v: number) => spreadsheetValue(v, scale);
    const fmt = spreadsheetFormat(scale, e.mean);
    rows.push([
      k,
      kpiMeta(k, e.unit).label,
      scale.kind === "share" ? "share" : scale.unit,
      value(e.mean),
      value(low),
      value(high),
      value(e.ci95),
      e.n,
    ]);
    formats.push([undefined, undefined, undefined, fmt, fmt, fmt, fmt, "0"]);
  }
  return {
    name,
    columns: ["kpi", "label", "unit", "mean", "ci95_low", "ci95_high", "ci95_halfwidth", "n"],
    rows,
    formats,
  };
}

/** Order-phase and worker-state charts for one or more breakdowns (row label → breakdown). */
export function breakdownCharts(
  breakdowns: Record<string, BreakdownData>,
  prefix: string,
): ChartSpec[] {
  const labels = Object.keys(breakdowns);
  if (labels.length === 0) return [];
  const charts: ChartSpec[] = [];
  const phases = [...new Set(labels.flatMap((l) => Object.keys(breakdowns[l].order)))];
  if (phases.length > 0) {
    // Times on the scale people read them (min or h for orders that take hours).
    const longest = Math.max(
      0,
      ...labels.map((l) => Object.values(breakdowns[l].order).reduce((a, b) => a + b, 0)),
    );
    const time = displayScale("s", longest);
    charts.push({
      id: `${prefix}-order-breakdown`,
      type: "stackedBreakdown",
      data: {
        rows: labels.map((label) => ({ label, parts: withPlainNames(breakdowns[label].order) })),
        keys: phases.map(plainName),
      },
      options: {
        title: "Where an order's time goes (mean per order)",
        xLabel: "Time from arrival to shipping",
        xUnit: time.unit,
        scale: time.factor,
      },
    });
  }
  const roles = [...new Set(labels.flatMap((l) => Object.keys(breakdowns[l].worker)))];
  if (roles.length > 0) {
    // Only the states stack: reasons for waiting are parts of `waiting`, never added to it.
    const states = [
      ...new Set(
        labels.flatMap((l) =>
          Object.values(breakdowns[l].worker).flatMap((s) =>
            Object.keys(splitWorkerTime(s).states),
          ),
        ),
      ),
    ];
    charts.push({
      id: `${prefix}-worker-breakdown`,
      type: "stackedBreakdown",
      data: {
        rows: labels.flatMap((label) =>
          roles
            .filter((r) => breakdowns[label].worker[r])
            .map((role) => ({
              label: labels.length > 1 ? `${label}: ${role}` : role,
              parts: withPlainNames(splitWorkerTime(breakdowns[label].worker[role]).states),
            })),
        ),
        keys: states.map(plainName),
      },
      options: {
        xMax: 100,
        totals: false,
        title: "How workers spend their time (share of shift)",
        xLabel: "Share of time",
        xUnit: "%",
        scale: 100,
      },
    });
  }
  return charts;
}

/** A table of the order phases (mean s per order), one column per breakdown. */
export function breakdownTable(breakdowns: Record<string, BreakdownData>): Table {
  const labels = Object.keys(breakdowns);
  const phases = [...new Set(labels.flatMap((l) => Object.keys(breakdowns[l].order)))];
  const total = (l: string) => Object.values(breakdowns[l].order).reduce((a, b) => a + b, 0);
  const single = labels.length === 1;
  // With several candidates, the change from the first (the baseline) explains the verdicts.
  const others = labels.slice(1);
  const delta = (l: string, p: string | undefined) =>
    p === undefined
      ? total(l) - total(labels[0])
      : (breakdowns[l].order[p] ?? 0) - (breakdowns[labels[0]].order[p] ?? 0);
  const signed = (v: number) => (v > 0 ? `+${formatValue(v)}` : formatValue(v));
  return {
    caption: "Order time by phase (mean seconds per order)",
    // Three or more candidates: narrower type and wrapping headers keep it within A4.
    ...(labels.length > 2 ? { cls: "wide" } : {}),
    columns: [
      "Phase",
      ...labels.map((l) => `${l} (s)`),
      ...(single ? ["Share of order time"] : others.map((l) => `${l} − ${labels[0]} (s)`)),
    ],
    numeric: [false, ...labels.map(() => true), ...(single ? [true] : others.map(() => true))],
    rows: [
      ...phases.map((p): Cell[] => [
        plainName(p),
        ...labels.map((l) => formatValue(breakdowns[l].order[p] ?? 0)),
        ...(single
          ? [formatShare((breakdowns[labels[0]].order[p] ?? 0) / (total(labels[0]) || 1))]
          : others.map((l) => signed(delta(l, p)))),
      ]),
      [
        { text: "Total", cls: "total" },
        ...labels.map((l) => ({ text: formatValue(total(l)), cls: "total" })),
        ...(single
          ? [{ text: "100 %", cls: "total" }]
          : others.map((l) => ({ text: signed(delta(l, undefined)), cls: "total" }))),
      ],
    ],
  };
}

/** The order phase whose mean time changed most from `base` to `other`, and by how much (s). */
export function largestPhaseChange(
  base: BreakdownData,
  other: BreakdownData,
): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const p of new Set([...Object.keys(base.order), ...Object.keys(other.order)])) {
    const d = (other.order[p] ?? 0) - (base.order[p] ?? 0);
    if (!best || Math.abs(d) > Math.abs(best[1])) best = [p, d];
  }
  return best && best[1] !== 0 ? best : undefined;
}

/** The layout drawing, with pick and congestion heatmaps when the run was traced. */
export function layoutBlocks(
  layout: Layout | undefined,
  trace: TraceAggregates | undefined,
  prefix: string,
  title = "Layout",
): Block[] {
  if (!layout)
    return [
      {
        kind: "note",
        text: "The results folder holds no layout.json, so the layout cannot be drawn.",
      },
    ];
  const blocks: Block[] = [{ kind: "drawing", drawing: { id: `${prefix}-layout`, title, layout } }];
  if (!trace) {
    blocks.push({
      kind: "note",
      text: "Heatmaps need the event trace: run with --trace to include picks per location and congestion per aisle.",
    });
    return blocks;
  }
  const heats: [string, NonNullable<DrawingSpec["heat"]>][] = [
    [
      "picks",
      {
        kind: "locations",
        values: trace.picksByLocation,
        title: "Picks per location",
        unit: "picks",
      },
    ],
    [
      "congestion",
      {
        kind: "aisles",
        values: trace.congestionByAisle,
        title: "Congestion wait per aisle",
        unit: "s",
      },
    ],
  ];
  for (const [suffix, heat] of heats) {
    if (Object.keys(heat.values).length === 0) continue;
    const drawing = { id: `${prefix}-${suffix}`, title: heat.title, layout, heat };
    blocks.push({ kind: "drawing", drawing });
  }
  return blocks;
}

/** The cross-check table and a sentence on what it means. */
export function crossCheckBlocks(checks: CrossCheck[]): Block[] {
  const rows: Cell[][] = checks.map((c) => [
    c.name,
    c.quantity,
    c.unit,
    { text: c.analytic === null ? "—" : formatValue(c.analytic), cls: "num" },
    { text: c.simulated === null ? "—" : formatValue(c.simulated), cls: "num" },
    c.tolerance,
    {
      text: c.status === "disagrees" ? "⚑ disagrees" : c.status,
      cls: c.status === "agrees" ? "good" : c.status === "disagrees" ? "flag" : "muted",
    },
  ]);
  const notes: Block[] = checks.map((c) => ({
    kind: "p",
    text: `${c.name}: ${c.theory}. ${c.note}.`,
  }));
  return [
    {
      kind: "p",
      text: "Where queueing or routing theory covers part of the warehouse, its estimate is shown beside the simulated figure. Agreement within the tolerance is evidence the model behaves as theory predicts; a flagged row is worth a look. A row whose theory models something else than this warehouse (arrivals in batches or at set times, a queue with no steady state) says so and is not judged.",
    },
    {
      kind: "table",
      table: {
        caption: "Analytic cross-checks",
        columns: ["Check", "Quantity", "Unit", "Theory", "Simulated", "Tolerance", "Result"],
        numeric: [false, false, false, true, true, false, false],
        rows,
      },
    },
    ...notes,
  ];
}

/** The fields of a results file that say how to reproduce it. */
export interface ResultsIdentity {
  version: string;
  scenarioHash?: string;
  seed: number;
  /** Replications (per candidate), or in all for an optimization. */
  replications?: number;
  warmupS?: number;
  horizonS?: number;
}

/** Reproducibility: version, hashes, seeds, replications, warm-up and horizon. */
export function reproducibilityTable(
  fields: ResultsIdentity & { files: string[]; extra?: [string, string][] },
): Table {
  const rows: [string, string][] = [
    ["whsim version", fields.version],
    ["Scenario hash", fields.scenarioHash ?? "—"],
    ["Master seed", String(fields.seed)],
    ["Replications", fields.replications === undefined ? "—" : String(fields.replications)],
    [
      "Warm-up discarded",
      fields.warmupS === undefined
        ? "—"
        : `${formatValue(fields.warmupS)} s (${formatDuration(fields.warmupS)})`,
    ],
    [
      "Simulated horizon",
      fields.horizonS === undefined
        ? "—"
        : `${formatValue(fields.horizonS)} s (${formatDuration(fields.horizonS)})`,
    ],
    ...(fields.extra ?? []),
    ["Files read", fields.files.join(", ")],
  ];
  return { caption: "Reproducibility", cls: "kv", columns: ["Item", "Value"], rows };
}

/** Per-replication results as a table and a sheet (KPI columns with units). */
export function replicationBlocks(csv: { header: string[]; rows: string[][] } | undefined): {
  blocks: Block[];
  sheet?: Sheet;
} {
  if (!csv || csv.header.length === 0) return { blocks: [] };
  const isKey = (h: string) => /^(replication|candidate|seed|point|id)$/.test(h);
  const headers = csv.header.map((h) => {
    const meta = kpiMeta(h);
    return isKey(h) || !meta.unit ? h : `${h} (${meta.unit})`;
  });
  const numericCol = csv.header.map((_, i) =>
    csv.rows.every((r) => r[i] === "" || Number.isFinite(Number(r[i]))),
  );
  const show = (v: string, i: number) => (numericCol[i] && v !== "" ? formatValue(Number(v)) : v);
  const sheet: Sheet = {
    name: "Replications",
    columns: headers,
    rows: csv.rows.map((r) => r.map((v, i) => (numericCol[i] && v !== "" ? Number(v) : v))),
  };
  const keys = csv.header.map((h, i) => (isKey(h) ? i : -1)).filter((i) => i >= 0);
  const values = csv.header.map((_, i) => i).filter((i) => !keys.includes(i));
  // One row per KPI and one column per replication, in tables of at most eight replications,
  // so any number of replications fits a printed page.
  const perTable = 8;
  const tables: Table[] = [];
  for (let start = 0; start < csv.rows.length; start += perTable) {
    const chunk = csv.rows.slice(start, start + perTable);
    tables.push({
      caption:
        csv.rows.length > perTable
          ? `Results per replication (${start + 1}–${start + chunk.length} of ${csv.rows.length})`
          : "Results per replication",
      columns: [
        "KPI",
        "Unit",
        ...chunk.map((r) =>
          keys.map((k) => (csv.header[k] === "replication" ? `rep. ${r[k]}` : r[k])).join(" · "),
        ),
      ],
      numeric: [false, false, ...chunk.map(() => true)],
      rows: values.map((i) => [
        kpiMeta(csv.header[i]).label,
        kpiMeta(csv.header[i]).unit,
        ...chunk.map((r) => show(r[i], i)),
      ]),
      cls: "wide",
    });
  }
  return { blocks: tables.map((table): Block => ({ kind: "table", table })), sheet };
}
