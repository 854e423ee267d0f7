/** The report of one `whsim run`: summary, KPIs with intervals, where time goes, layout, checks. */
import type { ShiftSpec } from "../../web/src/charts/data/shiftWindows.ts";
import { stateLabel } from "../warehouse/measure/workerTime.ts";
import { type Answer, annualCostText, answerSection, backlogRisk, roleRisk } from "./answer.ts";
import { type AppendixOptions, appendixOptions, appendixSections } from "./appendix.ts";
import {
  BODY_KPIS,
  breakdownCharts,
  breakdownTable,
  crossCheckBlocks,
  displayUnit,
  HEADLINE_KPIS,
  kpiInterval,
  kpiInWords,
  kpiSheet,
  kpiTable,
  layoutBlocks,
  orderKpis,
  replicationBlocks,
  showInterval,
} from "./commonSections.ts";
import { type CrossCheck, crossCheckHeadline, crossChecks } from "./crossChecks.ts";
import { formatDuration, formatShare, formatValue } from "./format.ts";
import { plainName } from "./glossary.ts";
import { kpiMeta } from "./kpiUnits.ts";
import { precisionText } from "./precision.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ReportModel, Section, Sheet, Table } from "./reportModel.ts";
import type { Summary } from "./resultSchemas.ts";
import { timeCharts } from "./timeCharts.ts";
import { warmupCheckBlocks } from "./warmupCheck.ts";

/** The scenario name of a summary (a string, or an object with a name). */
export function scenarioName(scenario: unknown): string {
  if (typeof scenario === "string") return scenario;
  if (
    scenario &&
    typeof scenario === "object" &&
    typeof (scenario as { name?: unknown }).name === "string"
  ) {
    return (scenario as { name: string }).name;
  }
  return "unnamed scenario";
}

/** Plain-words summary of a run: what was simulated, the headline figures, how sure. */
export function runSummaryText(summary: Summary, checks: CrossCheck[]): string[] {
  const k = summary.kpis;
  const name = scenarioName(summary.scenario);
  const measured = summary.horizonS - summary.warmupS;
  const out: string[] = [
    `We simulated the warehouse of scenario “${name}” for ${formatDuration(summary.horizonS)}, discarding the first ${formatDuration(summary.warmupS)} as warm-up, so the figures describe ${formatDuration(measured)} of steady operation. The run was repeated ${summary.replications} times with independent random numbers; every figure is the mean over replications with its 95 % confidence interval.`,
  ];
  const parts: string[] = [];
  if (k.throughputOrdersPerHour)
    parts.push(
      `shipped ${kpiInWords("throughputOrdersPerHour", k.throughputOrdersPerHour)} on average`,
    );
  if (k.orderCycleTimeS)
    parts.push(
      `an order took ${kpiInWords("orderCycleTimeS", k.orderCycleTimeS)} from arrival to shipping`,
    );
  if (k.onTimeShipRate) parts.push(`${formatShare(k.onTimeShipRate.mean)} of orders left on time`);
  if (k.fillRateLines)
    parts.push(`${formatShare(k.fillRateLines.mean)} of order lines were filled from stock`);
  if (parts.length > 0) out.push(`The warehouse ${parts.join("; ")}.`);
  const phase = largestPhaseText(summary);
  if (phase) out.push(phase);
  const util = orderKpis(Object.keys(k)).filter((n) => n.startsWith("utilization."));
  if (util.length > 0) {
    const busiest = util.reduce((a, b) => (k[b].mean > k[a].mean ? b : a));
    out.push(
      `The busiest role is ${busiest.slice("utilization.".length)} at ${formatShare(k[busiest].mean)} utilisation.`,
    );
  }
  const sure = sureText(summary);
  out.push(`How sure we are: ${sure.charAt(0).toLowerCase()}${sure.slice(1)}`);
  const conservation = conservationOf(summary);
  if (conservation) {
    out.push(
      conservation.ok
        ? "Stock and orders are conserved in every replication: nothing was created or lost."
        : "⚑ Warning: stock or orders are not conserved in at least one replication (see “Analytic cross-checks”); the model needs checking before these figures are used.",
    );
  }
  const checkSentence = crossCheckHeadline(checks);
  if (checkSentence) out.push(checkSentence);
  return out;
}

