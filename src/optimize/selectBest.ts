/**
 * The simulation half of the optimizer: race the candidates by successive halving on
 * common random numbers, then select among the finalists with Kim–Nelson within the
 * user's indifference zone, and explain the result (ranked table with confidence
 * intervals, paired differences against the winner, where the time goes).
 */
import { formatNumber } from "../common/units.ts";
import { type Comparison, compareOutcomes } from "../experiment/compare.ts";
import type { Candidate } from "../experiment/jobs.ts";
import {
  type Estimate,
  estimate,
  pairedDifference,
  withoutNoise,
} from "../experiment/statistics.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import { checkFeasibility, type Feasibility, type TargetVerdict } from "./feasibility.ts";
import { kimNelson } from "./kimNelson.ts";
import type { Objective } from "./objective.ts";
import { type RaceResult, race } from "./race.ts";
import { type ReusingExecutor, reusingExecutor } from "./reusingExecutor.ts";
import type { BatchRunOptions } from "./runBatch.ts";
import { type ServiceTarget, targetText } from "./serviceTargets.ts";

/** Outcome statuses of a search. */
export type SearchStatus = "optimal" | "infeasible" | "timedout" | "aborted";

/** Options for selectBest(). */
export interface SelectOptions extends BatchRunOptions {
  objective: Objective;
  seed: number;
  /** Indifference zone δ: relative to the best mean after racing (0.02 = 2 %), or absolute. */
  indifferenceZone?: { relative?: number; absolute?: number };
  /** 1 − probability of correct selection. Defaults to 0.05. */
  alpha?: number;
  /** Racing: first-round replications (default 2), reduction factor (default 2), finalists (default 3). */
  race?: { initialReplications?: number; eta?: number; finalists?: number };
  /** Kim–Nelson first stage n0 (default 8) and per-candidate cap (default 60). */
  selection?: { initialReplications?: number; maxReplications?: number };
  /** Most replications in total. Defaults to unlimited. */
  budget?: number;
  /**
   * Service targets: only a candidate the feasibility check declares feasible can win;
   * α is then split evenly between the check and the selection.
   */
  targets?: readonly ServiceTarget[];
  /** Called when a step starts: `race`, `feasibility` (with targets), `selection`. */
  onStage?(stage: SelectStage): void;
}

/** The steps of selectBest(), in order. */
export type SelectStage = "race" | "feasibility" | "selection";

/** A candidate's feasibility verdict with the estimate of each target. */
export interface CandidateFeasibility {
  verdict: Feasibility;
  targets: TargetVerdict[];
}

/** A row of the ranked table. */
export interface RankedCandidate {
  id: string;
  rank: number;
  /** How far it got: `winner`, `finalist`, or `race round N` where it was dropped. */
  reached: string;
  /** The objective KPI over every replication it received. */
  estimate: Estimate;
  /** Loss difference to the winner (candidate − winner, in KPI units, sign per KPI) on
   * common replications, with a Bonferroni-corrected interval. */
  versusWinner?: Estimate & { low: number; high: number };
  /** The feasibility check's verdict, when the candidate was checked against the targets. */
  feasibility?: CandidateFeasibility;
}

/** What selectBest() returns. */
export interface SelectResult {
  status: SearchStatus;
  winner?: string;
  ranking: RankedCandidate[];
  evaluations: number;
  indifferenceZone: number;
  rounds: {
    replications: number;
    ranking: { id: string; meanLoss: number }[];
    eliminated: string[];
  }[];
  selection?: {
    status: string;
    survivors: string[];
    eliminatedAt: Record<string, number>;
    replications: number;
    hSquared: number;
  };
  /** The finalists compared on every KPI (winner first) over the selection replications. */
  comparison?: Comparison;
  /** Feasibility verdicts of the candidates checked against the targets. */
  feasibility?: Record<string, CandidateFeasibility>;
  why: string[];
  outcomes: ReplicationOutcome[];
}

/** About four significant digits with thousands separators, never exponents; `-` for no value. */
const fmt = (x: number) => (Number.isFinite(x) ? formatNumber(x) : "-");

