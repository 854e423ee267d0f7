/**
 * The report of `whsim compare`: candidates on common random numbers, paired differences
 * with 95 % intervals, verdicts per KPI, and the time breakdown that explains them.
 */
import { kpiUnit } from "../warehouse/measure/kpis.ts";
import { stateLabel } from "../warehouse/measure/workerTime.ts";
import { answerSection, answerSheet } from "./answer.ts";
import { assumptionBlocks } from "./assumptions.ts";
import {
  type CandidateAssumptions,
  candidateAssumptionBlocks,
  candidateLayoutBlocks,
} from "./candidateAssumptions.ts";
import {
  BODY_KPIS,
  breakdownCharts,
  breakdownTable,
  crossCheckBlocks,
  differenceDisplayUnit,
  differenceTypical,
  displayUnit,
  estimateCell,
  HEADLINE_KPIS,
  kpiInWords,
  largestPhaseChange,
  layoutBlocks,
  orderKpis,
  replicationBlocks,
  reproducibilityTable,
  showKpi,
} from "./commonSections.ts";
import { compareAnswer, diffInWords } from "./compareAnswer.ts";
import { compareTimeCharts, compareTimeSheets, type NamedTimeline } from "./compareTimeCharts.ts";
import { type CrossCheck, crossChecks } from "./crossChecks.ts";
import { formatDuration, formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ChartSpec, ReportModel, Section, Sheet, Table } from "./reportModel.ts";
import type { ComparisonFile, Estimate } from "./resultSchemas.ts";

/** Candidate ids in order (the baseline first) and display names. */
export function candidateList(c: ComparisonFile): { id: string; name: string }[] {
  const list = c.candidates.map((x) =>
    typeof x === "string" ? { id: x, name: x } : { id: x.id, name: x.name ?? x.id },
  );
  return [...list.filter((x) => x.id === c.baseline), ...list.filter((x) => x.id !== c.baseline)];
}

type Diff = ComparisonFile["kpis"][string]["differences"][string];

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

/** What every section of a comparison report reads. */
interface CompareContext {
  folder: ResultsFolder;
  c: ComparisonFile;
  /** Candidates, the baseline first. */
  cands: { id: string; name: string }[];
  base: { id: string; name: string };
  others: { id: string; name: string }[];
  kpis: string[];
  levelPct: string;
  /** Each candidate's resolved scenario and layout (candidates/<k>/), when the folder has them. */
  inputs: CandidateAssumptions[];
  perCandidate: boolean;
  reps: ReturnType<typeof replicationBlocks>;
}

/** The baseline scenario's currency code (`costs.currency`), when the folder has it. */
function currencyOf(scenario: Record<string, unknown> | undefined): string | undefined {
  const costs = scenario?.costs as { currency?: unknown } | undefined;
  return typeof costs?.currency === "string" ? costs.currency : undefined;
}

/** The unit kpiUnit() gives money KPIs when it is told no currency. */
const CURRENCY = "currency";

/** The comparison with money KPIs in `currency` where the file gives them no unit. */
function withCurrency(c: ComparisonFile, currency: string | undefined): ComparisonFile {
  if (!currency) return c;
  const kpis = Object.fromEntries(
    Object.entries(c.kpis).map(([k, v]) => {
      if (kpiUnit(k, CURRENCY) !== CURRENCY) return [k, v];
      const fill = <T extends { unit?: string }>(e: T): T => ({ ...e, unit: e.unit ?? currency });
      const map = <T extends { unit?: string }>(r: Record<string, T>) =>
        Object.fromEntries(Object.entries(r).map(([id, e]) => [id, fill(e)]));
      return [k, { ...v, estimates: map(v.estimates), differences: map(v.differences) }];
    }),
  );
  return { ...c, kpis };
}

function compareContext(folder: ResultsFolder): CompareContext {
  const cands = candidateList(folder.comparison!);
  const inputs = cands.map((x): CandidateAssumptions => {
    const found = folder.candidateInputs?.find((i) => i.id === x.id);
    return { name: x.name, scenario: found?.scenario, layout: found?.layout };
  });
  const c = withCurrency(folder.comparison!, currencyOf(inputs[0]?.scenario ?? folder.scenario));
  return {
    folder,
    c,
    cands,
    base: cands[0],
    others: cands.slice(1),
    kpis: orderKpis(Object.keys(c.kpis)),
    levelPct: formatValue(c.level * 100),
    inputs,
    perCandidate: inputs.some((x) => x.scenario || x.layout),
    reps: replicationBlocks(folder.replications),
  };
}

