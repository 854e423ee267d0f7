/**
 * The answer a client can act on: per finalist and for today's layout and crew (the base
 * scenario, simulated on the same replications as the selection), the annual cost by part
 * with 95 % intervals, the crew, the service KPIs, the saving against today, the re-layout
 * cost and its payback, a sensitivity of the winner to wage and rent (±20 %, exact: cost
 * is linear in both) and to volume (±20 %, re-simulated), and a recommendation that says
 * how sure it is.
 */
import { type PaybackYears, paybackText } from "../common/paybackText.ts";
import { buildJobs } from "../experiment/jobs.ts";
import { type Estimate, estimate, pairedDifference } from "../experiment/statistics.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import type { Scenario } from "../scenario/index.ts";
import { relayoutCost } from "../warehouse/cost/index.ts";
import { scenarioLayout } from "../warehouse/simulate.ts";
import { type Crew, crewDifference, crewOf } from "./crewSearch.ts";
import type { ServiceTarget } from "./serviceTargets.ts";
import { volumeSensitivity } from "./volumeSensitivity.ts";

/** Cost parts reported per finalist. */
const PARTS = ["labour", "equipment", "racking", "space", "latePenalty", "total"] as const;
/** Service KPIs reported per finalist. */
const SERVICE = ["onTimeShipRate", "fillRateLines", "backlogAtEndOrders", "orderCycleTimeS"];
/** The id of today's layout and crew. */
export const BASELINE_ID = "baseline";

/** One option (a finalist or today's) in figures. */
export interface OptionFigures {
  id: string;
  crew: Crew;
  annualCost: Record<string, Estimate>;
  service: Record<string, Estimate>;
  replications: number;
}

/** A finalist against today's. */
export interface FinalistAnswer extends OptionFigures {
  /** Today's total − this option's, on common replications (positive saves). */
  saving: Estimate & { low: number; high: number };
  movedLocationsCost: number;
  /** Re-layout cost ÷ saving, years; the range from the saving's interval (null: not paid back). */
  paybackYears: PaybackYears;
  crewChange: string[];
}

/** One row of the sensitivity table. */
export interface SensitivityRow {
  change: string;
  winner: string;
  winnerChanges: boolean;
  /** Mean annual total per finalist under the change. */
  totals: Record<string, number>;
  /** How the row was obtained: recomputed from the cost parts, or re-simulated. */
  method: "recomputed" | "simulated";
  /** Re-simulated rows: replications per finalist (common random numbers). */
  replications?: number;
  /** Re-simulated rows: whether each finalist's means meet the service targets. */
  meetsTargets?: Record<string, boolean>;
}

/** What buildAnswer() returns. */
export interface Answer {
  currency: string;
  baseline: OptionFigures;
  finalists: FinalistAnswer[];
  sensitivity: SensitivityRow[];
  recommendation: string;
  /** Replications run for today's option and the volume rows. */
  evaluations: number;
}

/** A finalist as buildAnswer() needs it. */
export interface AnswerCandidate {
  id: string;
  scenario: Scenario;
}

function figures(id: string, crew: Crew, outcomes: readonly ReplicationOutcome[]): OptionFigures {
  const of = (kpi: string) =>
    estimate(outcomes.map((o) => o.kpis[kpi]).filter((v): v is number => Number.isFinite(v)));
  return {
    id,
    crew,
    annualCost: Object.fromEntries(PARTS.map((p) => [p, of(`annualCost.${p}`)])),
    service: Object.fromEntries(SERVICE.map((k) => [k, of(k)])),
    replications: outcomes.length,
  };
}

const byReplication = (outcomes: readonly ReplicationOutcome[], kpi: string) =>
  new Map(outcomes.map((o) => [o.replication, o.kpis[kpi]] as const));

function payback(cost: number, saving: { mean: number; low: number; high: number }) {
  const years = (s: number) => (s > 0 ? cost / s : null);
  return { mean: years(saving.mean), low: years(saving.high), high: years(saving.low) };
}

/** Winner of mean totals with labour scaled by `wage` and space by `rent`. */
function sensitivityRow(
  change: string,
  finalists: readonly FinalistAnswer[],
  wage: number,
  rent: number,
  winner: string,
): SensitivityRow {
  const totals: Record<string, number> = {};
  for (const f of finalists)
    totals[f.id] =
      f.annualCost.total.mean +
      (wage - 1) * f.annualCost.labour.mean +
      (rent - 1) * f.annualCost.space.mean;
  const best = Object.keys(totals).sort((a, b) => totals[a] - totals[b])[0];
  return { change, winner: best, winnerChanges: best !== winner, totals, method: "recomputed" };
}

const money = (x: number) => Math.round(x).toLocaleString("en-US");

