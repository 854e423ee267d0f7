/**
 * The volume rows of the sensitivity table: the finalists re-simulated with the order
 * intake scaled (±20 %) on common random numbers, since volume changes the work, the
 * crew's overtime and the service, not only a cost part. The winner of a row is the
 * cheapest finalist whose means meet the service targets (the cheapest if none does).
 */
import { buildJobs } from "../experiment/jobs.ts";
import type { Executor, ReplicationOutcome } from "../experiment/types.ts";
import type { Scenario } from "../scenario/index.ts";
import type { AnswerCandidate, SensitivityRow } from "./answer.ts";
import { shortfall } from "./crewDescent.ts";
import type { ServiceTarget } from "./serviceTargets.ts";

/** Options for volumeSensitivity(). */
export interface VolumeOptions {
  seed: number;
  /** Replications per finalist and volume. */
  replications: number;
  /** First replication index (the rows share them across finalists and volumes). */
  firstReplication: number;
  targets: readonly ServiceTarget[];
  winner: string;
  /** Volume factors to try. Default 1.2 and 0.8. */
  factors?: readonly number[];
  signal?: AbortSignal;
}

/** The scenario with its order intake scaled by `factor`. */
export function scaledVolume(scenario: Scenario, factor: number): Scenario {
  return {
    ...scenario,
    outbound: { ...scenario.outbound, ordersPerDay: scenario.outbound.ordersPerDay * factor },
  };
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

/** One volume row from the finalists' outcomes at that volume. */
function rowOf(
  change: string,
  finalists: readonly AnswerCandidate[],
  outcomes: readonly ReplicationOutcome[],
  options: VolumeOptions,
): SensitivityRow {
  const totals: Record<string, number> = {};
  const meetsTargets: Record<string, boolean> = {};
  for (const f of finalists) {
    const mine = outcomes.filter((o) => o.candidate === f.id);
    totals[f.id] = mean(mine.map((o) => o.kpis["annualCost.total"]).filter(Number.isFinite));
    meetsTargets[f.id] = shortfall(mine, options.targets) === 0;
  }
  const ids = Object.keys(totals).sort((a, b) => totals[a] - totals[b]);
  const winner = ids.find((id) => meetsTargets[id]) ?? ids[0];
  return {
    change,
    winner,
    winnerChanges: winner !== options.winner,
    totals,
    method: "simulated",
    replications: options.replications,
    meetsTargets,
  };
}

/** Re-simulates the finalists at each volume factor in one batch; rows and replications run. */
export async function volumeSensitivity(
  executor: Executor,
  finalists: readonly AnswerCandidate[],
  options: VolumeOptions,
): Promise<{ rows: SensitivityRow[]; evaluations: number }> {
  const factors = options.factors ?? [1.2, 0.8];
  const jobs = factors.flatMap((factor) =>
    buildJobs(
      finalists.map((f) => ({
        id: `${f.id}@volume×${factor}`,
        scenario: scaledVolume(f.scenario, factor),
      })),
      {
        seed: options.seed,
        replications: options.replications,
        firstReplication: options.firstReplication,
      },
    ),
  );
  const outcomes = await executor.run(jobs as never, { signal: options.signal });
  const rows = factors.map((factor) => {
    const suffix = `@volume×${factor}`;
    const mine = outcomes
      .filter((o) => o.candidate.endsWith(suffix))
      .map((o) => ({ ...o, candidate: o.candidate.slice(0, -suffix.length) }));
    const pct = Math.round((factor - 1) * 100);
    return rowOf(`volume ${pct >= 0 ? "+" : "−"}${Math.abs(pct)} %`, finalists, mine, options);
  });
  return { rows, evaluations: outcomes.length };
}
