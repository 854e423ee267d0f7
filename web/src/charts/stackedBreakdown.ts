/**
 * Horizontal stacked bars: where the time goes (order phases in seconds, or worker states as
 * shares), one bar per row (candidate or role), one hatched segment per part.
 */
import { type ScaleBand, type ScaleLinear, scaleBand, scaleLinear } from "d3";
import { drawBandY, drawLinearX, TICK_FONT } from "./axes.ts";
import { type ChartOptions, createFrame, type Frame, formatNumber } from "./frame.ts";
import { hoverReadout, type Readout, readoutBox } from "./hover.ts";
import { fitWidth } from "./textMeasure.ts";

/** One bar: its label and the size of each part (missing parts count as 0). */
export interface BreakdownRow {
  label: string;
  parts: Record<string, number>;
}

/** Data of a stacked breakdown. `keys` fixes the part order (default: first seen order). */
export interface BreakdownData {
  rows: BreakdownRow[];
  keys?: string[];
}

/** Stacked breakdown options (`xUnit` is the unit of the parts, e.g. "s" or "%"). */
export interface BreakdownOptions extends ChartOptions {
  /** Multiplies every part before drawing (e.g. 100 for shares shown in %). Defaults to 1. */
  scale?: number;
  /** Fixed end of the value axis (e.g. 100 for shares in %). Defaults to the largest total. */
  xMax?: number;
  /** Writes each bar's total after it. Defaults to true. */
  totals?: boolean;
}

interface Scales {
  x: ScaleLinear<number, number>;
  y: ScaleBand<string>;
}

/** Longest row label allowed, px: a third of the chart. */
function labelRoom(options: BreakdownOptions): number {
  return (options.width ?? 640) / 3;
}

function drawRow(
  frame: Frame,
  row: BreakdownRow,
  total: number,
  at: Scales & { keys: string[]; k: number; options: BreakdownOptions; readout: Readout },
): void {
  const { x, y, keys, k, options } = at;
  const unit = options.xUnit ? ` ${options.xUnit}` : "";
  const g = frame.plot
    .append("g")
    .attr("class", "row")
    .attr("data-label", row.label)
    .attr("data-total", total);
  let acc = 0;
  keys.forEach((key, i) => {
    const v = Math.max(0, (row.parts[key] ?? 0) * k);
    if (v <= 0) return;
    const seg = g.append("g").attr("class", "segment").attr("data-key", key).attr("data-value", v);
    hoverReadout(seg, at.readout, [row.label, `${key}: ${formatNumber(v)}${unit}`]);
    seg
      .append("rect")
      .attr("x", x(acc))
      .attr("y", y(row.label) ?? 0)
      .attr("width", Math.max(0.5, x(acc + v) - x(acc)))
      .attr("height", y.bandwidth())
      .attr("fill", frame.fill(i))
      .attr("stroke", "#1a1a1a")
      .attr("stroke-width", 0.5);
    acc += v;
  });
  if (options.totals === false) return;
  g.append("text")
    .attr("class", "total-label")
    .attr("x", Math.min(frame.innerWidth - 2, x(acc) + 4))
    .attr("y", (y(row.label) ?? 0) + y.bandwidth() / 2 + 4)
    .attr("text-anchor", x(acc) + 40 > frame.innerWidth ? "end" : "start")
    .attr("font-size", 10)
    .attr("fill", "#1a1a1a")
    .text(`${formatNumber(total)}${unit}`);
}

/** Draws one stacked horizontal bar per row into a new SVG appended to `container`. */
export function stackedBreakdown(
  container: Element,
  data: BreakdownData,
  options: BreakdownOptions,
): void {
  const keys = data.keys ?? [...new Set(data.rows.flatMap((r) => Object.keys(r.parts)))];
  const k = options.scale ?? 1;
  const height =
    options.height ?? Math.max(160, 110 + 34 * data.rows.length + 16 * Math.ceil(keys.length / 5));
  let labels: string[] = [];
  const legend = keys.map((key, i) => ({ label: key, kind: "fill" as const, fillIndex: i }));
  const frame = createFrame(container, { ...options, height }, legend, keys.length, (m) => {
    labels = data.rows.map((r) => fitWidth(r.label, labelRoom(options), TICK_FONT, m));
    return { left: Math.max(60, 16 + Math.max(0, ...labels.map((l) => m(l, TICK_FONT)))) };
  });
  frame.svg.attr("data-chart", "stackedBreakdown");
  const totals = data.rows.map((r) =>
    keys.reduce((sum, key) => sum + Math.max(0, (r.parts[key] ?? 0) * k), 0),
  );
  const room = (options.totals ?? true) ? 1.12 : 1;
  const x = scaleLinear()
    .domain([0, options.xMax ?? Math.max(1e-9, ...totals) * room])
    .nice()
    .range([0, frame.innerWidth]);
  const y = scaleBand()
    .domain(data.rows.map((r) => r.label))
    .range([0, frame.innerHeight])
    .padding(0.3);
  drawLinearX(frame.plot, x, frame.innerHeight, { ticks: 6, grid: true });
  drawBandY(frame.plot, y, labels);
  const readout = readoutBox(frame.plot, frame);
  data.rows.forEach((r, ri) => {
    drawRow(frame, r, totals[ri], { x, y, keys, k, options, readout });
  });
  frame.finish();
}