/** The largest phase of an order's time, in one sentence (nothing without a breakdown). */
function largestPhaseText(summary: Summary): string | undefined {
  const phases = Object.entries(summary.breakdown.order).sort((a, b) => b[1] - a[1]);
  const total = phases.reduce((s, [, v]) => s + v, 0);
  if (phases.length === 0 || total <= 0) return undefined;
  const [top, topS] = phases[0];
  return `The largest part of an order's time is ${plainName(top)} (${formatDuration(topS)}, ${formatValue((topS / total) * 100)} % of the order's time): that is where improvement pays most.`;
}

/** How sure a run is: the widest 95 % interval of the headline figures. */
function sureText(summary: Summary): string {
  const k = summary.kpis;
  const headline = Object.entries(k).filter(([n]) => HEADLINE_KPIS.includes(n));
  const precision = precisionText(headline.length > 0 ? headline : Object.entries(k));
  if (!precision)
    return "This is a single replication, so the figures carry no confidence interval; run more replications before deciding on them.";
  return `Over ${summary.replications} replications the 95 % intervals of the headline figures are ${precision}.`;
}

/** The headline figures as boxes: value in words and its 95 % interval. */
export function keyFigures(summary: Summary): Block {
  const items = [
    "throughputOrdersPerHour",
    "orderCycleTimeS",
    "onTimeShipRate",
    "fillRateLines",
    "pickTravelMPerLine",
  ]
    .filter((k) => summary.kpis[k])
    .map((k) => {
      const e = summary.kpis[k];
      const unit = displayUnit(k, e);
      return {
        label: kpiMeta(k, e.unit).label,
        value: kpiInWords(k, e),
        detail:
          e.n <= 1
            ? "one replication"
            : unit === "s"
              ? `95 % CI ${kpiInterval(k, e).map(formatDuration).join(" – ")}`
              : `95 % CI ${showInterval(k, e)}${unit ? ` ${unit}` : ""}`,
      };
    });
  return { kind: "figures", items };
}

/** The conservation records of a summary, if it has them: `{ ok, replications: [...] }`. */
function conservationOf(
  summary: Summary,
): { ok: boolean; rows: Record<string, unknown>[] } | undefined {
  const c = summary.conservation as { ok?: unknown; replications?: unknown } | undefined;
  if (!c || typeof c.ok !== "boolean") return undefined;
  const rows = Array.isArray(c.replications)
    ? c.replications.filter(
        (r): r is Record<string, unknown> => typeof r === "object" && r !== null,
      )
    : [];
  return { ok: c.ok, rows };
}

/** The per-replication conservation table: stock and orders neither created nor lost. */
export function conservationBlocks(summary: Summary): Block[] {
  const c = conservationOf(summary);
  if (!c) return [];
  const keys = [...new Set(c.rows.flatMap((r) => Object.keys(r)))].filter((k) => k !== "ok");
  const blocks: Block[] = [
    {
      kind: "p",
      text: c.ok
        ? "Conservation holds in every replication: units at the start plus units received equal units shipped, stored, in process and scrapped, and orders created equal orders shipped, open and cancelled."
        : "⚑ Conservation FAILS in at least one replication: the model created or lost stock or orders. Do not use these results until this is explained.",
    },
  ];
  if (c.rows.length > 0 && keys.length > 0) {
    // One column per replication (failing ones first), at most ten, so the table fits a page.
    const order = c.rows
      .map((r, i) => [r, i] as const)
      .sort((a, b) => Number(a[0].ok !== false) - Number(b[0].ok !== false) || a[1] - b[1]);
    const shown = order.slice(0, 10);
    const cellOf = (v: unknown): string =>
      typeof v === "number" ? formatValue(v) : String(v ?? "—");
    blocks.push({
      kind: "table",
      table: {
        caption: `Conservation of stock and orders per replication${shown.length < c.rows.length ? ` (${shown.length} of ${c.rows.length} replications, failing ones first)` : ""}`,
        columns: ["Quantity", ...shown.map(([, i]) => `rep. ${i}`)],
        numeric: [false, ...shown.map(() => true)],
        rows: [
          ...keys.map((k): Cell[] => [k, ...shown.map(([r]) => cellOf(r[k]))]),
          [
            { text: "Holds", cls: "total" },
            ...shown.map(
              ([r]): Cell =>
                r.ok === false
                  ? { text: "⚑ no", cls: "flag" }
                  : { text: r.ok === true ? "yes" : "—", cls: "total" },
            ),
          ],
        ],
        cls: "wide",
      },
    });
  }
  return blocks;
}