/** What a search step needs: the candidates, the options and what the race left. */
interface Stage<S> {
  exec: ReusingExecutor;
  candidates: readonly Candidate<S>[];
  options: SelectOptions;
  targets: readonly ServiceTarget[];
  alpha: number;
  budget: number;
  raced: RaceResult;
  /** The indifference zone δ in KPI units. */
  delta: number;
}

/** What the steps after the race decide, and the outcomes they added. */
interface Decision {
  status: SearchStatus;
  winner?: string;
  selection?: SelectResult["selection"];
  finalReplications?: { first: number; count: number };
  feasibility?: SelectResult["feasibility"];
  why: string[];
  outcomes: ReplicationOutcome[];
}

/** Races every candidate by successive halving within the budget. */
function raceAll<S>(
  exec: ReusingExecutor,
  candidates: readonly Candidate<S>[],
  options: SelectOptions,
  budget: number,
  targets: readonly ServiceTarget[],
): Promise<RaceResult> {
  return race(exec, candidates, {
    objective: options.objective,
    seed: options.seed,
    initialReplications: options.race?.initialReplications ?? 2,
    eta: options.race?.eta ?? 2,
    finalists: options.race?.finalists ?? 3,
    budget,
    targets,
    signal: options.signal,
    onResult: options.onResult,
  });
}

/** δ: absolute, or relative to the best mean loss after racing (default 2 %). */
function indifferenceZoneOf(raced: RaceResult, options: SelectOptions): number {
  const best = raced.rounds.at(-1)?.ranking[0];
  const scale = Math.abs(best?.meanLoss ?? 0);
  return (
    options.indifferenceZone?.absolute ??
    Math.max((options.indifferenceZone?.relative ?? 0.02) * scale, 1e-9)
  );
}

/** The race stopped early (budget or abort): the race's best, if it can be named. */
function stoppedDuringRace<S>(stage: Stage<S>): Decision {
  const { raced, targets } = stage;
  // No finished round means no data to pick from; with targets, only a checked candidate wins.
  const winner = raced.rounds.length > 0 && targets.length === 0 ? raced.survivors[0] : undefined;
  const status = raced.status === "complete" ? "optimal" : raced.status;
  const why =
    raced.rounds.length === 0
      ? `stopped before the first racing round finished (${raced.status}); no candidate can be named.`
      : winner === undefined
        ? `stopped during racing (${raced.status}), before any candidate was checked against the service targets; no candidate can be named.`
        : `stopped during racing (${raced.status}); ${winner} had the best mean ${stage.options.objective.kpi} so far.`;
  return { status, winner, why: [why], outcomes: [] };
}

/** Kim–Nelson among the (feasible) finalists on fresh replications from `first`. */
async function selectAmong<S>(
  stage: Stage<S>,
  finalists: readonly Candidate<S>[],
  first: number,
  decision: Decision,
): Promise<void> {
  const { exec, options, targets, delta } = stage;
  options.onStage?.("selection");
  const kn = await kimNelson(exec, finalists, {
    objective: options.objective,
    seed: options.seed,
    indifferenceZone: delta,
    alpha: targets.length > 0 ? stage.alpha / 2 : stage.alpha,
    initialReplications: options.selection?.initialReplications ?? 8,
    maxReplications: options.selection?.maxReplications ?? 60,
    // Fresh replications: the racing data chose the finalists, so reusing it would bias.
    firstReplication: first,
    budget: stage.budget - exec.simulated(),
    signal: options.signal,
    onResult: options.onResult,
  });
  decision.outcomes.push(...kn.outcomes);
  decision.status = kn.status;
  // A selection that could not start (budget) leaves the race's best (feasible) as the winner.
  const winner = kn.evaluations > 0 ? kn.best : finalists[0].id;
  decision.winner = winner;
  const count = Math.max(
    0,
    ...finalists.map((c) => kn.outcomes.filter((o) => o.candidate === c.id).length),
  );
  decision.selection = {
    status: kn.status,
    survivors: kn.survivors,
    eliminatedAt: kn.eliminatedAt,
    replications: count,
    hSquared: kn.hSquared,
  };
  decision.finalReplications = { first, count };
  decision.why.push(
    `${stage.candidates.length} candidates raced by successive halving on common random numbers; ${finalists.length} finalists (${finalists.map((c) => c.id).join(", ")}).`,
    kn.status === "optimal"
      ? `Kim–Nelson selected ${winner} after ${count} fresh replications: with probability ≥ ${fmt(1 - stage.alpha)} it is the best${targets.length > 0 ? " feasible candidate" : ""} whenever the best leads by at least δ = ${fmt(delta)} on ${options.objective.kpi}.`
      : `Kim–Nelson stopped at its replication limit with ${kn.survivors.length} candidates within δ = ${fmt(delta)} of each other; ${winner} has the best mean (status ${kn.status}).`,
  );
}

