/**
 * The recommendation a comparison report opens with: which candidate to prefer, what it
 * changes against the baseline (annual cost, throughput, on-time shipping in percentage
 * points, cycle time) with 95 % intervals, how sure that is from the intervals, and the main
 * risk of the preferred option. A candidate that makes service worse is never preferred.
 */
import { formatDifference } from "../common/units.ts";
import { type Answer, backlogRisk, kpiPlainName, roleRisk } from "./answer.ts";
import { baseUnit, differenceTypical } from "./commonSections.ts";
import { formatValue } from "./format.ts";
import type { ComparisonFile, Estimate } from "./resultSchemas.ts";

/** What the recommendation reads of a comparison. */
export interface CompareAnswerInput {
  c: ComparisonFile;
  base: { id: string; name: string };
  others: { id: string; name: string }[];
  kpis: string[];
  levelPct: string;
}

type Diff = ComparisonFile["kpis"][string]["differences"][string];
type Candidate = { id: string; name: string };

/** Service KPIs: a candidate worse on any of them is not recommended. */
const SERVICE_KPIS = ["onTimeShipRate", "fillRateLines"];
/** What the recommendation says a candidate changes, in this order. */
const CHANGE_KPIS = [
  "annualCost.total",
  "throughputOrdersPerHour",
  "onTimeShipRate",
  "orderCycleTimeS",
];
const COST = "annualCost.total";

/** `−1.99 orders/h (95 % CI −3.02 to −0.953)`; shares in percentage points. */
export function diffInWords(name: string, d: Diff): string {
  const unit = baseUnit(name, d.unit);
  const typical = differenceTypical(d);
  const f = (v: number) => formatDifference(v, unit, typical);
  return `${f(d.mean)} (95 % CI ${f(d.low)} to ${f(d.high)})`;
}

/** How a candidate stands against the baseline on what the recommendation weighs. */
interface Standing {
  o: Candidate;
  serviceWorse: string[];
  serviceBetter: string[];
  /** The cost difference when significant: negative saves. */
  costChange?: number;
  /** Headline KPIs better minus worse. */
  net: number;
}

function standing(c: ComparisonFile, o: Candidate): Standing {
  const verdict = (k: string) => c.kpis[k]?.differences[o.id]?.verdict;
  const cost = c.kpis[COST]?.differences[o.id];
  const judged = Object.keys(c.kpis).filter((k) => !k.startsWith("annualCost."));
  return {
    o,
    serviceWorse: SERVICE_KPIS.filter((k) => verdict(k) === "worse"),
    serviceBetter: SERVICE_KPIS.filter((k) => verdict(k) === "better"),
    costChange: cost && cost.verdict !== "no significant difference" ? cost.mean : undefined,
    net:
      judged.filter((k) => verdict(k) === "better").length -
      judged.filter((k) => verdict(k) === "worse").length,
  };
}

/** A candidate worth preferring to the baseline: no worse service, and cheaper or better. */
function preferable(s: Standing): boolean {
  if (s.serviceWorse.length > 0) return false;
  if (s.costChange !== undefined) return s.costChange < 0;
  return s.net > 0;
}

/** The preferred candidate: the preferable one saving most, else the most improved; else none. */
function preferred(list: Standing[]): Standing | undefined {
  return list
    .filter(preferable)
    .sort((a, b) => (a.costChange ?? 0) - (b.costChange ?? 0) || b.net - a.net)[0];
}

/** Why the baseline stays: the first reason that holds for candidate `s`. */
function keepReason(s: Standing): string {
  const name = `“${s.o.name}”`;
  if (s.serviceWorse.length > 0)
    return `${name} makes ${s.serviceWorse.map(kpiPlainName).join(" and ")} worse`;
  if (s.costChange !== undefined && s.costChange > 0 && s.serviceBetter.length > 0)
    return `${name} serves better (${s.serviceBetter.map(kpiPlainName).join(", ")}) but costs more; prefer it only if that is worth its extra cost`;
  if (s.costChange !== undefined && s.costChange > 0)
    return `${name} costs more without better service`;
  return `${name} shows no clear improvement`;
}

/** The difference of candidate `id` on KPI `k`, with the KPI's unit (a currency) filled in. */
function diffOf(c: ComparisonFile, k: string, id: string): Diff | undefined {
  const d = c.kpis[k]?.differences[id];
  if (!d) return undefined;
  const unit = d.unit ?? Object.values(c.kpis[k].estimates).find((e) => e.unit)?.unit;
  return { ...d, unit };
}

