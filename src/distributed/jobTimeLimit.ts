/**
 * The run-time limit of a queued job, from an estimate of its work: a job that runs past
 * it (a scenario that validates but never ends, such as a sample interval of 5e-324 s) is
 * stopped and failed rather than holding a worker for ever. The allowance per unit of work
 * is a large multiple of what a job needs on a slow machine.
 */
import type { ReplicationJob } from "../experiment/types.ts";
import type { JobKind } from "./jobEnvelope.ts";

/** Time every job gets besides its work, ms (thread start, building the layout). */
export const BASE_JOB_MS = 5 * 60_000;

/** Allowance per unit of estimated work, ms, by kind (a unit: an order, a customer…). */
const MS_PER_UNIT: Record<JobKind, number> = {
  warehouse: 20,
  unitLoad: 0.1,
  queue: 0.01,
  mm1: 0.01,
};

/** A finite number ≥ 0 read from `value`, or `fallback`. */
function count(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Estimated work of a job in its kind's units (orders, unit loads, customers). */
export function estimatedWork(kind: JobKind, job: ReplicationJob): number {
  const s = (job.scenario ?? {}) as Record<string, any>;
  switch (kind) {
    case "warehouse":
      return count(s.outbound?.ordersPerDay, 0) * count(s.horizonDays, 0);
    case "unitLoad":
      return count(s.unitLoadRequests, 1e6);
    case "queue":
      return count(s.arrivalRatePerS, 0) * count(s.horizonS, 0);
    case "mm1":
      return count(s.customers, 0);
  }
}

/** The run-time limit of a job, ms. */
export function jobTimeLimitMs(kind: JobKind, job: ReplicationJob): number {
  return Math.round(BASE_JOB_MS + MS_PER_UNIT[kind] * estimatedWork(kind, job));
}
