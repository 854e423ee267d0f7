/**
 * Events per hour smoothed over a trailing window (orders shipped in trailer bursts, orders
 * created), so throughput and demand read as rates rather than as spikes.
 */
import { hourlyCounts } from "./hourlyCounts.ts";

/** The window the throughput charts smooth over, h: about one shift. */
export const THROUGHPUT_WINDOW_H = 8;

/**
 * The mean count per hour of `times` (s) over the `windowH` hours ending at each hour's end,
 * from `fromS` to `toS`: points `[window end in hours from Monday 00:00, events per hour]`,
 * from the first full window on.
 */
export function rollingHourlyMean(
  times: ArrayLike<number>,
  fromS: number,
  toS: number,
  windowH: number,
): [number, number][] {
  // hourlyCounts closes its last step with a repeated point: one count per hour without it.
  const counts = hourlyCounts(times, fromS, toS)
    .slice(0, -1)
    .map((p) => p[1]);
  const points: [number, number][] = [];
  let sum = 0;
  for (let h = 0; h < counts.length; h++) {
    sum += counts[h] - (h >= windowH ? counts[h - windowH] : 0);
    if (h >= windowH - 1) points.push([fromS / 3600 + h + 1, sum / windowH]);
  }
  return points;
}
