/** The small `mm1` sweep the distributed tests run: service rate varies by candidate. */

import { mm1Job } from "../../src/distributed/mm1Job.ts";
import type { ReplicationJob } from "../../src/experiment/types.ts";

/** `candidates` × `replications` jobs of `customers` customers each, seed 2024. */
export function sweepJobs(
  candidates: number,
  replications: number,
  customers: number,
): ReplicationJob[] {
  const jobs: ReplicationJob[] = [];
  for (let r = 0; r < replications; r++) {
    for (let c = 0; c < candidates; c++) {
      const scenario = { arrivalRatePerS: 0.8, serviceRatePerS: 1 + 0.1 * c, customers };
      jobs.push(mm1Job(scenario, `mu=${scenario.serviceRatePerS.toFixed(1)}`, r, 2024) as never);
    }
  }
  return jobs;
}
