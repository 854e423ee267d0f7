/**
 * Expected single-command round trip in a square-in-time rack with Chebyshev travel
 * (Hausman, Schwarz & Graves 1976), in units of the rack's time to the far corner, for a
 * demand curve G(x) = x^s (the share of demand of the top share x of items).
 */

/** The exponent s of G(x) = x^s with G(itemShare) = demandShare (20/80: s = 0.13865). */
export function abcCurveExponent(itemShare: number, demandShare: number): number {
  return Math.log(demandShare) / Math.log(itemShare);
}

/** Random storage: 4/3. */
export function randomStorageTime(): number {
  return 4 / 3;
}

/** Full-turnover storage: 4s/(1 + 2s). */
export function fullTurnoverTime(s: number): number {
  return (4 * s) / (1 + 2 * s);
}

/**
 * Class-based storage with class boundaries 0 < α₁ < … < α_n = 1 (cumulative item and
 * space shares): Σ_i [G(α_i) − G(α_{i−1})]·(4/3)(α_i^{3/2} − α_{i−1}^{3/2})/(α_i − α_{i−1}).
 */
export function classBasedTime(s: number, boundaries: readonly number[]): number {
  let total = 0;
  let prev = 0;
  for (const a of boundaries) {
    const demand = a ** s - prev ** s;
    total += (demand * (4 / 3) * (a ** 1.5 - prev ** 1.5)) / (a - prev);
    prev = a;
  }
  return total;
}
