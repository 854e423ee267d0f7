/**
 * Layout drawing and heatmaps shared by the viewer and the reports. Each function is
 * `(container, data, options) → void`, keeps no state and imports nothing from the viewer app.
 */

export {
  type AisleSegment,
  aisleIdOf,
  aisleSegments,
  alongPolyline,
  type PlacedValue,
  subPolyline,
} from "./aisleSegments.ts";
export {
  drawAisleHeatmap,
  drawDensityHeatmap,
  drawLocationHeatmap,
  drawSegmentHeatmap,
  type HeatmapOptions,
} from "./drawHeatmaps.ts";
export { type DrawLayoutOptions, drawLayout, flipY, LAYOUT_COLORS } from "./drawLayout.ts";
export { drawLegend, type LegendOptions } from "./drawLegend.ts";
export { drawQueues, type QueueBadge } from "./drawQueues.ts";
export {
  type DrawWorkersOptions,
  drawWorkers,
  type ViewTransform,
  type WorkerDots,
} from "./drawWorkers.ts";
export { type Footprint, locationFootprints } from "./footprints.ts";
export { type HeatScaleOptions, heatColor, heatDomain } from "./heatScale.ts";
