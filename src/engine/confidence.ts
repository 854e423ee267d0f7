/**
 * Output analysis across replications or batches: Student-t confidence intervals, batch
 * means and warm-up deletion (truncation by MSER-5, resetting statistics at a time).
 */
import type { Simulation } from "./simulation.ts";
import { studentTQuantile } from "./special.ts";

export { studentTQuantile } from "./special.ts";

/** A confidence interval of a mean: mean ± halfWidth. */
export interface ConfidenceInterval {
  mean: number;
  /** Half-width (0 for a single value, NaN for none). */
  halfWidth: number;
  n: number;
  /** Sample standard deviation (n − 1). */
  stdDev: number;
}

/** The Student-t confidence interval of the mean of independent values (level defaults to 0.95). */
export function confidenceInterval(values: readonly number[], level = 0.95): ConfidenceInterval {
  if (!(level > 0 && level < 1))
    throw new RangeError(`confidenceInterval: level must be in (0, 1): ${level}`);
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, halfWidth: Number.NaN, n: 0, stdDev: Number.NaN };
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  if (n === 1) return { mean, halfWidth: 0, n, stdDev: 0 };
  const stdDev = Math.sqrt(m2 / (n - 1));
  return {
    mean,
    halfWidth: studentTQuantile(1 - (1 - level) / 2, n - 1) * (stdDev / Math.sqrt(n)),
    n,
    stdDev,
  };
}

/**
 * Means of `batches` consecutive batches of equal size. When the values do not divide
 * evenly, the earliest leftover values are dropped (they are the most warm-up affected).
 */
export function batchMeans(values: readonly number[], batches: number): number[] {
  if (!Number.isSafeInteger(batches) || batches < 1) {
    throw new RangeError(`batchMeans: batches must be an integer >= 1: ${batches}`);
  }
  const size = Math.floor(values.length / batches);
  if (size < 1)
    throw new RangeError(`batchMeans: ${values.length} values cannot fill ${batches} batches`);
  const offset = values.length - size * batches;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    const start = offset + b * size;
    for (let i = start; i < start + size; i++) sum += values[i];
    means.push(sum / size);
  }
  return means;
}

/** The values after deleting the first `count` as warm-up. */
export function deleteWarmup<T>(values: readonly T[], count: number): T[] {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`deleteWarmup: count must be an integer >= 0: ${count}`);
  return values.slice(count);
}

/**
 * The warm-up length (a number of values, a multiple of 5) chosen by MSER-5 (White 1997;
 * White, Cobb & Spratt 2000): average batches of 5, then truncate where the marginal
 * standard error of the remaining batches is smallest, searching the first half only.
 */
export function mser5(values: readonly number[]): number {
  const batches = Math.floor(values.length / 5);
  if (batches < 2) return 0;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = 0; i < 5; i++) sum += values[b * 5 + i];
    means.push(sum / 5);
  }
  // Suffix sums give each candidate's mean and variance in O(1).
  const sum = new Float64Array(batches + 1);
  const sumSq = new Float64Array(batches + 1);
  for (let b = batches - 1; b >= 0; b--) {
    sum[b] = sum[b + 1] + means[b];
    sumSq[b] = sumSq[b + 1] + means[b] * means[b];
  }
  let best = 0;
  let bestStat = Number.POSITIVE_INFINITY;
  for (let d = 0; d <= Math.floor(batches / 2); d++) {
    const m = batches - d;
    const mean = sum[d] / m;
    const stat = Math.max(0, sumSq[d] - m * mean * mean) / (m * m);
    if (stat < bestStat) {
      bestStat = stat;
      best = d;
    }
  }
  return best * 5;
}

/** Welch's procedure: the across-replication averages, their moving average and a suggested warm-up. */
export interface WelchResult {
  /** Mean over replications at each observation index (up to the shortest replication). */
  averages: number[];
  /** Moving average of `averages` with half-window `window` (Law & Kelton's form). */
  smoothed: number[];
  /** Suggested warm-up (number of observations), by MSER-5 on the averages. */
  warmupCount: number;
}

/**
 * Welch's graphical warm-up procedure (Welch 1983; Law & Kelton, Simulation Modeling and
 * Analysis): average the i-th observation over replications, smooth with a centred moving
 * average of half-window `window` (shrunk near the start), and suggest a truncation point.
 */
export function welchWarmup(replications: readonly (readonly number[])[], window = 5): WelchResult {
  if (replications.length === 0) throw new RangeError("welchWarmup: no replications");
  if (!Number.isSafeInteger(window) || window < 1) {
    throw new RangeError(`welchWarmup: window must be an integer >= 1: ${window}`);
  }
  const m = Math.min(...replications.map((r) => r.length));
  const averages: number[] = [];
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (const r of replications) sum += r[i];
    averages.push(sum / replications.length);
  }
  const smoothed: number[] = [];
  for (let i = 0; i + window < m; i++) {
    const half = Math.min(i, window);
    let sum = 0;
    for (let j = i - half; j <= i + half; j++) sum += averages[j];
    smoothed.push(sum / (2 * half + 1));
  }
  return { averages, smoothed, warmupCount: mser5(averages) };
}

/** Anything whose statistics can be restarted. */
export interface Resettable {
  reset(nowS?: number): void;
}

/**
 * Warm-up deletion in a running model: at `warmupS` every statistic is reset (Tally,
 * TimeWeighted, Resource, ...), so only steady-state output is kept.
 */
export function resetAfterWarmup(
  sim: Simulation,
  warmupS: number,
  stats: readonly Resettable[],
): void {
  if (!(warmupS >= sim.now) || !Number.isFinite(warmupS)) {
    throw new RangeError(`resetAfterWarmup: warmupS must be a finite time >= now: ${warmupS}`);
  }
  sim.timeout(warmupS - sim.now).addCallback(() => {
    for (const stat of stats) stat.reset(sim.now);
  });
}
