/**
 * Layout and crew together: each candidate layout gets its own least-cost crew that meets
 * the service targets. A pilot of today's crew sizes the staffing integer program's crews
 * (workload per role and hour, wages per role); the cheapest start that meets the targets
 * then loses one worker at a time while the simulated annual cost falls and the targets
 * hold (crewDescent.ts). The race, the feasibility check and the selection then compare
 * layouts at their own right crew.
 */
import { buildJobs } from "../experiment/jobs.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import type { Scenario } from "../scenario/index.ts";
import {
  type Crew,
  type CrewDescentOptions,
  type CrewSearchState,
  crewKey,
  descendCrews,
  scoreCrews,
  shortfall,
  withCrew,
} from "./crewDescent.ts";
import type { ServiceTarget } from "./serviceTargets.ts";
import { planStaffing } from "./staffing.ts";
import { applyStaffing, staffingProblemFromRun } from "./staffingCheck.ts";

export type { Crew } from "./crewDescent.ts";

/** A candidate as the crew search sees it. */
export interface CrewedCandidate {
  id: string;
  settings: Record<string, number | string | boolean>;
  scenario: Scenario;
  crew?: Crew;
}

/** Options for withCrews(). */
export interface CrewSearchOptions {
  seed: number;
  /** Productive shares of a worker's time to plan crews at (each gives a crew). */
  efficiencies: readonly number[];
  /** Pilot replications per candidate. */
  pilotReplications: number;
  /** Roles whose crews are planned (others keep the base crews). */
  roles?: readonly string[];
  /** Service targets the crew must meet on the pilots. */
  targets: readonly ServiceTarget[];
  /** The annual cost KPI crews are compared by. */
  costKpi: string;
  /** Tolerances ε by which a crew's pilot means must clear each service target. */
  margin: number;
  /** Most one-worker moves per layout. */
  maxRounds: number;
  signal?: AbortSignal;
  onResult?(outcome: ReplicationOutcome): void;
}

/**
 * Replication index of the first pilot: the race's first replications, so the race reuses
 * each layout's pilot at its chosen crew. The feasibility check and the selection run on
 * replications after the race's, which the crew search never sees.
 */
const PILOT_FIRST_REPLICATION = 0;

/** The crews of a scenario as headcount per role per shift. */
export function crewOf(scenario: Scenario, roles?: readonly string[]): Crew {
  const out: Crew = {};
  for (const [role, spec] of Object.entries(scenario.workforce.roles)) {
    if (roles && !roles.includes(role)) continue;
    for (const c of spec.crews) {
      if (c.headcount === 0) continue;
      out[role] ??= {};
      out[role][c.shift] = (out[role][c.shift] ?? 0) + c.headcount;
    }
  }
  return out;
}

/** "picker: day 6 → 4, late 4 → 3" for the roles and shifts whose headcount differs. */
export function crewDifference(from: Crew, to: Crew): string[] {
  const lines: string[] = [];
  for (const role of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
    const shifts = [...new Set([...Object.keys(from[role] ?? {}), ...Object.keys(to[role] ?? {})])];
    const parts = shifts
      .filter((s) => (from[role]?.[s] ?? 0) !== (to[role]?.[s] ?? 0))
      .map((s) => `${s} ${from[role]?.[s] ?? 0} → ${to[role]?.[s] ?? 0}`);
    if (parts.length > 0) lines.push(`${role}: ${parts.join(", ")}`);
  }
  return lines;
}

/** "needs 2 pickers fewer on the day shift, 1 packer more on the late shift" (or ""). */
export function crewSentence(from: Crew, to: Crew): string {
  const parts: string[] = [];
  for (const role of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
    const shifts = [...new Set([...Object.keys(from[role] ?? {}), ...Object.keys(to[role] ?? {})])];
    for (const shift of shifts.sort()) {
      const d = (to[role]?.[shift] ?? 0) - (from[role]?.[shift] ?? 0);
      if (d === 0) continue;
      const n = Math.abs(d);
      parts.push(
        `${n} ${role}${n === 1 ? "" : "s"} ${d < 0 ? "fewer" : "more"} on the ${shift} shift`,
      );
    }
  }
  return parts.length > 0 ? `needs ${parts.join(", ")}` : "";
}