/** What candidate `o` changes against the baseline, with intervals. */
function changesText(c: ComparisonFile, o: Candidate): string {
  const parts = CHANGE_KPIS.flatMap((k) => {
    const d = diffOf(c, k, o.id);
    return d ? [`${kpiPlainName(k)} by ${diffInWords(k, d)}`] : [];
  });
  return parts.length > 0 ? parts.join(", ") : "no KPI the recommendation weighs";
}

/** The recommendation paragraph. */
function recommendation(input: CompareAnswerInput, list: Standing[], best?: Standing): string {
  const { c, base } = input;
  if (best) {
    const rest = list.filter((s) => s !== best && preferable(s)).map((s) => `“${s.o.name}”`);
    return `Prefer “${best.o.name}” to “${base.name}”${rest.length > 0 ? ` (also better than the baseline: ${rest.join(", ")})` : ""}. Against “${base.name}” it changes ${changesText(c, best.o)}.`;
  }
  const reasons = list.map(keepReason).join("; ");
  const changes = list.map((s) => `“${s.o.name}” changes ${changesText(c, s.o)}`).join("; ");
  return `Keep “${base.name}”: ${reasons}. Against “${base.name}”, ${changes}.`;
}

/** Which of the weighed differences the intervals settle, and which they leave open. */
function sureText(input: CompareAnswerInput, shown: Candidate[]): string {
  const { c, kpis, levelPct } = input;
  const settled: string[] = [];
  const open: string[] = [];
  for (const o of shown) {
    for (const k of CHANGE_KPIS) {
      const d = c.kpis[k]?.differences[o.id];
      if (!d) continue;
      const name = shown.length > 1 ? `${kpiPlainName(k)} of “${o.name}”` : kpiPlainName(k);
      (d.verdict === "no significant difference" ? open : settled).push(name);
    }
  }
  const parts = [
    settled.length > 0
      ? `The ${levelPct} % intervals of ${settled.join(", ")} exclude no change, so those differences are not chance.`
      : "",
    open.length > 0
      ? `Those of ${open.join(", ")} include no change (or stay within noise): the candidates do not differ there.`
      : "",
    `Differences are paired over ${c.replications} replications on common random numbers; with ${kpis.length} KPIs compared, about ${formatValue(kpis.length * (1 - c.level))} could be called by chance, so weigh these, not a single borderline KPI.`,
  ];
  return parts.filter(Boolean).join(" ");
}

/** One candidate's estimates as a KPI record. */
export function estimatesOf(c: ComparisonFile, id: string): Record<string, Estimate> {
  const out: Record<string, Estimate> = {};
  for (const [k, v] of Object.entries(c.kpis)) if (v.estimates[id]) out[k] = v.estimates[id];
  return out;
}

/** The annual cost difference of every candidate with one, in words. */
function costText({ c, base, others }: CompareAnswerInput): string | undefined {
  const texts = others.flatMap((o) => {
    const d = diffOf(c, COST, o.id);
    if (!d) return [];
    const sure = d.verdict === "no significant difference" ? ", not a significant difference" : "";
    return [
      `“${o.name}” changes the annual cost by ${diffInWords(COST, d)} against “${base.name}”${sure}.`,
    ];
  });
  return texts.length > 0 ? texts.join(" ") : undefined;
}

/** The main risk: what the preferred option makes worse, else its backlog or busiest role. */
function riskText(input: CompareAnswerInput, chosen: Candidate, list: Standing[]): string {
  const { c, base } = input;
  const worse = list.find((s) => s.serviceWorse.length > 0);
  const est = estimatesOf(c, chosen.id);
  const own = backlogRisk(est) ?? roleRisk(est);
  const avoided =
    chosen.id === base.id && worse
      ? `Choosing “${worse.o.name}” instead would cost ${worse.serviceWorse.map((k) => `${kpiPlainName(k)} ${diffInWords(k, c.kpis[k].differences[worse.o.id])}`).join(", ")}.`
      : "";
  const ownText = own ? `With “${chosen.name}”: ${own.charAt(0).toLowerCase()}${own.slice(1)}` : "";
  return [ownText, avoided].filter(Boolean).join(" ");
}

/** The answer of a comparison: the recommendation, its cost, how sure, the main risk. */
export function compareAnswer(input: CompareAnswerInput): Answer {
  const list = input.others.map((o) => standing(input.c, o));
  const best = preferred(list);
  const chosen = best?.o ?? input.base;
  return {
    kind: "Recommendation",
    finding: recommendation(input, list, best),
    cost: costText(input),
    sure: sureText(input, best ? [best.o] : input.others),
    risk: riskText(input, chosen, list) || undefined,
  };
}
