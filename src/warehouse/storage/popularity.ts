/**
 * SKU popularity with an ABC skew, on Bender's curve: the most popular share x of SKUs gets
 * G(x) = (1 + A)·x / (A + x) of the order lines, with A chosen so G(topSkuShare) =
 * lineShare (20/80 gives A = 0.0667). Sampling inverts G, so drawing a SKU costs O(1)
 * however many SKUs there are. Equal shares give uniform popularity.
 */

/** Bender's A for G(top) = share; Infinity (uniform) when share <= top. */
export function benderA(topSkuShare: number, lineShare: number): number {
  if (lineShare <= topSkuShare) return Number.POSITIVE_INFINITY;
  return (topSkuShare * (1 - lineShare)) / (lineShare - topSkuShare);
}

/** Cumulative share of lines of the top share `x` of SKUs. */
export function cumulativeShare(x: number, a: number): number {
  if (a === Number.POSITIVE_INFINITY) return x;
  return ((1 + a) * x) / (a + x);
}

/** Share of lines going to SKU rank `i` (0 = most popular) of `n`. */
export function popularityShare(i: number, n: number, a: number): number {
  return cumulativeShare((i + 1) / n, a) - cumulativeShare(i / n, a);
}

/** The rank (0 = most popular) for a uniform draw `u` in [0, 1). */
export function rankForDraw(u: number, n: number, a: number): number {
  const x = a === Number.POSITIVE_INFINITY ? u : (u * a) / (1 + a - u);
  const rank = Math.floor(x * n);
  return rank >= n ? n - 1 : rank;
}
