/**
 * Pure D3 chart functions shared by the viewer and the reports. Each is
 * `(container, data, options) → void`: it appends one SVG to the container, keeps no state
 * and reads nothing but its arguments; colours print distinguishably in greyscale.
 */
export { type BarsData, type BarsOptions, type BarValue, barsWithCi } from "./barsWithCi.ts";
export { type ChartOptions, formatNumber, type LegendItem } from "./frame.ts";
export { type KpiVsParameterData, kpiVsParameter, type SweepPoint } from "./kpiVsParameter.ts";
export { type FillStyle, fillStyle, type LineStyle, lightness, lineStyle } from "./palette.ts";
export {
  type BreakdownData,
  type BreakdownOptions,
  type BreakdownRow,
  stackedBreakdown,
} from "./stackedBreakdown.ts";
export {
  type TimeSeriesData,
  type TimeSeriesLine,
  type TimeSeriesOptions,
  timeSeries,
} from "./timeSeries.ts";
