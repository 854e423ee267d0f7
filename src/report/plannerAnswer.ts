/**
 * The planner's answer of an optimization report, from optimization.json's `answer`: the
 * winner's crew against today's, the annual cost by part with 95 % intervals, the saving
 * against today with its interval, the payback of the re-layout, and the sensitivity of the
 * choice to wage, rent and volume. Each table shows only what the file holds.
 */
import { paybackText } from "../common/paybackText.ts";
import { formatQuantity } from "../common/units.ts";
import { COST_PARTS, costPartName } from "./answer.ts";
import { estimateCell, kpiWithUnit } from "./commonSections.ts";
import type { Block, Cell, Table } from "./reportModel.ts";
import type { OptimizationFile } from "./resultSchemas.ts";

type PlannerAnswer = NonNullable<OptimizationFile["answer"]>;

type Option = NonNullable<PlannerAnswer["baseline"]>;

/** The name of an option in tables: "today" for the baseline, else its settings. */
function optionName(o: Option, winner: string | undefined): string {
  if (o.id === "baseline") return "today";
  return o.id === winner ? `${o.id} (winner)` : o.id;
}

/** The options in order: today's first, then the finalists (the winner first). */
export function answerOptions(a: PlannerAnswer, winner: string | undefined): Option[] {
  const finalists = [...a.finalists].sort(
    (x, y) => Number(y.id === winner) - Number(x.id === winner),
  );
  return [...(a.baseline ? [a.baseline] : []), ...finalists];
}

/** Annual cost by part, one column per option, mean ± 95 % half-width. */
function costTable(a: PlannerAnswer, options: Option[], winner: string | undefined): Table {
  const parts = [...COST_PARTS, "total"].filter((p) => options.some((o) => o.annualCost[p]));
  const currency = a.currency ?? "";
  return {
    caption: `Annual cost by part (${currency ? `${currency}, ` : ""}mean ± 95 % half-width)`,
    columns: ["Part", ...options.map((o) => optionName(o, winner))],
    numeric: [false, ...options.map(() => true)],
    rows: parts.map((p): Cell[] => [
      p === "total" ? { text: "Total", cls: "total" } : costPartName(p),
      ...options.map((o): Cell => {
        const e = o.annualCost[p];
        const cell = estimateCell(`annualCost.${p}`, e && { ...e, unit: currency }, e?.mean ?? 0);
        return p === "total" && typeof cell === "object" ? { ...cell, cls: "num total" } : cell;
      }),
    ]),
    cls: "wide",
  };
}

/** Headcount per role and shift, one column per option. */
function crewTable(options: Option[], winner: string | undefined): Table | undefined {
  const crewed = options.filter((o) => o.crew);
  if (crewed.length === 0) return undefined;
  const keys = [
    ...new Set(
      crewed.flatMap((o) =>
        Object.entries(o.crew!).flatMap(([role, shifts]) =>
          Object.keys(shifts).map((sh) => `${role}|${sh}`),
        ),
      ),
    ),
  ];
  return {
    caption: "Crew: workers per role and shift",
    columns: ["Role", "Shift", ...crewed.map((o) => optionName(o, winner))],
    numeric: [false, false, ...crewed.map(() => true)],
    rows: keys.map((key) => {
      const [role, shift] = key.split("|");
      return [role, shift, ...crewed.map((o) => String(o.crew![role]?.[shift] ?? 0))];
    }),
  };
}

/** Saving against today and payback of the re-layout, one row per finalist. */
function savingTable(a: PlannerAnswer, winner: string | undefined): Table | undefined {
  const rows = a.finalists.filter((f) => f.saving || f.movedLocationsCost !== undefined);
  if (rows.length === 0) return undefined;
  const money = (v: number) => formatQuantity(v, a.currency ?? "");
  return {
    caption: "Against today: saving a year (positive saves), re-layout cost once, payback",
    columns: ["Option", "Saving a year", "95 % interval", "Re-layout cost", "Payback"],
    numeric: [false, true, true, true, true],
    rows: rows.map((f): Cell[] => [
      { text: optionName(f, winner), cls: f.id === winner ? "good id" : "id" },
      f.saving ? money(f.saving.mean) : "—",
      f.saving && Number.isFinite(f.saving.low)
        ? `${money(f.saving.low)} to ${money(f.saving.high)}`
        : "—",
      f.movedLocationsCost === undefined ? "—" : money(f.movedLocationsCost),
      paybackText(f.paybackYears),
    ]),
  };
}

/** How a sensitivity row was obtained: from the cost parts, or simulated again. */
function methodText(r: PlannerAnswer["sensitivity"][number]): string {
  if (r.method === "simulated")
    return r.replications ? `simulated, ${r.replications} replications` : "simulated";
  return r.method === "recomputed" ? "from the cost parts" : (r.method ?? "—");
}

/** Each changed assumption's totals per finalist and whether the winner changes. */
function sensitivityTable(a: PlannerAnswer, winner: string | undefined): Table | undefined {
  if (a.sensitivity.length === 0) return undefined;
  const ids = [...new Set(a.sensitivity.flatMap((r) => Object.keys(r.totals)))];
  const how = a.sensitivity.some((r) => r.method !== undefined);
  const money = (v: number | undefined) =>
    v === undefined ? "—" : formatQuantity(v, a.currency ?? "");
  const total = (r: PlannerAnswer["sensitivity"][number], id: string): Cell =>
    r.meetsTargets?.[id] === false
      ? { text: `${money(r.totals[id])} (misses a target)`, cls: "flag" }
      : money(r.totals[id]);
  return {
    caption: "Sensitivity: annual cost of each finalist when one assumption changes",
    columns: [
      "Change",
      ...(how ? ["How"] : []),
      ...ids.map((id) => (id === winner ? `${id} (winner)` : id)),
      "Best",
    ],
    numeric: [false, ...(how ? [false] : []), ...ids.map(() => true), false],
    rows: a.sensitivity.map((r): Cell[] => [
      r.change,
      ...(how ? [methodText(r)] : []),
      ...ids.map((id) => total(r, id)),
      r.winnerChanges ? { text: `${r.winner} (changes)`, cls: "bad" } : "unchanged",
    ]),
    cls: "wide",
  };
}

/** The planner's answer as blocks: crew, cost by part, saving and payback, sensitivity. */
export function plannerAnswerBlocks(o: OptimizationFile): Block[] {
  const a = o.answer;
  if (!a) return [];
  const options = answerOptions(a, o.winner);
  const tables = [
    options.length > 0 ? costTable(a, options, o.winner) : undefined,
    savingTable(a, o.winner),
    crewTable(options, o.winner),
    sensitivityTable(a, o.winner),
  ];
  const service = serviceTable(options, o.winner);
  return [...tables, service]
    .filter((t): t is Table => t !== undefined && t.rows.length > 0)
    .map((table): Block => ({ kind: "table", table }));
}

/** The service KPIs of each option with intervals. */
function serviceTable(options: Option[], winner: string | undefined): Table | undefined {
  const kpis = [...new Set(options.flatMap((o) => Object.keys(o.service)))];
  if (kpis.length === 0) return undefined;
  return {
    caption: "Service of each option (mean ± 95 % half-width)",
    columns: ["KPI", ...options.map((o) => optionName(o, winner))],
    numeric: [false, ...options.map(() => true)],
    rows: kpis.map((k): Cell[] => {
      const first = options.find((o) => o.service[k])?.service[k];
      return [
        kpiWithUnit(k, first),
        ...options.map((o) => estimateCell(k, o.service[k], first?.mean ?? 0)),
      ];
    }),
    cls: "wide",
  };
}
