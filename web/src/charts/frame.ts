/**
 * The frame every chart draws in: an SVG sized by viewBox (so it scales on screen and prints
 * as vectors), a title, a legend, axis labels with units and hatch patterns for fills.
 */
import { axisLeft, type ScaleLinear, type Selection, select } from "d3";
import { type FillStyle, fillStyle, type LineStyle } from "./palette.ts";

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

/** One legend entry. */
export type LegendItem =
  | { label: string; kind: "line"; style: LineStyle }
  | { label: string; kind: "fill"; fillIndex: number };

/** What a chart draws into. */
export interface Frame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plot area, translated to the top-left corner inside the margins. */
  plot: Selection<SVGGElement, unknown, null, undefined>;
  innerWidth: number;
  innerHeight: number;
  /** `url(#…)` of the hatch pattern of fill style `i`. */
  fill(i: number): string;
}

const LEGEND_ROW_H = 16;

/** `label (unit)`, or just the label. */
export function axisTitle(label: string | undefined, unit: string | undefined): string {
  if (!label) return unit ? `(${unit})` : "";
  return unit ? `${label} (${unit})` : label;
}

/** Lays legend items out in rows that fit `width`; returns [x, y, item] triples. */
function legendLayout(items: LegendItem[], width: number): [number, number, LegendItem][] {
  const out: [number, number, LegendItem][] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = 30 + Math.min(item.label.length, 40) * 6.2 + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    out.push([x, row * LEGEND_ROW_H, item]);
    x += w;
  }
  return out;
}

/** Draws a marker shape centred at (x, y). */
export function drawMarker(
  g: Selection<SVGGElement, unknown, null, undefined>,
  shape: LineStyle["marker"],
  x: number,
  y: number,
  color: string,
  size = 3.5,
): void {
  const s = size;
  let d: string;
  if (shape === "circle") {
    g.append("circle").attr("cx", x).attr("cy", y).attr("r", s).attr("fill", color);
    return;
  }
  if (shape === "square") d = `M${x - s},${y - s}h${2 * s}v${2 * s}h${-2 * s}Z`;
  else if (shape === "triangle")
    d = `M${x},${y - s * 1.2}L${x + s * 1.1},${y + s}L${x - s * 1.1},${y + s}Z`;
  else if (shape === "diamond")
    d = `M${x},${y - s * 1.3}L${x + s},${y}L${x},${y + s * 1.3}L${x - s},${y}Z`;
  else {
    g.append("path")
      .attr("d", `M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`)
      .attr("stroke", color)
      .attr("stroke-width", 1.6);
    return;
  }
  g.append("path").attr("d", d).attr("fill", color);
}

function addPattern(
  defs: Selection<SVGDefsElement, unknown, null, undefined>,
  id: string,
  style: FillStyle,
): void {
  const p = defs
    .append("pattern")
    .attr("id", id)
    .attr("patternUnits", "userSpaceOnUse")
    .attr("width", 6)
    .attr("height", 6);
  p.append("rect").attr("width", 6).attr("height", 6).attr("fill", style.color);
  const stroke = (d: string) =>
    p.append("path").attr("d", d).attr("stroke", style.hatchColor).attr("stroke-width", 1);
  if (style.hatch === "diagonal") stroke("M-1,1L1,-1M0,6L6,0M5,7L7,5");
  else if (style.hatch === "cross") stroke("M0,0L6,6M6,0L0,6");
  else if (style.hatch === "horizontal") stroke("M0,3H6");
  else if (style.hatch === "vertical") stroke("M3,0V6");
  else if (style.hatch === "backDiagonal") stroke("M-1,5L1,7M0,0L6,6M5,-1L7,1");
  else if (style.hatch === "grid") stroke("M0,3H6M3,0V6");
  else if (style.hatch === "dots")
    p.append("circle").attr("cx", 3).attr("cy", 3).attr("r", 1.1).attr("fill", style.hatchColor);
}

/**
 * Appends an SVG chart frame to `container`: title, legend, margins and patterns for
 * `fillCount` fill styles. Clears nothing: the caller owns the container.
 */
