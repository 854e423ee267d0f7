/**
 * Public API of the experiment layer: the job/outcome/executor contract, runJob(), common
 * random numbers, confidence intervals, paired comparisons, sweeps and the in-process
 * executor. Platform-neutral (the worker-thread executor lives in src/node/pool).
 */
export { ExperimentAbortedError, finishedOutcomes, isExperimentAborted } from "./abort.ts";
export {
  type CompareOptions,
  type Comparison,
  compareOutcomes,
  type Difference,
  type KpiComparison,
  type Verdict,
  verdictOf,
} from "./compare.ts";
export { jobKey, scenarioHash, sha256Hex, stableStringify } from "./hash.ts";
export { createInProcessExecutor } from "./inProcessExecutor.ts";
export { buildJobs, type Candidate, type JobRange } from "./jobs.ts";
export { type KpiDirection, kpiDirection } from "./kpiDirection.ts";
export {
  ALLOWED_FUNCTIONS,
  type CompileResult,
  compileExpression,
  type NumericExpression,
} from "./mathSandbox.ts";
export { breakdownDifference, meanBreakdown } from "./meanBreakdown.ts";
export { erlangC, mmcWaitS, type QueueScenario, runQueueModel } from "./queueModel.ts";
export {
  DEFAULT_PRECISION_KPIS,
  type ExperimentOptions,
  type ExperimentResult,
  runExperiment,
} from "./runExperiment.ts";
export { cleanBreakdown, runJob } from "./runJob.ts";
export { checkPath, getPath, setPath, splitPath } from "./scenarioPath.ts";
export { sharePreparations } from "./sharePreparations.ts";
export {
  type Estimate,
  estimate,
  meetsPrecision,
  pairedDifference,
  replicationsForPrecision,
} from "./statistics.ts";
export {
  buildGrid,
  type GridPoint,
  MAX_GRID_POINTS,
  parseSetOption,
  type SetOption,
  type SweepAxis,
} from "./sweep.ts";
export type {
  Breakdown,
  Executor,
  ExecutorRunOptions,
  Preparation,
  ReplicationJob,
  ReplicationOutcome,
  Runner,
  RunnerOptions,
  RunnerResult,
  ScenarioData,
} from "./types.ts";
export { runWarehouse, runWarehouseJob, simulateReplication } from "./warehouseRunner.ts";
