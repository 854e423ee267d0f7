/** A point of the layout search space and the layout facts the screen measures. */
import type { Scenario } from "../scenario/index.ts";
import type { CostEstimate } from "./costEstimate.ts";
import type { Crew } from "./crewSearch.ts";

/** Layout facts used for screening. */
export interface LayoutMetrics {
  widthM: number;
  depthM: number;
  areaM2: number;
  locations: number;
  /** Storage locations (positions at every level) by location type. */
  locationsByType: Record<string, number>;
  /** Mean P&D → location → P&D distance under random storage, metres (Gue & Meller's measure). */
  avgSingleCommandDistanceM: number;
}

/** One point of the search space. */
export interface SearchCandidate {
  id: string;
  settings: Record<string, number | string | boolean>;
  scenario: Scenario;
  metrics?: LayoutMetrics;
  /** Why it was not simulated (constraint, invalid combination, screened out). */
  rejected?: string;
  /** The layout before a generator switch, whose storage the candidate must keep. */
  storageFrom?: Record<string, unknown>;
  /** The crew planned for the candidate's layout (headcount per role per shift). */
  crew?: Crew;
  /** The analytic annual cost estimate the screen ranked it by (cost objectives). */
  costEstimate?: CostEstimate;
}
