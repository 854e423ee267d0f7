/** Events per hour (orders created, orders shipped) as a step series for throughput charts. */

/**
 * Counts of `times` (s) in each hour from `fromS` to `toS`: points `[hour start in hours
 * from Monday 00:00, count]`, one per hour, a last point closing the final step.
 */
export function hourlyCounts(
  times: ArrayLike<number>,
  fromS: number,
  toS: number,
): [number, number][] {
  const hours = Math.max(1, Math.ceil((toS - fromS) / 3600));
  const counts = new Array<number>(hours).fill(0);
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t < fromS || t >= toS) continue;
    counts[Math.floor((t - fromS) / 3600)]++;
  }
  const points: [number, number][] = counts.map((c, h) => [fromS / 3600 + h, c]);
  points.push([fromS / 3600 + hours, counts[hours - 1]]);
  return points;
}
