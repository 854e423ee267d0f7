/**
 * Service targets: bounds on KPI means that a candidate must meet to be eligible
 * (`onTimeShipRate >= 0.98`, `backlogAtEndOrders <= 50`), each with the tolerance ε of the
 * feasibility check (means within ε of the bound may be judged either way).
 */
import type { InputIssue } from "../common/inputError.ts";
import type { ReplicationOutcome } from "../experiment/types.ts";

/** One bound on a KPI's mean. */
export interface ServiceTarget {
  kpi: string;
  op: ">=" | "<=";
  value: number;
  /** Tolerance ε of the feasibility check, in KPI units (> 0). */
  tolerance: number;
}

/** A target as a spec writes it: `kpi >= v` or `{ kpi, min | max, tolerance }`. */
export type ServiceTargetInput =
  | string
  | { kpi: string; min?: number; max?: number; tolerance?: number };

const TARGET_TEXT = /^\s*([A-Za-z][\w.]*)\s*(>=|<=)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;

/** The default tolerance: 1 % of the bound, at least 0.001 (half a point of a share at 0.5). */
export function defaultTolerance(value: number): number {
  return Math.max(0.01 * Math.abs(value), 0.001);
}

/** Parses the spec's targets; problems go to `issues` at `path[i]`. */
export function parseServiceTargets(
  inputs: readonly ServiceTargetInput[],
  file: string,
  path: string,
  issues: InputIssue[],
): ServiceTarget[] {
  const out: ServiceTarget[] = [];
  inputs.forEach((input, i) => {
    if (typeof input === "string") {
      const m = TARGET_TEXT.exec(input);
      if (!m) {
        issues.push({
          file,
          path: `${path}[${i}]`,
          value: input,
          expected: "kpi >= value or kpi <= value, e.g. onTimeShipRate >= 0.98",
        });
        return;
      }
      const value = Number(m[3]);
      out.push({ kpi: m[1], op: m[2] as ">=" | "<=", value, tolerance: defaultTolerance(value) });
      return;
    }
    const bounds: [">=" | "<=", number | undefined][] = [
      [">=", input.min],
      ["<=", input.max],
    ];
    for (const [op, value] of bounds) {
      if (value === undefined) continue;
      out.push({
        kpi: input.kpi,
        op,
        value,
        tolerance: input.tolerance ?? defaultTolerance(value),
      });
    }
  });
  return out;
}

/** `kpi >= v` as text. */
export function targetText(t: ServiceTarget): string {
  return `${t.kpi} ${t.op} ${t.value}`;
}

/**
 * Whether the sample means meet every target (a KPI not finite in some outcome misses
 * it). Used to rank while racing; the decision itself is the feasibility check's.
 */
export function meetsByMeans(
  outcomes: readonly ReplicationOutcome[],
  targets: readonly ServiceTarget[],
): boolean {
  for (const t of targets) {
    let sum = 0;
    for (const o of outcomes) {
      const v = o.kpis[t.kpi];
      if (v === undefined || !Number.isFinite(v)) return false;
      sum += v;
    }
    if (outcomes.length === 0) return false;
    const mean = sum / outcomes.length;
    if (t.op === ">=" ? mean < t.value : mean > t.value) return false;
  }
  return true;
}
