/**
 * Lines over time with axes, units, a legend and a hover read-out (work in process, queues,
 * utilisation per hour, throughput against demand). With `clock`, x is in hours from Monday
 * 00:00 and the axis reads in day and clock time, the warm-up shaded.
 */
import { curveLinear, curveStepAfter, extent, line, type ScaleLinear, scaleLinear } from "d3";
import { drawLinearX, drawValueAxisY } from "./axes.ts";
import { type ChartOptions, createFrame, type Frame, formatNumber } from "./frame.ts";
import { addHoverReadout } from "./hover.ts";
import { drawMarker } from "./markers.ts";
import { lineStyle } from "./palette.ts";
import { drawClockX, formatClock, shadeWarmup } from "./timeAxis.ts";

/** One line: points `[x, y]` in the units of the chart's axes, in increasing x. */
export interface TimeSeriesLine {
  name: string;
  points: [number, number][];
}

/** Data of a time-series chart. */
export interface TimeSeriesData {
  series: TimeSeriesLine[];
}

/** Time-series options. `yMin` defaults to 0 (set `null` to fit the data). */
export interface TimeSeriesOptions extends ChartOptions {
  yMin?: number | null;
  /** Fixed top of the y axis (e.g. 100 for shares in %). Defaults to the data's maximum. */
  yMax?: number;
  /** Draws a marker at every point when the series have at most this many points. Defaults to 40. */
  markersUpTo?: number;
  /** x is hours from Monday 00:00: ticks read `Tue 14:00`. Defaults to false. */
  clock?: boolean;
  /** End of the warm-up in x units; the span before it is shaded. */
  warmupEnd?: number;
  /** Each point holds until the next (per-hour averages, counts). Defaults to false. */
  steps?: boolean;
}

type XY = [number, number];

function scales(series: TimeSeriesLine[], options: TimeSeriesOptions, frame: Frame) {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const [x0, x1] = extent(xs) as [number | undefined, number | undefined];
  const [y0, y1] = extent(ys) as [number | undefined, number | undefined];
  const yMin = options.yMin === undefined ? Math.min(0, y0 ?? 0) : (options.yMin ?? y0 ?? 0);
  const yTop = options.yMax ?? y1;
  const x = scaleLinear()
    .domain([x0 ?? 0, x1 === x0 ? (x0 ?? 0) + 1 : (x1 ?? 1)])
    .range([0, frame.innerWidth]);
  const y = scaleLinear()
    .domain([yMin, yTop === undefined || yTop <= yMin ? yMin + 1 : yTop])
    .nice()
    .range([frame.innerHeight, 0]);
  return { x, y };
}

function drawLines(
  frame: Frame,
  series: TimeSeriesLine[],
  s: { x: ScaleLinear<number, number>; y: ScaleLinear<number, number> },
  options: TimeSeriesOptions,
): void {
  const path = line<XY>()
    .defined((p) => Number.isFinite(p[1]))
    .curve(options.steps ? curveStepAfter : curveLinear)
    .x((p) => s.x(p[0]))
    .y((p) => s.y(p[1]));
  series.forEach((line, i) => {
    const style = lineStyle(i);
    const g = frame.plot.append("g").attr("class", "series").attr("data-name", line.name);
    g.append("path")
      .attr("d", path(line.points))
      .attr("fill", "none")
      .attr("stroke", style.color)
      .attr("stroke-width", 1.8)
      .attr("stroke-dasharray", style.dash);
    if (line.points.length > (options.markersUpTo ?? 40)) return;
    for (const p of line.points) {
      if (!Number.isFinite(p[1])) continue;
      const m = g.append("g").attr("class", "point");
      drawMarker(m, style.marker, s.x(p[0]), s.y(p[1]), style.color, 3);
    }
  });
}

/** Draws `data.series` as lines into a new SVG appended to `container`. */
export function timeSeries(
  container: Element,
  data: TimeSeriesData,
  options: TimeSeriesOptions,
): void {
  const series = data.series.filter((s) => s.points.length > 0);
  const frame = createFrame(
    container,
    options,
    series.map((s, i) => ({ label: s.name, kind: "line" as const, style: lineStyle(i) })),
  );
  const { plot, innerWidth, innerHeight, measure } = frame;
  frame.svg.attr("data-chart", "timeSeries");
  const s = scales(series, options, frame);
  if (options.warmupEnd !== undefined)
    shadeWarmup(plot, s.x, options.warmupEnd, innerHeight, measure);
  drawValueAxisY(plot, s.y, innerWidth);
  if (options.clock) drawClockX(plot, s.x, innerHeight, measure);
  else drawLinearX(plot, s.x, innerHeight);
  drawLines(frame, series, s, options);
  addHoverReadout(plot, series, {
    x: s.x,
    innerWidth,
    innerHeight,
    measure,
    formatX: options.clock ? formatClock : (v) => `${options.xLabel ?? "x"} ${formatNumber(v)}`,
    unit: options.yUnit,
  });
  frame.finish();
}
