/**
 * Public API of the layout module: layout types and specs, loading and generators, the
 * travel model (distances, paths, times) and picker routing.
 */

export * from "./equipment/equipmentKind.ts";
export { walking } from "./equipment/kinds/walking.ts";
export { liftTimeS, moveTimeS, poolMotion, withOverrides } from "./equipment/motion.ts";
export { EQUIPMENT_KINDS, type EquipmentKind, equipmentKinds } from "./equipment/registry.ts";
export {
  avgSingleCommandDistanceM,
  type CapacityTotals,
  type LayoutStats,
  layoutStats,
} from "./layoutStats.ts";
export { type LayoutSvgOptions, layoutSheetSvg, layoutSvg } from "./layoutSvg.ts";
export {
  buildLayout,
  loadLayout,
  parseLayoutText,
  validateLayoutSpec,
  zodIssuesToInput,
} from "./loadLayout.ts";
export { heldKarp } from "./routing/heldKarp.ts";
export { largestGapInAisle } from "./routing/largestGap.ts";
export { nearestNeighbourTwoOpt } from "./routing/localSearch.ts";
export { optimalRoute } from "./routing/optimal.ts";
export {
  EXACT_TOUR_MAX_STOPS,
  type PlannedTour,
  planTour,
  type TourRequest,
} from "./routing/planTour.ts";
export { routeFunctions, routeLength } from "./routing/routeLength.ts";
export * from "./routing/types.ts";
export * from "./spec.ts";
export type { GraphEdge, TravelGraph } from "./travelGraph.ts";
export {
  type Anchor,
  createTravelModel,
  type MotionOptions,
  type PlaceRef,
  type TravelModel,
  travelTimeS,
  verticalTimeS,
} from "./travelModel.ts";
export * from "./types.ts";
