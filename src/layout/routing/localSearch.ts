/**
 * Heuristic tours for stops on any travel graph (fishbone, flying-V, explicit layouts):
 * nearest neighbour, then 2-opt and Or-opt moves until no move improves the tour.
 */

/**
 * A short closed tour from node 0 through nodes 1..m and back, for a (possibly asymmetric)
 * distance matrix: nearest-neighbour start improved by 2-opt and Or-opt (segments of 1–3).
 * Returns the cost and the visiting order of nodes 1..m.
 */
export function nearestNeighbourTwoOpt(
  dist: readonly (readonly number[])[],
  options: { maxRounds?: number } = {},
): { costM: number; order: number[] } {
  const m = dist.length - 1;
  if (m <= 0) return { costM: 0, order: [] };
  const left = new Set<number>();
  for (let k = 1; k <= m; k++) left.add(k);
  const tour = [0];
  let at = 0;
  while (left.size > 0) {
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (const k of left) {
      if (dist[at][k] < bestD) {
        bestD = dist[at][k];
        best = k;
      }
    }
    if (best < 0) best = left.values().next().value as number;
    left.delete(best);
    tour.push(best);
    at = best;
  }
  tour.push(0);
  const length = (t: readonly number[]) => {
    let s = 0;
    for (let k = 1; k < t.length; k++) s += dist[t[k - 1]][t[k]];
    return s;
  };
  let cost = length(tour);
  const maxRounds = options.maxRounds ?? 50;
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    // 2-opt: reverse tour[i..j] (full re-evaluation keeps it right for asymmetric distances).
    for (let i = 1; i < tour.length - 2; i++) {
      for (let j = i + 1; j < tour.length - 1; j++) {
        const candidate = [
          ...tour.slice(0, i),
          ...tour.slice(i, j + 1).reverse(),
          ...tour.slice(j + 1),
        ];
        const c = length(candidate);
        if (c < cost - 1e-9) {
          tour.splice(0, tour.length, ...candidate);
          cost = c;
          improved = true;
        }
      }
    }
    // Or-opt: move a segment of 1..3 stops elsewhere.
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len <= tour.length - 1; i++) {
        const segment = tour.slice(i, i + len);
        const rest = [...tour.slice(0, i), ...tour.slice(i + len)];
        for (let k = 1; k < rest.length; k++) {
          if (k === i) continue;
          const candidate = [...rest.slice(0, k), ...segment, ...rest.slice(k)];
          const c = length(candidate);
          if (c < cost - 1e-9) {
            tour.splice(0, tour.length, ...candidate);
            cost = c;
            improved = true;
            break;
          }
        }
      }
    }
    if (!improved) break;
  }
  return { costM: cost, order: tour.slice(1, -1) };
}
