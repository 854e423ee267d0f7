/**
 * Selection of the best by Kim & Nelson's fully sequential procedure (KN, 2001): with
 * common random numbers, it picks the candidate with the least mean loss with probability
 * ≥ 1 − α whenever the best is at least δ (the indifference zone) better than the rest,
 * eliminating the others as soon as their paired differences allow.
 */
import { buildJobs, type Candidate } from "../experiment/jobs.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import { lossOf, type Objective } from "./objective.ts";
import { runBatch, type SequentialOptions } from "./runBatch.ts";

/**
 * Options for kimNelson(): α (1 − probability of correct selection) defaults to 0.05, n0
 * to 10, the most replications per candidate to 200.
 */
export interface KimNelsonOptions extends SequentialOptions {
  objective: Objective;
  /** Indifference zone δ in the objective's units (> 0). */
  indifferenceZone: number;
}

/** What kimNelson() returns. */
export interface KimNelsonResult {
  /** `optimal`: one candidate left; `timedout`: a limit was reached first (best mean reported). */
  status: "optimal" | "timedout" | "aborted";
  /** The selected candidate (least mean loss among those left). */
  best: string;
  /** Candidates still in contention when the procedure stopped. */
  survivors: string[];
  /** Replication (stage r) at which each candidate was eliminated. */
  eliminatedAt: Record<string, number>;
  evaluations: number;
  outcomes: ReplicationOutcome[];
  /** h² of the procedure, for the record. */
  hSquared: number;
}

/** KN's constant: η = ½[(2α/(k−1))^(−2/(n0−1)) − 1], h² = 2η(n0 − 1). */
export function knHSquared(alpha: number, k: number, n0: number): number {
  const eta = 0.5 * ((2 * alpha) / (k - 1)) ** (-2 / (n0 - 1)) - 0.5;
  return 2 * eta * (n0 - 1);
}

/** Runs KN on `candidates` (≥ 1). Replications continue on the same indices for all (CRN). */
export async function kimNelson<S>(
  executor: Executor,
  candidates: readonly Candidate<S>[],
  options: KimNelsonOptions,
): Promise<KimNelsonResult> {
  const k = candidates.length;
  const alpha = options.alpha ?? 0.05;
  const n0 = Math.max(2, options.initialReplications ?? 10);
  const first = options.firstReplication ?? 0;
  const maxR = Math.max(n0, options.maxReplications ?? 200);
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const delta = options.indifferenceZone;
  const ids = candidates.map((c) => c.id);
  const loss: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, []]));
  const outcomes: ReplicationOutcome[] = [];
  const eliminatedAt: Record<string, number> = {};
  let evaluations = 0;
  const h2 = k > 1 ? knHSquared(alpha, k, n0) : 0;

  const runStage = async (
    alive: readonly Candidate<S>[],
    from: number,
    count: number,
  ): Promise<boolean> => {
    const jobs = buildJobs(alive, {
      seed: options.seed,
      replications: count,
      firstReplication: first + from,
    });
    const { outcomes: batch, aborted } = await runBatch(executor, jobs, options);
    // Replications of an aborted batch are kept but not judged.
    if (!aborted) for (const o of batch) loss[o.candidate].push(lossOf(o, options.objective));
    outcomes.push(...batch);
    evaluations += batch.length;
    return !aborted;
  };

  const mean = (id: string, r: number) => {
    let s = 0;
    for (let j = 0; j < r; j++) s += loss[id][j];
    return s / r;
  };
  const finish = (
    status: KimNelsonResult["status"],
    alive: string[],
    r: number,
  ): KimNelsonResult => {
    const ranked = [...alive].sort(
      (a, b) => mean(a, r) - mean(b, r) || ids.indexOf(a) - ids.indexOf(b),
    );
    return {
      status,
      best: ranked[0],
      survivors: ranked,
      eliminatedAt,
      evaluations,
      outcomes,
      hSquared: h2,
    };
  };

  if (k * n0 > budget)
    return {
      status: "timedout",
      best: ids[0],
      survivors: ids,
      eliminatedAt,
      evaluations,
      outcomes,
      hSquared: h2,
    };
  if (!(await runStage(candidates, 0, n0))) return { ...finish("aborted", ids, 0), best: ids[0] };
  if (ids.some((id) => loss[id].some((v) => !Number.isFinite(v)))) {
    throw new Error(
      `the objective ${options.objective.kpi} is missing or not finite in some replications`,
    );
  }
  if (k === 1) return finish("optimal", ids, n0);

  // S²_il: variance of the paired differences over the first stage.
  const s2 = new Map<string, number>();
  for (const i of ids) {
    for (const l of ids) {
      if (i === l) continue;
      const mi = mean(i, n0);
      const ml = mean(l, n0);
      let sum = 0;
      for (let j = 0; j < n0; j++) sum += (loss[i][j] - loss[l][j] - (mi - ml)) ** 2;
      s2.set(`${i}\u0000${l}`, sum / (n0 - 1));
    }
  }
  let alive = [...ids];
  let r = n0;
  for (;;) {
    const before = [...alive];
    alive = before.filter((i) =>
      before.every((l) => {
        if (l === i) return true;
        const w = Math.max(
          0,
          (delta / (2 * r)) * ((h2 * s2.get(`${i}\u0000${l}`)!) / (delta * delta) - r),
        );
        return mean(i, r) <= mean(l, r) + w;
      }),
    );
    for (const id of before) if (!alive.includes(id)) eliminatedAt[id] = r;
    if (alive.length === 1) return finish("optimal", alive, r);
    // Past N = max ⌊h²S²_il/δ²⌋ the procedure ends: the least mean is selected.
    let bigN = 0;
    for (const i of alive) {
      for (const l of alive)
        if (i !== l)
          bigN = Math.max(bigN, Math.floor((h2 * s2.get(`${i}\u0000${l}`)!) / (delta * delta)));
    }
    if (r > bigN) return finish("optimal", alive, r);
    if (r >= maxR || evaluations + alive.length > budget) return finish("timedout", alive, r);
    const aliveCandidates = candidates.filter((c) => alive.includes(c.id));
    if (!(await runStage(aliveCandidates, r, 1))) return finish("aborted", alive, r);
    r++;
  }
}