/** The staffing program's crews for a candidate's layout from its pilot, one per efficiency. */
function plannedCrews(
  candidate: CrewedCandidate,
  pilot: readonly ReplicationOutcome[],
  options: CrewSearchOptions,
): Crew[] {
  const out: Crew[] = [];
  for (const efficiency of options.efficiencies) {
    const plan = planStaffing(staffingProblemFromRun(candidate.scenario, pilot, { efficiency }));
    if (plan.status !== "optimal") continue;
    const headcount = options.roles
      ? Object.fromEntries(
          Object.entries(plan.headcount).filter(([r]) => options.roles!.includes(r)),
        )
      : plan.headcount;
    out.push(crewOf(applyStaffing(candidate.scenario, { ...plan, headcount })));
  }
  return out;
}

/** The start of each layout's descent: the best of today's crew and the planned ones. */
async function startStates<C extends CrewedCandidate>(
  executor: Executor,
  candidates: readonly C[],
  pilots: readonly ReplicationOutcome[],
  options: CrewSearchOptions,
): Promise<{ states: CrewSearchState[]; evaluations: number }> {
  const descent = descentOptions(options);
  const trials: { layout: string; scenario: Scenario; crew: Crew }[] = [];
  const states: CrewSearchState[] = candidates.map((c) => {
    const pilot = pilots.filter((o) => o.candidate === c.id);
    const today = crewOf(c.scenario);
    const seen = new Set([crewKey(today)]);
    for (const crew of plannedCrews(c, pilot, options)) {
      if (seen.has(crewKey(crew))) continue;
      seen.add(crewKey(crew));
      trials.push({ layout: c.id, scenario: c.scenario, crew });
    }
    const costs = pilot.map((o) => o.kpis[options.costKpi]).filter((v) => Number.isFinite(v));
    const cost = costs.reduce((a, b) => a + b, 0) / Math.max(1, costs.length);
    const best = {
      crew: today,
      cost,
      shortfall: shortfall(pilot, options.targets, options.margin),
    };
    return { id: c.id, scenario: c.scenario, best, done: false };
  });
  const scores = await scoreCrews(executor, trials, descent);
  scores.forEach((score, i) => {
    const state = states.find((s) => s.id === trials[i].layout)!;
    const meets = score.shortfall === 0;
    const bestMeets = state.best.shortfall === 0;
    if (meets && (!bestMeets || score.cost < state.best.cost)) state.best = score;
    else if (!meets && !bestMeets && score.shortfall < state.best.shortfall) state.best = score;
  });
  return { states, evaluations: trials.length * options.pilotReplications };
}

function descentOptions(options: CrewSearchOptions): CrewDescentOptions {
  return {
    seed: options.seed,
    pilotReplications: options.pilotReplications,
    firstReplication: PILOT_FIRST_REPLICATION,
    targets: options.targets,
    costKpi: options.costKpi,
    margin: options.margin,
    maxRounds: options.maxRounds,
    roles: options.roles,
    signal: options.signal,
    onResult: options.onResult,
  };
}

/**
 * Each candidate layout at its least-cost crew: pilots of today's crew (one batch) size
 * the staffing program's plans; the cheapest start that meets the targets on the pilots
 * descends one worker at a time (see crewDescent.ts). Returns one candidate per layout.
 */
export async function withCrews<C extends CrewedCandidate>(
  executor: Executor,
  candidates: readonly C[],
  options: CrewSearchOptions,
): Promise<{ candidates: C[]; evaluations: number }> {
  const jobs = buildJobs(
    candidates.map((c) => ({ id: c.id, scenario: c.scenario })),
    {
      seed: options.seed,
      replications: options.pilotReplications,
      firstReplication: PILOT_FIRST_REPLICATION,
    },
  );
  const pilots = await executor.run(jobs as never, {
    signal: options.signal,
    onResult: options.onResult,
  });
  const { states, evaluations: started } = await startStates(executor, candidates, pilots, options);
  const descended = await descendCrews(executor, states, descentOptions(options));
  const out = candidates.map((c, i) => {
    const crew = states[i].best.crew;
    const today = crewKey(crew) === crewKey(crewOf(c.scenario));
    const label = today ? "today" : "least-cost";
    return {
      ...c,
      id: `${c.id},crew=${label}`,
      settings: { ...c.settings, crew: label },
      scenario: today ? c.scenario : withCrew(c.scenario, crew),
      crew,
    };
  });
  return { candidates: out, evaluations: pilots.length + started + descended };
}
