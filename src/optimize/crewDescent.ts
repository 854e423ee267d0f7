/**
 * The least-cost crew of each layout, found by simulation: from a start crew (the
 * staffing program's plan, or today's), take one worker off a role on a shift while the
 * pilot replications still meet the service targets and the annual cost (wages per role,
 * overtime and late-line penalties as the cost model counts them) falls; a start crew
 * that misses the targets first gains workers where they help most. Every layout's
 * neighbours run in one batch on the same pilot replications (common random numbers).
 */
import { buildJobs } from "../experiment/jobs.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import type { Scenario } from "../scenario/index.ts";
import type { ServiceTarget } from "./serviceTargets.ts";

/** Headcount per role per shift. */
export type Crew = Record<string, Record<string, number>>;

/** A crew's pilot figures: its annual cost and how far it misses the targets (0: meets). */
export interface CrewScore {
  crew: Crew;
  cost: number;
  shortfall: number;
}

/** One layout's search state. */
export interface CrewSearchState {
  id: string;
  scenario: Scenario;
  best: CrewScore;
  done: boolean;
  /**
   * One-worker-fewer moves (`role.shift`) that did not improve this layout's crew: with
   * fewer workers elsewhere they would not either (service falls as workers go), so they
   * are not tried again.
   */
  failed?: Set<string>;
}

/** Options for descendCrews(). */
export interface CrewDescentOptions {
  seed: number;
  pilotReplications: number;
  firstReplication: number;
  targets: readonly ServiceTarget[];
  /** The cost KPI the crews are compared by. */
  costKpi: string;
  /** Tolerances ε by which a crew's pilot means must clear each service target. */
  margin: number;
  /** Most rounds (one worker per round). */
  maxRounds: number;
  /** Roles whose headcount may change. */
  roles?: readonly string[];
  signal?: AbortSignal;
  onResult?(outcome: ReplicationOutcome): void;
}

/** A stable text of a crew (roles and shifts sorted, zeros left out), for de-duplication. */
export function crewKey(crew: Crew): string {
  return Object.keys(crew)
    .sort()
    .map((role) =>
      Object.keys(crew[role])
        .filter((shift) => crew[role][shift] !== 0)
        .sort()
        .map((shift) => `${role}.${shift}=${crew[role][shift]}`)
        .join(","),
    )
    .filter((s) => s.length > 0)
    .join(",");
}

/** The scenario with these crews for the roles the crew names (other roles kept). */
export function withCrew(scenario: Scenario, crew: Crew): Scenario {
  const roles = structuredClone(scenario.workforce.roles) as Record<
    string,
    { crews: { shift: string; headcount: number }[] }
  >;
  for (const [role, byShift] of Object.entries(crew)) {
    if (!roles[role]) continue;
    roles[role].crews = Object.entries(byShift)
      .filter(([, n]) => n > 0)
      .map(([shift, headcount]) => ({ shift, headcount }));
  }
  return {
    ...scenario,
    workforce: { ...scenario.workforce, roles: roles as Scenario["workforce"]["roles"] },
  };
}

/** Where a crew may move: the roles it may change and every shift of the scenario. */
export interface CrewSpace {
  roles: readonly string[];
  shifts: readonly string[];
}

/** The crew space of a scenario: `roles` (default every role it has) and all its shifts. */
export function crewSpace(scenario: Scenario, roles?: readonly string[]): CrewSpace {
  const all = Object.keys(scenario.workforce.roles);
  return {
    roles: roles ? all.filter((r) => roles.includes(r)) : all,
    shifts: Object.keys(scenario.workforce.shifts),
  };
}

/**
 * Crews one worker away: one fewer (`-1`) or one more (`+1`) on a role and shift of
 * `space`, a shift the role has no worker on included, so a crew can gain a shift.
 */
export function neighbourCrews(crew: Crew, step: 1 | -1, space: CrewSpace): Crew[] {
  const out: Crew[] = [];
  for (const role of [...space.roles].sort()) {
    const byShift = crew[role] ?? {};
    const total = Object.values(byShift).reduce((a, b) => a + b, 0);
    for (const shift of [...space.shifts].sort()) {
      const n = (byShift[shift] ?? 0) + step;
      // A role keeps at least one worker somewhere, or its work would never be done.
      if (n < 0 || total + step < 1) continue;
      out.push({ ...crew, [role]: { ...byShift, [shift]: n } });
    }
  }
  return out;
}

/**
 * How far the pilot means miss the targets, each relative to its bound (0: all met). With
 * `margin`, a mean must clear its bound by that many tolerances ε, so that a crew chosen
 * on few pilots is not left where the feasibility check cannot tell it from the bound.
 */
export function shortfall(
  outcomes: readonly ReplicationOutcome[],
  targets: readonly ServiceTarget[],
  margin = 0,
): number {
  let sum = 0;
  for (const t of targets) {
    const values = outcomes.map((o) => o.kpis[t.kpi]).filter((v) => Number.isFinite(v));
    if (values.length === 0) return Number.POSITIVE_INFINITY;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const bound = t.op === ">=" ? t.value + margin * t.tolerance : t.value - margin * t.tolerance;
    const miss = t.op === ">=" ? bound - mean : mean - bound;
    if (miss > 0) sum += miss / Math.max(Math.abs(t.value), 1e-9);
  }
  return sum;
}