/** Mean work in process from trace samples taken after the warm-up. */
function traceWip(folder: ResultsFolder, warmupS: number): number | undefined {
  const samples =
    folder.trace?.samples.filter((s) => s.t >= warmupS && Number.isFinite(s.wip)) ?? [];
  if (samples.length === 0) return undefined;
  return samples.reduce((a, s) => a + s.wip, 0) / samples.length;
}

/** What every section of a run report reads. */
interface RunContext {
  folder: ResultsFolder;
  summary: Summary;
  name: string;
  checks: CrossCheck[];
  reps: ReturnType<typeof replicationBlocks>;
}

/** The sections of a run report, in order: the answer first, then the evidence, then the appendix. */
const RUN_SECTIONS: ((ctx: RunContext) => Section[])[] = [
  summarySection,
  keyFiguresSection,
  (ctx) => [{ id: "warmup", title: "Warm-up check", blocks: warmupCheckBlocks(ctx.summary) }],
  (ctx) => [{ id: "time", title: "Where time goes", blocks: timeBlocks(ctx) }],
  (ctx) => [
    {
      id: "layout",
      title: "Layout and heatmaps",
      blocks: layoutBlocks(ctx.folder.layout, ctx.folder.trace, "run"),
    },
  ],
  checksSection,
  allKpisSection,
  appendix,
];

/** Builds the report model of a run results folder. */
export function runReport(folder: ResultsFolder): ReportModel {
  const summary = folder.summary!;
  const ctx: RunContext = {
    folder,
    summary,
    name: scenarioName(summary.scenario),
    checks: crossChecks({
      kpis: summary.kpis,
      breakdown: summary.breakdown,
      scenario: folder.scenario,
      layout: folder.layout,
      traceWipMean: traceWip(folder, summary.warmupS),
    }),
    reps: replicationBlocks(folder.replications),
  };
  return {
    kind: "run",
    title: `Warehouse simulation: ${ctx.name}`,
    subtitle: `${summary.replications} replications · ${formatDuration(summary.horizonS - summary.warmupS)} measured after ${formatDuration(summary.warmupS)} warm-up`,
    sections: RUN_SECTIONS.flatMap((section) => section(ctx)),
    sheets: runSheets(ctx),
  };
}

function summarySection({ summary, checks }: RunContext): Section[] {
  const text = runSummaryText(summary, checks).map((t): Block => ({ kind: "p", text: t }));
  return [
    answerSection(runAnswer(summary, checks), [keyFigures(summary)]),
    { id: "findings", title: "What the simulation shows", blocks: text },
  ];
}

/** The answer of a run: what the warehouse does, what it costs, how sure, the main risk. */
export function runAnswer(summary: Summary, checks: CrossCheck[]): Answer {
  const k = summary.kpis;
  const parts: string[] = [];
  if (k.throughputOrdersPerHour)
    parts.push(
      `ships ${kpiInWords("throughputOrdersPerHour", k.throughputOrdersPerHour)}${k.demandOrdersPerHour ? ` against a demand of ${kpiInWords("demandOrdersPerHour", k.demandOrdersPerHour)}` : ""}`,
    );
  if (k.onTimeShipRate) parts.push(`${formatShare(k.onTimeShipRate.mean)} of orders leave on time`);
  if (k.fillRateLines)
    parts.push(`${formatShare(k.fillRateLines.mean)} of order lines are filled from stock`);
  const name = scenarioName(summary.scenario);
  const finding = [
    `The warehouse of “${name}”${parts.length > 0 ? ` ${parts.join(", ")}` : " was simulated"}.`,
    largestPhaseText(summary),
  ]
    .filter(Boolean)
    .join(" ");
  const flagged = checks.filter((c) => c.status === "disagrees").map((c) => c.name);
  return {
    kind: "Finding",
    finding,
    cost: annualCostText(k),
    sure: [
      sureText(summary),
      flagged.length > 0 ? `Flagged cross-checks: ${flagged.join(", ")}.` : "",
    ]
      .filter(Boolean)
      .join(" "),
    risk: runRisk(summary),
  };
}

