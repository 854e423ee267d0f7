/** The warehouse simulated end to end: simulate() one replication, runReplications(), summaries. */
export { ConservationError, checkConservation } from "./conservation.ts";
export { KPI_UNITS, kpiUnit } from "./kpis.ts";
export { type ReplicationOptions, runReplications } from "./runReplications.ts";
export { scenarioLayout, simulate } from "./simulate.ts";
export {
  type KpiSummary,
  kpiNames,
  kpisCsv,
  type RunSummary,
  replicationsCsv,
  summarize,
} from "./summary.ts";
export type * from "./types.ts";
