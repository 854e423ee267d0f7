/**
 * Grouped bars with 95 % confidence-interval error bars: one group per category, one bar
 * per series (candidate). Handles negative values (paired differences) with a zero line.
 * Category labels wrap to their band, so long KPI names never run into each other.
 */
import { type ScaleBand, type ScaleLinear, type Selection, scaleBand, scaleLinear } from "d3";
import {
  drawBandX,
  drawValueAxisY,
  TICK_LINE_H,
  type WrappedLabels,
  wrapCategories,
} from "./axes.ts";
import { type ChartOptions, createFrame, type Frame, formatNumber } from "./frame.ts";
import { hoverReadout, type Readout, readoutBox } from "./hover.ts";

/** A bar's value: the mean and the half-width of its 95 % interval (0 or absent: none). */
export interface BarValue {
  mean: number;
  ci95?: number;
}

/** Data of a bar chart: `series[s].values[c]` is the bar of series s in category c. */
export interface BarsData {
  categories: string[];
  series: { name: string; values: (BarValue | null)[] }[];
}

/** Bar chart options. */
export interface BarsOptions extends ChartOptions {
  /** Writes each bar's mean above it. Defaults to true. */
  valueLabels?: boolean;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The value range the bars and their intervals span, always including 0. */
function valueRange(data: BarsData): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of data.series) {
    for (const v of s.values) {
      if (!v || !Number.isFinite(v.mean)) continue;
      const h = v.ci95 ?? 0;
      lo = Math.min(lo, v.mean - h);
      hi = Math.max(hi, v.mean + h);
    }
  }
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/** Room for a category label: its step (band plus inner padding) as scaleBand lays it out. */
function labelWidth(categories: number, width: number): number {
  return (0.95 * width) / Math.max(1, categories - 0.25 + 0.2);
}

/** One bar with its hover read-out, error bar and value label. */
interface Bar {
  series: string;
  category: string;
  value: BarValue;
  x: number;
  width: number;
  fill: string;
}

function drawBar(
  g: G,
  bar: Bar,
  at: { y: ScaleLinear<number, number>; readout: Readout },
  options: BarsOptions,
): void {
  const { y } = at;
  const { value: v, x: bx, width: bw } = bar;
  const h = v.ci95 ?? 0;
  const el = g
    .append("g")
    .attr("class", "bar")
    .attr("data-category", bar.category)
    .attr("data-mean", v.mean)
    .attr("data-ci95", h);
  const ciText = h ? ` ± ${formatNumber(h)}` : "";
  const unit = options.yUnit ? ` ${options.yUnit}` : "";
  hoverReadout(el, at.readout, [
    bar.category,
    `${bar.series}: ${formatNumber(v.mean)}${ciText}${unit}`,
  ]);
  const top = y(Math.max(0, v.mean));
  el.append("rect")
    .attr("x", bx)
    .attr("y", top)
    .attr("width", bw)
    .attr("height", Math.max(0.5, y(Math.min(0, v.mean)) - top))
    .attr("fill", bar.fill)
    .attr("stroke", "#1a1a1a")
    .attr("stroke-width", 0.6);
  if (h > 0) {
    const cx = bx + bw / 2;
    const cap = Math.min(6, bw / 3);
    const [y0, y1] = [y(v.mean - h), y(v.mean + h)];
    el.append("path")
      .attr("class", "error-bar")
      .attr("d", `M${cx},${y0}V${y1}M${cx - cap},${y0}h${2 * cap}M${cx - cap},${y1}h${2 * cap}`)
      .attr("stroke", "#000000")
      .attr("stroke-width", 1.2)
      .attr("fill", "none");
  }
  if (options.valueLabels ?? true) {
    el.append("text")
      .attr("class", "value-label")
      .attr("x", bx + bw / 2)
      .attr("y", v.mean >= 0 ? y(v.mean + h) - 4 : y(v.mean - h) + 11)
      .attr("text-anchor", "middle")
      .attr("font-size", 10)
      .attr("fill", "#1a1a1a")
      .text(formatNumber(v.mean));
  }
}

function drawSeries(
  frame: Frame,
  data: BarsData,
  scales: { x0: ScaleBand<string>; x1: ScaleBand<string>; y: ScaleLinear<number, number> },
  options: BarsOptions,
): void {
  const readout = readoutBox(frame.plot, frame);
  data.series.forEach((s, si) => {
    const g = frame.plot.append("g").attr("class", "series").attr("data-name", s.name);
    s.values.forEach((value, ci) => {
      if (!value || !Number.isFinite(value.mean)) return;
      const category = data.categories[ci];
      const x = (scales.x0(category) ?? 0) + (scales.x1(String(si)) ?? 0);
      const bar = { series: s.name, category, value, x, width: scales.x1.bandwidth() };
      drawBar(g, { ...bar, fill: frame.fill(si) }, { y: scales.y, readout }, options);
    });
  });
}

/** Draws grouped bars with error bars into a new SVG appended to `container`. */
export function barsWithCi(container: Element, data: BarsData, options: BarsOptions): void {
  const legend =
    data.series.length > 1
      ? data.series.map((s, i) => ({ label: s.name, kind: "fill" as const, fillIndex: i }))
      : [];
  const plotWidth = (options.width ?? 640) - 64 - 16;
  let labels: WrappedLabels = { lines: [], fontSize: 10 };
  const frame = createFrame(container, options, legend, Math.max(1, data.series.length), (m) => {
    labels = wrapCategories(data.categories, labelWidth(data.categories.length, plotWidth), m);
    return { bottom: 34 + TICK_LINE_H * Math.max(1, ...labels.lines.map((l) => l.length)) };
  });
  const { plot, innerWidth, innerHeight } = frame;
  frame.svg.attr("data-chart", "barsWithCi");
  const [lo, hi] = valueRange(data);
  // Room for the value labels above (or below negative) bars.
  const room = (options.valueLabels ?? true) ? (hi - lo) * 0.08 : 0;
  const y = scaleLinear()
    .domain([lo < 0 ? lo - room : lo, hi > 0 ? hi + room : hi])
    .nice()
    .range([innerHeight, 0]);
  const x0 = scaleBand()
    .domain(data.categories)
    .range([0, innerWidth])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const x1 = scaleBand()
    .domain(data.series.map((_, i) => String(i)))
    .range([0, x0.bandwidth()])
    .padding(0.08);
  drawValueAxisY(plot, y, innerWidth);
  drawBandX(plot, x0, innerHeight, labels);
  drawSeries(frame, data, { x0, x1, y }, options);
  if (lo < 0) {
    plot
      .append("line")
      .attr("class", "zero-line")
      .attr("x1", 0)
      .attr("x2", innerWidth)
      .attr("y1", y(0))
      .attr("y2", y(0))
      .attr("stroke", "#1a1a1a")
      .attr("stroke-width", 1);
  }
  frame.finish();
}
