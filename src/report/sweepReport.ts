/** The report of `whsim sweep`: the what-if grid, and each KPI charted against the swept parameters. */

import { kpiDirection } from "../experiment/kpiDirection.ts";
import { appendixSections } from "./appendix.ts";
import { describe } from "./assumptions.ts";
import {
  HEADLINE_KPIS,
  kpiInWords,
  kpiScale,
  layoutBlocks,
  orderKpis,
  replicationBlocks,
  showKpi,
} from "./commonSections.ts";
import { LITTLE_TOLERANCE, littleCheck } from "./crossChecks.ts";
import { formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Cell, ChartSpec, ReportModel, Sheet } from "./reportModel.ts";
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

/** Builds the report model of a sweep results folder. */
export function sweepReport(folder: ResultsFolder): ReportModel {
  const s = folder.sweep!;
  const axes = s.axes;
  const kpis = orderKpis(new Set(s.points.flatMap((p) => Object.keys(p.kpis))));
  const name = s.scenario === undefined ? undefined : scenarioName(s.scenario);

  const summary: string[] = [
    ...(s.aborted
      ? ["Note: the sweep was stopped early; the figures use the replications that finished."]
      : []),
    `We varied ${axes.map((a) => `${a.path} (${a.values.map(describe).join(", ")})`).join(" and ")}${name ? ` in scenario “${name}”` : ""}: ${s.points.length} combinations, each simulated over ${s.replications} replications on the same random numbers, so differences between points come from the settings, not from chance draws.`,
  ];
  for (const k of HEADLINE_KPIS.filter((x) => kpis.includes(x)).slice(0, 4)) {
    const withK = s.points.filter((p) => p.kpis[k]);
    if (withK.length < 2) continue;
    const lo = withK.reduce((a, b) => (b.kpis[k].mean < a.kpis[k].mean ? b : a));
    const hi = withK.reduce((a, b) => (b.kpis[k].mean > a.kpis[k].mean ? b : a));
    const dir = kpiDirection(k);
    const best = dir === "higher" ? hi : dir === "lower" ? lo : undefined;
    summary.push(
      `${kpiMeta(k).label} ranges from ${kpiInWords(k, lo.kpis[k])} (${pointLabel(lo, axes)}) to ${kpiInWords(k, hi.kpis[k])} (${pointLabel(hi, axes)})${best ? `; best at ${pointLabel(best, axes)}` : ""}.`,
    );
  }
  const judged = kpis.some((k) => HEADLINE_KPIS.includes(k))
    ? kpis.filter((k) => HEADLINE_KPIS.includes(k))
    : kpis;
  const widest = s.points.flatMap((p) =>
    judged
      .filter((k) => p.kpis[k] && p.kpis[k].mean !== 0)
      .map((k) => p.kpis[k].ci95 / Math.abs(p.kpis[k].mean)),
  );
  summary.push(
    s.replications > 1
      ? `How sure we are: every point carries a 95 % confidence interval (error bars in the charts); on the headline figures the widest is ±${formatValue(Math.max(0, ...widest) * 100)} % of its mean. Points whose intervals overlap are not reliably different.`
      : "How sure we are: one replication per point, so the figures carry no confidence interval; treat small differences as noise.",
  );

  // One scale per KPI over the grid (the largest mean): every cell of a KPI reads in one unit.
  const typical = (k: string) =>
    Math.max(0, ...s.points.map((p) => Math.abs(p.kpis[k]?.mean ?? 0)).filter(Number.isFinite));
  const cell = (k: string, p: Point): Cell => {
    const e = p.kpis[k];
    if (!e) return "—";
    const t = typical(k);
    return {
      text:
        e.n > 1
          ? `${showKpi(k, e.mean, e.unit, t)} ± ${showKpi(k, e.ci95, e.unit, t)}`
          : showKpi(k, e.mean, e.unit, t),
      cls: "num",
    };
  };
  const withUnit = (k: string) => {
    const u = kpiScale(k, undefined, typical(k)).unit;
    return u ? `${kpiMeta(k).label} (${u})` : kpiMeta(k).label;
  };
  let gridTable: Block;
  if (s.points.length <= 6) {
    // Few points: one row per KPI, one column per point, so every KPI fits the page.
    gridTable = {
      kind: "table",
      table: {
        caption: "The what-if grid (mean ± 95 % half-width)",
        columns: [
          "KPI",
          ...s.points.map((p) =>
            axes
              .map((a) => `${a.path.split(".").at(-1)} = ${describe(axisValue(p, a.path))}`)
              .join(", "),
          ),
        ],
        numeric: [false, ...s.points.map(() => true)],
        rows: kpis.map((k) => [withUnit(k), ...s.points.map((p) => cell(k, p))]),
        cls: "wide",
      },
    };
  } else {
    const shown = [
      ...HEADLINE_KPIS.filter((k) => kpis.includes(k)),
      ...kpis.filter((k) => !HEADLINE_KPIS.includes(k)),
    ].slice(0, Math.max(2, 7 - axes.length));
    gridTable = {
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

  const littleRows: Cell[][] = [];
  for (const p of s.points) {
    const check = littleCheck({ kpis: p.kpis });
    if (check.status === "not available") continue;
    littleRows.push([
      pointLabel(p, axes),
      formatValue(check.analytic ?? Number.NaN),
      formatValue(check.simulated ?? Number.NaN),
      {
        text: check.status === "disagrees" ? "⚑ disagrees" : check.status,
        cls: check.status === "agrees" ? "good" : "flag",
      },
    ]);
  }

  const charts: ChartSpec[] = [];
  for (const [ai, axis] of axes.entries()) {
    const rest = axes.filter((_, i) => i !== ai);
    const groups = new Map<string, Point[]>();
    for (const p of s.points) {
      const key = rest.map((a) => `${a.path} = ${describe(axisValue(p, a.path))}`).join(", ");
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const k of kpis) {
      const meta = kpiMeta(k);
      const scale = meta.share ? 100 : 1;
      charts.push({
        id: `sweep-${ai}-${k}`,
        type: "kpiVsParameter",
        data: {
          series: [...groups.entries()].map(([key, pts]) => ({
            name: key,
            points: pts
              .filter((p) => p.kpis[k])
              .map((p) => {
                const x = axisValue(p, axis.path);
                return {
                  x: typeof x === "boolean" ? String(x) : (x ?? ""),
                  mean: p.kpis[k].mean * scale,
                  ci95: p.kpis[k].ci95 * scale,
                };
              }),
          })),
        },
        options: {
          title: `${meta.label} vs ${axis.path}`,
          xLabel: axis.path,
          yLabel: meta.label,
          yUnit: meta.share ? "%" : meta.unit,
          width: 440,
          height: 280,
        },
      });
    }
  }

  const reps = replicationBlocks(folder.replications);
  const sheets: Sheet[] = [
    {
      name: "Sweep grid",
      columns: [
        "point",
        ...axes.map((a) => a.path),
        ...kpis.flatMap((k) => {
          const u = kpiMeta(k).unit;
          const unit = u ? ` (${u})` : "";
          return [`${k} mean${unit}`, `${k} ci95_low${unit}`, `${k} ci95_high${unit}`];
        }),
      ],
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

  return {
    kind: "sweep",
    title: `What-if sweep${name ? `: ${name}` : ""}`,
    subtitle: `${axes.map((a) => a.path).join(" × ")} · ${s.points.length} points × ${s.replications} replications`,
    sections: [
      {
        id: "summary",
        title: "Executive summary",
        blocks: summary.map((text): Block => ({ kind: "p", text })),
      },
      { id: "grid", title: "The what-if grid", blocks: [gridTable] },
      {
        id: "charts",
        title: "Each KPI against the swept parameters",
        blocks: charts.map((chart): Block => ({ kind: "chart", chart })),
        pageBreak: true,
      },
      ...(littleRows.length > 0
        ? [
            {
              id: "checks",
              title: "Analytic cross-check at every point",
              blocks: [
                {
                  kind: "p",
                  text: "Little's law (orders in process = throughput × order cycle time) must hold at every point of the grid, whatever the settings; a flagged point is worth a look.",
                } as Block,
                {
                  kind: "table",
                  table: {
                    caption: `Little's law per grid point (${LITTLE_TOLERANCE * 100} % or 3 standard errors)`,
                    columns: ["Point", "λ·W (orders)", "Simulated (orders)", "Result"],
                    numeric: [false, true, true, false],
                    rows: littleRows,
                  },
                } as Block,
              ],
            },
          ]
        : []),
      ...(folder.layout
        ? [
            {
              id: "layout",
              title: "Layout (before the sweep)",
              blocks: [
                ...layoutBlocks(
                  folder.layout,
                  undefined,
                  "sweep",
                  "Layout of the base scenario",
                ).filter((b) => b.kind === "drawing"),
                ...(axes.some((a) => a.path.startsWith("layout"))
                  ? [
                      {
                        kind: "note",
                        text: "The sweep changes layout settings: the drawing shows the base scenario's layout, before the swept values.",
                      } as Block,
                    ]
                  : []),
              ],
              pageBreak: true,
            },
          ]
        : []),
      ...appendixSections(folder, {
        assumptionsTitle: "Scenario assumptions (before the sweep)",
        reproducibility: {
          version: s.version,
          scenarioHash: s.scenarioHash,
          seed: s.seed,
          replications: s.replications,
          warmupS: s.warmupS,
          horizonS: s.horizonS,
          files: folder.files,
        },
        replicationBlocks: reps.blocks,
      }),
    ],
    sheets,
  };
}
