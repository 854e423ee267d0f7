/**
 * Public API of the optimizer: layout and policy search (screen, race, select), the
 * statistical procedures on their own, slotting, and the class-to-zone and staffing
 * linear programs. Expected outcomes are statuses, not exceptions.
 */
export {
  type ClassToZoneResult,
  classToZone,
  type StorageClass,
  type StorageZone,
} from "./classToZone.ts";
export { type KimNelsonOptions, type KimNelsonResult, kimNelson, knHSquared } from "./kimNelson.ts";
export {
  convertGenerator,
  enumerateCandidates,
  type LayoutMetrics,
  measureLayout,
  type OptimizationResult,
  type OptimizationRow,
  type OptimizeLayoutOptions,
  optimizeLayout,
  type SearchCandidate,
  screenCandidates,
  WAVE_INTERVAL_KEY,
} from "./layoutSearch.ts";
export { lossOf, type Objective, objectiveFor } from "./objective.ts";
export { type OptimizeSpec, optimizeSpecSchema, parseOptimizeSpec } from "./optimizeSpec.ts";
export { type RaceOptions, type RaceResult, type RaceRound, race } from "./race.ts";
export {
  type RankedCandidate,
  type SearchStatus,
  type SelectOptions,
  type SelectResult,
  selectBest,
} from "./selectBest.ts";
export {
  abcClasses,
  cubePerOrderIndex,
  type SlottingLocation,
  type SlottingResult,
  type SlottingSku,
  slotByCubePerOrder,
} from "./slotting.ts";
export { type LpOptions, type LpResult, type LpStatus, solveLp } from "./solveLp.ts";
export {
  planStaffing,
  type Shift,
  type StaffingPlan,
  type StaffingProblem,
  workersNeeded,
} from "./staffing.ts";
export {
  applyStaffing,
  checkStaffing,
  type ServiceTarget,
  type StaffingCheck,
  shiftHours,
  staffingProblemFromRun,
} from "./staffingCheck.ts";
export { runUnitLoadModel, UNIT_LOAD_REQUESTS } from "./unitLoadModel.ts";
