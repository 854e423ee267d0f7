/**
 * Exact travelling-salesman tour by the Held–Karp dynamic programme over subsets:
 * O(2^m · m²) time for m stops, so meant for small tours (m ≤ 13 or so).
 */

/** Largest number of stops `heldKarp` accepts. */
export const HELD_KARP_MAX_STOPS = 16;

/**
 * Shortest closed tour from node 0 through nodes 1..m and back, for a (possibly
 * asymmetric) distance matrix. Returns the cost and the visiting order of nodes 1..m.
 */
export function heldKarp(dist: readonly (readonly number[])[]): { costM: number; order: number[] } {
  const m = dist.length - 1;
  if (m <= 0) return { costM: 0, order: [] };
  if (m > HELD_KARP_MAX_STOPS)
    throw new RangeError(`heldKarp supports at most ${HELD_KARP_MAX_STOPS} stops, got ${m}`);
  const full = 1 << m;
  // cost[set * m + j]: shortest path from 0 through `set`, ending at stop j (in set).
  const cost = new Float64Array(full * m).fill(Number.POSITIVE_INFINITY);
  const parent = new Int8Array(full * m).fill(-1);
  for (let j = 0; j < m; j++) cost[(1 << j) * m + j] = dist[0][j + 1];
  for (let set = 1; set < full; set++) {
    for (let j = 0; j < m; j++) {
      if (!(set & (1 << j))) continue;
      const here = cost[set * m + j];
      if (here === Number.POSITIVE_INFINITY) continue;
      const row = dist[j + 1];
      for (let k = 0; k < m; k++) {
        if (set & (1 << k)) continue;
        const next = set | (1 << k);
        const c = here + row[k + 1];
        if (c < cost[next * m + k]) {
          cost[next * m + k] = c;
          parent[next * m + k] = j;
        }
      }
    }
  }
  let best = Number.POSITIVE_INFINITY;
  let last = -1;
  for (let j = 0; j < m; j++) {
    const c = cost[(full - 1) * m + j] + dist[j + 1][0];
    if (c < best) {
      best = c;
      last = j;
    }
  }
  const order: number[] = [];
  let set = full - 1;
  while (last >= 0) {
    order.push(last + 1);
    const p = parent[set * m + last];
    set &= ~(1 << last);
    last = p;
  }
  order.reverse();
  return { costM: best, order };
}