/** The most pressing risk of a run: lost stock, a growing backlog, else the busiest role. */
function runRisk(summary: Summary): string | undefined {
  if (conservationOf(summary)?.ok === false)
    return "Stock or orders are not conserved in at least one replication: the model needs checking before these figures are used.";
  return backlogRisk(summary.kpis) ?? roleRisk(summary.kpis);
}

function keyFiguresSection({ summary }: RunContext): Section[] {
  const body = Object.fromEntries(
    Object.entries(summary.kpis).filter(([k]) => BODY_KPIS.includes(k)),
  );
  const caption =
    "Key performance indicators (mean over replications, 95 % Student-t interval, cut at 0 and at 100 %; every KPI is in the appendix)";
  return [
    {
      id: "kpis",
      title: "Key figures",
      blocks: [{ kind: "table", table: kpiTable(body, caption) }],
    },
  ];
}

function checksSection({ summary, checks }: RunContext): Section[] {
  // The conservation sentence here; its table per replication goes to the appendix.
  const blocks = [...crossCheckBlocks(checks), ...conservationBlocks(summary).slice(0, 1)];
  return [{ id: "checks", title: "Analytic cross-checks", blocks }];
}

function allKpisSection({ summary }: RunContext): Section[] {
  const caption = "Every KPI (mean over replications, 95 % Student-t interval)";
  return [
    {
      id: "all-kpis",
      title: "Appendix: every KPI",
      blocks: [
        { kind: "table", table: kpiTable(summary.kpis, caption) },
        ...conservationBlocks(summary).slice(1),
      ],
      pageBreak: true,
      // The key figures carry the headline KPIs on paper; every KPI is in the spreadsheet.
      screenOnly: true,
    },
  ];
}

function appendix(ctx: RunContext): Section[] {
  return appendixSections(ctx.folder, runAppendix(ctx));
}

function runAppendix({ folder, summary, reps }: RunContext): AppendixOptions {
  return appendixOptions(folder, "Scenario assumptions", summary, {
    replicationBlocks: reps.blocks,
    printNote:
      "Every KPI, the scenario's full settings and the results and conservation of every replication are in the HTML report and its spreadsheet; the printed report leaves them out.",
  });
}

/**
 * A table shown on screen and left out of print, where a chart or a sentence carries its
 * message and the spreadsheet has its figures.
 */
function screenOnly(table: Table): Block {
  return {
    kind: "table",
    table: { ...table, cls: [table.cls, "screen-only"].filter(Boolean).join(" ") },
  };
}

/** The breakdown charts and table, and the charts over time of replication 1 from the trace. */
function timeBlocks({ folder, summary, name }: RunContext): Block[] {
  const blocks: Block[] = breakdownCharts({ [name]: summary.breakdown }, "run").map((chart) => ({
    kind: "chart",
    chart,
  }));
  if (Object.keys(summary.breakdown.order).length > 0)
    blocks.push(screenOnly(breakdownTable({ [name]: summary.breakdown })));
  if (folder.trace) {
    const workforce = folder.scenario?.workforce as
      | { shifts?: Record<string, ShiftSpec> }
      | undefined;
    const { warmupS, horizonS } = summary;
    blocks.push(
      ...timeCharts({ trace: folder.trace, warmupS, horizonS, shifts: workforce?.shifts }),
    );
  }
  return blocks;
}

/** The run's spreadsheets: KPIs, results per replication, the breakdown. */
function runSheets({ summary, reps }: RunContext): Sheet[] {
  const sheets: Sheet[] = [kpiSheet(summary.kpis)];
  if (reps.sheet) sheets.push(reps.sheet);
  sheets.push({
    name: "Breakdown",
    columns: ["group", "item", "state", "value", "unit"],
    rows: [
      ...Object.entries(summary.breakdown.order).map(([p, v]) => [
        "order",
        p,
        "",
        v,
        "s per order",
      ]),
      ...Object.entries(summary.breakdown.worker).flatMap(([role, states]) =>
        Object.entries(states).map(([s, v]) => ["worker", role, stateLabel(s), v, "share of time"]),
      ),
    ],
  });
  return sheets;
}
