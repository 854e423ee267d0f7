/**
 * A distribution as a histogram with its percentiles marked (cycle times with p50, p90 and
 * p95): bars of counts per bin, a dashed vertical line and a label per mark, labels moved
 * down a row when they would touch.
 */
import { scaleLinear } from "d3";
import { drawLinearX, drawValueAxisY, TICK_FONT } from "./axes.ts";
import { type ChartOptions, createFrame, type Frame, formatNumber } from "./frame.ts";
import { hoverReadout, readoutBox } from "./hover.ts";
import { LINE_DASHES } from "./palette.ts";

/** One histogram bin: [x0, x1) and how many values fell in it. */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

/** Data of a distribution chart: bins in x order and marks such as percentiles. */
export interface DistributionData {
  bins: HistogramBin[];
  marks: { label: string; value: number }[];
}

const MARK_COLORS = ["#1a1a1a", "#b91c1c", "#7a0177", "#0072b2"];

function drawBins(
  frame: Frame,
  data: DistributionData,
  x: (v: number) => number,
  y: (v: number) => number,
  units: { x: string; y: string },
) {
  const g = frame.plot.append("g").attr("class", "series").attr("data-name", "count");
  const readout = readoutBox(frame.plot, frame);
  for (const b of data.bins) {
    const bar = g.append("g").attr("class", "bin").attr("data-count", b.count);
    hoverReadout(bar, readout, [
      `${formatNumber(b.x0)}–${formatNumber(b.x1)}${units.x}`,
      `${b.count.toLocaleString("en-US")}${units.y}`,
    ]);
    bar
      .append("rect")
      .attr("x", x(b.x0) + 0.5)
      .attr("y", y(b.count))
      .attr("width", Math.max(0.5, x(b.x1) - x(b.x0) - 1))
      .attr("height", Math.max(0, y(0) - y(b.count)))
      .attr("fill", frame.fill(0))
      .attr("stroke", "#1a1a1a")
      .attr("stroke-width", 0.4);
  }
}

/** Places mark labels left to right, moving a label down a row when it would touch the last. */
function drawMarks(frame: Frame, data: DistributionData, x: (v: number) => number, unit: string) {
  const rowsEnd: number[] = [];
  const sorted = [...data.marks].sort((a, b) => a.value - b.value);
  sorted.forEach((mark, i) => {
    const px = x(mark.value);
    const color = MARK_COLORS[i % MARK_COLORS.length];
    const text = `${mark.label} ${formatNumber(mark.value)}${unit}`;
    const w = frame.measure(text, TICK_FONT);
    const left = Math.min(frame.innerWidth - w, px + 3);
    let row = rowsEnd.findIndex((end) => end + 4 <= left);
    if (row < 0) row = rowsEnd.length;
    rowsEnd[row] = left + w;
    const g = frame.plot
      .append("g")
      .attr("class", "mark")
      .attr("data-label", mark.label)
      .attr("data-value", mark.value);
    g.append("line")
      .attr("x1", px)
      .attr("x2", px)
      .attr("y1", 0)
      .attr("y2", frame.innerHeight)
      .attr("stroke", color)
      .attr("stroke-width", 1.4)
      .attr("stroke-dasharray", LINE_DASHES[(i + 1) % LINE_DASHES.length]);
    g.append("text")
      .attr("class", "mark-label")
      .attr("x", left)
      .attr("y", 10 + row * 13)
      .attr("font-size", TICK_FONT)
      .attr("fill", color)
      // A white halo keeps the label readable over bars and the other marks' lines.
      .attr("stroke", "#ffffff")
      .attr("stroke-width", 3)
      .attr("paint-order", "stroke")
      .text(text);
  });
}

/** Draws the histogram and its marks into a new SVG appended to `container`. */
export function distribution(
  container: Element,
  data: DistributionData,
  options: ChartOptions,
): void {
  const frame = createFrame(container, options, [], 1);
  frame.svg.attr("data-chart", "distribution");
  const lo = Math.min(...data.bins.map((b) => b.x0), ...data.marks.map((m) => m.value));
  const hi = Math.max(...data.bins.map((b) => b.x1), ...data.marks.map((m) => m.value));
  const top = Math.max(1, ...data.bins.map((b) => b.count));
  const x = scaleLinear()
    .domain(Number.isFinite(lo) && hi > lo ? [lo, hi] : [0, 1])
    .range([0, frame.innerWidth]);
  // Head room above the tallest bar for up to three rows of mark labels.
  const y = scaleLinear()
    .domain([0, top * 1.25])
    .nice()
    .range([frame.innerHeight, 0]);
  const unit = options.xUnit ? ` ${options.xUnit}` : "";
  drawValueAxisY(frame.plot, y, frame.innerWidth);
  drawLinearX(frame.plot, x, frame.innerHeight);
  drawBins(frame, data, x, y, { x: unit, y: options.yUnit ? ` ${options.yUnit}` : "" });
  drawMarks(frame, data, x, unit);
  frame.finish();
}
