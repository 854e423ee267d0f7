/** The warehouse simulated end to end: simulate() one replication, runReplications(), summaries. */
export { ConservationError, checkConservation } from "./measure/conservation.ts";
export { KPI_UNITS, kpiUnit } from "./measure/kpis.ts";
export {
  type KpiSummary,
  kpiNames,
  kpisCsv,
  type RunSummary,
  replicationsCsv,
  summarize,
} from "./measure/summary.ts";
export {
  isWaitingReason,
  splitWorkerTime,
  type WorkerTime,
  workerStatesByRole,
} from "./measure/workerTime.ts";
export { type ReplicationOptions, runReplications } from "./runReplications.ts";
export { checkRunnable, scenarioLayout, simulate } from "./simulate.ts";
export type * from "./types.ts";
