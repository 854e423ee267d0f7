/**
 * Replication statistics: Student-t confidence intervals over replications, paired
 * differences on common random numbers, and how many replications a requested relative
 * precision needs (Law & Kelton's sequential procedure).
 */
import { studentTQuantile } from "../engine/index.ts";

/** Mean and 95 % Student-t half-width of a KPI over replications. */
export interface Estimate {
  mean: number;
  /** Half-width of the confidence interval; NaN (null in JSON, `-` in tables) for n < 2. */
  ci95: number;
  n: number;
  stdDev: number;
}

/**
 * Mean, sample standard deviation and the Student-t half-width at `level` (default 0.95)
 * of `values`. Empty input gives mean NaN; fewer than two values give half-width NaN
 * (one replication has no interval; zero would claim certainty).
 */
export function estimate(values: readonly number[], level = 0.95): Estimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, ci95: Number.NaN, n: 0, stdDev: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, ci95: Number.NaN, n, stdDev: 0 };
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const stdDev = Math.sqrt(squares / (n - 1));
  const ci95 =
    stdDev === 0 ? 0 : studentTQuantile(1 - (1 - level) / 2, n - 1) * (stdDev / Math.sqrt(n));
  return { mean, ci95, n, stdDev };
}

/**
 * Paired differences `b[r] - a[r]` over the replications both have (common random numbers
 * make them positively correlated, so this interval is tighter than two separate ones).
 */
export function pairedDifference(
  a: ReadonlyMap<number, number>,
  b: ReadonlyMap<number, number>,
  level = 0.95,
): Estimate {
  const diffs: number[] = [];
  for (const [replication, va] of [...a].sort((x, y) => x[0] - y[0])) {
    const vb = b.get(replication);
    if (vb !== undefined) diffs.push(vb - va);
  }
  return estimate(diffs, level);
}

/**
 * Replications needed so that the half-width is at most `relativePrecision` × |mean|,
 * from a pilot estimate (Law & Kelton's approximation n* = n·(h / (γ'·|x̄|))² with
 * γ' = γ / (1 + γ)). Returns at least the pilot's n.
 */
export function replicationsForPrecision(pilot: Estimate, relativePrecision: number): number {
  if (pilot.n < 2 || pilot.ci95 === 0) return pilot.n;
  const target = (relativePrecision / (1 + relativePrecision)) * Math.abs(pilot.mean);
  if (target === 0) return Number.POSITIVE_INFINITY;
  return Math.max(pilot.n, Math.ceil(pilot.n * (pilot.ci95 / target) ** 2));
}

/** True when the half-width is within the relative precision (γ' = γ / (1 + γ)) of |mean|. */
export function meetsPrecision(e: Estimate, relativePrecision: number): boolean {
  if (e.n < 2) return false;
  return e.ci95 <= (relativePrecision / (1 + relativePrecision)) * Math.abs(e.mean);
}

/** Differences this small relative to the KPI's size are rounding noise, not effects. */
export const NOISE_RELATIVE = 1e-9;

/**
 * `x`, or 0 when it is rounding noise next to `scale` (|x| ≤ NOISE_RELATIVE × |scale|):
 * sums of the same values in another order differ in the last bits.
 */
export function withoutNoise(x: number, scale: number): number {
  return Math.abs(x) <= NOISE_RELATIVE * Math.abs(scale) ? 0 : x;
}