/** The sections of a comparison report, in order. */
const COMPARE_SECTIONS: ((ctx: CompareContext) => Section[])[] = [
  (ctx) => [
    answerSection(compareAnswer(ctx)),
    { id: "findings", title: "The comparison in detail", blocks: summaryBlocks(ctx) },
  ],
  differencesSection,
  kpisSection,
  overTimeSection,
  (ctx) => [{ id: "time", title: "Where time goes", blocks: timeBlocks(ctx) }],
  (ctx) => [
    { id: "checks", title: "Analytic cross-checks", blocks: crossCheckBlocks(checkRows(ctx)) },
  ],
  inputSections,
  reproducibilitySection,
];

/** Builds the report model of a comparison results folder. */
export function compareReport(folder: ResultsFolder): ReportModel {
  const ctx = compareContext(folder);
  const { c, cands, base } = ctx;
  const headline = HEADLINE_KPIS.find((k) => c.kpis[k]?.estimates[base.id]);
  return {
    kind: "compare",
    title: `Comparison: ${cands.map((x) => x.name).join(" vs ")}`,
    subtitle: `${c.replications} replications per candidate on common random numbers · baseline “${base.name}”${headline ? ` · ${kpiMeta(headline).label.toLowerCase()} of the baseline ${kpiInWords(headline, c.kpis[headline].estimates[base.id])}` : ""}`,
    sections: COMPARE_SECTIONS.flatMap((section) => section(ctx)),
    sheets: compareSheets(ctx),
  };
}

function summaryBlocks(ctx: CompareContext): Block[] {
  const { c, cands, base, others, kpis, levelPct } = ctx;
  return [
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
    ...others.map((o): Block => ({ kind: "p", text: verdictWithCause(ctx, o) })),
    {
      kind: "p",
      text: `How sure we are: a difference is called better or worse only when its ${levelPct} % confidence interval excludes zero. With ${kpis.length} KPIs compared, about ${formatValue(kpis.length * (1 - c.level))} of them could be called by chance, so weigh the headline KPIs, not a single borderline one.`,
    },
  ];
}

/** A candidate's verdict and the phase of an order's time that changes most. */
function verdictWithCause(ctx: CompareContext, o: { id: string; name: string }): string {
  const { c, base } = ctx;
  const change =
    c.breakdown[base.id] && c.breakdown[o.id]
      ? largestPhaseChange(c.breakdown[base.id], c.breakdown[o.id])
      : undefined;
  const why = change
    ? ` Where it comes from: the largest change in an order's time is “${change[0]}”, ${change[1] < 0 ? "shorter" : "longer"} by ${formatDuration(Math.abs(change[1]))} per order.`
    : "";
  return candidateVerdict(c, o.id, o.name, base.name) + why;
}

function differencesSection(ctx: CompareContext): Section[] {
  const chart = differencesChart(ctx);
  return [
    {
      id: "differences",
      title: "Paired differences and verdicts",
      blocks: [
        ...screenAndPaper(ctx, (kpis) => diffTable(ctx, kpis)),
        ...(chart ? [{ kind: "chart", chart } as Block] : []),
      ],
    },
  ];
}

/** Each candidate with a timeline (candidates/<k>/timeline.json), the baseline first. */
function timelines({ folder, cands }: CompareContext): NamedTimeline[] {
  return cands.flatMap((x) => {
    const timeline = folder.candidateInputs?.find((i) => i.id === x.id)?.timeline;
    return timeline ? [{ name: x.name, timeline }] : [];
  });
}

function overTimeSection(ctx: CompareContext): Section[] {
  const list = timelines(ctx);
  if (list.length === 0) return [];
  const intro: Block = {
    kind: "p",
    text: `How each candidate runs hour by hour: its replication 1, with the same orders for every candidate (common random numbers). Lines share the time axis in day and clock time; the shaded span is the warm-up, left out of every KPI. ${list.length < ctx.cands.length ? `Only ${list.map((x) => `“${x.name}”`).join(", ")} ${list.length === 1 ? "has" : "have"} a timeline in this folder.` : ""}`.trim(),
  };
  return [
    {
      id: "over-time",
      title: "Over time",
      blocks: [intro, ...compareTimeCharts(list)],
    },
  ];
}

function kpisSection(ctx: CompareContext): Section[] {
  const charts = kpiCharts(ctx).map((chart): Block => ({ kind: "chart", chart }));
  return [
    {
      id: "kpis",
      title: "Key figures per candidate",
      blocks: [...screenAndPaper(ctx, (kpis) => estimateTable(ctx, kpis)), ...charts],
    },
  ];
}

