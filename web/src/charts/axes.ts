/**
 * Axes and grid lines shared by the charts: a value axis with light grid lines, a linear
 * axis, and a category axis whose labels wrap onto lines that fit their band (measured), so
 * neighbouring labels never overlap.
 */
import {
  type Axis,
  axisBottom,
  axisLeft,
  type NumberValue,
  type ScaleBand,
  type ScaleLinear,
  type Selection,
} from "d3";
import { formatNumber } from "./frame.ts";
import { type TextMeasure, wrapText } from "./textMeasure.ts";

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Font size of tick labels, px. */
export const TICK_FONT = 10;
/** Height of a line of tick label, px. */
export const TICK_LINE_H = 12;

/** Light grid lines: the ticks of `axis` drawn `length` long across the plot, unlabelled. */
function drawGrid(g: G, axis: Axis<NumberValue>, length: number): void {
  g.attr("class", "grid")
    .call(axis.tickSize(-length).tickFormat(() => ""))
    .call((x) => x.selectAll("line").attr("stroke", "#d9d9d9"))
    .call((x) => x.select(".domain").remove());
}

/** Draws a left value axis with light horizontal grid lines across `innerWidth`. */
export function drawValueAxisY(
  plot: G,
  y: ScaleLinear<number, number>,
  innerWidth: number,
  ticks = 5,
): void {
  drawGrid(plot.append("g"), axisLeft(y).ticks(ticks), innerWidth);
  plot
    .append("g")
    .attr("class", "axis y")
    .call(
      axisLeft(y)
        .ticks(ticks)
        .tickFormat((v) => formatNumber(Number(v))),
    );
}

/** Draws a bottom linear axis (numbers) at `innerHeight`, with vertical grid lines if asked. */
export function drawLinearX(
  plot: G,
  x: ScaleLinear<number, number>,
  innerHeight: number,
  options: { ticks?: number; grid?: boolean } = {},
): void {
  const ticks = options.ticks ?? 8;
  if (options.grid) {
    const g = plot.append("g").attr("transform", `translate(0, ${innerHeight})`);
    drawGrid(g, axisBottom(x).ticks(ticks), innerHeight);
  }
  plot
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(
      axisBottom(x)
        .ticks(ticks)
        .tickFormat((v) => formatNumber(Number(v))),
    );
}

/** Category labels wrapped to their band: the lines of each and the font size, px. */
export interface WrappedLabels {
  lines: string[][];
  fontSize: number;
}

/**
 * Lines of each category label when wrapped to `bandWidth`, at the largest font size from
 * 10 down to 8 px at which every word fits whole (else the longest words are cut with "…").
 */
export function wrapCategories(
  categories: string[],
  bandWidth: number,
  measure: TextMeasure,
): WrappedLabels {
  const width = Math.max(8, bandWidth - 4);
  const words = categories.flatMap((c) => c.split(/\s+/));
  const fontSize =
    [TICK_FONT, 9, 8].find((size) => words.every((w) => measure(w, size) <= width)) ?? 8;
  return { lines: categories.map((c) => wrapText(c, width, fontSize, measure)), fontSize };
}

/** Draws a bottom category axis whose labels are the given wrapped lines. */
export function drawBandX(
  plot: G,
  x: ScaleBand<string>,
  innerHeight: number,
  labels: WrappedLabels,
): void {
  const axis = plot
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(axisBottom(x).tickSizeOuter(0));
  axis.selectAll<SVGTextElement, string>(".tick text").each(function (_, i) {
    const parts = labels.lines[i] ?? [];
    this.textContent = "";
    this.setAttribute("font-size", String(labels.fontSize));
    parts.forEach((part, k) => {
      const span = this.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "tspan");
      span.setAttribute("x", "0");
      span.setAttribute("dy", k === 0 ? "0.71em" : `${TICK_LINE_H}px`);
      span.textContent = part;
      this.append(span);
    });
  });
}

/** Draws a left category axis with the given (already fitted) labels. */
export function drawBandY(plot: G, y: ScaleBand<string>, labels: string[]): void {
  plot
    .append("g")
    .attr("class", "axis y")
    .call(
      axisLeft(y)
        .tickSizeOuter(0)
        .tickFormat((_, i) => labels[i] ?? ""),
    )
    .call((g) => g.selectAll("text").attr("font-size", TICK_FONT));
}
