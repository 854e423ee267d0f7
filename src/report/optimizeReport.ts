/**
 * The report of `whsim optimize`: the ranked candidates with intervals and how far each got,
 * the winner, its layout and why it wins.
 */

import { paybackText } from "../common/paybackText.ts";
import { formatQuantity } from "../common/units.ts";
import { type Answer, answerSection, kpiWithInterval } from "./answer.ts";
import { type AppendixOptions, appendixOptions, appendixSections } from "./appendix.ts";
import { describe } from "./assumptions.ts";
import {
  baseUnit,
  estimateCell,
  kpiScale,
  layoutBlocks,
  replicationBlocks,
  showKpi,
} from "./commonSections.ts";
import { formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import { plannerAnswerBlocks } from "./plannerAnswer.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ReportModel, Section, Sheet } from "./reportModel.ts";
import type { OptimizationFile } from "./resultSchemas.ts";

type Row = OptimizationFile["ranking"][number];

/** `settings` without the common `layout.` prefix, in words. */
function settingsText(settings: Record<string, unknown>): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k.replace(/^layout\./, "")} = ${describe(v)}`)
    .join(", ");
}

/** Ranked candidates first (by rank), then the ones never simulated. */
export function orderedRanking(o: OptimizationFile): Row[] {
  const ranked = o.ranking.filter((r) => r.rank !== undefined).sort((a, b) => a.rank! - b.rank!);
  return [...ranked, ...o.ranking.filter((r) => r.rank === undefined)];
}

/** What every section of an optimization report reads. */
interface OptimizeContext {
  folder: ResultsFolder;
  o: OptimizationFile;
  ranking: Row[];
  kpi: string;
  meta: ReturnType<typeof kpiMeta>;
  winner: Row | undefined;
  /** One scale for every figure of the objective (the winner's size): one unit throughout. */
  typical: number;
  unit: string;
  unitText: string;
  show: (v: number) => string;
  params: string[];
  reps: ReturnType<typeof replicationBlocks>;
}

function optimizeContext(folder: ResultsFolder): OptimizeContext {
  const o = folder.optimization!;
  const ranking = orderedRanking(o);
  const kpi = o.objective.kpi;
  const winner = ranking.find((r) => r.id === o.winner);
  const typical = winner?.estimate?.mean ?? ranking.find((r) => r.estimate)?.estimate?.mean ?? 0;
  const unit = kpiScale(kpi, undefined, typical).unit;
  return {
    folder,
    o,
    ranking,
    kpi,
    meta: kpiMeta(kpi),
    winner,
    typical,
    unit,
    unitText: unit ? ` ${unit}` : "",
    show: (v: number) => showKpi(kpi, v, undefined, typical),
    params: [...new Set(ranking.flatMap((r) => Object.keys(r.settings)))],
    reps: replicationBlocks(folder.replications),
  };
}

/** The sections of an optimization report, in order. */
const OPTIMIZE_SECTIONS: ((ctx: OptimizeContext) => Section[])[] = [
  (ctx) => [answerSection(optimizeAnswer(ctx))],
  (ctx) => {
    const blocks = plannerAnswerBlocks(ctx.o);
    return blocks.length > 0
      ? [{ id: "answer", title: "The planner's answer", blocks, pageBreak: true }]
      : [];
  },
  (ctx) => [
    {
      id: "findings",
      title: "How the search went",
      blocks: summaryText(ctx).map((text): Block => ({ kind: "p", text })),
      pageBreak: ctx.o.answer === undefined,
    },
  ],
  (ctx) => [
    {
      id: "ranking",
      title: "Ranking",
      blocks: [rankTable(ctx), rankChart(ctx), ...metricsTable(ctx)],
    },
  ],
  winnerSection,
  appendix,
];

/** Builds the report model of an optimization results folder. */
export function optimizeReport(folder: ResultsFolder): ReportModel {
  const ctx = optimizeContext(folder);
  const { o, winner, ranking, meta } = ctx;
  const title = winner
    ? `Layout optimisation: ${settingsText(winner.settings) || winner.id} wins`
    : "Layout optimisation";
  return {
    kind: "optimize",
    title,
    subtitle: `${ranking.length} candidates · objective ${meta.label.toLowerCase()} (${o.objective.sense}) · status ${o.status}`,
    sections: OPTIMIZE_SECTIONS.flatMap((section) => section(ctx)),
    sheets: optimizeSheets(ctx),
  };
}

function summaryText(ctx: OptimizeContext): string[] {
  const { o, ranking, meta, winner, show, unitText } = ctx;
  const word = o.objective.sense === "minimize" ? "lowest" : "highest";
  const counted = o.candidates
    ? `${o.candidates.total} candidate designs (${o.candidates.rejected} ruled out by constraints or screening, ${o.candidates.simulated} simulated)`
    : `${ranking.length} candidate designs`;
  const summary = [
    `We searched ${counted} for the ${word} ${meta.label.toLowerCase()}${o.scenario ? ` in scenario “${o.scenario}”` : ""}. The search ended with status “${o.status}”.`,
    winner
      ? `The winner is “${winner.id}” (${settingsText(winner.settings) || "no settings"})${winner.estimate ? ` with ${meta.label.toLowerCase()} ${show(winner.estimate.mean)}${unitText} (±${show(winner.estimate.ci95)} at 95 %, ${winner.estimate.n} replications)` : ""}.`
      : "No winner was selected.",
  ];
  const runnerUp = ranking.find((r) => r.estimate && r.id !== winner?.id);
  if (runnerUp?.versusWinner) {
    const v = runnerUp.versusWinner;
    const sure = v.low > 0 || v.high < 0;
    summary.push(
      `The runner-up “${runnerUp.id}” is ${show(Math.abs(v.mean))}${unitText} ${v.mean > 0 ? "worse" : "better"} on common random numbers (interval ${show(v.low)} to ${show(v.high)}${unitText}): ${sure ? "the gap is statistically clear" : "the gap is within the noise"}.`,
    );
  }
  if (o.evaluations !== undefined && o.fullEvaluations) {
    summary.push(
      `Racing spent ${o.evaluations} replications where evaluating every simulated candidate fully would take ${o.fullEvaluations} (${formatValue((1 - o.evaluations / o.fullEvaluations) * 100)} % saved).`,
    );
  }
  summary.push(
    o.indifferenceZone !== undefined
      ? `How sure we are: the final choice is a statistical selection that picks the best with probability at least 95 % whenever it leads by the indifference zone δ = ${formatValue(o.indifferenceZone)}${unitText} or more; designs closer than δ are equally good for practical purposes.`
      : "How sure we are: candidates were raced on common random numbers; the intervals in the ranking show how far apart they are.",
  );
  return summary;
}

/** The recommendation, what it saves, how sure, and what would change it. */
function optimizeAnswer(ctx: OptimizeContext): Answer {
  const { o, winner, meta, show, unitText } = ctx;
  const a = o.answer;
  const best = a?.finalists.find((f) => f.id === o.winner);
  const finding =
    a?.recommendation ??
    (winner
      ? `Build “${winner.id}” (${settingsText(winner.settings) || "no settings"})${winner.estimate ? `: ${meta.label.toLowerCase()} ${show(winner.estimate.mean)}${unitText}` : ""}.`
      : "No design was selected.");
  return {
    kind: "Recommendation",
    finding,
    cost: best ? winnerCostText(best, a?.currency ?? "") : undefined,
    sure:
      o.indifferenceZone !== undefined
        ? `The selection picks the best design with probability at least 95 % whenever it leads by the indifference zone δ = ${formatValue(o.indifferenceZone)}${unitText} or more; designs closer than δ are equally good for practical purposes.`
        : "Candidates were raced on common random numbers; the intervals in the ranking show how far apart they are.",
    risk: optimizeRisk(ctx),
  };
}

/** The winner's annual cost, saving against today and payback, in words. */
function winnerCostText(
  f: NonNullable<OptimizationFile["answer"]>["finalists"][number],
  currency: string,
): string {
  const total = f.annualCost.total;
  const money = (v: number) => formatQuantity(v, currency);
  const parts = [
    total ? `It costs ${money(total.mean)} a year (± ${money(total.ci95)} at 95 %)` : "",
    f.saving
      ? `${f.saving.mean >= 0 ? "saving" : "costing"} ${money(Math.abs(f.saving.mean))} a year against today's layout and crew${Number.isFinite(f.saving.low) ? ` (95 % interval ${money(f.saving.low)} to ${money(f.saving.high)})` : ""}`
      : "",
    f.movedLocationsCost !== undefined
      ? `the re-layout costs ${money(f.movedLocationsCost)} once and ${f.paybackYears?.mean === null || f.paybackYears === undefined ? "does not pay back" : `pays back in ${paybackText(f.paybackYears)}`}`
      : "",
  ].filter(Boolean);
  return `${parts.join("; ")}.`;
}

