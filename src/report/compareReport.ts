/**
 * The report of `whsim compare`: candidates on common random numbers, paired differences
 * with 95 % intervals, verdicts per KPI, and the time breakdown that explains them.
 */
import { formatDifference } from "../common/units.ts";
import { stateLabel } from "../warehouse/measure/workerTime.ts";
import { assumptionBlocks } from "./assumptions.ts";
import {
  type CandidateAssumptions,
  candidateAssumptionBlocks,
  candidateLayoutBlocks,
} from "./candidateAssumptions.ts";
import {
  baseUnit,
  breakdownCharts,
  breakdownTable,
  crossCheckBlocks,
  differenceDisplayUnit,
  differenceTypical,
  displayUnit,
  HEADLINE_KPIS,
  kpiInWords,
  largestPhaseChange,
  layoutBlocks,
  orderKpis,
  replicationBlocks,
  reproducibilityTable,
  showKpi,
} from "./commonSections.ts";
import { type CrossCheck, crossChecks } from "./crossChecks.ts";
import { formatDuration, formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ChartSpec, ReportModel, Sheet } from "./reportModel.ts";
import type { ComparisonFile, Estimate } from "./resultSchemas.ts";

/** Candidate ids in order (the baseline first) and display names. */
export function candidateList(c: ComparisonFile): { id: string; name: string }[] {
  const list = c.candidates.map((x) =>
    typeof x === "string" ? { id: x, name: x } : { id: x.id, name: x.name ?? x.id },
  );
  return [...list.filter((x) => x.id === c.baseline), ...list.filter((x) => x.id !== c.baseline)];
}

type Diff = ComparisonFile["kpis"][string]["differences"][string];

function diffInWords(name: string, d: Diff): string {
  const unit = baseUnit(name, d.unit);
  const typical = differenceTypical(d);
  const f = (v: number) => formatDifference(v, unit, typical);
  return `${f(d.mean)} (95 % CI ${f(d.low)} to ${f(d.high)})`;
}

/** The verdict of one candidate against the baseline, in one sentence. */
export function candidateVerdict(
  c: ComparisonFile,
  id: string,
  name: string,
  baseName: string,
): string {
  const better: string[] = [];
  const worse: string[] = [];
  let same = 0;
  for (const kpi of orderKpis(Object.keys(c.kpis))) {
    const d = c.kpis[kpi].differences[id];
    if (!d) continue;
    if (d.verdict === "better") better.push(kpi);
    else if (d.verdict === "worse") worse.push(kpi);
    else if (d.verdict === "no significant difference") same++;
  }
  const label = (k: string) => kpiMeta(k).label.toLowerCase();
  const headline = HEADLINE_KPIS.filter((k) => c.kpis[k]?.differences[id]);
  const detail = headline
    .filter((k) => better.includes(k) || worse.includes(k))
    .slice(0, 3)
    .map((k) => `${label(k)} ${diffInWords(k, c.kpis[k].differences[id])}`);
  let verdict: string;
  if (better.length > 0 && worse.length === 0)
    verdict = `“${name}” is better than “${baseName}”: better on ${better.length} KPIs, worse on none`;
  else if (worse.length > 0 && better.length === 0)
    verdict = `“${name}” is worse than “${baseName}”: worse on ${worse.length} KPIs, better on none`;
  else if (better.length === 0 && worse.length === 0)
    verdict = `No significant difference was found between “${name}” and “${baseName}” on any KPI`;
  else
    verdict = `“${name}” trades off against “${baseName}”: better on ${better.map(label).join(", ")}; worse on ${worse.map(label).join(", ")}`;
  return `${verdict}${same > 0 && (better.length > 0 || worse.length > 0) ? ` (no significant difference on ${same} other${same === 1 ? "" : "s"})` : ""}.${detail.length > 0 ? ` Differences: ${detail.join("; ")}.` : ""}`;
}