export function createFrame(
  container: Element,
  options: ChartOptions,
  legend: LegendItem[],
  fillCount = 0,
  margin: { left?: number; bottom?: number; right?: number } = {},
): Frame {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const doc = container.ownerDocument;
  const prefix = options.idPrefix ?? freeChartId(doc);
  const svg = select(container)
    .append("svg")
    .attr("class", "whsim-chart")
    .attr("id", prefix)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", "100%")
    .attr("preserveAspectRatio", "xMidYMid meet")
    .attr("role", "img")
    .attr("aria-label", options.title)
    .style("max-width", `${width}px`)
    .style("font-family", "Helvetica, Arial, sans-serif")
    .style("font-size", "11px");
  svg.append("title").text(options.title);
  const defs = svg.append("defs");
  for (let i = 0; i < fillCount; i++) addPattern(defs, `${prefix}-fill-${i}`, fillStyle(i));
  svg
    .append("text")
    .attr("class", "chart-title")
    .attr("x", 8)
    .attr("y", 16)
    // Long titles shrink to fit the width (about 0.6 em per character) rather than clip.
    .attr(
      "font-size",
      Math.max(9, Math.min(13, (width - 16) / (0.6 * Math.max(1, options.title.length)))),
    )
    .attr("font-weight", "bold")
    .attr("fill", "#1a1a1a")
    .text(options.title);

  const placed = legendLayout(legend, width - 16);
  const legendRows = placed.length ? placed[placed.length - 1][1] / LEGEND_ROW_H + 1 : 0;
  const lg = svg.append("g").attr("class", "legend").attr("transform", "translate(8, 26)");
  for (const [x, y, item] of placed) {
    const entry = lg
      .append("g")
      .attr("class", "legend-item")
      .attr("transform", `translate(${x}, ${y})`);
    if (item.kind === "line") {
      entry
        .append("line")
        .attr("x1", 0)
        .attr("x2", 24)
        .attr("y1", 6)
        .attr("y2", 6)
        .attr("stroke", item.style.color)
        .attr("stroke-width", 2)
        .attr("stroke-dasharray", item.style.dash);
      drawMarker(entry, item.style.marker, 12, 6, item.style.color, 3);
    } else {
      entry
        .append("rect")
        .attr("width", 22)
        .attr("height", 11)
        .attr("y", 0.5)
        .attr("fill", `url(#${prefix}-fill-${item.fillIndex})`)
        .attr("stroke", "#1a1a1a")
        .attr("stroke-width", 0.5);
    }
    entry.append("text").attr("x", 30).attr("y", 10).attr("fill", "#1a1a1a").text(item.label);
  }

  const top = 30 + legendRows * LEGEND_ROW_H + 6;
  const left = margin.left ?? 64;
  const right = margin.right ?? 16;
  const bottom = margin.bottom ?? 44;
  const innerWidth = Math.max(10, width - left - right);
  const innerHeight = Math.max(10, height - top - bottom);
  const plot = svg
    .append("g")
    .attr("class", "plot")
    .attr("transform", `translate(${left}, ${top})`);

  if (options.xLabel || options.xUnit) {
    svg
      .append("text")
      .attr("class", "axis-title x")
      .attr("x", left + innerWidth / 2)
      .attr("y", height - 6)
      .attr("text-anchor", "middle")
      .attr("fill", "#1a1a1a")
      .text(axisTitle(options.xLabel, options.xUnit));
  }
  if (options.yLabel || options.yUnit) {
    svg
      .append("text")
      .attr("class", "axis-title y")
      .attr("transform", `translate(14, ${top + innerHeight / 2}) rotate(-90)`)
      .attr("text-anchor", "middle")
      .attr("fill", "#1a1a1a")
      .text(axisTitle(options.yLabel, options.yUnit));
  }
  return {
    svg,
    plot,
    innerWidth,
    innerHeight,
    fill: (i) => `url(#${prefix}-fill-${i})`,
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

/** Draws light horizontal grid lines at the y ticks across the plot (a `g.grid`, no domain line). */
export function drawHorizontalGrid(
  plot: Selection<SVGGElement, unknown, null, undefined>,
  y: ScaleLinear<number, number>,
  innerWidth: number,
): void {
  plot
    .append("g")
    .attr("class", "grid")
    .call(
      axisLeft(y)
        .ticks(5)
        .tickSize(-innerWidth)
        .tickFormat(() => ""),
    )
    .call((g) => g.selectAll("line").attr("stroke", "#d9d9d9"))
    .call((g) => g.select(".domain").remove());
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
