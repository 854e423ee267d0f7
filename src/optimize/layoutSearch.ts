/**
 * Layout and policy search: enumerates the candidates of an optimization spec over the
 * layout generators (traditional / fishbone / flying-V with equal storage, aisles, cross
 * aisles, dock flow, forward area, pack stations) and policies (routing, putaway, batching,
 * wave interval), screens them by constraints and the analytic single-command travel
 * estimate, then races and selects by simulation on common random numbers.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import type { LayoutSpec } from "../layout/index.ts";
import type { Scenario } from "../scenario/index.ts";
import { type Answer, buildAnswer } from "./answer.ts";
import type { CostEstimate } from "./costEstimate.ts";
import { type Crew, crewDifference, crewOf, crewSentence, withCrews } from "./crewSearch.ts";
import { enumerateCandidates } from "./enumerateCandidates.ts";
import { type Objective, objectiveFor } from "./objective.ts";
import { type OptimizeSpec, objectiveKpi, targetInputs } from "./optimizeSpec.ts";
import { reusingExecutor } from "./reusingExecutor.ts";
import { screenCandidates } from "./screenCandidates.ts";
import type { LayoutMetrics, SearchCandidate } from "./searchCandidate.ts";
import {
  type RankedCandidate,
  type SearchStatus,
  type SelectResult,
  selectBest,
} from "./selectBest.ts";
import { parseServiceTargets, type ServiceTarget } from "./serviceTargets.ts";

export {
  convertGenerator,
  locationsByType,
  storageDifference,
  type UnkeptField,
} from "./convertGenerator.ts";
export { enumerateCandidates, NOT_APPLICABLE } from "./enumerateCandidates.ts";
export { measureLayout, screenCandidates } from "./screenCandidates.ts";
export type { LayoutMetrics, SearchCandidate } from "./searchCandidate.ts";
export { checkSpace, WAVE_INTERVAL_KEY } from "./spaceCheck.ts";

/** A row of the optimization's ranked table. */
export interface OptimizationRow extends Partial<RankedCandidate> {
  id: string;
  /** Headcount per role per shift the candidate was simulated with. */
  crew?: Crew;
  /** The analytic annual cost estimate of the screen. */
  costEstimate?: CostEstimate;
  settings: Record<string, number | string | boolean>;
  metrics?: LayoutMetrics;
  rejected?: string;
}

/** What optimizeLayout() returns (optimization.json without the envelope). */
export interface OptimizationResult {
  status: SearchStatus;
  objective: { kpi: string; sense: "minimize" | "maximize" };
  /** Service targets a winner must meet (judged by the feasibility check). */
  targets: ServiceTarget[];
  winner?: string;
  /** The winner's layout spec, ready to write as a `layouts/` file. */
  winnerLayout?: LayoutSpec;
  /** The finalists and today's option in money and service, and the recommendation. */
  answer?: Answer;
  /** The winner's scenario (its crew included), for the results folder; not in the JSON. */
  winnerScenario?: Scenario;
  winnerSettings?: Record<string, number | string | boolean>;
  ranking: OptimizationRow[];
  candidates: { total: number; rejected: number; simulated: number };
  evaluations: number;
  /** Replications a full evaluation (every simulated candidate × the most any received) would take. */
  fullEvaluations: number;
  indifferenceZone: number;
  rounds: unknown[];
  selection?: unknown;
  comparison?: unknown;
  why: string[];
}

/** Options for optimizeLayout(). */
export interface OptimizeLayoutOptions {
  seed: number;
  /** Overrides the spec's budget. */
  budget?: number;
  signal?: AbortSignal;
  onResult?(outcome: ReplicationOutcome): void;
  /**
   * Called when a stage starts: `screen`, `crew search`, `race`, `feasibility`, `selection`,
   * `sensitivity: today's layout and volume ±20 %`.
   */
  onStage?(stage: string): void;
  /** The spec file, for messages. */
  file?: string;
}

/** The objective and the parsed service targets of a spec (bad targets throw). */
function objectiveAndTargets(spec: OptimizeSpec, file: string) {
  const objective = objectiveFor(
    objectiveKpi(spec),
    typeof spec.objective === "object" ? spec.objective.sense : undefined,
  );
  const issues: InputIssue[] = [];
  const targets = parseServiceTargets(targetInputs(spec), file, "targets", issues);
  if (issues.length > 0) throw new InputError(issues);
  return { objective, targets };
}