/** Simulates crews of several layouts in one batch and scores them. */
export async function scoreCrews(
  executor: Executor,
  trials: readonly { layout: string; scenario: Scenario; crew: Crew }[],
  options: CrewDescentOptions,
): Promise<CrewScore[]> {
  const candidates = trials.map((t, i) => ({
    id: `${t.layout},crew#${i}`,
    scenario: withCrew(t.scenario, t.crew),
  }));
  const jobs = buildJobs(candidates, {
    seed: options.seed,
    replications: options.pilotReplications,
    firstReplication: options.firstReplication,
  });
  const outcomes = await executor.run(jobs as never, {
    signal: options.signal,
    onResult: options.onResult,
  });
  return candidates.map((c, i) => {
    const mine = outcomes.filter((o) => o.candidate === c.id);
    const costs = mine.map((o) => o.kpis[options.costKpi]).filter((v) => Number.isFinite(v));
    const cost = costs.length > 0 ? costs.reduce((a, b) => a + b, 0) / costs.length : Infinity;
    return {
      crew: trials[i].crew,
      cost,
      shortfall: shortfall(mine, options.targets, options.margin),
    };
  });
}

/** Better for a state: meeting the targets first, then the cost; short of them, nearer. */
function better(a: CrewScore, b: CrewScore): boolean {
  if (a.shortfall === 0 && b.shortfall === 0) return a.cost < b.cost;
  if (a.shortfall === 0 || b.shortfall === 0) return a.shortfall === 0;
  return a.shortfall < b.shortfall;
}

/** The crew with every move of `moves` (one-worker changes of `from`) applied at once. */
function combine(from: Crew, moves: readonly Crew[]): Crew {
  const out: Crew = structuredClone(from);
  for (const m of moves)
    for (const role of Object.keys(m))
      for (const shift of Object.keys(m[role])) {
        const d = m[role][shift] - (from[role]?.[shift] ?? 0);
        if (d !== 0) {
          out[role] ??= {};
          out[role][shift] = (out[role][shift] ?? 0) + d;
        }
      }
  return out;
}

/** The role and shift a one-worker move changes (`picker.day`). */
function moveOf(from: Crew, to: Crew): string {
  for (const role of Object.keys(to))
    for (const shift of Object.keys(to[role]))
      if (to[role][shift] !== (from[role]?.[shift] ?? 0)) return `${role}.${shift}`;
  return "";
}

/** A round's one-worker moves of every open layout, less the fewer-worker moves that failed. */
function roundTrials(states: readonly CrewSearchState[], options: CrewDescentOptions) {
  const trials: { state: CrewSearchState; crew: Crew }[] = [];
  for (const state of states.filter((s) => !s.done)) {
    const step = state.best.shortfall === 0 ? -1 : 1;
    for (const crew of neighbourCrews(
      state.best.crew,
      step,
      crewSpace(state.scenario, options.roles),
    )) {
      if (step === -1 && state.failed?.has(moveOf(state.best.crew, crew))) continue;
      trials.push({ state, crew });
    }
  }
  return trials;
}

/** The best score of a list under better(), if any. */
function bestOf(scores: readonly CrewScore[]): CrewScore | undefined {
  return scores.reduce<CrewScore | undefined>(
    (acc, s) => (acc === undefined || better(s, acc) ? s : acc),
    undefined,
  );
}

/**
 * Rounds of moves for every layout at once until no move improves any layout or
 * `maxRounds` is reached: each round tries every one-worker move, then all the improving
 * ones together, and keeps the best; returns the number of replications simulated.
 */
export async function descendCrews(
  executor: Executor,
  states: CrewSearchState[],
  options: CrewDescentOptions,
): Promise<number> {
  let evaluations = 0;
  const run = async (trials: { state: CrewSearchState; crew: Crew }[]) => {
    evaluations += trials.length * options.pilotReplications;
    return scoreCrews(
      executor,
      trials.map((t) => ({ layout: t.state.id, scenario: t.state.scenario, crew: t.crew })),
      options,
    );
  };
  for (let round = 0; round < options.maxRounds; round++) {
    const trials = roundTrials(states, options);
    if (trials.length === 0) break;
    const scores = await run(trials);
    const combos: { state: CrewSearchState; crew: Crew }[] = [];
    const singles = new Map<CrewSearchState, CrewScore | undefined>();
    for (const state of states.filter((s) => !s.done)) {
      const mine = scores.filter((_, i) => trials[i].state === state);
      singles.set(state, bestOf(mine));
      const improving = mine.filter((s) => better(s, state.best)).map((s) => s.crew);
      if (state.best.shortfall === 0) {
        state.failed ??= new Set();
        for (const s of mine)
          if (!better(s, state.best)) state.failed.add(moveOf(state.best.crew, s.crew));
      }
      if (improving.length > 1) combos.push({ state, crew: combine(state.best.crew, improving) });
    }
    const comboScores = combos.length > 0 ? await run(combos) : [];
    for (const [state, single] of singles) {
      const combo = comboScores.find((_, i) => combos[i].state === state);
      const best = bestOf([single, combo].filter((s): s is CrewScore => s !== undefined));
      if (best && better(best, state.best)) state.best = best;
      else state.done = true;
    }
  }
  return evaluations;
}
