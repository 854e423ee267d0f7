/** Means of a sampled series per time bucket (samples of utilisation averaged per hour). */

/**
 * The mean of the samples `[t s, value]` in each bucket of `bucketS` from the first bucket
 * that holds one: points `[bucket start in hours from Monday 00:00, mean]`.
 */
export function bucketMeans(samples: [number, number][], bucketS = 3600): [number, number][] {
  const sums = new Map<number, [number, number]>();
  for (const [t, v] of samples) {
    if (!Number.isFinite(v)) continue;
    const k = Math.floor(t / bucketS);
    const s = sums.get(k) ?? [0, 0];
    sums.set(k, [s[0] + v, s[1] + 1]);
  }
  return [...sums.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, [sum, n]]) => [(k * bucketS) / 3600, sum / n]);
}
