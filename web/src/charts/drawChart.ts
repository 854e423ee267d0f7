/**
 * Every chart by name, so a page that receives charts as data (the report) draws them with
 * one call: `drawChart(spec.type, element, spec.data, spec.options)`.
 */
import { barsWithCi } from "./barsWithCi.ts";
import { distribution } from "./distribution.ts";
import { kpiVsParameter } from "./kpiVsParameter.ts";
import { stackedBreakdown } from "./stackedBreakdown.ts";
import { stateTimeline } from "./stateTimeline.ts";
import { timeSeries } from "./timeSeries.ts";

/** The charts by name. */
export const CHARTS = {
  timeSeries,
  barsWithCi,
  stackedBreakdown,
  kpiVsParameter,
  distribution,
  stateTimeline,
} as const;

/** The name of a chart. */
export type ChartType = keyof typeof CHARTS;

/** Draws the chart `type` from plain data and options into a new SVG in `container`. */
export function drawChart(
  type: ChartType,
  container: Element,
  data: unknown,
  options: unknown,
): void {
  const draw = CHARTS[type] as (el: Element, data: unknown, options: unknown) => void;
  if (!draw) throw new Error(`unknown chart type: ${String(type)}`);
  draw(container, data, options);
}