/** KPIs the printed tables keep: the body's (headline, demand, backlog, cost) and utilisation. */
function printed(k: string): boolean {
  return BODY_KPIS.includes(k) || k.startsWith("utilization.");
}

/**
 * A table of every KPI on screen and, when that is longer, the same table of the printed
 * KPIs on paper (every KPI stays in the HTML report and the spreadsheet).
 */
function screenAndPaper(ctx: CompareContext, table: (kpis: string[]) => Table): Block[] {
  const full = table(ctx.kpis);
  const brief = table(ctx.kpis.filter(printed));
  if (brief.rows.length === full.rows.length) return [{ kind: "table", table: full }];
  return [
    { kind: "table", table: { ...full, cls: "screen-only" } },
    {
      kind: "table",
      table: {
        ...brief,
        caption: `${brief.caption} — the key KPIs; every KPI is in the HTML report and the spreadsheet`,
        cls: "print-only",
      },
    },
  ];
}

function estimateTable({ c, cands, levelPct }: CompareContext, kpis: string[]): Table {
  return {
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
  };
}

function diffTable({ c, base, others, levelPct }: CompareContext, kpis: string[]): Table {
  const rows: Cell[][] = [];
  for (const o of others) {
    for (const k of kpis) {
      const d = c.kpis[k].differences[o.id];
      if (d) rows.push(diffRow(k, o.name, d));
    }
  }
  return {
    caption: `Paired differences, candidate − “${base.name}” (${levelPct} % interval)`,
    columns: ["KPI", "Candidate", "Unit", "Difference", "Interval", "Verdict"],
    numeric: [false, false, false, true, true, false],
    rows,
  };
}

function diffRow(k: string, name: string, d: Diff): Cell[] {
  const show = (v: number) => showKpi(k, v, d.unit, differenceTypical(d));
  return [
    kpiMeta(k).label,
    name,
    differenceDisplayUnit(k, d),
    { text: show(d.mean), cls: "num diff-mean" },
    `${show(d.low)} to ${show(d.high)}`,
    { text: d.verdict, cls: d.verdict === "better" ? "good" : d.verdict === "worse" ? "bad" : "" },
  ];
}

/** The headline differences of every candidate in % of the baseline, with intervals. */
function differencesChart({
  c,
  base,
  others,
  kpis,
  levelPct,
}: CompareContext): ChartSpec | undefined {
  const relKpis = kpis.filter(
    (k) =>
      others.some((o) => c.kpis[k].differences[o.id]) &&
      Math.abs(c.kpis[k].estimates[base.id]?.mean ?? 0) > 0,
  );
  const relShown = [
    ...HEADLINE_KPIS.filter((k) => relKpis.includes(k)),
    ...relKpis.filter((k) => k.startsWith("utilization")),
  ].slice(0, 10);
  if (relShown.length === 0) return undefined;
  return {
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
      // Low enough to share a printed page with the key KPIs' differences.
      height: 260,
      valueLabels: false,
    },
  };
}

/** One bar chart per headline KPI (at most four): every candidate with its interval. */
function kpiCharts({ c, cands }: CompareContext): ChartSpec[] {
  return HEADLINE_KPIS.filter((x) => c.kpis[x])
    .slice(0, 4)
    .map((k): ChartSpec => {
      const meta = kpiMeta(k);
      const scale = meta.share ? 100 : 1;
      const bar = (e: Estimate | undefined) =>
        e ? { mean: e.mean * scale, ci95: e.ci95 * scale } : null;
      return {
        id: `compare-kpi-${k}`,
        type: "barsWithCi",
        data: {
          categories: cands.map((x) => x.name),
          series: [{ name: meta.label, values: cands.map((x) => bar(c.kpis[k].estimates[x.id])) }],
        },
        options: {
          title: meta.label,
          yLabel: meta.label,
          yUnit: meta.share ? "%" : meta.unit,
          width: 420,
          height: 260,
        },
      };
    });
}

function timeBlocks({ c, cands }: CompareContext): Block[] {
  const breakdowns = Object.fromEntries(
    cands.filter((x) => c.breakdown[x.id]).map((x) => [x.name, c.breakdown[x.id]]),
  );
  const blocks: Block[] = [
    {
      kind: "p",
      text: "The breakdown shows where each candidate's order time and worker time goes; the phases that differ most explain the verdicts above.",
    },
    ...breakdownCharts(breakdowns, "compare").map((chart): Block => ({ kind: "chart", chart })),
  ];
  if (Object.keys(breakdowns).length > 0)
    blocks.push({ kind: "table", table: breakdownTable(breakdowns) });
  return blocks;
}

