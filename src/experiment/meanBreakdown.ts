/** Averages time breakdowns over replications (each phase and each worker state). */
import { withoutNoise } from "./statistics.ts";
import type { Breakdown } from "./types.ts";

function addInto(
  sum: Record<string, number>,
  count: Record<string, number>,
  part: Record<string, number>,
) {
  for (const [key, value] of Object.entries(part)) {
    sum[key] = (sum[key] ?? 0) + value;
    count[key] = (count[key] ?? 0) + 1;
  }
}

function divide(
  sum: Record<string, number>,
  count: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(sum).sort()) out[key] = sum[key] / count[key];
  return out;
}

/** Mean of each order phase and worker-state share over the breakdowns that report it. */
export function meanBreakdown(breakdowns: readonly Breakdown[]): Breakdown {
  const orderSum: Record<string, number> = {};
  const orderCount: Record<string, number> = {};
  const workerSum: Record<string, Record<string, number>> = {};
  const workerCount: Record<string, Record<string, number>> = {};
  for (const b of breakdowns) {
    addInto(orderSum, orderCount, b.order);
    for (const [role, states] of Object.entries(b.worker)) {
      workerSum[role] ??= {};
      workerCount[role] ??= {};
      addInto(workerSum[role], workerCount[role], states);
    }
  }
  const worker: Record<string, Record<string, number>> = {};
  for (const role of Object.keys(workerSum).sort()) {
    worker[role] = divide(workerSum[role], workerCount[role]);
  }
  return { order: divide(orderSum, orderCount), worker };
}

/**
 * `b − a` for every order phase and worker state either reports (missing counts as 0);
 * rounding noise (below 1e-9 of the values) is 0.
 */
export function breakdownDifference(a: Breakdown, b: Breakdown): Breakdown {
  const diff = (x: Record<string, number>, y: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      const a = x[key] ?? 0;
      const b = y[key] ?? 0;
      // Differences within rounding noise of the values are zero (see withoutNoise()).
      out[key] = withoutNoise(b - a, Math.max(Math.abs(a), Math.abs(b)));
    }
    return out;
  };
  const worker: Record<string, Record<string, number>> = {};
  for (const role of [...new Set([...Object.keys(a.worker), ...Object.keys(b.worker)])].sort()) {
    worker[role] = diff(a.worker[role] ?? {}, b.worker[role] ?? {});
  }
  return { order: diff(a.order, b.order), worker };
}
