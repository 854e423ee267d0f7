/**
 * A KPI against a swept parameter: one line per series (e.g. per value of a second
 * parameter), each point with its 95 % confidence interval as an error bar. The parameter
 * may be numeric (linear axis) or categorical (e.g. routing policy names, evenly spaced).
 */
import { axisBottom, line, type ScaleLinear, type Selection, scaleLinear, scalePoint } from "d3";
import { drawLinearX, drawValueAxisY } from "./axes.ts";
import { type ChartOptions, createFrame, type Frame, formatNumber } from "./frame.ts";
import { hoverReadout, type Readout, readoutBox } from "./hover.ts";
import { drawMarker } from "./markers.ts";
import { type LineStyle, lineStyle } from "./palette.ts";

/** One point: the parameter value, the KPI mean and the half-width of its 95 % interval. */
export interface SweepPoint {
  x: number | string;
  mean: number;
  ci95?: number;
}

/** Data of a KPI-vs-parameter chart. */
export interface KpiVsParameterData {
  series: { name: string; points: SweepPoint[] }[];
}

type G = Selection<SVGGElement, unknown, null, undefined>;
type Px = (v: number | string) => number;

/** Lays out and draws the x axis: linear for numbers, evenly spaced for names. */
function xAxis(frame: Frame, points: SweepPoint[]): { px: Px; numeric: boolean } {
  const { plot, innerWidth, innerHeight } = frame;
  if (points.every((p) => typeof p.x === "number")) {
    const xs = points.map((p) => p.x as number);
    let [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.04;
    const scale = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([0, innerWidth]);
    drawLinearX(plot, scale, innerHeight, { ticks: Math.min(8, new Set(xs).size + 1) });
    return { px: (v) => scale(v as number), numeric: true };
  }
  const scale = scalePoint<string>()
    .domain([...new Set(points.map((p) => String(p.x)))])
    .range([0, innerWidth])
    .padding(0.4);
  plot
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(axisBottom(scale));
  return { px: (v) => scale(String(v)) ?? 0, numeric: false };
}

/** The y scale over every mean ± interval, padded by 8 %. */
function yScale(points: SweepPoint[], innerHeight: number): ScaleLinear<number, number> {
  let lo = Math.min(...points.map((p) => p.mean - (p.ci95 ?? 0)));
  let hi = Math.max(...points.map((p) => p.mean + (p.ci95 ?? 0)));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
  const span = hi - lo;
  return scaleLinear()
    .domain([lo - span * 0.08, hi + span * 0.08])
    .nice()
    .range([innerHeight, 0]);
}

function drawPoint(
  g: G,
  p: SweepPoint,
  at: {
    cx: number;
    y: ScaleLinear<number, number>;
    style: LineStyle;
    lines: string[];
    readout: Readout;
  },
): void {
  const { cx, y, style } = at;
  const m = g
    .append("g")
    .attr("class", "point")
    .attr("data-x", String(p.x))
    .attr("data-mean", p.mean)
    .attr("data-ci95", p.ci95 ?? 0);
  hoverReadout(m, at.readout, at.lines);
  if (p.ci95) {
    const [y0, y1] = [y(p.mean - p.ci95), y(p.mean + p.ci95)];
    m.append("path")
      .attr("class", "error-bar")
      .attr("d", `M${cx},${y0}V${y1}M${cx - 4},${y0}h8M${cx - 4},${y1}h8`)
      .attr("stroke", style.color)
      .attr("stroke-width", 1.1)
      .attr("fill", "none");
  }
  drawMarker(m, style.marker, cx, y(p.mean), style.color, 3.5);
}

/** Draws each series as a line with CI error bars into a new SVG appended to `container`. */
export function kpiVsParameter(
  container: Element,
  data: KpiVsParameterData,
  options: ChartOptions,
): void {
  const named = data.series.length > 1 || (data.series[0]?.name ?? "") !== "";
  const legend = data.series.map((s, i) => ({
    label: s.name,
    kind: "line" as const,
    style: lineStyle(i),
  }));
  const frame = createFrame(container, options, named ? legend : []);
  frame.svg.attr("data-chart", "kpiVsParameter");
  const points = data.series.flatMap((s) => s.points);
  const { px, numeric } = xAxis(frame, points);
  const y = yScale(points, frame.innerHeight);
  drawValueAxisY(frame.plot, y, frame.innerWidth);
  const unit = options.yUnit ? ` ${options.yUnit}` : "";
  const readout = readoutBox(frame.plot, frame);
  data.series.forEach((s, i) => {
    const style = lineStyle(i);
    const g = frame.plot.append("g").attr("class", "series").attr("data-name", s.name);
    const sorted = numeric ? [...s.points].sort((a, b) => +a.x - +b.x) : s.points;
    const path = line<SweepPoint>()
      .x((p) => px(p.x))
      .y((p) => y(p.mean));
    g.append("path")
      .attr("d", path(sorted))
      .attr("fill", "none")
      .attr("stroke", style.color)
      .attr("stroke-width", 1.8)
      .attr("stroke-dasharray", style.dash);
    for (const p of sorted) {
      const ci = p.ci95 ? ` ± ${formatNumber(p.ci95)}` : "";
      const lines = [
        `${options.xLabel ?? "x"} ${String(p.x)}`,
        `${s.name ? `${s.name}: ` : ""}${formatNumber(p.mean)}${ci}${unit}`,
      ];
      drawPoint(g, p, { cx: px(p.x), y, style, lines, readout });
    }
  });
  frame.finish();
}
