/**
 * Feasibility of candidates against service targets by Batur & Kim's fully sequential
 * procedure (2010, "Finding feasible systems in the presence of constraints on multiple
 * performance measures", ACM TOMACS 20(3)): each candidate's KPI sums are compared with
 * the bound after every replication, inside a triangular continuation region. A candidate
 * whose mean is at least ε inside every bound is declared feasible, and one at least ε
 * outside some bound infeasible, each with probability ≥ 1 − α over all candidates and
 * targets (Bonferroni: β = α / (candidates × targets) per decision).
 */
import { buildJobs, type Candidate } from "../experiment/jobs.ts";
import { type Estimate, estimate } from "../experiment/statistics.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import { knHSquared } from "./kimNelson.ts";
import { runBatch, type SequentialOptions } from "./runBatch.ts";
import type { ServiceTarget } from "./serviceTargets.ts";

/** The verdict on one target or one candidate; `undecided` when a limit came first. */
export type Feasibility = "feasible" | "infeasible" | "undecided";

/**
 * Options for checkFeasibility(): α defaults to 0.025 (error over every decision), n0 to 8,
 * the most replications per candidate to 60.
 */
export interface FeasibilityOptions extends SequentialOptions {
  targets: readonly ServiceTarget[];
}

/** One target of one candidate. */
export interface TargetVerdict {
  target: ServiceTarget;
  verdict: Feasibility;
  /** Replications when decided (or when the check stopped). */
  replications: number;
  estimate: Estimate;
}

/** What checkFeasibility() returns. */
export interface FeasibilityResult {
  status: "complete" | "timedout" | "aborted";
  candidates: Record<string, { verdict: Feasibility; targets: TargetVerdict[] }>;
  evaluations: number;
  outcomes: ReplicationOutcome[];
  hSquared: number;
}

/** The target as "E[Y] ≤ q": a `>=` target is negated. */
function signed(t: ServiceTarget, v: number): number {
  return t.op === ">=" ? -v : v;
}

/**
 * One target's decision after r replications: Σ(Y − q) ≤ −R(r) feasible, ≥ R(r)
 * infeasible, with R(r) = max(0, h²S²/(2ε) − εr/2); a value that is not finite fails.
 */
export function targetDecision(
  values: readonly number[],
  target: ServiceTarget,
  n0: number,
  h2: number,
): Feasibility {
  if (values.some((v) => !Number.isFinite(v))) return "infeasible";
  const r = values.length;
  const q = signed(target, target.value);
  const y = values.map((v) => signed(target, v));
  let m0 = 0;
  for (let j = 0; j < n0; j++) m0 += y[j] / n0;
  let s2 = 0;
  for (let j = 0; j < n0; j++) s2 += (y[j] - m0) ** 2 / (n0 - 1);
  const eps = target.tolerance;
  const bound = Math.max(0, (h2 * s2) / (2 * eps) - (eps * r) / 2);
  let sum = 0;
  for (const v of y) sum += v - q;
  if (sum <= -bound) return "feasible";
  if (sum >= bound) return "infeasible";
  return "undecided";
}

/** Verdicts of every target of one candidate on its values so far. */
function judge(
  outcomes: readonly ReplicationOutcome[],
  targets: readonly ServiceTarget[],
  n0: number,
  h2: number,
  previous: TargetVerdict[] | undefined,
): TargetVerdict[] {
  return targets.map((target, i) => {
    const before = previous?.[i];
    if (before && before.verdict !== "undecided") return before;
    const values = outcomes.map((o) => o.kpis[target.kpi] ?? Number.NaN);
    return {
      target,
      verdict: targetDecision(values, target, n0, h2),
      replications: values.length,
      estimate: estimate(values.filter(Number.isFinite)),
    };
  });
}

/** A candidate is infeasible when one target is, feasible when all are. */
function overall(verdicts: readonly TargetVerdict[]): Feasibility {
  if (verdicts.some((v) => v.verdict === "infeasible")) return "infeasible";
  return verdicts.every((v) => v.verdict === "feasible") ? "feasible" : "undecided";
}

/** Checks `candidates` against `targets`, one replication a stage for the undecided ones. */
export async function checkFeasibility<S>(
  executor: Executor,
  candidates: readonly Candidate<S>[],
  options: FeasibilityOptions,
): Promise<FeasibilityResult> {
  const n0 = Math.max(2, options.initialReplications ?? 8);
  const maxR = Math.max(n0, options.maxReplications ?? 60);
  const first = options.firstReplication ?? 0;
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const beta = (options.alpha ?? 0.025) / Math.max(1, candidates.length * options.targets.length);
  const h2 = knHSquared(beta, 2, n0);
  const byId = new Map<string, ReplicationOutcome[]>(candidates.map((c) => [c.id, []]));
  const verdicts = new Map<string, TargetVerdict[]>();
  const outcomes: ReplicationOutcome[] = [];
  let evaluations = 0;
  let status: FeasibilityResult["status"] = "complete";
  let open = [...candidates];
  let r = 0;
  while (open.length > 0) {
    const step = r === 0 ? n0 : 1;
    if (r + step > maxR || evaluations + open.length * step > budget) {
      status = "timedout";
      break;
    }
    const jobs = buildJobs(open, {
      seed: options.seed,
      replications: step,
      firstReplication: first + r,
    });
    const { outcomes: batch, aborted } = await runBatch(executor, jobs, options);
    // Replications of an aborted batch are kept but not judged.
    if (!aborted) for (const o of batch) byId.get(o.candidate)!.push(o);
    outcomes.push(...batch);
    evaluations += batch.length;
    if (aborted) {
      status = "aborted";
      break;
    }
    r += step;
    for (const c of open)
      verdicts.set(c.id, judge(byId.get(c.id)!, options.targets, n0, h2, verdicts.get(c.id)));
    open = open.filter((c) => overall(verdicts.get(c.id)!) === "undecided");
  }
  const result: FeasibilityResult["candidates"] = {};
  for (const c of candidates) {
    const v = verdicts.get(c.id) ?? judge([], options.targets, n0, h2, undefined);
    result[c.id] = { verdict: verdicts.has(c.id) ? overall(v) : "undecided", targets: v };
  }
  return { status, candidates: result, evaluations, outcomes, hSquared: h2 };
}