/** What would change the choice: a sensitivity that flips it, a target near its bound, a close runner-up. */
function optimizeRisk({ o, ranking, winner, show, unitText }: OptimizeContext): string | undefined {
  const flips = o.answer?.sensitivity.filter((r) => r.winnerChanges) ?? [];
  if (flips.length > 0)
    return `The choice changes with ${flips.map((r) => `${r.change} (then “${r.winner}”)`).join(", ")}.`;
  const near = targetMargin(o);
  if (near) return near;
  const runnerUp = ranking.find((r) => r.estimate && r.id !== winner?.id);
  const v = runnerUp?.versusWinner;
  if (runnerUp && v && o.indifferenceZone !== undefined && Math.abs(v.mean) < o.indifferenceZone)
    return `The runner-up “${runnerUp.id}” is only ${show(Math.abs(v.mean))}${unitText} behind, inside the indifference zone: the two are practically equivalent, so other reasons may decide.`;
  return undefined;
}

/** The winner's service target closest to its bound, when its interval reaches within 2 % of it. */
function targetMargin(o: OptimizationFile): string | undefined {
  const service = o.answer?.finalists.find((f) => f.id === o.winner)?.service;
  if (!service || !o.targets) return undefined;
  for (const t of o.targets) {
    const e = service[t.kpi];
    if (!e) continue;
    const worst = t.op.startsWith(">") ? e.mean - e.ci95 : e.mean + e.ci95;
    if (Math.abs(worst - t.value) <= 0.02 * Math.max(Math.abs(t.value), 1e-9))
      return `Service is near its bound: ${kpiWithInterval(t.kpi, e)} against a target ${t.op} ${formatQuantity(t.value, baseUnit(t.kpi, e.unit))}.`;
  }
  return undefined;
}