/** After a complete race: the target check (with targets), then the selection. */
async function decide<S>(stage: Stage<S>): Promise<Decision> {
  const { raced, candidates, targets } = stage;
  if (raced.status !== "complete") return stoppedDuringRace(stage);
  const decision: Decision = { status: "optimal", why: [], outcomes: [] };
  // With targets, only a checked candidate wins.
  if (raced.rounds.length > 0 && targets.length === 0) decision.winner = raced.survivors[0];
  const first = Math.max(...Object.values(raced.replications));
  // Finalists in race order (best mean first), so ties and early stops favour the race's best.
  let finalists = raced.survivors.map((id) => candidates.find((c) => c.id === id)!);
  if (targets.length > 0) {
    const checked = await checkTargets(stage.exec, candidates, raced, {
      ...stage.options,
      targets,
      alpha: stage.alpha / 2,
      first,
      group: finalists.length,
      budget: stage.budget,
    });
    decision.feasibility = checked.verdicts;
    decision.outcomes.push(...checked.outcomes);
    finalists = checked.eligible;
    decision.why.push(...checked.why);
    if (finalists.length === 0)
      decision.status = checked.status === "complete" ? "infeasible" : checked.status;
  }
  if (finalists.length > 0) await selectAmong(stage, finalists, first, decision);
  return decision;
}

/** The objective's values of a candidate by replication, in [from, to). */
function lossesOf(
  outcomes: readonly ReplicationOutcome[],
  kpi: string,
  id: string,
  from = 0,
  to = Number.POSITIVE_INFINITY,
): Map<number, number> {
  return new Map(
    outcomes
      .filter(
        (o) =>
          o.candidate === id &&
          o.replication >= from &&
          o.replication < to &&
          o.kpis[kpi] !== undefined,
      )
      .map((o) => [o.replication, o.kpis[kpi]] as const),
  );
}

/** Candidates in table order: the winner, then by the round they left, then by mean. */
function tableOrder<S>(stage: Stage<S>, outcomes: readonly ReplicationOutcome[], winner?: string) {
  const { objective } = stage.options;
  const dropRound = new Map<string, number>();
  stage.raced.rounds.forEach((round, i) => {
    for (const id of round.eliminated) dropRound.set(id, i + 1);
  });
  const sign = objective.sense === "maximize" ? -1 : 1;
  return [...stage.candidates]
    .map((c, i) => ({
      c,
      i,
      est: estimate([...lossesOf(outcomes, objective.kpi, c.id).values()]),
      round: dropRound.get(c.id) ?? Number.POSITIVE_INFINITY,
    }))
    .sort((a, b) => {
      if (a.c.id === winner) return -1;
      if (b.c.id === winner) return 1;
      return b.round - a.round || sign * (a.est.mean - b.est.mean) || a.i - b.i;
    });
}

/** The ranked table with paired differences to the winner at a Bonferroni level. */
function rankingOf<S>(
  stage: Stage<S>,
  outcomes: readonly ReplicationOutcome[],
  decision: Decision,
): { ranking: RankedCandidate[]; level: number } {
  const { winner, feasibility } = decision;
  const kpi = stage.options.objective.kpi;
  const order = tableOrder(stage, outcomes, winner);
  const level = 1 - (stage.options.alpha ?? 0.05) / Math.max(1, stage.candidates.length - 1);
  const ranking = order.map((row, index) => {
    const reached =
      row.c.id === winner
        ? "winner"
        : Number.isFinite(row.round)
          ? `race round ${row.round}`
          : "finalist";
    const entry: RankedCandidate = { id: row.c.id, rank: index + 1, reached, estimate: row.est };
    const verdict = feasibility?.[row.c.id];
    if (verdict) {
      entry.feasibility = verdict;
      if (verdict.verdict !== "feasible") entry.reached = verdict.verdict;
    }
    if (winner !== undefined && row.c.id !== winner) {
      const raw = pairedDifference(
        lossesOf(outcomes, kpi, winner),
        lossesOf(outcomes, kpi, row.c.id),
        level,
      );
      const scale = Math.max(Math.abs(order[0].est.mean), Math.abs(row.est.mean));
      const d = {
        ...raw,
        mean: withoutNoise(raw.mean, scale),
        ci95: withoutNoise(raw.ci95, scale),
      };
      entry.versusWinner = { ...d, low: d.mean - d.ci95, high: d.mean + d.ci95 };
    }
    return entry;
  });
  return { ranking, level };
}

