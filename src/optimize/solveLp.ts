/**
 * A thin, typed wrapper over javascript-lp-solver that returns a status instead of
 * throwing: `optimal`, `infeasible`, `unbounded` or `timedout`. Models are plain data and
 * are never mutated. Keep models small: the solver uses a dense tableau.
 */
import lp, { type Model, type SolverAPI } from "javascript-lp-solver";

// NOTE: the package is typed as CommonJS under this module setting; the default export
// may sit one level down.
const solver: SolverAPI = ((lp as unknown as { default?: SolverAPI }).default ?? lp) as SolverAPI;

/** The outcome of a linear or integer program. */
export type LpStatus = "optimal" | "infeasible" | "unbounded" | "timedout";

/** A solved program: the objective and every variable's value (0 when not in the basis;
 * empty when infeasible or unbounded). */
export interface LpResult {
  status: LpStatus;
  /** Objective value; NaN unless optimal (or the best found before a timeout). */
  objective: number;
  values: Record<string, number>;
}

/** Options for solveLp(). */
export interface LpOptions {
  /** Branch-and-bound time limit in milliseconds. Defaults to 10,000. */
  timeoutMs?: number;
}

/** Solves `model` (javascript-lp-solver's JSON model). */
export function solveLp(model: Model, options: LpOptions = {}): LpResult {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const copy: Model = structuredClone(model);
  copy.options = { ...(copy.options ?? {}), timeout: timeoutMs, tolerance: 0 };
  const started = Date.now();
  const raw = solver.Solve(copy) as Record<string, unknown>;
  const values: Record<string, number> = {};
  for (const name of Object.keys(model.variables)) {
    const v = raw[name];
    values[name] = typeof v === "number" ? v : 0;
  }
  if (raw.feasible !== true) {
    const timedOut = Date.now() - started >= timeoutMs;
    return { status: timedOut ? "timedout" : "infeasible", objective: Number.NaN, values: {} };
  }
  if (raw.bounded === false) return { status: "unbounded", objective: Number.NaN, values: {} };
  const hasInts = Object.keys(model.ints ?? {}).length > 0;
  if (hasInts && Date.now() - started >= timeoutMs) {
    return { status: "timedout", objective: raw.result as number, values };
  }
  return { status: "optimal", objective: raw.result as number, values };
}