/** The screened candidates at their least-cost crews, and the replications that took. */
async function crewed(
  executor: Executor,
  screened: SearchCandidate[],
  spec: OptimizeSpec,
  context: { objective: Objective; targets: ServiceTarget[]; options: OptimizeLayoutOptions },
): Promise<{ candidates: SearchCandidate[]; evaluations: number }> {
  if (spec.model !== "warehouse" || !spec.crew.search || screened.length === 0)
    return { candidates: screened, evaluations: 0 };
  const { objective, targets, options } = context;
  options.onStage?.("crew search");
  return withCrews(executor, screened, {
    seed: options.seed,
    efficiencies: spec.crew.efficiencies,
    pilotReplications: spec.crew.pilotReplications,
    roles: spec.crew.roles,
    targets,
    costKpi: objective.kpi.startsWith("annualCost.") ? objective.kpi : "annualCost.total",
    margin: spec.crew.margin,
    maxRounds: spec.crew.maxRounds,
    signal: options.signal,
    onResult: options.onResult,
  });
}

/** Races and selects among the kept candidates within what is left of the budget. */
function select(
  executor: Executor,
  kept: readonly SearchCandidate[],
  spec: OptimizeSpec,
  context: { objective: Objective; targets: ServiceTarget[]; options: OptimizeLayoutOptions },
  spent: number,
): Promise<SelectResult> {
  const { objective, targets, options } = context;
  const iz = spec.selection.indifferenceZone;
  return selectBest(
    executor,
    kept.map((c) => ({ id: c.id, scenario: c.scenario })),
    {
      objective,
      seed: options.seed,
      indifferenceZone:
        typeof iz === "number" ? { absolute: iz } : { relative: Number(iz.slice(0, -1)) / 100 },
      alpha: spec.selection.alpha,
      race: spec.race,
      selection: {
        initialReplications: spec.selection.initialReplications,
        maxReplications: spec.selection.maxReplications,
      },
      budget: (options.budget ?? spec.budget) - spent,
      targets,
      signal: options.signal,
      onResult: options.onResult,
      onStage: options.onStage,
    },
  );
}

/** Refuses an objective that no outcome reports (exit 2 material). */
function checkObjectiveReported(selected: SelectResult, kpi: string, file: string): void {
  if (selected.outcomes.length === 0 || selected.outcomes.some((o) => o.kpis[kpi] !== undefined))
    return;
  throw new InputError({
    file,
    path: "objective",
    value: kpi,
    expected: `a KPI the model reports: ${Object.keys(selected.outcomes[0].kpis).join(", ")}`,
  });
}

/** The ranked table: the simulated candidates in rank order, then the rejected ones. */
function rankingRows(selected: SelectResult, all: readonly SearchCandidate[]): OptimizationRow[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  return [
    ...selected.ranking.map((r) => ({
      ...r,
      settings: byId.get(r.id)!.settings,
      metrics: byId.get(r.id)!.metrics,
      crew: byId.get(r.id)!.crew,
      costEstimate: byId.get(r.id)!.costEstimate,
    })),
    ...all
      .filter((c) => c.rejected)
      .map((c) => ({ id: c.id, settings: c.settings, metrics: c.metrics, rejected: c.rejected })),
  ];
}

/** The winner's layout facts against the other simulated layouts, when there are others. */
function layoutWhy(winner: SearchCandidate, kept: readonly SearchCandidate[]): string[] {
  const layoutsSimulated = new Set(kept.map((c) => JSON.stringify(c.scenario.layout))).size;
  if (!winner.metrics || layoutsSimulated <= 1) return [];
  // Other layouts only: policy variants of the winner's layout share its metrics.
  const winnerLayout = JSON.stringify(winner.scenario.layout);
  const others = kept.filter(
    (c) => c.metrics && JSON.stringify(c.scenario.layout) !== winnerLayout,
  );
  const bestOther = others.sort(
    (a, b) => a.metrics!.avgSingleCommandDistanceM - b.metrics!.avgSingleCommandDistanceM,
  )[0];
  return [
    `layout: ${winner.metrics.locations} locations in ${winner.metrics.widthM.toFixed(1)} × ${winner.metrics.depthM.toFixed(1)} m; mean single-command trip ${winner.metrics.avgSingleCommandDistanceM.toFixed(1)} m` +
      (bestOther?.metrics
        ? ` (shortest among the other simulated layouts ${bestOther.metrics.avgSingleCommandDistanceM.toFixed(1)} m).`
        : "."),
  ];
}

