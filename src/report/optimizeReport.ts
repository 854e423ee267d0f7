/** The report of `whsim optimize`: the ranking with intervals, the winner, its layout and why it wins. */
import { assumptionBlocks, describe } from "./assumptions.ts";
import {
  displayUnit,
  HEADLINE_KPIS,
  kpiInWords,
  layoutBlocks,
  replicationBlocks,
  reproducibilityTable,
  showKpi,
} from "./commonSections.ts";
import { formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ReportModel, Sheet } from "./reportModel.ts";
import type { Estimate } from "./resultSchemas.ts";

function est(name: string, e: Estimate | undefined): Cell {
  if (!e) return "—";
  return {
    text:
      e.n > 1
        ? `${showKpi(name, e.mean, e.unit)} ± ${showKpi(name, e.ci95, e.unit)}`
        : showKpi(name, e.mean, e.unit),
    cls: "num",
  };
}

/** Builds the report model of an optimization results folder. */
export function optimizeReport(folder: ResultsFolder): ReportModel {
  const o = folder.optimization!;
  const ranking = [...o.ranking].sort((a, b) => a.rank - b.rank);
  const objective = o.objective.kpi;
  const meta = kpiMeta(objective);
  const winner = ranking.find((r) => r.id === o.winner) ?? ranking[0];
  const runnerUp = ranking.find((r) => r.id !== winner.id);
  const params = [...new Set(ranking.flatMap((r) => Object.keys(r.parameters)))];
  const others = HEADLINE_KPIS.filter(
    (k) => k !== objective && ranking.some((r) => r.kpis[k]),
  ).slice(0, 3);

  const summary: string[] = [
    `We searched ${ranking.length} candidate designs${o.evaluations !== undefined ? ` (${o.evaluations} simulated replications in all)` : ""} for the one with the ${o.objective.direction === "higher" ? "highest" : "lowest"} ${meta.label.toLowerCase()}. The search finished with status “${o.status}”.`,
    `The winner is “${winner.id}”${
      Object.keys(winner.parameters).length
        ? ` (${Object.entries(winner.parameters)
            .map(([k, v]) => `${k} = ${describe(v)}`)
            .join(", ")})`
        : ""
    } with ${meta.label.toLowerCase()} ${winner.kpis[objective] ? kpiInWords(objective, winner.kpis[objective]) : "n/a"}${winner.kpis[objective]?.n ? ` (±${showKpi(objective, winner.kpis[objective].ci95)}${meta.share ? " points" : meta.unit ? ` ${meta.unit}` : ""} at 95 %)` : ""}.`,
  ];
  if (runnerUp?.kpis[objective] && winner.kpis[objective]) {
    const gap = runnerUp.kpis[objective].mean - winner.kpis[objective].mean;
    summary.push(
      `The runner-up “${runnerUp.id}” reaches ${kpiInWords(objective, runnerUp.kpis[objective])}, ${formatValue(Math.abs(gap))}${meta.unit && !meta.share ? ` ${meta.unit}` : ""} ${(gap > 0) === (o.objective.direction !== "higher") ? "worse" : "better"}.`,
    );
  }
  if (o.why) summary.push(`Why it wins: ${o.why}${/[.!?]$/.test(o.why) ? "" : "."}`);
  summary.push(
    o.indifferenceZone !== undefined
      ? `How sure we are: candidates were raced on common random numbers and the final set ranked by a statistical selection procedure; designs within the indifference zone of ${showKpi(objective, o.indifferenceZone)}${meta.unit ? ` ${meta.share ? "%" : meta.unit}` : ""} of each other are treated as equally good.`
      : "How sure we are: candidates were raced on common random numbers; the intervals in the ranking show how far apart the finalists are.",
  );

  const rankTable: Block = {
    kind: "table",
    table: {
      caption: `Ranking by ${meta.label.toLowerCase()} (mean ± 95 % half-width)`,
      columns: [
        "Rank",
        "Candidate",
        ...params,
        `${meta.label} (${displayUnit(objective)})`,
        ...others.map((k) => `${kpiMeta(k).label} (${displayUnit(k)})`),
        "Replications",
        "Note",
      ],
      numeric: [
        true,
        false,
        ...params.map(() => true),
        true,
        ...others.map(() => true),
        true,
        false,
      ],
      rows: ranking.map((r): Cell[] => [
        String(r.rank),
        { text: r.id, cls: r.id === winner.id ? "good" : "" },
        ...params.map((p) => describe(r.parameters[p])),
        est(objective, r.kpis[objective]),
        ...others.map((k) => est(k, r.kpis[k])),
        r.replications === undefined ? "—" : String(r.replications),
        r.eliminated ?? (r.id === winner.id ? "winner" : ""),
      ]),
      cls: "wide",
    },
  };
  const top = ranking.filter((r) => r.kpis[objective]).slice(0, 10);
  const scale = meta.share ? 100 : 1;
  const chart: Block = {
    kind: "chart",
    chart: {
      id: "optimize-ranking",
      type: "barsWithCi",
      data: {
        categories: top.map((r) => r.id),
        series: [
          {
            name: meta.label,
            values: top.map((r) => ({
              mean: r.kpis[objective].mean * scale,
              ci95: r.kpis[objective].ci95 * scale,
            })),
          },
        ],
      },
      options: {
        title: `${meta.label} of the ${top.length} best candidates`,
        yLabel: meta.label,
        yUnit: meta.share ? "%" : meta.unit,
      },
    },
  };

  const reps = replicationBlocks(folder.replications);
  const kpiNames = [...new Set(ranking.flatMap((r) => Object.keys(r.kpis)))];
  const sheets: Sheet[] = [
    {
      name: "Ranking",
      columns: [
        "rank",
        "candidate",
        ...params,
        ...kpiNames.flatMap((k) => {
          const u = kpiMeta(k).unit;
          return [`${k} mean${u ? ` (${u})` : ""}`, `${k} ci95_halfwidth${u ? ` (${u})` : ""}`];
        }),
        "replications",
      ],
      rows: ranking.map((r) => [
        r.rank,
        r.id,
        ...params.map((p) => {
          const v = r.parameters[p];
          return typeof v === "boolean" ? String(v) : (v ?? null);
        }),
        ...kpiNames.flatMap((k) => (r.kpis[k] ? [r.kpis[k].mean, r.kpis[k].ci95] : [null, null])),
        r.replications ?? null,
      ]),
    },
  ];
  if (reps.sheet) sheets.push(reps.sheet);

  return {
    kind: "optimize",
    title: `Layout optimisation: “${winner.id}” wins`,
    subtitle: `${ranking.length} candidates · objective ${meta.label.toLowerCase()} (${o.objective.direction} is better) · status ${o.status}`,
    sections: [
      {
        id: "summary",
        title: "Executive summary",
        blocks: summary.map((text): Block => ({ kind: "p", text })),
      },
      { id: "ranking", title: "Ranking", blocks: [rankTable, chart] },
      {
        id: "winner",
        title: "The winning layout",
        blocks: layoutBlocks(folder.layout, folder.trace, "winner", `Winning layout: ${winner.id}`),
        pageBreak: true,
      },
      ...(folder.scenario
        ? [
            {
              id: "assumptions",
              title: "Scenario assumptions",
              blocks: assumptionBlocks(folder.scenario, folder.layout),
              pageBreak: true,
            },
          ]
        : []),
      {
        id: "reproducibility",
        title: "Reproducibility",
        blocks: [
          {
            kind: "table",
            table: reproducibilityTable({
              version: o.version,
              scenarioHash: o.scenarioHash,
              seed: o.seed,
              replications: o.replications,
              warmupS: o.warmupS,
              horizonS: o.horizonS,
              files: folder.files,
              extra: [
                ["Search status", o.status],
                ...(o.evaluations !== undefined
                  ? [["Replications simulated", String(o.evaluations)] as [string, string]]
                  : []),
              ],
            }),
          },
          ...reps.blocks,
        ],
      },
    ],
    sheets,
  };
}
