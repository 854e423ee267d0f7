/**
 * The one-page answer every report opens with: the recommendation or finding in a paragraph,
 * what it saves or costs a year, how sure it is and the main risk. Each report writes the
 * four parts from its results; this file holds the section and the sentences they share.
 */
import { formatQuantity } from "../common/units.ts";
import { kpiInWords, showInterval } from "./commonSections.ts";
import { formatShare } from "./format.ts";
import { GLOSSARY } from "./glossary.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { Block, Section, Sheet } from "./reportModel.ts";
import type { Estimate } from "./resultSchemas.ts";

/** The parts of a report's answer, in plain words. */
export interface Answer {
  /** "Recommendation" when the report recommends, "Finding" when it describes. */
  kind: "Recommendation" | "Finding";
  /** The recommendation or finding, one paragraph. */
  finding: string;
  /** What it saves or costs a year; absent when the results carry no cost. */
  cost?: string;
  /** How sure it is: intervals, the probability of correct selection. */
  sure: string;
  /** The main risk; absent when nothing stands out. */
  risk?: string;
}

/** The summary section: the answer's parts as a list, then `more` (key figures). */
export function answerSection(answer: Answer, more: Block[] = []): Section {
  const items = [
    { label: answer.kind, text: answer.finding },
    ...(answer.cost ? [{ label: "What it saves or costs", text: answer.cost }] : []),
    { label: "How sure", text: answer.sure },
    ...(answer.risk ? [{ label: "Main risk", text: answer.risk }] : []),
  ];
  return { id: "summary", title: "Summary", blocks: [{ kind: "answer", items }, ...more] };
}

/** The answer as a sheet: one row per part, as the summary shows it. */
export function answerSheet(answer: Answer): Sheet {
  return {
    name: "Summary",
    columns: ["part", "text"],
    rows: [
      [answer.kind, answer.finding],
      ...(answer.cost ? [["What it saves or costs", answer.cost]] : []),
      ["How sure", answer.sure],
      ...(answer.risk ? [["Main risk", answer.risk]] : []),
    ],
  };
}

/** Cost parts of `annualCost.<part>`, in the order a reader expects them. */
export const COST_PARTS = ["labour", "equipment", "racking", "space", "latePenalty"] as const;

/** The plain name of a cost part. */
export function costPartName(part: string): string {
  return part === "latePenalty" ? "late-order penalty" : part;
}

/** A money figure with its interval: `1,164,480 EUR (95 % CI 1,163,836 – 1,165,124)`. */
export function moneyWithInterval(name: string, e: Estimate): string {
  const interval = e.n > 1 && e.ci95 > 0 ? ` (95 % CI ${showInterval(name, e)})` : "";
  return `${kpiInWords(name, e)}${interval}`;
}

/**
 * The annual cost of a run by part, and per order: `Running it costs 1,164,480 EUR a year
 * (…): labour 903,779 EUR, space 207,116 EUR, …; 3.56 EUR per order.`
 */
export function annualCostText(kpis: Readonly<Record<string, Estimate>>): string | undefined {
  const total = kpis["annualCost.total"];
  if (!total) return undefined;
  const parts = COST_PARTS.map((p) => [p, kpis[`annualCost.${p}`]] as const)
    .filter(([, e]) => e && e.mean > 0)
    .sort((a, b) => b[1].mean - a[1].mean)
    .map(([p, e]) => `${costPartName(p)} ${kpiInWords(`annualCost.${p}`, e)}`);
  const perOrder = kpis.costPerOrder
    ? `; ${kpiInWords("costPerOrder", kpis.costPerOrder)} per order shipped`
    : "";
  return `Running it costs ${moneyWithInterval("annualCost.total", total)} a year${parts.length > 0 ? `: ${parts.join(", ")}` : ""}${perOrder}.`;
}

/** A role's utilisation at or above this is a bottleneck: little slack for a peak. */
export const BOTTLENECK_UTILISATION = 0.85;

/** The busiest role of a KPI record: its name and utilisation estimate. */
export function busiestRole(
  kpis: Readonly<Record<string, Estimate>>,
): { role: string; e: Estimate } | undefined {
  const roles = Object.keys(kpis).filter((k) => k.startsWith("utilization."));
  if (roles.length === 0) return undefined;
  const top = roles.reduce((a, b) => (kpis[b].mean > kpis[a].mean ? b : a));
  return { role: top.slice("utilization.".length), e: kpis[top] };
}

/** The busiest role as a risk: a bottleneck at or above 85 %, else the tightest resource. */
export function roleRisk(kpis: Readonly<Record<string, Estimate>>): string | undefined {
  const busiest = busiestRole(kpis);
  if (!busiest) return undefined;
  const share = formatShare(busiest.e.mean);
  return busiest.e.mean >= BOTTLENECK_UTILISATION
    ? `The ${busiest.role} role is the bottleneck at ${share} utilisation: a busier day or an absence shows first there as late orders.`
    : `The busiest role is ${busiest.role} at ${share} utilisation; no role is above ${formatShare(BOTTLENECK_UTILISATION)}, so there is slack for peaks.`;
}

/** A backlog that grows over the measured window, in words (nothing when it is steady). */
export function backlogRisk(kpis: Readonly<Record<string, Estimate>>): string | undefined {
  const start = kpis.backlogAtStartOrders;
  const end = kpis.backlogAtEndOrders;
  if (!start || !end) return undefined;
  const noise =
    (Number.isFinite(start.ci95) ? start.ci95 : 0) + (Number.isFinite(end.ci95) ? end.ci95 : 0);
  if (end.mean - start.mean <= Math.max(noise, 0.1 * Math.max(start.mean, 1))) return undefined;
  return `Orders pile up: ${formatQuantity(start.mean, "orders")} are open when the measured window opens and ${formatQuantity(end.mean, "orders")} when it closes, so a longer run would show later orders (see the warm-up check).`;
}

/** A KPI's plain name from the glossary, else its label in lower case. */
export function kpiPlainName(name: string): string {
  return GLOSSARY[name] ?? kpiMeta(name).label.toLowerCase();
}

/** A KPI's mean and interval in words, with its name: `on-time shipping 98.2 % (95 % CI …)`. */
export function kpiWithInterval(name: string, e: Estimate): string {
  const interval = e.n > 1 ? ` (95 % CI ${showInterval(name, e)})` : "";
  return `${kpiPlainName(name)} ${kpiInWords(name, e)}${interval}`;
}
