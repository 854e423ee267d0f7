/**
 * The report of `whsim optimize`: the ranked candidates with intervals and how far each got,
 * the winner, its layout and why it wins.
 */
import { appendixSections } from "./appendix.ts";
import { describe } from "./assumptions.ts";
import { kpiScale, layoutBlocks, replicationBlocks, showKpi } from "./commonSections.ts";
import { formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ReportModel, Sheet } from "./reportModel.ts";
import type { Estimate, OptimizationFile } from "./resultSchemas.ts";

type Row = OptimizationFile["ranking"][number];

function est(name: string, e: Estimate | undefined, typical: number): Cell {
  if (!e) return "—";
  return {
    text:
      e.n > 1
        ? `${showKpi(name, e.mean, e.unit, typical)} ± ${showKpi(name, e.ci95, e.unit, typical)}`
        : showKpi(name, e.mean, e.unit, typical),
    cls: "num",
  };
}

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

/** Builds the report model of an optimization results folder. */
export function optimizeReport(folder: ResultsFolder): ReportModel {
  const o = folder.optimization!;
  const ranking = orderedRanking(o);
  const kpi = o.objective.kpi;
  const meta = kpiMeta(kpi);
  const word = o.objective.sense === "minimize" ? "lowest" : "highest";
  const winner = ranking.find((r) => r.id === o.winner);
  // One scale for every figure of the objective (the winner's size): one unit throughout.
  const typical = winner?.estimate?.mean ?? ranking.find((r) => r.estimate)?.estimate?.mean ?? 0;
  const unit = kpiScale(kpi, undefined, typical).unit;
  const unitText = unit ? ` ${unit}` : "";
  const show = (v: number) => showKpi(kpi, v, undefined, typical);
  const simulated = ranking.filter((r) => r.estimate);
  const runnerUp = simulated.find((r) => r.id !== winner?.id);
  const params = [...new Set(ranking.flatMap((r) => Object.keys(r.settings)))];

  const summary: string[] = [];
  const counted = o.candidates
    ? `${o.candidates.total} candidate designs (${o.candidates.rejected} ruled out by constraints or screening, ${o.candidates.simulated} simulated)`
    : `${ranking.length} candidate designs`;
  summary.push(
    `We searched ${counted} for the ${word} ${meta.label.toLowerCase()}${o.scenario ? ` in scenario “${o.scenario}”` : ""}. The search ended with status “${o.status}”.`,
  );
  if (winner) {
    summary.push(
      `The winner is “${winner.id}” (${settingsText(winner.settings) || "no settings"})${winner.estimate ? ` with ${meta.label.toLowerCase()} ${show(winner.estimate.mean)}${unitText} (±${show(winner.estimate.ci95)} at 95 %, ${winner.estimate.n} replications)` : ""}.`,
    );
  } else {
    summary.push("No winner was selected.");
  }
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
  const why = o.why === undefined ? [] : Array.isArray(o.why) ? o.why : [o.why];

  // A searched candidate's id is its settings written out: show it only when there are none.
  const showId = params.length === 0;
  const rankTable: Block = {
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
      rows: ranking.map((r): Cell[] => [
        {
          text: r.rank === undefined ? "—" : String(r.rank),
          cls: r.id === winner?.id ? "good" : "",
        },
        ...(showId ? [{ text: r.id, cls: r.id === winner?.id ? "good id" : "id" }] : []),
        ...params.map((p) => describe(r.settings[p])),
        est(kpi, r.estimate, typical),
        r.versusWinner ? `${show(r.versusWinner.low)} to ${show(r.versusWinner.high)}` : "—",
        r.estimate ? String(r.estimate.n) : "—",
        r.rejected ?? r.reached ?? "",
      ]),
      cls: "wide",
    },
  };
  const top = simulated.slice(0, 10);
  const scale = meta.share ? 100 : 1;
  const chart: Block = {
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
  const metricsRows = ranking.filter((r) => r.metrics);
  const metricsTable: Block[] =
    metricsRows.length > 0
      ? [
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
              rows: metricsRows.map((r) => {
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
        ]
      : [];

  const reps = replicationBlocks(folder.replications);
  const sheets: Sheet[] = [
    {
      name: "Ranking",
      columns: [
        "rank",
        "candidate",
        ...params,
        `${kpi} mean${meta.unit ? ` (${meta.unit})` : ""}`,
        `${kpi} ci95_halfwidth${meta.unit ? ` (${meta.unit})` : ""}`,
        "replications",
        `versus winner low${meta.unit ? ` (${meta.unit})` : ""}`,
        `versus winner high${meta.unit ? ` (${meta.unit})` : ""}`,
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

  const title = winner
    ? `Layout optimisation: ${settingsText(winner.settings) || winner.id} wins`
    : "Layout optimisation";
  return {
    kind: "optimize",
    title,
    subtitle: `${ranking.length} candidates · objective ${meta.label.toLowerCase()} (${o.objective.sense}) · status ${o.status}`,
    sections: [
      {
        id: "summary",
        title: "Executive summary",
        blocks: summary.map((text): Block => ({ kind: "p", text })),
      },
      { id: "ranking", title: "Ranking", blocks: [rankTable, chart, ...metricsTable] },
      {
        id: "winner",
        title: "The winning layout and why it wins",
        blocks: [
          ...why.map((text): Block => ({ kind: "p", text })),
          ...(o.winnerSettings
            ? [
                {
                  kind: "table",
                  table: {
                    caption: "Winning settings",
                    cls: "kv",
                    columns: ["Setting", "Value"],
                    rows: Object.entries(o.winnerSettings).map(([k, v]) => [k, describe(v)]),
                  },
                } as Block,
              ]
            : []),
          ...layoutBlocks(
            folder.layout,
            folder.trace,
            "winner",
            `Winning layout${winner ? `: ${winner.id}` : ""}`,
          ),
        ],
        pageBreak: true,
      },
      ...appendixSections(folder, {
        assumptionsTitle: "Scenario assumptions (the winner)",
        reproducibility: {
          version: o.version,
          scenarioHash: o.scenarioHash,
          seed: o.seed,
          replications: o.evaluations,
          files: folder.files,
          extra: [
            ["Search status", o.status],
            ...(o.model ? [["Model", o.model] as [string, string]] : []),
            ...(o.budget !== undefined
              ? [["Replication budget", String(o.budget)] as [string, string]]
              : []),
          ],
        },
        replicationBlocks: reps.blocks,
      }),
    ],
    sheets,
  };
}
