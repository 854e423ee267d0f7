/**
 * Layout and crew together: each candidate layout gets its own least-cost crews from the
 * staffing integer program, sized on a pilot simulation of that layout (its workload per
 * role and hour), at one or more productive shares of a worker's time; today's crew
 * stays a choice. Each crew is a candidate of its own, so the race, the feasibility check and the selection compare
 * layouts at their own right crew and keep only crews that meet the service targets.
 */
import { buildJobs } from "../experiment/jobs.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import type { Scenario } from "../scenario/index.ts";
import { planStaffing } from "./staffing.ts";
import { applyStaffing, staffingProblemFromRun } from "./staffingCheck.ts";

/** Headcount per role per shift. */
export type Crew = Record<string, Record<string, number>>;

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
  signal?: AbortSignal;
  onResult?(outcome: ReplicationOutcome): void;
}

/** Replication indices of pilots, far from those the race and the selection use. */
const PILOT_FIRST_REPLICATION = 1_000_000;

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

/** The crews planned for one candidate from its pilot outcomes, one per distinct plan. */
function crewsFor<C extends CrewedCandidate>(
  candidate: C,
  pilot: readonly ReplicationOutcome[],
  options: CrewSearchOptions,
): C[] {
  // Today's crew is a candidate too: a plan may add workers a layout does not need.
  const today = crewOf(candidate.scenario);
  const out: C[] = [
    {
      ...candidate,
      id: `${candidate.id},crew=today`,
      settings: { ...candidate.settings, crew: "today" },
      crew: today,
    },
  ];
  const seen = new Set<string>([JSON.stringify(today)]);
  for (const efficiency of options.efficiencies) {
    const plan = planStaffing(staffingProblemFromRun(candidate.scenario, pilot, { efficiency }));
    if (plan.status !== "optimal") continue;
    const headcount = options.roles
      ? Object.fromEntries(
          Object.entries(plan.headcount).filter(([r]) => options.roles!.includes(r)),
        )
      : plan.headcount;
    const scenario = applyStaffing(candidate.scenario, { ...plan, headcount });
    const crew = crewOf(scenario);
    const key = JSON.stringify(crew);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = `${Math.round(efficiency * 100)}%`;
    out.push({
      ...candidate,
      id: `${candidate.id},crew=${label}`,
      settings: { ...candidate.settings, crew: label },
      scenario,
      crew,
    });
  }
  return out;
}

/**
 * Runs the pilots (all candidates in one batch) and returns every candidate's crews:
 * today's, then each distinct planned one.
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
  const outcomes = await executor.run(jobs as never, {
    signal: options.signal,
    onResult: options.onResult,
  });
  const out: C[] = [];
  for (const c of candidates) {
    const crews = crewsFor(
      c,
      outcomes.filter((o) => o.candidate === c.id),
      options,
    );
    out.push(...crews);
  }
  return { candidates: out, evaluations: outcomes.length };
}