/** The analytic cross-checks of every candidate, named after it. */
function checkRows({ folder, c, cands, kpis, inputs, perCandidate }: CompareContext): CrossCheck[] {
  return cands.flatMap((x, i) => {
    const est: Record<string, Estimate> = {};
    for (const k of kpis) if (c.kpis[k].estimates[x.id]) est[k] = c.kpis[k].estimates[x.id];
    return crossChecks({
      kpis: est,
      breakdown: c.breakdown[x.id],
      scenario: perCandidate ? inputs[i].scenario : folder.scenario,
      layout: perCandidate ? inputs[i].layout : folder.layout,
    }).map((check) => ({ ...check, name: `${x.name}: ${check.name}` }));
  });
}

/** Layouts and assumptions: side by side per candidate, or the baseline's alone. */
function inputSections({ folder, inputs, perCandidate }: CompareContext): Section[] {
  if (perCandidate)
    return [
      { id: "layout", title: "Layouts", blocks: candidateLayoutBlocks(inputs), pageBreak: true },
      {
        id: "assumptions",
        title: "Scenario assumptions, side by side",
        blocks: candidateAssumptionBlocks(inputs),
      },
    ];
  const sections: Section[] = [];
  if (folder.layout)
    sections.push({
      id: "layout",
      title: "Layout and heatmaps",
      blocks: layoutBlocks(folder.layout, folder.trace, "compare"),
      pageBreak: true,
    });
  if (folder.scenario)
    sections.push({
      id: "assumptions",
      title: "Scenario assumptions (baseline)",
      blocks: assumptionBlocks(folder.scenario, folder.layout),
      pageBreak: true,
    });
  return sections;
}

function reproducibilitySection({ folder, c, levelPct, reps }: CompareContext): Section[] {
  const table = reproducibilityTable({
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
  });
  return [
    {
      id: "reproducibility",
      title: "Reproducibility",
      blocks: [
        { kind: "table", table },
        // Results per replication stay on screen and in the spreadsheet, not on paper.
        ...reps.blocks.map(
          (b): Block =>
            b.kind === "table"
              ? {
                  ...b,
                  table: {
                    ...b.table,
                    cls: [b.table.cls, "screen-only"].filter(Boolean).join(" "),
                  },
                }
              : b,
        ),
        ...(reps.blocks.length > 0
          ? [
              {
                kind: "note",
                text: "The results of every replication are in the HTML report and the spreadsheet.",
                printOnly: true,
              } as Block,
            ]
          : []),
      ],
    },
  ];
}

/** The comparison's spreadsheets: estimates, differences, the breakdown, per replication. */
function compareSheets(ctx: CompareContext): Sheet[] {
  const sheets = [
    answerSheet(compareAnswer(ctx)),
    kpisSheet(ctx),
    differencesSheet(ctx),
    breakdownSheet(ctx),
    ...compareTimeSheets(timelines(ctx)),
  ];
  if (ctx.reps.sheet) sheets.push(ctx.reps.sheet);
  return sheets;
}

function kpisSheet({ c, cands, kpis }: CompareContext): Sheet {
  const columns = ["mean", "ci95_low", "ci95_high", "ci95_halfwidth", "n"];
  return {
    name: "KPIs",
    columns: ["candidate", "kpi", "label", "unit", ...columns],
    rows: cands.flatMap((x) =>
      kpis.flatMap((k) => {
        const e = c.kpis[k].estimates[x.id];
        if (!e) return [];
        const meta = kpiMeta(k, e.unit);
        return [
          [x.id, k, meta.label, meta.unit, e.mean, e.mean - e.ci95, e.mean + e.ci95, e.ci95, e.n],
        ];
      }),
    ),
  };
}

function differencesSheet({ c, base, others, kpis }: CompareContext): Sheet {
  return {
    name: "Differences",
    columns: ["candidate", "baseline", "kpi", "unit", "difference", "ci_low", "ci_high", "verdict"],
    rows: others.flatMap((o) =>
      kpis.flatMap((k) => {
        const d = c.kpis[k].differences[o.id];
        return d
          ? [[o.id, base.id, k, kpiMeta(k, d.unit).unit, d.mean, d.low, d.high, d.verdict]]
          : [];
      }),
    ),
  };
}

function breakdownSheet({ c, cands }: CompareContext): Sheet {
  return {
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
  };
}
