/**
 * Expected picker tour length in one block of parallel aisles (front and back cross aisles,
 * depot at the front of the first aisle, picks uniform over aisles and along them), for the
 * travel-per-pick cross-check. Formulas in REFERENCES.md (order picking routing).
 */

/** A one-block pick area: `aisles` at centre spacing `spacingM`, length `lengthM`. */
export interface PickBlock {
  aisles: number;
  spacingM: number;
  lengthM: number;
}

/** Expected number of aisles holding at least one of `picks` picks: n[1 − (1 − 1/n)^m]. */
export function expectedAislesVisited(n: number, m: number): number {
  return n * (1 - (1 - 1 / n) ** m);
}

/** Expected index (0-based) of the farthest aisle with a pick: (n−1) − Σ_{j<n} (j/n)^m. */
export function expectedFarthestAisle(n: number, m: number): number {
  let sum = 0;
  for (let j = 1; j < n; j++) sum += (j / n) ** m;
  return n - 1 - sum;
}

function binomial(m: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (m - k + i)) / i;
  return r;
}

/** Return policy: 2w·E[R] + n·Σ_k C(m,k) n^−k (1−1/n)^{m−k} · 2L·k/(k+1), metres per tour. */
export function returnTourM(block: PickBlock, picks: number): number {
  const { aisles: n, spacingM: w, lengthM: L } = block;
  const m = Math.round(picks);
  let inAisle = 0;
  for (let k = 1; k <= m; k++) {
    inAisle += binomial(m, k) * n ** -k * (1 - 1 / n) ** (m - k) * ((2 * L * k) / (k + 1));
  }
  return 2 * w * expectedFarthestAisle(n, m) + n * inAisle;
}

/**
 * S-shape: every visited aisle traversed (L·E[V]), plus about L/4 for an odd number of
 * aisles (the last aisle is then entered and left from the front: between L and 2L instead
 * of L), plus 2w·E[R]. An approximation, metres per tour.
 */
export function sShapeTourM(block: PickBlock, picks: number): number {
  const { aisles: n, spacingM: w, lengthM: L } = block;
  return 2 * w * expectedFarthestAisle(n, picks) + L * (expectedAislesVisited(n, picks) + 0.25);
}

/**
 * A lower bound for any route on a rectilinear aisle grid: a closed tour from the depot
 * spans its picks' bounding box twice, 2w·E[R] + 2L·m/(m+1), metres per tour.
 */
export function lowerBoundTourM(block: PickBlock, picks: number): number {
  const { spacingM: w, lengthM: L } = block;
  return 2 * w * expectedFarthestAisle(block.aisles, picks) + (2 * L * picks) / (picks + 1);
}
