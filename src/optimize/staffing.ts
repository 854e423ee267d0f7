/**
 * Staffing as an integer program: headcount per role per shift that covers the workers
 * needed in every period of the day at least cost (the classic shift-covering model,
 * Dantzig 1954), with optional caps on headcount per shift.
 */
import { type LpStatus, solveLp } from "./solveLp.ts";

/** A shift: the periods it covers and the cost of one worker on it. */
export interface Shift {
  id: string;
  /** Ids of the periods the shift covers. */
  covers: string[];
  /** Cost of one worker for the shift (e.g. paid hours × rate). */
  costPerWorker: number;
  /** Cost of one worker of a role for the shift, where the role's rate differs. */
  costByRole?: Record<string, number>;
  /** Most workers (all roles) this shift may hold. Default: no limit. */
  maxHeadcount?: number;
}

/** A staffing problem: workers needed per role per period, and the shifts available. */
export interface StaffingProblem {
  periods: string[];
  shifts: Shift[];
  /** need[role][period] = workers needed at once. */
  need: Record<string, Record<string, number>>;
}

/** Headcount per role per shift, and its cost. */
export interface StaffingPlan {
  status: LpStatus;
  /** Total cost; NaN unless optimal. */
  cost: number;
  /** headcount[role][shift]. */
  headcount: Record<string, Record<string, number>>;
}

/**
 * Workers needed for `workloadS` seconds of work in a period of `periodS` seconds when a
 * worker is productive `efficiency` (0..1, default 0.85) of the time: ⌈workload / (period × efficiency)⌉.
 */
export function workersNeeded(workloadS: number, periodS: number, efficiency = 0.85): number {
  if (workloadS <= 0) return 0;
  return Math.ceil(workloadS / (periodS * efficiency) - 1e-9);
}

/** Solves the staffing integer program. `infeasible` when caps make coverage impossible. */
export function planStaffing(
  problem: StaffingProblem,
  options: { timeoutMs?: number } = {},
): StaffingPlan {
  const roles = Object.keys(problem.need).sort();
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  const name = (r: number, s: number) => `h_${r}_${s}`;
  roles.forEach((role, r) => {
    problem.periods.forEach((period, p) => {
      const need = problem.need[role][period] ?? 0;
      if (need > 0) constraints[`need_${r}_${p}`] = { min: need };
    });
    problem.shifts.forEach((shift, s) => {
      const v: Record<string, number> = { cost: shift.costByRole?.[role] ?? shift.costPerWorker };
      shift.covers.forEach((period) => {
        const p = problem.periods.indexOf(period);
        if (p >= 0) v[`need_${r}_${p}`] = 1;
      });
      if (shift.maxHeadcount !== undefined) v[`cap_${s}`] = 1;
      variables[name(r, s)] = v;
      ints[name(r, s)] = 1;
    });
  });
  problem.shifts.forEach((shift, s) => {
    if (shift.maxHeadcount !== undefined) constraints[`cap_${s}`] = { max: shift.maxHeadcount };
  });
  const uncovered = roles.some((role) =>
    problem.periods.some(
      (period) =>
        (problem.need[role][period] ?? 0) > 0 &&
        !problem.shifts.some((s) => s.covers.includes(period)),
    ),
  );
  if (uncovered) return { status: "infeasible", cost: Number.NaN, headcount: {} };
  const result = solveLp(
    { optimize: "cost", opType: "min", constraints, variables, ints },
    options,
  );
  const headcount: Record<string, Record<string, number>> = {};
  if (result.status === "optimal") {
    roles.forEach((role, r) => {
      headcount[role] = {};
      problem.shifts.forEach((shift, s) => {
        headcount[role][shift.id] = Math.round(result.values[name(r, s)] ?? 0);
      });
    });
  }
  return { status: result.status, cost: result.objective, headcount };
}
