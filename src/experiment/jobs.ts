/**
 * Builds the jobs of an experiment: every candidate runs the same replication indices with
 * the same master seed, so the engine's named streams give them common random numbers.
 */
import { jobKey, scenarioHash } from "./hash.ts";
import type { ReplicationJob, ScenarioData } from "./types.ts";

/** A named alternative in an experiment (a scenario, a layout, a grid point). */
export interface Candidate<S = ScenarioData> {
  id: string;
  scenario: S;
}

/** Which replications to build jobs for. */
export interface JobRange {
  /** Master seed shared by every candidate. */
  seed: number;
  /** Number of replications per candidate. */
  replications: number;
  /** Index of the first replication. Defaults to 0. */
  firstReplication?: number;
}

/**
 * Jobs for every candidate and replication, replication-major (all candidates of
 * replication r before replication r+1), so a stopped run has balanced pairs.
 */
export function buildJobs<S>(
  candidates: readonly Candidate<S>[],
  range: JobRange,
): ReplicationJob<S>[] {
  const hashes = candidates.map((c) => scenarioHash(c.scenario));
  const first = range.firstReplication ?? 0;
  const jobs: ReplicationJob<S>[] = [];
  for (let replication = first; replication < first + range.replications; replication++) {
    candidates.forEach((candidate, i) => {
      jobs.push({
        key: jobKey({
          scenarioHash: hashes[i],
          candidate: candidate.id,
          replication,
          seed: range.seed,
        }),
        candidate: candidate.id,
        scenario: candidate.scenario,
        replication,
        seed: range.seed,
      });
    });
  }
  return jobs;
}
