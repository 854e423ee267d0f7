/**
 * The frame every chart draws in: an SVG sized by viewBox (so it scales on screen and prints
 * as vectors), a title, a legend laid out from measured label widths, axis titles with units
 * and hatch patterns for fills.
 */
import { type Selection, select } from "d3";
import {
  drawLegendItems,
  LEGEND_ROW_H,
  type LegendItem,
  legendLayout,
  legendRows,
} from "./legend.ts";
import { fillStyle } from "./palette.ts";
import { addPattern } from "./patterns.ts";
import { drawnBoldWidth, type TextMeasure, textMeasure } from "./textMeasure.ts";

export type { LegendItem } from "./legend.ts";

/** Options shared by every chart. Sizes are SVG user units (px on screen). */
export interface ChartOptions {
  /** Title drawn above the plot. */
  title: string;
  /** Width of the viewBox. Defaults to 640. */
  width?: number;
  /** Height of the viewBox. Defaults to 320. */
  height?: number;
  /** X axis label, without the unit. */
  xLabel?: string;
  /** X axis unit, shown in brackets after the label. */
  xUnit?: string;
  /** Y axis label, without the unit. */
  yLabel?: string;
  /** Y axis unit, shown in brackets after the label. */
  yUnit?: string;
  /** Prefix of the ids inside the SVG (patterns). Defaults to one unique within the document. */
  idPrefix?: string;
}

/** Space around the plot, px; `bottom` is below the x axis line. */
export interface Margin {
  left?: number;
  bottom?: number;
  right?: number;
}

/** What a chart draws into. */
export interface Frame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plot area, translated to the top-left corner inside the margins. */
  plot: Selection<SVGGElement, unknown, null, undefined>;
  innerWidth: number;
  innerHeight: number;
  /** `url(#…)` of the hatch pattern of fill style `i`. */
  fill(i: number): string;
  /** Text widths in this SVG, px. */
  measure: TextMeasure;
  /** Removes the measuring probe; call once the chart is drawn. */
  finish(): void;
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** `label (unit)`, or just the label. */
export function axisTitle(label: string | undefined, unit: string | undefined): string {
  if (!label) return unit ? `(${unit})` : "";
  return unit ? `${label} (${unit})` : label;
}

/**
 * An id no element of `doc` has yet: `whsim-chart-<n>` from the number of charts, moved on
 * past ids still taken (a chart redrawn after another was removed), so pattern ids never
 * repeat in one page.
 */
function freeChartId(doc: Document): string {
  let n = doc.querySelectorAll("svg.whsim-chart").length;
  while (doc.getElementById(`whsim-chart-${n}`) || doc.getElementById(`whsim-chart-${n}-fill-0`))
    n++;
  return `whsim-chart-${n}`;
}

function appendSvg(container: Element, options: ChartOptions, id: string): Svg {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const svg = select(container)
    .append("svg")
    .attr("class", "whsim-chart")
    .attr("id", id)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", "100%")
    .attr("preserveAspectRatio", "xMidYMid meet")
    .attr("role", "img")
    .attr("aria-label", options.title)
    .style("max-width", `${width}px`)
    .style("font-family", "Helvetica, Arial, sans-serif")
    .style("font-size", "11px");
  svg.append("title").text(options.title);
  return svg;
}

/** Draws the title, shrunk to fit the width rather than clipped (measured as drawn, bold). */
function drawTitle(svg: Svg, title: string, width: number): void {
  const text = svg
    .append("text")
    .attr("class", "chart-title")
    .attr("x", 8)
    .attr("y", 16)
    .attr("font-size", 13)
    .attr("font-weight", "bold")
    .attr("fill", "#1a1a1a")
    .text(title);
  const natural = drawnBoldWidth(text, 13);
  text.attr("font-size", Math.max(8, Math.min(13, (13 * (width - 16)) / Math.max(1, natural))));
}

function drawAxisTitles(svg: Svg, options: ChartOptions, box: Required<Margin> & { top: number }) {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const innerWidth = width - box.left - box.right;
  const innerHeight = height - box.top - box.bottom;
  if (options.xLabel || options.xUnit) {
    svg
      .append("text")
      .attr("class", "axis-title x")
      .attr("x", box.left + innerWidth / 2)
      .attr("y", height - 6)
      .attr("text-anchor", "middle")
      .attr("fill", "#1a1a1a")
      .text(axisTitle(options.xLabel, options.xUnit));
  }
  if (options.yLabel || options.yUnit) {
    svg
      .append("text")
      .attr("class", "axis-title y")
      .attr("transform", `translate(14, ${box.top + innerHeight / 2}) rotate(-90)`)
      .attr("text-anchor", "middle")
      .attr("fill", "#1a1a1a")
      .text(axisTitle(options.yLabel, options.yUnit));
  }
}

/**
 * Appends an SVG chart frame to `container`: title, legend, margins and patterns for
 * `fillCount` fill styles. `margin` may be computed from the frame's text measure (e.g. room
 * for wrapped tick labels). Clears nothing: the caller owns the container.
 */
export function createFrame(
  container: Element,
  options: ChartOptions,
  legend: LegendItem[],
  fillCount = 0,
  margin: Margin | ((measure: TextMeasure) => Margin) = {},
): Frame {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const prefix = options.idPrefix ?? freeChartId(container.ownerDocument);
  const svg = appendSvg(container, options, prefix);
  const { measure, done } = textMeasure(svg);
  const defs = svg.append("defs");
  for (let i = 0; i < fillCount; i++) addPattern(defs, `${prefix}-fill-${i}`, fillStyle(i));
  const fill = (i: number) => `url(#${prefix}-fill-${i})`;
  drawTitle(svg, options.title, width);
  const placed = legendLayout(legend, width - 16, measure);
  const lg = svg.append("g").attr("class", "legend").attr("transform", "translate(8, 26)");
  drawLegendItems(lg, placed, fill);
  const m = typeof margin === "function" ? margin(measure) : margin;
  const box = {
    top: 30 + legendRows(placed) * LEGEND_ROW_H + 6,
    left: m.left ?? 64,
    right: m.right ?? 16,
    bottom: m.bottom ?? 44,
  };
  const plot = svg
    .append("g")
    .attr("class", "plot")
    .attr("transform", `translate(${box.left}, ${box.top})`);
  drawAxisTitles(svg, options, box);
  return {
    svg,
    plot,
    innerWidth: Math.max(10, width - box.left - box.right),
    innerHeight: Math.max(10, height - box.top - box.bottom),
    fill,
    measure,
    finish: done,
  };
}

/** Formats a number for labels: up to 4 significant digits, no exponent for usual sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e9 || abs < 1e-3)) return value.toExponential(2);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}
