/** The report of `whsim sweep`: the what-if grid, and each KPI charted against the swept parameters. */

import { kpiDirection } from "../experiment/kpiDirection.ts";
import {
  type Answer,
  answerSection,
  BOTTLENECK_UTILISATION,
  backlogRisk,
  busiestRole,
  roleRisk,
} from "./answer.ts";
import { type AppendixOptions, appendixOptions, appendixSections } from "./appendix.ts";
import { describe } from "./assumptions.ts";
import {
  estimateCell,
  HEADLINE_KPIS,
  kpiInWords,
  kpiScale,
  layoutBlocks,
  orderKpis,
  replicationBlocks,
} from "./commonSections.ts";
import { LITTLE_TOLERANCE, littleCheck } from "./crossChecks.ts";
import { formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import { type NamedEstimate, precisionText } from "./precision.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ChartSpec, ReportModel, Section, Sheet } from "./reportModel.ts";
import type { SweepFile } from "./resultSchemas.ts";
import { scenarioName } from "./runReport.ts";

type Point = SweepFile["points"][number];

/** The value of axis `path` at a grid point (a scenario setting or a sweep variable). */
export function axisValue(p: Point, path: string): number | string | boolean | undefined {
  return p.settings[path] ?? p.variables[path];
}

function pointLabel(p: Point, axes: SweepFile["axes"]): string {
  return axes.map((a) => `${a.path} = ${describe(axisValue(p, a.path))}`).join(", ");
}

/** What every section of a sweep report reads. */
interface SweepContext {
  folder: ResultsFolder;
  s: SweepFile;
  axes: SweepFile["axes"];
  kpis: string[];
  name: string | undefined;
  reps: ReturnType<typeof replicationBlocks>;
}

/** The sections of a sweep report, in order. */
const SWEEP_SECTIONS: ((ctx: SweepContext) => Section[])[] = [
  (ctx) => [
    answerSection(sweepAnswer(ctx)),
    {
      id: "findings",
      title: "The sweep in detail",
      blocks: summaryText(ctx).map((text): Block => ({ kind: "p", text })),
    },
  ],
  (ctx) => [{ id: "grid", title: "The what-if grid", blocks: [gridTable(ctx)] }],
  (ctx) => [
    {
      id: "charts",
      title: "Each KPI against the swept parameters",
      blocks: sweepCharts(ctx).map((chart): Block => ({ kind: "chart", chart })),
      pageBreak: true,
    },
  ],
  checksSection,
  layoutSection,
  appendix,
];

/** Builds the report model of a sweep results folder. */
export function sweepReport(folder: ResultsFolder): ReportModel {
  const s = folder.sweep!;
  const ctx: SweepContext = {
    folder,
    s,
    axes: s.axes,
    kpis: orderKpis(new Set(s.points.flatMap((p) => Object.keys(p.kpis)))),
    name: s.scenario === undefined ? undefined : scenarioName(s.scenario),
    reps: replicationBlocks(folder.replications),
  };
  return {
    kind: "sweep",
    title: `What-if sweep${ctx.name ? `: ${ctx.name}` : ""}`,
    subtitle: `${s.axes.map((a) => a.path).join(" × ")} · ${s.points.length} points × ${s.replications} replications`,
    sections: SWEEP_SECTIONS.flatMap((section) => section(ctx)),
    sheets: sweepSheets(ctx),
  };
}

function summaryText({ s, axes, kpis, name }: SweepContext): string[] {
  const summary: string[] = [
    ...(s.aborted
      ? ["Note: the sweep was stopped early; the figures use the replications that finished."]
      : []),
    `We varied ${axes.map((a) => `${a.path} (${a.values.map(describe).join(", ")})`).join(" and ")}${name ? ` in scenario “${name}”` : ""}: ${s.points.length} combinations, each simulated over ${s.replications} replications on the same random numbers, so differences between points come from the settings, not from chance draws.`,
  ];
  for (const k of HEADLINE_KPIS.filter((x) => kpis.includes(x)).slice(0, 4)) {
    const range = kpiRange(s, k);
    if (range) summary.push(range);
  }
  summary.push(`How sure we are: ${sureText(s, kpis)}`);
  return summary;
}

/** The answer of a sweep: how the headline figures move, the cost range, how sure, the risk. */
function sweepAnswer({ s, axes, kpis }: SweepContext): Answer {
  const moves = ["onTimeShipRate", "throughputOrdersPerHour", "orderCycleTimeS"]
    .filter((k) => kpis.includes(k))
    .slice(0, 2)
    .map((k) => kpiRange(s, k))
    .filter((t): t is string => t !== undefined);
  return {
    kind: "Finding",
    finding:
      moves.length > 0
        ? moves.join(" ")
        : `${s.points.length} combinations of ${axes.map((a) => a.path).join(" and ")} were simulated.`,
    cost: kpiRange(s, "annualCost.total"),
    sure: `${sureText(s, kpis).charAt(0).toUpperCase()}${sureText(s, kpis).slice(1)}`,
    risk: sweepRisk(s),
  };
}

/** The grid point where a role runs hottest, when it is a bottleneck, else a growing backlog. */
function sweepRisk(s: SweepFile): string | undefined {
  const hottest = s.points
    .map((p) => ({ p, busiest: busiestRole(p.kpis) }))
    .filter((x) => x.busiest !== undefined)
    .sort((a, b) => b.busiest!.e.mean - a.busiest!.e.mean)[0];
  if (hottest && hottest.busiest!.e.mean >= BOTTLENECK_UTILISATION)
    return `At ${pointLabel(hottest.p, s.axes)} ${roleRisk(hottest.p.kpis)!.replace(/^The/, "the")}`;
  for (const p of s.points) {
    const backlog = backlogRisk(p.kpis);
    if (backlog) return `At ${pointLabel(p, s.axes)}: ${backlog}`;
  }
  return undefined;
}

/** The range of KPI `k` over the grid and where it is best, in one sentence. */
function kpiRange(s: SweepFile, k: string): string | undefined {
  const withK = s.points.filter((p) => p.kpis[k]);
  if (withK.length < 2) return undefined;
  const lo = withK.reduce((a, b) => (b.kpis[k].mean < a.kpis[k].mean ? b : a));
  const hi = withK.reduce((a, b) => (b.kpis[k].mean > a.kpis[k].mean ? b : a));
  const dir = kpiDirection(k);
  const best = dir === "higher" ? hi : dir === "lower" ? lo : undefined;
  return `${kpiMeta(k).label} ranges from ${kpiInWords(k, lo.kpis[k])} (${pointLabel(lo, s.axes)}) to ${kpiInWords(k, hi.kpis[k])} (${pointLabel(hi, s.axes)})${best ? `; best at ${pointLabel(best, s.axes)}` : ""}.`;
}

/** How sure the grid is: the widest interval of the headline figures, relative or in its unit. */
function sureText(s: SweepFile, kpis: string[]): string {
  const judged = kpis.some((k) => HEADLINE_KPIS.includes(k))
    ? kpis.filter((k) => HEADLINE_KPIS.includes(k))
    : kpis;
  const estimates = s.points.flatMap((p) =>
    judged.filter((k) => p.kpis[k]).map((k): NamedEstimate => [k, p.kpis[k]]),
  );
  const precision = precisionText(estimates);
  return s.replications > 1
    ? `every point carries a 95 % confidence interval (error bars in the charts)${precision ? `; on the headline figures the intervals are ${precision}` : ""}. Points whose intervals overlap are not reliably different.`
    : "one replication per point, so the figures carry no confidence interval; treat small differences as noise.";
}

/** One scale per KPI over the grid (the largest mean): every cell of a KPI reads in one unit. */
function typicalOf(s: SweepFile, k: string): number {
  return Math.max(
    0,
    ...s.points.map((p) => Math.abs(p.kpis[k]?.mean ?? 0)).filter(Number.isFinite),
  );
}

function gridTable(ctx: SweepContext): Block {
  const { s, axes, kpis } = ctx;
  const cell = (k: string, p: Point): Cell => estimateCell(k, p.kpis[k], typicalOf(s, k));
  const withUnit = (k: string) => {
    const u = kpiScale(k, undefined, typicalOf(s, k)).unit;
    return u ? `${kpiMeta(k).label} (${u})` : kpiMeta(k).label;
  };
  if (s.points.length <= 6) {
    // Few points: one row per KPI, one column per point, so every KPI fits the page.
    const head = (p: Point) =>
      axes.map((a) => `${a.path.split(".").at(-1)} = ${describe(axisValue(p, a.path))}`).join(", ");
    return {
      kind: "table",
      table: {
        caption: "The what-if grid (mean ± 95 % half-width)",
        columns: ["KPI", ...s.points.map(head)],
        numeric: [false, ...s.points.map(() => true)],
        rows: kpis.map((k) => [withUnit(k), ...s.points.map((p) => cell(k, p))]),
        cls: "wide",
      },
    };
  }
  const shown = [
    ...HEADLINE_KPIS.filter((k) => kpis.includes(k)),
    ...kpis.filter((k) => !HEADLINE_KPIS.includes(k)),
  ].slice(0, Math.max(2, 7 - axes.length));
  return {
    kind: "table",
    table: {
      caption: `The what-if grid (mean ± 95 % half-width; ${shown.length} of ${kpis.length} KPIs, all in the spreadsheet)`,
      columns: [...axes.map((a) => a.path), ...shown.map(withUnit)],
      numeric: [...axes.map(() => true), ...shown.map(() => true)],
      rows: s.points.map((p): Cell[] => [
        ...axes.map((a) => describe(axisValue(p, a.path))),
        ...shown.map((k) => cell(k, p)),
      ]),
      cls: "wide",
    },
  };
}

/** Little's law at every grid point, when the points have the KPIs it needs. */
function checksSection({ s, axes }: SweepContext): Section[] {
  const rows: Cell[][] = [];
  for (const p of s.points) {
    const check = littleCheck({ kpis: p.kpis });
    if (check.status === "not available") continue;
    rows.push([
      pointLabel(p, axes),
      formatValue(check.analytic ?? Number.NaN),
      formatValue(check.simulated ?? Number.NaN),
      {
        text: check.status === "disagrees" ? "⚑ disagrees" : check.status,
        cls: check.status === "agrees" ? "good" : "flag",
      },
    ]);
  }
  if (rows.length === 0) return [];
  const intro =
    "Little's law (orders in process = throughput × order cycle time) must hold at every point of the grid, whatever the settings; a flagged point is worth a look.";
  const table = {
    caption: `Little's law per grid point (${LITTLE_TOLERANCE * 100} % or 3 standard errors)`,
    columns: ["Point", "λ·W (orders)", "Simulated (orders)", "Result"],
    numeric: [false, true, true, false],
    rows,
  };
  return [
    {
      id: "checks",
      title: "Analytic cross-check at every point",
      blocks: [
        { kind: "p", text: intro },
        { kind: "table", table },
      ],
    },
  ];
}

/** One chart per KPI and swept parameter, a series per combination of the other parameters. */
function sweepCharts({ s, axes, kpis }: SweepContext): ChartSpec[] {
  const charts: ChartSpec[] = [];
  for (const [ai, axis] of axes.entries()) {
    const rest = axes.filter((_, i) => i !== ai);
    const groups = new Map<string, Point[]>();
    for (const p of s.points) {
      const key = rest.map((a) => `${a.path} = ${describe(axisValue(p, a.path))}`).join(", ");
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const k of kpis) charts.push(kpiChart(ai, axis.path, k, groups));
  }
  return charts;
}

function kpiChart(ai: number, path: string, k: string, groups: Map<string, Point[]>): ChartSpec {
  const meta = kpiMeta(k);
  const scale = meta.share ? 100 : 1;
  const point = (p: Point) => {
    const x = axisValue(p, path);
    return {
      x: typeof x === "boolean" ? String(x) : (x ?? ""),
      mean: p.kpis[k].mean * scale,
      ci95: p.kpis[k].ci95 * scale,
    };
  };
  return {
    id: `sweep-${ai}-${k}`,
    type: "kpiVsParameter",
    data: {
      series: [...groups.entries()].map(([key, pts]) => ({
        name: key,
        points: pts.filter((p) => p.kpis[k]).map(point),
      })),
    },
    options: {
      title: `${meta.label} vs ${path}`,
      xLabel: path,
      yLabel: meta.label,
      yUnit: meta.share ? "%" : meta.unit,
      width: 440,
      height: 280,
    },
  };
}

/** The base scenario's layout drawing (the sweep may change layout settings). */
function layoutSection({ folder, axes }: SweepContext): Section[] {
  if (!folder.layout) return [];
  const drawings = layoutBlocks(
    folder.layout,
    undefined,
    "sweep",
    "Layout of the base scenario",
  ).filter((b) => b.kind === "drawing");
  const note: Block[] = axes.some((a) => a.path.startsWith("layout"))
    ? [
        {
          kind: "note",
          text: "The sweep changes layout settings: the drawing shows the base scenario's layout, before the swept values.",
        },
      ]
    : [];
  return [
    {
      id: "layout",
      title: "Layout (before the sweep)",
      blocks: [...drawings, ...note],
      pageBreak: true,
    },
  ];
}

function appendix(ctx: SweepContext): Section[] {
  return appendixSections(ctx.folder, sweepAppendix(ctx));
}

function sweepAppendix({ folder, s, reps }: SweepContext): AppendixOptions {
  return appendixOptions(folder, "Scenario assumptions (before the sweep)", s, {
    replicationBlocks: reps.blocks,
  });
}

/** The grid as a spreadsheet: one row per point, mean and interval per KPI. */
function sweepSheets({ s, axes, kpis, reps }: SweepContext): Sheet[] {
  const kpiColumns = kpis.flatMap((k) => {
    const u = kpiMeta(k).unit;
    const unit = u ? ` (${u})` : "";
    return [`${k} mean${unit}`, `${k} ci95_low${unit}`, `${k} ci95_high${unit}`];
  });
  const sheets: Sheet[] = [
    {
      name: "Sweep grid",
      columns: ["point", ...axes.map((a) => a.path), ...kpiColumns],
      rows: s.points.map((p) => [
        p.id,
        ...axes.map((a) => {
          const v = axisValue(p, a.path);
          return typeof v === "boolean" ? String(v) : (v ?? null);
        }),
        ...kpis.flatMap((k) =>
          p.kpis[k]
            ? [p.kpis[k].mean, p.kpis[k].mean - p.kpis[k].ci95, p.kpis[k].mean + p.kpis[k].ci95]
            : [null, null, null],
        ),
      ]),
    },
  ];
  if (reps.sheet) sheets.push(reps.sheet);
  return sheets;
}
