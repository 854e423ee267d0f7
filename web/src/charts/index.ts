/**
 * Pure D3 chart functions shared by the viewer and the reports. Each is
 * `(container, data, options) → void`: it appends one SVG to the container, keeps no state
 * and reads nothing but its arguments; series differ in colour and in dash or hatch, so they
 * stay apart in greyscale, and labels are laid out from measured widths so they never overlap.
 * The `data/` helpers turn trace records (worker states, order events) into chart data.
 */
export { type BarsData, type BarsOptions, type BarValue, barsWithCi } from "./barsWithCi.ts";
export { bucketMeans } from "./data/bucketMeans.ts";
export { ganttRows, TIMELINE_STATES } from "./data/gantt.ts";
export { histogramWithPercentiles, quantile } from "./data/histogram.ts";
export { hourlyCounts } from "./data/hourlyCounts.ts";
export { rollingHourlyMean, THROUGHPUT_WINDOW_H } from "./data/rollingMean.ts";
export { type ShiftSpec, type ShiftWindow, shiftWindows } from "./data/shiftWindows.ts";
export { utilizationPerBucket, utilizationPerShift } from "./data/utilization.ts";
export type { WorkerSteps } from "./data/workerSteps.ts";
export { type DistributionData, distribution, type HistogramBin } from "./distribution.ts";
export { CHARTS, type ChartType, drawChart } from "./drawChart.ts";
export { type ChartOptions, formatNumber, type LegendItem } from "./frame.ts";
export { type KpiVsParameterData, kpiVsParameter, type SweepPoint } from "./kpiVsParameter.ts";
export { type FillStyle, fillStyle, type LineStyle, lightness, lineStyle } from "./palette.ts";
export {
  type BreakdownData,
  type BreakdownOptions,
  type BreakdownRow,
  stackedBreakdown,
} from "./stackedBreakdown.ts";
export { type StateRun, type StateTimelineData, stateTimeline } from "./stateTimeline.ts";
export { formatClock } from "./timeAxis.ts";
export {
  type TimeSeriesData,
  type TimeSeriesLine,
  type TimeSeriesOptions,
  timeSeries,
} from "./timeSeries.ts";
