/**
 * Heuristic tours for stops on any travel graph (fishbone, flying-V, explicit layouts):
 * nearest neighbour, then 2-opt and Or-opt moves until no move improves the tour. Moves
 * are scored in O(1) when distances are symmetric, by re-measuring the tour otherwise
 * (one-way aisles).
 */

/**
 * A short closed tour from node 0 through nodes 1..m and back, for a (possibly asymmetric)
 * distance matrix: nearest-neighbour start improved by 2-opt and Or-opt (segments of 1–3).
 * Returns the cost and the visiting order of nodes 1..m. `maxRounds` (default 50) bounds
 * the improvement passes.
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
  let symmetric = true;
  for (let i = 0; i <= m && symmetric; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(dist[i][j] - dist[j][i]) > 1e-9) {
        symmetric = false;
        break;
      }
    }
  }
  const maxRounds = options.maxRounds ?? 50;
  if (symmetric) improveSymmetric(dist, tour, maxRounds);
  else improveGeneral(dist, tour, maxRounds);
  return { costM: tourLength(dist, tour), order: tour.slice(1, -1) };
}

function tourLength(dist: readonly (readonly number[])[], t: readonly number[]): number {
  let s = 0;
  for (let k = 1; k < t.length; k++) s += dist[t[k - 1]][t[k]];
  return s;
}

/** In-place 2-opt and Or-opt with O(1) move scores (symmetric distances). */
function improveSymmetric(d: readonly (readonly number[])[], t: number[], maxRounds: number): void {
  const n = t.length; // closed: t[0] = t[n - 1] = 0
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    // 2-opt: reverse t[i..j].
    for (let i = 1; i < n - 2; i++) {
      for (let j = i + 1; j < n - 1; j++) {
        const delta = d[t[i - 1]][t[j]] + d[t[i]][t[j + 1]] - d[t[i - 1]][t[i]] - d[t[j]][t[j + 1]];
        if (delta < -1e-9) {
          for (let a = i, b = j; a < b; a++, b--) {
            const x = t[a];
            t[a] = t[b];
            t[b] = x;
          }
          improved = true;
        }
      }
    }
    // Or-opt: move t[i..i+len-1] between t[k-1] and t[k] (outside the segment).
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len <= n - 1; i++) {
        const first = t[i];
        const last = t[i + len - 1];
        const before = t[i - 1];
        const after = t[i + len];
        const removeGain = d[before][first] + d[last][after] - d[before][after];
        for (let k = 1; k < n; k++) {
          if (k >= i && k <= i + len) continue;
          const p = t[k - 1];
          const q = t[k];
          const forward = d[p][first] + d[last][q] - d[p][q];
          const backward = d[p][last] + d[first][q] - d[p][q];
          const add = Math.min(forward, backward);
          if (add - removeGain < -1e-9) {
            const segment = t.slice(i, i + len);
            if (backward < forward) segment.reverse();
            t.splice(i, len);
            const insertAt = k > i ? k - len : k;
            t.splice(insertAt, 0, ...segment);
            improved = true;
            break;
          }
        }
      }
    }
    if (!improved) break;
  }
}

/** 2-opt and Or-opt re-measuring each candidate (asymmetric distances). */
function improveGeneral(
  dist: readonly (readonly number[])[],
  tour: number[],
  maxRounds: number,
): void {
  let cost = tourLength(dist, tour);
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    for (let i = 1; i < tour.length - 2; i++) {
      for (let j = i + 1; j < tour.length - 1; j++) {
        const candidate = [
          ...tour.slice(0, i),
          ...tour.slice(i, j + 1).reverse(),
          ...tour.slice(j + 1),
        ];
        const c = tourLength(dist, candidate);
        if (c < cost - 1e-9) {
          tour.splice(0, tour.length, ...candidate);
          cost = c;
          improved = true;
        }
      }
    }
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len <= tour.length - 1; i++) {
        const segment = tour.slice(i, i + len);
        const rest = [...tour.slice(0, i), ...tour.slice(i + len)];
        for (let k = 1; k < rest.length; k++) {
          if (k === i) continue;
          const candidate = [...rest.slice(0, k), ...segment, ...rest.slice(k)];
          const c = tourLength(dist, candidate);
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
}
