/**
 * The M/M/c queue (Erlang C): probability of waiting and mean wait in queue, for the
 * analytic cross-checks of dock doors and pack stations (formulas in REFERENCES.md).
 */

/** M/M/c results; all undefined-free: an unstable queue (ρ ≥ 1) has infinite waits. */
export interface MMcResult {
  /** Offered load per server ρ = λ/(cμ). */
  rho: number;
  /** Probability an arrival waits, P_W. */
  pWait: number;
  /** Mean number waiting, Lq. */
  lq: number;
  /** Mean wait in queue Wq, in the time unit of 1/λ. */
  wq: number;
}

/**
 * Erlang C for arrival rate `lambda`, service rate `mu` per server and `c` servers.
 * Summed in a recurrence (a^k/k! term by term) so large c does not overflow.
 */
export function erlangC(lambda: number, mu: number, c: number): MMcResult {
  if (!(lambda >= 0) || !(mu > 0) || !(c >= 1) || !Number.isInteger(c)) {
    throw new RangeError(`invalid M/M/c parameters: lambda ${lambda}, mu ${mu}, c ${c}`);
  }
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1)
    return { rho, pWait: 1, lq: Number.POSITIVE_INFINITY, wq: Number.POSITIVE_INFINITY };
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  // term is now a^c / c!
  const tail = term / (1 - rho);
  const pWait = tail / (sum + tail);
  const lq = (pWait * rho) / (1 - rho);
  return { rho, pWait, lq, wq: lambda > 0 ? lq / lambda : 0 };
}