/** Enumerates, screens, races and selects. Statuses, not exceptions, for expected outcomes. */
export async function optimizeLayout(
  executor: Executor,
  base: Scenario,
  spec: OptimizeSpec,
  options: OptimizeLayoutOptions,
): Promise<OptimizationResult> {
  const file = options.file ?? "<spec>";
  const { objective, targets } = objectiveAndTargets(spec, file);
  const context = { objective, targets, options };
  options.onStage?.("screen");
  const all = enumerateCandidates(base, spec, options.file);
  const screened = screenCandidates(all, spec);
  const enumerated = all.length;
  // Every stage runs through one reusing executor: a replication is simulated once.
  const exec = reusingExecutor(executor);
  const crews = await crewed(exec, screened, spec, context);
  const kept = crews.candidates;
  all.push(...kept.filter((c) => !all.some((a) => a.id === c.id)));
  const selected = await select(exec, kept, spec, context, exec.simulated());
  checkObjectiveReported(selected, objective.kpi, file);
  const winner = selected.winner ? all.find((c) => c.id === selected.winner) : undefined;
  const why = [...selected.why, ...(winner ? layoutWhy(winner, kept) : [])];
  if (winner?.crew) why.push(...crewWhy(winner, kept, selected.ranking, base));
  const answer =
    winner && spec.model === "warehouse" && objective.kpi === "annualCost.total"
      ? await answerFor(exec, base, kept, selected, {
          ...options,
          alpha: spec.selection.alpha,
          targets,
          volumeReplications: spec.sensitivity.volumeReplications,
        })
      : undefined;
  const maxReps = Math.max(
    0,
    ...kept.map((c) => selected.outcomes.filter((o) => o.candidate === c.id).length),
  );
  return {
    status: kept.length === 0 ? "infeasible" : selected.status,
    objective,
    targets,
    winner: selected.winner,
    winnerLayout: winner?.scenario.layout,
    winnerScenario: winner?.scenario,
    winnerSettings: winner?.settings,
    ranking: rankingRows(selected, all),
    candidates: {
      total: enumerated,
      rejected: all.filter((c) => c.rejected).length,
      simulated: kept.length,
    },
    evaluations: exec.simulated(),
    ...(answer ? { answer } : {}),
    fullEvaluations: kept.length * maxReps,
    indifferenceZone: selected.indifferenceZone,
    rounds: selected.rounds,
    selection: selected.selection,
    comparison: selected.comparison,
    why: kept.length === 0 ? ["no candidate satisfies the constraints", ...why] : why,
  };
}

/**
 * The winner's crew in words: against the base scenario's and against the best candidate
 * of another layout ("… needs 2 pickers fewer on the day shift").
 */
function crewWhy(
  winner: SearchCandidate,
  kept: readonly SearchCandidate[],
  ranking: readonly RankedCandidate[],
  base: Scenario,
): string[] {
  const crew = winner.crew!;
  const today = crewSentence(crewOf(base), crew);
  const out = [
    `crew of ${winner.id} against today's: ${today ? `it ${today}` : "the same"} (${crewDifference(crewOf(base), crew).join("; ") || "no change"}).`,
  ];
  const winnerLayout = JSON.stringify(winner.scenario.layout);
  const other = ranking
    .map((r) => kept.find((c) => c.id === r.id))
    .find((c) => c?.crew && JSON.stringify(c.scenario.layout) !== winnerLayout);
  if (other?.crew) {
    const versus = crewSentence(other.crew, crew);
    out.push(
      `against the best other layout ${other.id}, the winner ${versus || "needs the same crew"}.`,
    );
  }
  return out;
}

/** The answer for the winner and the other finalists, against today's layout and crew. */
async function answerFor(
  executor: Executor,
  base: Scenario,
  kept: readonly SearchCandidate[],
  selected: SelectResult,
  options: OptimizeLayoutOptions & {
    alpha: number;
    targets: readonly ServiceTarget[];
    volumeReplications: number;
  },
): Promise<Answer> {
  const finalists = selected.ranking
    .filter((r) => r.reached === "winner" || r.reached === "finalist")
    .map((r) => kept.find((c) => c.id === r.id)!);
  const sel = selected.selection;
  const confidence =
    sel?.status === "optimal"
      ? `The selection is sure with probability at least ${Math.round((1 - options.alpha) * 100)} % that this is the least-cost option meeting the service targets whenever it leads by ${Math.round(selected.indifferenceZone).toLocaleString("en-US")} or more a year (the indifference zone); closer options are practically equivalent.`
      : `The selection stopped at its replication limit (${sel?.status ?? "no selection"}); this is the best mean, without a stated probability of correct selection.`;
  options.onStage?.("sensitivity: today's layout and volume ±20 %");
  return buildAnswer(executor, base, finalists, selected.outcomes, {
    seed: options.seed,
    winner: selected.winner!,
    firstReplication: selected.rounds.at(-1)?.replications ?? 0,
    confidence,
    targets: options.targets,
    volumeReplications: options.volumeReplications,
    signal: options.signal,
  });
}