/** The winner against the runner-up in words, as the ranked table has them. */
function runnerUpWhy(
  stage: Stage<unknown>,
  ranking: readonly RankedCandidate[],
  runnerUp: string,
  level: number,
): string[] {
  const { objective } = stage.options;
  const w = ranking[0];
  const r = ranking.find((x) => x.id === runnerUp);
  const v = r?.versusWinner;
  if (!r || !v) return [];
  const excludesZero = Number.isFinite(v.low) && (v.low > 0 || v.high < 0);
  const runnerUpWorse = objective.sense === "minimize" ? v.low > 0 : v.high < 0;
  const verdict = !excludesZero
    ? "no significant difference"
    : runnerUpWorse
      ? "runner-up significantly worse"
      : "runner-up significantly better on these replications";
  const interval = Number.isFinite(v.low) ? `[${fmt(v.low)}, ${fmt(v.high)}]` : "[-]";
  const delta = stage.delta;
  return [
    `against the runner-up ${runnerUp} (as in the table: means over all ${w.estimate.n} and ${r.estimate.n} replications, difference on their ${v.n} common replications at ${fmt(level * 100)} %): ${objective.kpi} ${fmt(w.estimate.mean)} vs ${fmt(r.estimate.mean)} (runner-up − winner ${fmt(v.mean)} ${interval}, ${verdict})${Math.abs(v.mean) < delta ? `; the gap is inside the indifference zone δ = ${fmt(delta)}, so the two are practically equivalent` : ""}.`,
  ];
}

/** The finalists compared on every KPI over the selection replications, and its story. */
function comparisonOf<S>(
  stage: Stage<S>,
  outcomes: readonly ReplicationOutcome[],
  decision: Decision,
  table: { ranking: RankedCandidate[]; level: number },
): { comparison?: Comparison; why: string[] } {
  const { winner, finalReplications, selection } = decision;
  if (winner === undefined || !finalReplications || !selection) return { why: [] };
  const { objective } = stage.options;
  const ids = [
    winner,
    ...selection.survivors.filter((id) => id !== winner),
    ...stage.candidates
      .map((c) => c.id)
      .filter(
        (id) =>
          id !== winner && !selection.survivors.includes(id) && stage.raced.survivors.includes(id),
      ),
  ];
  const comparison = compareOutcomes(
    outcomes.filter((o) => ids.includes(o.candidate) && o.replication >= finalReplications.first),
    ids,
    { directions: { [objective.kpi]: objective.sense === "minimize" ? "lower" : "higher" } },
  );
  const runnerUp = ids[1];
  if (runnerUp === undefined) return { comparison, why: [] };
  // The same numbers as the ranked table: every replication each received, and the
  // difference on their common replications at the table's (Bonferroni) level.
  const why = runnerUpWhy(stage as Stage<unknown>, table.ranking, runnerUp, table.level);
  const phases = Object.entries(comparison.breakdownDifference[runnerUp]?.order ?? {})
    .filter(([, v]) => v !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 3);
  if (phases.length > 0) {
    why.push(
      `where the difference comes from (runner-up − winner, s per order, over the ${finalReplications.count} selection replications): ${phases.map(([p, v]) => `${p} ${v > 0 ? "+" : ""}${fmt(v)}`).join(", ")}.`,
    );
  }
  return { comparison, why };
}

