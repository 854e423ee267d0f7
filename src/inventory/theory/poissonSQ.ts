/**
 * Exact steady state of a continuous-review (s,Q) policy with Poisson unit demand, a fixed
 * lead time and full backordering (Hadley & Whitin 1963; Zipkin 2000, §6.2). The inventory
 * position is uniform on s+1…s+Q and independent of the lead-time demand D ~ Poisson(λL),
 * and the net inventory is IP − D.
 */

/** The policy and its demand. */
export interface PoissonSQInput {
  /** Demand rate, units per time unit (the same unit as the lead time). */
  demandRate: number;
  /** Lead time (fixed), in the demand rate's time unit. */
  leadTime: number;
  /** Reorder point s (order when the position falls to s), units. */
  reorderPoint: number;
  /** Order quantity Q ≥ 1, units. */
  orderQuantity: number;
}

/** Exact long-run measures. */
export interface PoissonSQResult {
  /** Share of demand filled from stock on hand: (1/Q) Σ_y P(D ≤ y − 1). */
  fillRate: number;
  /** Share of replenishment cycles without a backorder at the order's arrival: P(D ≤ s). */
  cycleServiceLevel: number;
  /** Time-average units on hand: (1/Q) Σ_y E[(y − D)⁺]. */
  averageOnHand: number;
  /** Time-average units backordered: (1/Q) Σ_y E[(D − y)⁺]. */
  averageBackorders: number;
  /** Orders per time unit, λ/Q. */
  orderRate: number;
}

/** Poisson probabilities P(D = 0..n) for mean m, computed in log space (safe for large m). */
export function poissonPmf(mean: number, n: number): number[] {
  const out = new Array<number>(Math.max(0, n + 1)).fill(0);
  let logP = -mean;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logP += Math.log(mean) - Math.log(k);
    out[k] = Math.exp(logP);
  }
  return out;
}

/** Exact fill rate, cycle service level, average on-hand and backorders of (s,Q). */
export function poissonSQ(input: PoissonSQInput): PoissonSQResult {
  const { demandRate, leadTime, reorderPoint: s, orderQuantity: q } = input;
  if (!(demandRate > 0)) throw new RangeError(`poissonSQ: demandRate ${demandRate}: expected > 0`);
  if (!(leadTime >= 0)) throw new RangeError(`poissonSQ: leadTime ${leadTime}: expected >= 0`);
  if (!(Number.isInteger(s) && Number.isInteger(q) && q >= 1)) {
    throw new RangeError(`poissonSQ: s ${s}, Q ${q}: expected integers with Q >= 1`);
  }
  const m = demandRate * leadTime;
  const top = Math.max(0, s + q);
  const pmf = poissonPmf(m, top);
  const cdf: number[] = [];
  let acc = 0;
  for (const p of pmf) cdf.push((acc += p));
  const cdfAt = (k: number) => (k < 0 ? 0 : cdf[Math.min(k, top)]);
  // E[(y − D)⁺] = Σ_{d ≤ y} (y − d) p(d); E[(D − y)⁺] = E[(y − D)⁺] − (y − m).
  const positivePart = (y: number) => {
    let sum = 0;
    for (let d = 0; d <= y; d++) sum += (y - d) * pmf[d];
    return sum;
  };
  let fill = 0;
  let onHand = 0;
  let backorders = 0;
  for (let y = s + 1; y <= s + q; y++) {
    const plus = y > 0 ? positivePart(y) : 0;
    fill += cdfAt(y - 1);
    onHand += plus;
    backorders += plus - (y - m);
  }
  return {
    fillRate: fill / q,
    cycleServiceLevel: cdfAt(s),
    averageOnHand: onHand / q,
    averageBackorders: backorders / q,
    orderRate: demandRate / q,
  };
}
