/**
 * Staffing from the warehouse model: derive each role's workload per hour of the day from
 * a baseline run (busy share × on-shift worker-hours), choose headcounts per shift with the
 * staffing integer program, write them into the scenario, and check the plan by simulation
 * against service targets.
 */
import { buildJobs } from "../experiment/jobs.ts";
import { type Estimate, estimate } from "../experiment/statistics.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import type { Scenario } from "../scenario/index.ts";
import { type StaffingPlan, type StaffingProblem, workersNeeded } from "./staffing.ts";

const OUTBOUND_ROLES = new Set(["picker", "packer", "loader"]);
const HOURS = Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, "0")}`);

function minutes(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h * 60 + m;
}

/** Hours of the day (0..23) a shift covers for at least half of the hour. */
export function shiftHours(shift: { start: string; end: string }): number[] {
  const start = minutes(shift.start);
  let end = minutes(shift.end);
  if (end <= start) end += 24 * 60;
  const hours: number[] = [];
  for (let h = 0; h < 48; h++) {
    const overlap = Math.min(end, (h + 1) * 60) - Math.max(start, h * 60);
    if (overlap >= 30) hours.push(h % 24);
  }
  return [...new Set(hours)].sort((a, b) => a - b);
}

/** Options for staffingProblemFromRun(). */
export interface StaffingFromRunOptions {
  /** Productive share of a worker's time (0..1). Defaults to 0.85. */
  efficiency?: number;
  /** Most workers per shift (all roles). Default: no limit. */
  maxHeadcountPerShift?: number;
}

/**
 * The staffing problem behind a scenario and its baseline outcomes: workload per role is
 * `utilization.<role>` × the role's on-shift worker-hours per day, spread over the hours
 * the role works now — by the order intake pattern for outbound roles, evenly otherwise.
 * Shift cost is paid hours (less unpaid breaks) × the role's labour rate.
 */
export function staffingProblemFromRun(
  scenario: Scenario,
  outcomes: readonly ReplicationOutcome[],
  options: StaffingFromRunOptions = {},
): StaffingProblem {
  const efficiency = options.efficiency ?? 0.85;
  const shifts = Object.entries(scenario.workforce.shifts).map(([id, s]) => {
    const covers = shiftHours(s);
    let paid = minutes(s.end) - minutes(s.start);
    if (paid <= 0) paid += 24 * 60;
    if (!scenario.costs.paidBreaks) for (const b of s.breaks ?? []) paid -= b.minutes;
    const costByRole: Record<string, number> = {};
    for (const [role, rate] of Object.entries(scenario.costs.roleLabourPerHour ?? {}))
      if (rate !== undefined) costByRole[role] = (paid / 60) * rate;
    return {
      id,
      covers: covers.map((h) => HOURS[h]),
      costPerWorker: (paid / 60) * scenario.costs.labourPerHour,
      ...(Object.keys(costByRole).length > 0 ? { costByRole } : {}),
      ...(options.maxHeadcountPerShift !== undefined
        ? { maxHeadcount: options.maxHeadcountPerShift }
        : {}),
    };
  });
  const need: Record<string, Record<string, number>> = {};
  for (const [role, spec] of Object.entries(scenario.workforce.roles)) {
    const utilization = estimate(
      outcomes
        .map((o) => o.kpis[`utilization.${role}`])
        .filter((v): v is number => v !== undefined),
    ).mean;
    if (!Number.isFinite(utilization)) continue;
    // Worker-hours on shift per day and the hours the role is on shift now.
    let workerHours = 0;
    const onShift = new Set<number>();
    for (const crew of spec.crews) {
      const s = scenario.workforce.shifts[crew.shift];
      if (!s || crew.headcount === 0) continue;
      const hours = shiftHours(s);
      workerHours += crew.headcount * hours.length;
      for (const h of hours) onShift.add(h);
    }
    const busyS = utilization * workerHours * 3600;
    const hours = [...onShift].sort((a, b) => a - b);
    const weights = hours.map((h) =>
      OUTBOUND_ROLES.has(role) ? scenario.outbound.hourlyPattern[h] : 1,
    );
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    need[role] = {};
    hours.forEach((h, i) => {
      need[role][HOURS[h]] = workersNeeded((busyS * weights[i]) / total, 3600, efficiency);
    });
  }
  return { periods: HOURS, shifts, need };
}

/** The scenario with the plan's headcounts as crews (roles the plan leaves out are kept). */
export function applyStaffing(scenario: Scenario, plan: StaffingPlan): Scenario {
  const roles = structuredClone(scenario.workforce.roles) as Scenario["workforce"]["roles"];
  for (const [role, byShift] of Object.entries(plan.headcount)) {
    const spec = (roles as Record<string, { crews: { shift: string; headcount: number }[] }>)[role];
    if (!spec) continue;
    spec.crews = Object.entries(byShift)
      .filter(([, n]) => n > 0)
      .map(([shift, headcount]) => ({ shift, headcount }));
  }
  return { ...scenario, workforce: { ...scenario.workforce, roles } };
}

/** A service target on a KPI's mean. */
export interface ServiceTarget {
  min?: number;
  max?: number;
}

/** The verdict of checkStaffing(). */
export interface StaffingCheck {
  /** `meets`: every target's mean is on the right side; `fails` otherwise. */
  status: "meets" | "fails";
  /** Per target KPI: the estimate, the target, whether the mean meets it and whether the
   * whole 95 % interval does. */
  targets: Record<
    string,
    { estimate: Estimate; target: ServiceTarget; ok: boolean; confident: boolean }
  >;
  outcomes: ReplicationOutcome[];
}

/** Runs the staffed scenario and checks the service targets. */
export async function checkStaffing(
  executor: Executor,
  scenario: Scenario,
  targets: Record<string, ServiceTarget>,
  options: { seed: number; replications: number; signal?: AbortSignal },
): Promise<StaffingCheck> {
  const jobs = buildJobs([{ id: "staffed", scenario }], {
    seed: options.seed,
    replications: options.replications,
  });
  const outcomes = await executor.run(jobs as never, { signal: options.signal });
  const result: StaffingCheck["targets"] = {};
  for (const [kpi, target] of Object.entries(targets)) {
    const e = estimate(
      outcomes.map((o) => o.kpis[kpi]).filter((v): v is number => v !== undefined),
    );
    const lowOk = target.min === undefined || e.mean >= target.min;
    const highOk = target.max === undefined || e.mean <= target.max;
    const confident =
      (target.min === undefined || e.mean - e.ci95 >= target.min) &&
      (target.max === undefined || e.mean + e.ci95 <= target.max);
    result[kpi] = {
      estimate: e,
      target,
      ok: e.n > 0 && lowOk && highOk,
      confident: e.n > 0 && confident,
    };
  }
  return {
    status: Object.values(result).every((t) => t.ok) ? "meets" : "fails",
    targets: result,
    outcomes,
  };
}