function estimateCell(name: string, e: Estimate | undefined, typical: number): Cell {
  if (!e) return "—";
  return {
    text:
      e.n > 1
        ? `${showKpi(name, e.mean, e.unit, typical)} ± ${showKpi(name, e.ci95, e.unit, typical)}`
        : showKpi(name, e.mean, e.unit, typical),
    cls: "num",
  };
}

/** Builds the report model of a comparison results folder. */
export function compareReport(folder: ResultsFolder): ReportModel {
  const c = folder.comparison!;
  const cands = candidateList(c);
  const base = cands[0];
  const others = cands.slice(1);
  const kpis = orderKpis(Object.keys(c.kpis));
  const levelPct = formatValue(c.level * 100);
  // Each candidate's resolved scenario and layout (candidates/<k>/), when the folder has them.
  const inputs: CandidateAssumptions[] = cands.map((x) => {
    const found = folder.candidateInputs?.find((i) => i.id === x.id);
    return { name: x.name, scenario: found?.scenario, layout: found?.layout };
  });
  const perCandidate = inputs.some((x) => x.scenario || x.layout);

  const summary: Block[] = [
    ...(c.aborted
      ? [
          {
            kind: "note",
            text: "The comparison was stopped early: the figures below use the replications that finished.",
          } as Block,
        ]
      : []),
    {
      kind: "p",
      text: `We compared ${cands.length} candidates — “${base.name}” (the baseline) and ${others.map((o) => `“${o.name}”`).join(", ")} — over ${c.replications} replications each. Every candidate saw the same orders, arrivals and service-time draws in the same replication (common random numbers), so the differences below are paired and much tighter than separate runs would give.`,
    },
    ...others.map((o): Block => {
      const change =
        c.breakdown[base.id] && c.breakdown[o.id]
          ? largestPhaseChange(c.breakdown[base.id], c.breakdown[o.id])
          : undefined;
      const why = change
        ? ` Where it comes from: the largest change in an order's time is “${change[0]}”, ${change[1] < 0 ? "shorter" : "longer"} by ${formatDuration(Math.abs(change[1]))} per order.`
        : "";
      return { kind: "p", text: candidateVerdict(c, o.id, o.name, base.name) + why };
    }),
    {
      kind: "p",
      text: `How sure we are: a difference is called better or worse only when its ${levelPct} % confidence interval excludes zero. With ${kpis.length} KPIs compared, about ${formatValue(kpis.length * (1 - c.level))} of them could be called by chance, so weigh the headline KPIs, not a single borderline one.`,
    },
  ];

  const estimateTable: Block = {
    kind: "table",
    table: {
      caption: `KPIs per candidate (mean ± ${levelPct} % half-width)`,
      columns: ["KPI", "Unit", ...cands.map((x) => x.name)],
      numeric: [false, false, ...cands.map(() => true)],
      rows: kpis.map((k) => {
        const first = Object.values(c.kpis[k].estimates)[0];
        return [
          kpiMeta(k).label,
          displayUnit(k, first),
          ...cands.map((x) => estimateCell(k, c.kpis[k].estimates[x.id], first?.mean ?? 0)),
        ];
      }),
    },
  };
  const diffRows: Cell[][] = [];
  for (const o of others) {
    for (const k of kpis) {
      const d = c.kpis[k].differences[o.id];
      if (!d) continue;
      diffRows.push([
        kpiMeta(k).label,
        o.name,
        differenceDisplayUnit(k, d),
        { text: showKpi(k, d.mean, d.unit, differenceTypical(d)), cls: "num diff-mean" },
        `${showKpi(k, d.low, d.unit, differenceTypical(d))} to ${showKpi(k, d.high, d.unit, differenceTypical(d))}`,
        {
          text: d.verdict,
          cls: d.verdict === "better" ? "good" : d.verdict === "worse" ? "bad" : "",
        },
      ]);
    }
  }
  const diffTable: Block = {
    kind: "table",
    table: {
      caption: `Paired differences, candidate − “${base.name}” (${levelPct} % interval)`,
      columns: ["KPI", "Candidate", "Unit", "Difference", "Interval", "Verdict"],
      numeric: [false, false, false, true, true, false],
      rows: diffRows,
    },
  };

  const charts: ChartSpec[] = [];
  const relKpis = kpis.filter(
    (k) =>
      others.some((o) => c.kpis[k].differences[o.id]) &&
      Math.abs(c.kpis[k].estimates[base.id]?.mean ?? 0) > 0,
  );
  const relShown = [
    ...HEADLINE_KPIS.filter((k) => relKpis.includes(k)),
    ...relKpis.filter((k) => k.startsWith("utilization")),
  ].slice(0, 10);
  if (relShown.length > 0) {
    charts.push({
      id: "compare-differences",
      type: "barsWithCi",
      data: {
        categories: relShown.map((k) => kpiMeta(k).label),
        series: others.map((o) => ({
          name: `${o.name} − ${base.name}`,
          values: relShown.map((k) => {
            const d = c.kpis[k].differences[o.id];
            const b = Math.abs(c.kpis[k].estimates[base.id].mean);
            return d ? { mean: (d.mean / b) * 100, ci95: ((d.high - d.low) / 2 / b) * 100 } : null;
          }),
        })),
      },
      options: {
        title: `Differences from “${base.name}” in % of the baseline (${levelPct} % interval)`,
        yLabel: "Difference",
        yUnit: "% of baseline",
        height: 340,
        valueLabels: false,
      },
    });
  }
  for (const k of HEADLINE_KPIS.filter((x) => c.kpis[x]).slice(0, 4)) {
    const meta = kpiMeta(k);
    const scale = meta.share ? 100 : 1;
    charts.push({
      id: `compare-kpi-${k}`,
      type: "barsWithCi",
      data: {
        categories: cands.map((x) => x.name),
        series: [
          {
            name: meta.label,
            values: cands.map((x) =>
              c.kpis[k].estimates[x.id]
                ? {
                    mean: c.kpis[k].estimates[x.id].mean * scale,
                    ci95: c.kpis[k].estimates[x.id].ci95 * scale,
                  }
                : null,
            ),
          },
        ],
      },
      options: {
        title: meta.label,
        yLabel: meta.label,
        yUnit: meta.share ? "%" : meta.unit,
        width: 420,
        height: 260,
      },
    });
  }

  const breakdowns = Object.fromEntries(
    cands.filter((x) => c.breakdown[x.id]).map((x) => [x.name, c.breakdown[x.id]]),
  );
  const timeBlocks: Block[] = [
    {
      kind: "p",
      text: "The breakdown shows where each candidate's order time and worker time goes; the phases that differ most explain the verdicts above.",
    },
    ...breakdownCharts(breakdowns, "compare").map((chart): Block => ({ kind: "chart", chart })),
  ];
  if (Object.keys(breakdowns).length > 0)
    timeBlocks.push({ kind: "table", table: breakdownTable(breakdowns) });

  const checkRows: CrossCheck[] = [];
  for (const [i, x] of cands.entries()) {
    const est: Record<string, Estimate> = {};
    for (const k of kpis) if (c.kpis[k].estimates[x.id]) est[k] = c.kpis[k].estimates[x.id];
    for (const check of crossChecks({
      kpis: est,
      breakdown: c.breakdown[x.id],
      scenario: perCandidate ? inputs[i].scenario : folder.scenario,
      layout: perCandidate ? inputs[i].layout : folder.layout,
    })) {
      checkRows.push({ ...check, name: `${x.name}: ${check.name}` });
    }
  }

  const reps = replicationBlocks(folder.replications);
  const sheets: Sheet[] = [
    {
      name: "KPIs",
      columns: [
        "candidate",
        "kpi",
        "label",
        "unit",
        "mean",
        "ci95_low",
        "ci95_high",
        "ci95_halfwidth",
        "n",
      ],
      rows: cands.flatMap((x) =>
        kpis
          .filter((k) => c.kpis[k].estimates[x.id])
          .map((k) => {
            const e = c.kpis[k].estimates[x.id];
            const meta = kpiMeta(k, e.unit);
            return [
              x.id,
              k,
              meta.label,
              meta.unit,
              e.mean,
              e.mean - e.ci95,
              e.mean + e.ci95,
              e.ci95,
              e.n,
            ];
          }),
      ),
    },
    {
      name: "Differences",
      columns: [
        "candidate",
        "baseline",
        "kpi",
        "unit",
        "difference",
        "ci_low",
        "ci_high",
        "verdict",
      ],
      rows: others.flatMap((o) =>
        kpis
          .filter((k) => c.kpis[k].differences[o.id])
          .map((k) => {
            const d = c.kpis[k].differences[o.id];
            return [o.id, base.id, k, kpiMeta(k, d.unit).unit, d.mean, d.low, d.high, d.verdict];
          }),
      ),
    },
    {
      name: "Breakdown",
      columns: ["candidate", "group", "item", "state", "value", "unit"],
      rows: cands.flatMap((x) => {
        const b = c.breakdown[x.id];
        if (!b) return [];
        return [
          ...Object.entries(b.order).map(([p, v]) => [x.id, "order", p, "", v, "s per order"]),
          ...Object.entries(b.worker).flatMap(([role, states]) =>
            Object.entries(states).map(([s, v]) => [
              x.id,
              "worker",
              role,
              stateLabel(s),
              v,
              "share of time",
            ]),
          ),
        ];
      }),
    },
  ];
  if (reps.sheet) sheets.push(reps.sheet);

  const headline = HEADLINE_KPIS.find((k) => c.kpis[k]?.estimates[base.id]);
  return {
    kind: "compare",
    title: `Comparison: ${cands.map((x) => x.name).join(" vs ")}`,
    subtitle: `${c.replications} replications per candidate on common random numbers · baseline “${base.name}”${headline ? ` · ${kpiMeta(headline).label.toLowerCase()} of the baseline ${kpiInWords(headline, c.kpis[headline].estimates[base.id])}` : ""}`,
    sections: [
      { id: "summary", title: "Executive summary", blocks: summary },
      {
        id: "differences",
        title: "Paired differences and verdicts",
        blocks: [
          diffTable,
          ...charts.slice(0, 1).map((chart): Block => ({ kind: "chart", chart })),
        ],
      },
      {
        id: "kpis",
        title: "Key figures per candidate",
        blocks: [
          estimateTable,
          ...charts.slice(1).map((chart): Block => ({ kind: "chart", chart })),
        ],
      },
      { id: "time", title: "Where time goes", blocks: timeBlocks, pageBreak: true },
      { id: "checks", title: "Analytic cross-checks", blocks: crossCheckBlocks(checkRows) },
      ...(perCandidate
        ? [
            {
              id: "layout",
              title: "Layouts",
              blocks: candidateLayoutBlocks(inputs),
              pageBreak: true,
            },
            {
              id: "assumptions",
              title: "Scenario assumptions, side by side",
              blocks: candidateAssumptionBlocks(inputs),
              pageBreak: true,
            },
          ]
        : []),
      ...(!perCandidate && folder.layout
        ? [
            {
              id: "layout",
              title: "Layout and heatmaps",
              blocks: layoutBlocks(folder.layout, folder.trace, "compare"),
              pageBreak: true,
            },
          ]
        : []),
      ...(!perCandidate && folder.scenario
        ? [
            {
              id: "assumptions",
              title: "Scenario assumptions (baseline)",
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
              version: c.version,
              seed: c.seed,
              replications: c.replications,
              warmupS: c.warmupS,
              horizonS: c.horizonS,
              files: folder.files,
              extra: [
                ["Confidence level", `${levelPct} %`],
                ...c.candidates.flatMap((x): [string, string][] =>
                  typeof x === "object" && x.scenarioHash
                    ? [[`Scenario hash: ${x.name ?? x.id}`, x.scenarioHash]]
                    : [],
                ),
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
