/**
 * Public API of the layout module: layout types and specs, loading and generators, the
 * travel model (distances, paths, times) and picker routing.
 */

export {
  buildLayout,
  loadLayout,
  parseLayoutText,
  validateLayoutSpec,
  zodIssuesToInput,
} from "./loadLayout.ts";
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
