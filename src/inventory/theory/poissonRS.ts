/**
 * Exact steady state of a periodic-review (R,S) policy with Poisson unit demand, a fixed
 * lead time and full backordering: after each review the position is S, so τ after the
 * arrival of an order the net inventory is S − D(L + τ), τ uniform on [0, R).
 */
import { poissonPmf } from "./poissonSQ.ts";

/** The policy and its demand, in one time unit. */
export interface PoissonRSInput {
  demandRate: number;
  leadTime: number;
  reviewPeriod: number;
  /** Order-up-to level S (integer). */
  orderUpTo: number;
}

/** Exact long-run measures (time averages over a review period, by Simpson's rule). */
export interface PoissonRSResult {
  /** Share of demand filled from stock: the time average of P(D(L + τ) ≤ S − 1) (PASTA). */
  fillRate: number;
  averageOnHand: number;
  averageBackorders: number;
  /** Orders per time unit: a review orders when the period had demand, (1 − e^{−λR})/R. */
  orderRate: number;
}

/** Exact fill rate, average on-hand and backorders of (R,S) under Poisson demand. */
export function poissonRS(input: PoissonRSInput): PoissonRSResult {
  const { demandRate: lambda, leadTime: lead, reviewPeriod: r, orderUpTo: s } = input;
  if (!(lambda > 0 && lead >= 0 && r > 0 && Number.isInteger(s) && s >= 0)) {
    throw new RangeError(
      `poissonRS: ${JSON.stringify(input)}: expected λ > 0, L ≥ 0, R > 0, integer S ≥ 0`,
    );
  }
  const at = (tau: number) => {
    const m = lambda * (lead + tau);
    const pmf = poissonPmf(m, s);
    let cdfBelow = 0; // P(D ≤ S − 1)
    let plus = 0; // E[(S − D)⁺]
    for (let d = 0; d <= s; d++) {
      if (d <= s - 1) cdfBelow += pmf[d];
      plus += (s - d) * pmf[d];
    }
    return { fill: cdfBelow, onHand: plus, back: plus - (s - m) };
  };
  const steps = 400; // even, for Simpson
  let fill = 0;
  let onHand = 0;
  let back = 0;
  for (let i = 0; i <= steps; i++) {
    const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    const v = at((r * i) / steps);
    fill += w * v.fill;
    onHand += w * v.onHand;
    back += w * v.back;
  }
  const scale = 1 / (3 * steps);
  return {
    fillRate: fill * scale,
    averageOnHand: onHand * scale,
    averageBackorders: back * scale,
    orderRate: (1 - Math.exp(-lambda * r)) / r,
  };
}