function rankTable(ctx: OptimizeContext): Block {
  const { o, ranking, meta, unit, params } = ctx;
  // A searched candidate's id is its settings written out: show it only when there are none.
  const showId = params.length === 0;
  return {
    kind: "table",
    table: {
      caption: `Ranking by ${meta.label.toLowerCase()} (${o.objective.sense === "minimize" ? "lower" : "higher"} is better; mean ± 95 % half-width)`,
      columns: [
        "Rank",
        ...(showId ? ["Candidate"] : []),
        ...params.map((p) => p.replace(/^layout\./, "")),
        `${meta.label} (${unit || "value"})`,
        `Versus winner (${unit || "value"})`,
        "Replications",
        "Reached",
      ],
      numeric: [
        true,
        ...(showId ? [false] : []),
        ...params.map(() => false),
        true,
        true,
        true,
        false,
      ],
      rows: ranking.map((r) => rankRow(ctx, r, showId)),
      cls: "wide",
    },
  };
}

function rankRow(ctx: OptimizeContext, r: Row, showId: boolean): Cell[] {
  const { kpi, winner, typical, show, params } = ctx;
  const won = r.id === winner?.id;
  return [
    { text: r.rank === undefined ? "—" : String(r.rank), cls: won ? "good" : "" },
    ...(showId ? [{ text: r.id, cls: won ? "good id" : "id" }] : []),
    ...params.map((p) => describe(r.settings[p])),
    estimateCell(kpi, r.estimate, typical),
    r.versusWinner ? `${show(r.versusWinner.low)} to ${show(r.versusWinner.high)}` : "—",
    r.estimate ? String(r.estimate.n) : "—",
    r.rejected ?? r.reached ?? "",
  ];
}

/** The objective of the ten best simulated candidates, with intervals. */
function rankChart({ ranking, meta, unit }: OptimizeContext): Block {
  const top = ranking.filter((r) => r.estimate).slice(0, 10);
  const scale = meta.share ? 100 : 1;
  return {
    kind: "chart",
    chart: {
      id: "optimize-ranking",
      type: "barsWithCi",
      data: {
        categories: top.map((r) => Object.values(r.settings).map(describe).join(" / ") || r.id),
        series: [
          {
            name: meta.label,
            values: top.map((r) => ({
              mean: r.estimate!.mean * scale,
              ci95: r.estimate!.ci95 * scale,
            })),
          },
        ],
      },
      options: {
        title: `${meta.label} of the simulated candidates (95 % intervals)`,
        yLabel: meta.label,
        yUnit: unit,
      },
    },
  };
}