/** Races, selects and explains. An empty candidate list is `infeasible`. */
export async function selectBest<S>(
  executor: Executor,
  candidates: readonly Candidate<S>[],
  options: SelectOptions,
): Promise<SelectResult> {
  if (candidates.length === 0) {
    return {
      status: "infeasible",
      ranking: [],
      evaluations: 0,
      indifferenceZone: 0,
      rounds: [],
      why: ["no candidate satisfies the constraints"],
      outcomes: [],
    };
  }
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const targets = options.targets ?? [];
  const exec = reusingExecutor(executor);
  options.onStage?.("race");
  const raced = await raceAll(exec, candidates, options, budget, targets);
  const delta = indifferenceZoneOf(raced, options);
  const alpha = options.alpha ?? 0.05;
  const stage: Stage<S> = { exec, candidates, options, targets, alpha, budget, raced, delta };
  const decision = await decide(stage);
  const evaluations = exec.simulated();
  // The check and the selection share replications: keep each outcome once.
  const outcomes = [
    ...new Map([...raced.outcomes, ...decision.outcomes].map((o) => [o.key, o])).values(),
  ];
  const table = rankingOf(stage, outcomes, decision);
  const compared = comparisonOf(stage, outcomes, decision, table);
  return {
    status: decision.status,
    winner: decision.winner,
    ranking: table.ranking,
    evaluations,
    indifferenceZone: delta,
    rounds: raced.rounds,
    selection: decision.selection,
    comparison: compared.comparison,
    ...(decision.feasibility ? { feasibility: decision.feasibility } : {}),
    why: [...decision.why, ...compared.why],
    outcomes,
  };
}

/** Candidates in the order the race left them: survivors, then by the round they left. */
function raceOrder(raced: RaceResult): string[] {
  const order = [...raced.survivors];
  for (let i = raced.rounds.length - 1; i >= 0; i--) {
    const round = raced.rounds[i];
    for (const row of round.ranking) if (round.eliminated.includes(row.id)) order.push(row.id);
  }
  return order;
}

/**
 * The feasibility check in the race's order, a group (the finalists' count) at a time,
 * until a group has a feasible candidate or the candidates or the budget run out.
 */
async function checkTargets<S>(
  exec: ReusingExecutor,
  candidates: readonly Candidate<S>[],
  raced: RaceResult,
  options: SelectOptions & {
    targets: readonly ServiceTarget[];
    alpha: number;
    first: number;
    group: number;
    budget: number;
  },
): Promise<{
  eligible: Candidate<S>[];
  verdicts: Record<string, CandidateFeasibility>;
  status: "complete" | "timedout" | "aborted";
  outcomes: ReplicationOutcome[];
  why: string[];
}> {
  options.onStage?.("feasibility");
  const order = raceOrder(raced).map((id) => candidates.find((c) => c.id === id)!);
  const verdicts: Record<string, CandidateFeasibility> = {};
  const outcomes: ReplicationOutcome[] = [];
  let status: "complete" | "timedout" | "aborted" = "complete";
  let eligible: Candidate<S>[] = [];
  for (let at = 0; at < order.length && eligible.length === 0; at += options.group) {
    const group = order.slice(at, at + options.group);
    const fc = await checkFeasibility(exec, group, {
      targets: options.targets,
      seed: options.seed,
      // Bonferroni over every candidate the search may check.
      alpha: (options.alpha * group.length) / candidates.length,
      initialReplications: options.selection?.initialReplications ?? 8,
      maxReplications: options.selection?.maxReplications ?? 60,
      firstReplication: options.first,
      budget: options.budget - exec.simulated(),
      signal: options.signal,
      onResult: options.onResult,
    });
    Object.assign(verdicts, fc.candidates);
    outcomes.push(...fc.outcomes);
    eligible = group.filter((c) => fc.candidates[c.id].verdict === "feasible");
    status = fc.status;
    if (fc.status !== "complete") break;
  }
  const checked = Object.keys(verdicts);
  const feasible = checked.filter((id) => verdicts[id].verdict === "feasible");
  const text = options.targets.map(targetText).join(", ");
  const why = [
    feasible.length > 0
      ? `service targets ${text}: ${feasible.length} of ${checked.length} checked candidates feasible (Batur–Kim, error ≤ ${fmt(options.alpha)} over all decisions); only feasible candidates can win.`
      : `service targets ${text}: no checked candidate is feasible (${checked.length} checked${status === "complete" ? "" : `, stopped: ${status}`}); no winner.`,
  ];
  return { eligible, verdicts, status, outcomes, why };
}
