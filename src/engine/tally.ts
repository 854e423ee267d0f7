/** Statistics of observations (waiting times, cycle times): count, mean, variance, extremes. */
import { studentTQuantile } from "./special.ts";

/** Accumulates observations with Welford's stable one-pass mean and variance. */
export class Tally {
  /** Number of observations. */
  count = 0;
  /** Smallest observation (Infinity when empty). */
  min = Number.POSITIVE_INFINITY;
  /** Largest observation (-Infinity when empty). */
  max = Number.NEGATIVE_INFINITY;
  private meanValue = 0;
  private m2 = 0;
  private total = 0;

  /** Adds an observation. */
  add(x: number): void {
    const n = ++this.count;
    const delta = x - this.meanValue;
    this.meanValue += delta / n;
    this.m2 += delta * (x - this.meanValue);
    this.total += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Mean of the observations (NaN when empty). */
  get mean(): number {
    return this.count === 0 ? Number.NaN : this.meanValue;
  }

  /** Sum of the observations. */
  get sum(): number {
    return this.total;
  }

  /** Sample variance (n − 1 denominator; NaN for fewer than 2 observations). */
  get variance(): number {
    return this.count < 2 ? Number.NaN : this.m2 / (this.count - 1);
  }

  /** Sample standard deviation. */
  get stdDev(): number {
    return Math.sqrt(this.variance);
  }

  /**
   * Half-width of the 95 % Student-t confidence interval of the mean, treating the
   * observations as independent (use replication or batch means for correlated output).
   * NaN for fewer than 2 observations.
   */
  ci95(): number {
    if (this.count < 2) return Number.NaN;
    return studentTQuantile(0.975, this.count - 1) * Math.sqrt(this.variance / this.count);
  }

  /** Forgets every observation (warm-up deletion). */
  reset(): void {
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    this.meanValue = 0;
    this.m2 = 0;
    this.total = 0;
  }
}
