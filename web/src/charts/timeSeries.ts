/** Lines over time with axes, units and a legend (work in process, queues, utilisation). */
import { axisBottom, axisLeft, extent, line, scaleLinear } from "d3";
import {
  type ChartOptions,
  createFrame,
  drawHorizontalGrid,
  drawMarker,
  formatNumber,
} from "./frame.ts";
import { lineStyle } from "./palette.ts";

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
  /** Draws a marker at every point when the series have at most this many points. Defaults to 40. */
  markersUpTo?: number;
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
  const { plot, innerWidth, innerHeight } = frame;
  frame.svg.attr("data-chart", "timeSeries");
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const [x0, x1] = extent(xs) as [number | undefined, number | undefined];
  const [y0, y1] = extent(ys) as [number | undefined, number | undefined];
  const yMin = options.yMin === undefined ? Math.min(0, y0 ?? 0) : (options.yMin ?? y0 ?? 0);
  const x = scaleLinear()
    .domain([x0 ?? 0, x1 === x0 ? (x0 ?? 0) + 1 : (x1 ?? 1)])
    .range([0, innerWidth]);
  const y = scaleLinear()
    .domain([yMin, y1 === undefined || y1 <= yMin ? yMin + 1 : y1])
    .nice()
    .range([innerHeight, 0]);
  drawHorizontalGrid(plot, y, innerWidth);
  plot
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(
      axisBottom(x)
        .ticks(8)
        .tickFormat((v) => formatNumber(Number(v))),
    );
  plot
    .append("g")
    .attr("class", "axis y")
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => formatNumber(Number(v))),
    );
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  series.forEach((s, i) => {
    const style = lineStyle(i);
    const g = plot.append("g").attr("class", "series").attr("data-name", s.name);
    g.append("path")
      .attr("d", path(s.points))
      .attr("fill", "none")
      .attr("stroke", style.color)
      .attr("stroke-width", 1.8)
      .attr("stroke-dasharray", style.dash);
    if (s.points.length <= (options.markersUpTo ?? 40)) {
      for (const p of s.points) {
        const m = g.append("g").attr("class", "point");
        m.append("title").text(`${s.name}: ${formatNumber(p[1])} at ${formatNumber(p[0])}`);
        drawMarker(m, style.marker, x(p[0]), y(p[1]), style.color, 3);
      }
    }
  });
}
