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

/** The running state of a selection: losses by candidate, outcomes, replications run. */
interface KnState {
  ids: string[];
  loss: Record<string, number[]>;
  outcomes: ReplicationOutcome[];
  eliminatedAt: Record<string, number>;
  evaluations: number;
  h2: number;
}

/** Runs `count` replications of `alive` from index `from`; false when aborted. */
async function runStage<S>(
  executor: Executor,
  state: KnState,
  alive: readonly Candidate<S>[],
  range: { first: number; from: number; count: number },
  options: KimNelsonOptions,
): Promise<boolean> {
  const jobs = buildJobs(alive, {
    seed: options.seed,
    replications: range.count,
    firstReplication: range.first + range.from,
  });
  const { outcomes: batch, aborted } = await runBatch(executor, jobs, options);
  // Replications of an aborted batch are kept but not judged.
  if (!aborted) for (const o of batch) state.loss[o.candidate].push(lossOf(o, options.objective));
  state.outcomes.push(...batch);
  state.evaluations += batch.length;
  return !aborted;
}

/** Mean loss of a candidate over its first `r` replications. */
function meanLoss(state: KnState, id: string, r: number): number {
  let s = 0;
  for (let j = 0; j < r; j++) s += state.loss[id][j];
  return s / r;
}

/** The result with the survivors ranked by mean loss after `r` replications. */
function finish(
  state: KnState,
  status: KimNelsonResult["status"],
  alive: string[],
  r: number,
): KimNelsonResult {
  const ranked = [...alive].sort(
    (a, b) =>
      meanLoss(state, a, r) - meanLoss(state, b, r) || state.ids.indexOf(a) - state.ids.indexOf(b),
  );
  return {
    status,
    best: ranked[0],
    survivors: ranked,
    eliminatedAt: state.eliminatedAt,
    evaluations: state.evaluations,
    outcomes: state.outcomes,
    hSquared: state.h2,
  };
}

/** S²_il: variance of the paired differences over the first stage of `n0` replications. */
function pairVariances(state: KnState, n0: number): Map<string, number> {
  const s2 = new Map<string, number>();
  for (const i of state.ids) {
    for (const l of state.ids) {
      if (i === l) continue;
      const mi = meanLoss(state, i, n0);
      const ml = meanLoss(state, l, n0);
      let sum = 0;
      for (let j = 0; j < n0; j++) sum += (state.loss[i][j] - state.loss[l][j] - (mi - ml)) ** 2;
      s2.set(`${i}\u0000${l}`, sum / (n0 - 1));
    }
  }
  return s2;
}

/** The candidates that survive screening after `r` replications (Kim & Nelson's W_il(r)). */
function screenAt(
  state: KnState,
  alive: readonly string[],
  r: number,
  s2: ReadonlyMap<string, number>,
  delta: number,
): string[] {
  return alive.filter((i) =>
    alive.every((l) => {
      if (l === i) return true;
      const w = Math.max(
        0,
        (delta / (2 * r)) * ((state.h2 * s2.get(`${i}\u0000${l}`)!) / (delta * delta) - r),
      );
      return meanLoss(state, i, r) <= meanLoss(state, l, r) + w;
    }),
  );
}

/** N = max ⌊h²S²_il/δ²⌋ over the survivors: past it the procedure ends. */
function lastStage(
  state: KnState,
  alive: readonly string[],
  s2: ReadonlyMap<string, number>,
  delta: number,
): number {
  let bigN = 0;
  for (const i of alive)
    for (const l of alive)
      if (i !== l)
        bigN = Math.max(bigN, Math.floor((state.h2 * s2.get(`${i}\u0000${l}`)!) / (delta * delta)));
  return bigN;
}

/** Runs KN on `candidates` (≥ 1). Replications continue on the same indices for all (CRN). */
export async function kimNelson<S>(
  executor: Executor,
  candidates: readonly Candidate<S>[],
  options: KimNelsonOptions,
): Promise<KimNelsonResult> {
  const k = candidates.length;
  const n0 = Math.max(2, options.initialReplications ?? 10);
  const first = options.firstReplication ?? 0;
  const maxR = Math.max(n0, options.maxReplications ?? 200);
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const delta = options.indifferenceZone;
  const ids = candidates.map((c) => c.id);
  const state: KnState = {
    ids,
    loss: Object.fromEntries(ids.map((id) => [id, []])),
    outcomes: [],
    eliminatedAt: {},
    evaluations: 0,
    h2: k > 1 ? knHSquared(options.alpha ?? 0.05, k, n0) : 0,
  };
  if (k * n0 > budget)
    return { ...finish(state, "timedout", ids, 0), best: ids[0], survivors: ids };
  if (!(await runStage(executor, state, candidates, { first, from: 0, count: n0 }, options)))
    return { ...finish(state, "aborted", ids, 0), best: ids[0] };
  if (ids.some((id) => state.loss[id].some((v) => !Number.isFinite(v)))) {
    throw new Error(
      `the objective ${options.objective.kpi} is missing or not finite in some replications`,
    );
  }
  if (k === 1) return finish(state, "optimal", ids, n0);
  const s2 = pairVariances(state, n0);
  let alive = [...ids];
  let r = n0;
  for (;;) {
    const before = alive;
    alive = screenAt(state, before, r, s2, delta);
    for (const id of before) if (!alive.includes(id)) state.eliminatedAt[id] = r;
    if (alive.length === 1) return finish(state, "optimal", alive, r);
    if (r > lastStage(state, alive, s2, delta)) return finish(state, "optimal", alive, r);
    if (r >= maxR || state.evaluations + alive.length > budget)
      return finish(state, "timedout", alive, r);
    const aliveCandidates = candidates.filter((c) => alive.includes(c.id));
    if (!(await runStage(executor, state, aliveCandidates, { first, from: r, count: 1 }, options)))
      return finish(state, "aborted", alive, r);
    r++;
  }
}
