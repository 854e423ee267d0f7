/**
 * Racing by successive halving on common random numbers: every surviving candidate runs
 * the same replications, the better half (by mean loss) goes on, and the replications
 * per candidate grow by a factor `eta` each round (Jamieson & Talwalkar 2016). Cheap rounds
 * drop the clearly poor candidates, so most replications go to the contenders.
 */
import { buildJobs, type Candidate } from "../experiment/jobs.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import { lossOf, type Objective } from "./objective.ts";
import type { BatchRunOptions } from "./runBatch.ts";
import { runBatch } from "./runBatch.ts";
import { meetsByMeans, type ServiceTarget } from "./serviceTargets.ts";

/** Options for race(). */
export interface RaceOptions extends BatchRunOptions {
  objective: Objective;
  /** Master seed shared by every candidate. */
  seed: number;
  /** Replications per candidate in the first round. Defaults to 2. */
  initialReplications?: number;
  /** Keep 1/eta of the candidates per round; replications grow by eta. Defaults to 2. */
  eta?: number;
  /** Stop when at most this many candidates remain. Defaults to 2. */
  finalists?: number;
  /** Most replications in total (all candidates). Defaults to unlimited. */
  budget?: number;
  /** Service targets: candidates whose means miss one rank after those that meet all. */
  targets?: readonly ServiceTarget[];
}

/** One round of the race. */
export interface RaceRound {
  replications: number;
  /** Candidate ids in the round, best mean loss first (those missing a target last). */
  ranking: { id: string; meanLoss: number; missesTarget?: boolean }[];
  /** Ids that did not go on. */
  eliminated: string[];
}

/** What race() returns. */
export interface RaceResult {
  status: "complete" | "timedout" | "aborted";
  /** Candidates still in the race, best first. */
  survivors: string[];
  rounds: RaceRound[];
  /** Replications run in total. */
  evaluations: number;
  outcomes: ReplicationOutcome[];
  /** Replications each candidate received. */
  replications: Record<string, number>;
}

function meanLoss(outcomes: readonly ReplicationOutcome[], objective: Objective): number {
  let sum = 0;
  let n = 0;
  for (const o of outcomes) {
    const v = lossOf(o, objective);
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.POSITIVE_INFINITY;
}

/** A round's ranking: those meeting the targets on the means first, then by mean loss. */
function roundRanking<S>(
  alive: readonly Candidate<S>[],
  outcomes: readonly ReplicationOutcome[],
  targets: readonly ServiceTarget[],
  objective: Objective,
) {
  return alive
    .map((c, i) => {
      const own = outcomes.filter((o) => o.candidate === c.id);
      const misses = targets.length > 0 && !meetsByMeans(own, targets);
      return {
        id: c.id,
        i,
        meanLoss: meanLoss(own, objective),
        ...(misses ? { missesTarget: true } : {}),
      };
    })
    .sort(
      (a, b) =>
        Number(a.missesTarget ?? false) - Number(b.missesTarget ?? false) ||
        a.meanLoss - b.meanLoss ||
        a.i - b.i,
    );
}

/** Races `candidates` on `executor`. Ties in mean loss keep the earlier candidate. */
export async function race<S>(
  executor: Executor,
  candidates: readonly Candidate<S>[],
  options: RaceOptions,
): Promise<RaceResult> {
  const eta = options.eta ?? 2;
  const finalists = Math.max(1, options.finalists ?? 2);
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const targets = options.targets ?? [];
  const outcomes: ReplicationOutcome[] = [];
  const done: Record<string, number> = Object.fromEntries(candidates.map((c) => [c.id, 0]));
  const rounds: RaceRound[] = [];
  let alive = [...candidates];
  let target = Math.max(1, options.initialReplications ?? 2);
  let evaluations = 0;
  let status: RaceResult["status"] = "complete";
  for (;;) {
    const missing = alive.map((c) => target - done[c.id]).reduce((a, b) => a + Math.max(0, b), 0);
    if (evaluations + missing > budget) {
      status = "timedout";
      break;
    }
    // Each survivor already has replications 0..done-1 (the same for all), so only the
    // new indices run: common random numbers across the whole race.
    const first = Math.min(...alive.map((c) => done[c.id]));
    const jobs = buildJobs(alive, {
      seed: options.seed,
      replications: target - first,
      firstReplication: first,
    }).filter((j) => j.replication >= done[j.candidate]);
    const { outcomes: batch, aborted } = await runBatch(executor, jobs, options);
    outcomes.push(...batch);
    evaluations += batch.length;
    if (aborted) {
      status = "aborted";
      break;
    }
    for (const c of alive) done[c.id] = target;
    const ranking = roundRanking(alive, outcomes, targets, options.objective);
    if (alive.length <= finalists) {
      rounds.push({
        replications: target,
        ranking: ranking.map(({ i: _, ...row }) => row),
        eliminated: [],
      });
      alive = ranking.map((r) => alive.find((c) => c.id === r.id)!);
      break;
    }
    const keep = Math.max(finalists, Math.ceil(alive.length / eta));
    const kept = new Set(ranking.slice(0, keep).map((r) => r.id));
    rounds.push({
      replications: target,
      ranking: ranking.map(({ i: _, ...row }) => row),
      eliminated: ranking.slice(keep).map((r) => r.id),
    });
    alive = ranking.slice(0, keep).map((r) => alive.find((c) => c.id === r.id)!);
    if (kept.size <= finalists) break;
    target = Math.ceil(target * eta);
  }
  return {
    status,
    survivors: alive.map((c) => c.id),
    rounds,
    evaluations,
    outcomes,
    replications: done,
  };
}