function metricsTable({ ranking }: OptimizeContext): Block[] {
  const rows = ranking.filter((r) => r.metrics);
  if (rows.length === 0) return [];
  return [
    {
      kind: "table",
      table: {
        caption: "Layout figures of each candidate",
        columns: [
          "Candidate",
          "Width (m)",
          "Depth (m)",
          "Area (m²)",
          "Locations",
          "Mean single-command trip (m)",
        ],
        numeric: [false, true, true, true, true, true],
        rows: rows.map((r) => {
          const m = r.metrics!;
          return [
            { text: settingsText(r.settings) || r.id, cls: "id" },
            formatValue(m.widthM),
            formatValue(m.depthM),
            formatValue(m.areaM2),
            formatValue(m.locations),
            formatValue(m.avgSingleCommandDistanceM),
          ];
        }),
      },
    },
  ];
}

function winnerSection({ folder, o, winner }: OptimizeContext): Section[] {
  const why = o.why === undefined ? [] : Array.isArray(o.why) ? o.why : [o.why];
  const settings: Block[] = o.winnerSettings
    ? [
        {
          kind: "table",
          table: {
            caption: "Winning settings",
            cls: "kv",
            columns: ["Setting", "Value"],
            rows: Object.entries(o.winnerSettings).map(([k, v]) => [k, describe(v)]),
          },
        },
      ]
    : [];
  const drawings = layoutBlocks(
    folder.layout,
    folder.trace,
    "winner",
    `Winning layout${winner ? `: ${winner.id}` : ""}`,
  );
  return [
    {
      id: "winner",
      title: "The winning layout and why it wins",
      blocks: [...why.map((text): Block => ({ kind: "p", text })), ...settings, ...drawings],
      pageBreak: true,
    },
  ];
}

function appendix(ctx: OptimizeContext): Section[] {
  return appendixSections(ctx.folder, optimizeAppendix(ctx));
}

function optimizeAppendix({ folder, o, reps }: OptimizeContext): AppendixOptions {
  const extra: [string, string][] = [["Search status", o.status]];
  if (o.model) extra.push(["Model", o.model]);
  if (o.budget !== undefined) extra.push(["Replication budget", String(o.budget)]);
  const identity = { ...o, replications: o.evaluations, warmupS: undefined, horizonS: undefined };
  return appendixOptions(folder, "Scenario assumptions (the winner)", identity, {
    replicationBlocks: reps.blocks,
    extra,
  });
}

/** The ranking as a spreadsheet, with each candidate's layout figures. */
function optimizeSheets({ ranking, kpi, meta, params, reps }: OptimizeContext): Sheet[] {
  const u = meta.unit ? ` (${meta.unit})` : "";
  const sheets: Sheet[] = [
    {
      name: "Ranking",
      columns: [
        "rank",
        "candidate",
        ...params,
        `${kpi} mean${u}`,
        `${kpi} ci95_halfwidth${u}`,
        "replications",
        `versus winner low${u}`,
        `versus winner high${u}`,
        "reached",
        "rejected",
        "width (m)",
        "depth (m)",
        "locations",
        "single-command trip (m)",
      ],
      rows: ranking.map((r) => [
        r.rank ?? null,
        r.id,
        ...params.map((p) => {
          const v = r.settings[p];
          return typeof v === "boolean" ? String(v) : (v ?? null);
        }),
        r.estimate?.mean ?? null,
        r.estimate?.ci95 ?? null,
        r.estimate?.n ?? null,
        r.versusWinner?.low ?? null,
        r.versusWinner?.high ?? null,
        r.reached ?? null,
        r.rejected ?? null,
        r.metrics?.widthM ?? null,
        r.metrics?.depthM ?? null,
        r.metrics?.locations ?? null,
        r.metrics?.avgSingleCommandDistanceM ?? null,
      ]),
    },
  ];
  if (reps.sheet) sheets.push(reps.sheet);
  return sheets;
}