/** The recommendation paragraph. */
function recommend(
  answer: Omit<Answer, "recommendation">,
  winner: FinalistAnswer,
  confidence: string,
): string {
  const c = answer.currency;
  const t = winner.annualCost.total;
  const s = winner.saving;
  const savingText = Number.isFinite(s.low)
    ? `${s.mean >= 0 ? "saves" : "costs"} ${money(Math.abs(s.mean))} ${c} a year against today's layout and crew (95 % interval ${money(s.low)} to ${money(s.high)})`
    : `${s.mean >= 0 ? "saves" : "costs"} ${money(Math.abs(s.mean))} ${c} a year against today's (no interval: too few common replications)`;
  const pay =
    winner.paybackYears.mean === null
      ? `the re-layout (${money(winner.movedLocationsCost)} ${c}) does not pay back`
      : `the re-layout (${money(winner.movedLocationsCost)} ${c}) pays back in ${paybackText(winner.paybackYears)}`;
  const flips = answer.sensitivity.filter((r) => r.winnerChanges);
  const volume = answer.sensitivity.some((r) => r.method === "simulated");
  const changes = volume ? "wages, rent or volume" : "wages or rent";
  const robust =
    flips.length === 0
      ? `The choice holds with ${changes} 20 % higher or lower.`
      : `It would change with ${flips.map((r) => `${r.change} (then ${r.winner})`).join(", ")}.`;
  return `Build ${winner.id}${winner.crewChange.length > 0 ? ` with the crew changed as follows: ${winner.crewChange.join("; ")}` : ""}. It costs ${money(t.mean)} ± ${money(t.ci95)} ${c} a year, ${savingText}; ${pay}. ${confidence} ${robust}${volume ? "" : " Volume changes are not simulated here."}`;
}

/** A finalist's figures against today's on their common replications. */
function finalistAnswer(
  f: AnswerCandidate,
  mine: readonly ReplicationOutcome[],
  today: {
    base: Scenario;
    baseLayout: ReturnType<typeof scenarioLayout>;
    baseline: OptionFigures;
    today: readonly ReplicationOutcome[];
  },
): FinalistAnswer {
  const d = pairedDifference(
    byReplication(mine, "annualCost.total"),
    byReplication(today.today, "annualCost.total"),
  );
  const saving = { ...d, low: d.mean - d.ci95, high: d.mean + d.ci95 };
  const moved = relayoutCost(
    today.baseLayout,
    scenarioLayout(f.scenario),
    today.base.costs.relayoutPerLocation,
  );
  const crew = crewOf(f.scenario);
  return {
    ...figures(f.id, crew, mine),
    saving,
    movedLocationsCost: moved,
    paybackYears: payback(moved, saving),
    crewChange: crewDifference(today.baseline.crew, crew),
  };
}

/**
 * Simulates today's option on the winner's selection replications and builds the answer.
 * `outcomes` are the search's; `confidence` is the selection's statement of how sure it is.
 */
export async function buildAnswer(
  executor: Executor,
  base: Scenario,
  finalists: readonly AnswerCandidate[],
  outcomes: readonly ReplicationOutcome[],
  options: {
    seed: number;
    winner: string;
    firstReplication: number;
    confidence: string;
    /** Service targets (for the volume rows' winners). */
    targets?: readonly ServiceTarget[];
    /** Replications per finalist for the volume rows; 0 leaves volume out. Default 0. */
    volumeReplications?: number;
    signal?: AbortSignal;
  },
): Promise<Answer> {
  const own = (id: string) =>
    outcomes.filter((o) => o.candidate === id && o.replication >= options.firstReplication);
  const replications = [...new Set(own(options.winner).map((o) => o.replication))].sort(
    (a, b) => a - b,
  );
  const jobs = replications.flatMap((r) =>
    buildJobs([{ id: BASELINE_ID, scenario: base }], {
      seed: options.seed,
      replications: 1,
      firstReplication: r,
    }),
  );
  const today = await executor.run(jobs as never, { signal: options.signal });
  const baseline = figures(BASELINE_ID, crewOf(base), today);
  const baseLayout = scenarioLayout(base);
  const rows = finalists.map((f) =>
    finalistAnswer(f, own(f.id), { base, baseLayout, baseline, today }),
  );
  const sensitivity = [
    sensitivityRow("as simulated", rows, 1, 1, options.winner),
    sensitivityRow("wages +20 %", rows, 1.2, 1, options.winner),
    sensitivityRow("wages −20 %", rows, 0.8, 1, options.winner),
    sensitivityRow("rent +20 %", rows, 1, 1.2, options.winner),
    sensitivityRow("rent −20 %", rows, 1, 0.8, options.winner),
  ];
  let volumeEvaluations = 0;
  if ((options.volumeReplications ?? 0) > 0) {
    const volume = await volumeSensitivity(executor, finalists, {
      seed: options.seed,
      replications: options.volumeReplications!,
      firstReplication: options.firstReplication,
      targets: options.targets ?? [],
      winner: options.winner,
      signal: options.signal,
    });
    sensitivity.push(...volume.rows);
    volumeEvaluations = volume.evaluations;
  }
  const partial = {
    currency: base.costs.currency,
    baseline,
    finalists: rows,
    sensitivity,
    evaluations: today.length + volumeEvaluations,
  };
  const winner = rows.find((r) => r.id === options.winner)!;
  return { ...partial, recommendation: recommend(partial, winner, options.confidence) };
}
