/** Histogram bins and percentiles of a sample (cycle times) for the distribution chart. */
import type { DistributionData } from "../distribution.ts";

/** The p-quantile (0..1) of ascending `sorted`, linear between order statistics. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * `bins` equal bins from 0 to the largest value, with p50, p90 and p95 marked; values are
 * multiplied by `scale` first (e.g. 1 / 3600 for hours).
 */
export function histogramWithPercentiles(
  values: readonly number[],
  options: { bins?: number; scale?: number } = {},
): DistributionData {
  const k = options.scale ?? 1;
  const sorted = values.map((v) => v * k).sort((a, b) => a - b);
  const n = options.bins ?? 30;
  const top = sorted.length ? sorted[sorted.length - 1] : 1;
  const width = top > 0 ? top / n : 1;
  const bins = Array.from({ length: n }, (_, i) => ({
    x0: i * width,
    x1: (i + 1) * width,
    count: 0,
  }));
  for (const v of sorted) bins[Math.min(n - 1, Math.max(0, Math.floor(v / width)))].count++;
  const marks = sorted.length
    ? [0.5, 0.9, 0.95].map((p) => ({ label: `p${p * 100}`, value: quantile(sorted, p) }))
    : [];
  return { bins, marks };
}
