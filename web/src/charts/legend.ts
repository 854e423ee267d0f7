/**
 * The chart legend: one entry per series (a line sample with its dash and marker, or a
 * hatched swatch), laid out in rows from the measured width of each label, so entries
 * never overlap.
 */
import type { Selection } from "d3";
import { drawMarker } from "./markers.ts";
import type { LineStyle } from "./palette.ts";
import type { TextMeasure } from "./textMeasure.ts";

/** One legend entry. */
export type LegendItem =
  | { label: string; kind: "line"; style: LineStyle }
  | { label: string; kind: "fill"; fillIndex: number }
  | { label: string; kind: "swatch"; color: string };

/** Height of a legend row, px. */
export const LEGEND_ROW_H = 16;
const SAMPLE_W = 30;
const GAP_W = 14;
const FONT = 11;

/** Where each entry goes: its top-left corner within the legend. */
export interface PlacedItem {
  x: number;
  y: number;
  item: LegendItem;
}

/** Lays items out in rows no wider than `width` from their measured label widths. */
export function legendLayout(
  items: LegendItem[],
  width: number,
  measure: TextMeasure,
): PlacedItem[] {
  const out: PlacedItem[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = SAMPLE_W + measure(item.label, FONT) + GAP_W;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    out.push({ x, y: row * LEGEND_ROW_H, item });
    x += w;
  }
  return out;
}

/** Number of rows a layout takes. */
export function legendRows(placed: PlacedItem[]): number {
  return placed.length ? placed[placed.length - 1].y / LEGEND_ROW_H + 1 : 0;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

function drawSample(entry: G, item: LegendItem, fillUrl: (i: number) => string): void {
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
    return;
  }
  entry
    .append("rect")
    .attr("width", 22)
    .attr("height", 11)
    .attr("y", 0.5)
    .attr("fill", item.kind === "fill" ? fillUrl(item.fillIndex) : item.color)
    .attr("stroke", "#1a1a1a")
    .attr("stroke-width", 0.5);
}

/** Draws placed entries into `g` (a `g.legend` already translated to its corner). */
export function drawLegendItems(g: G, placed: PlacedItem[], fillUrl: (i: number) => string): void {
  for (const { x, y, item } of placed) {
    const entry = g
      .append("g")
      .attr("class", "legend-item")
      .attr("data-label", item.label)
      .attr("transform", `translate(${x}, ${y})`);
    drawSample(entry, item, fillUrl);
    entry
      .append("text")
      .attr("x", SAMPLE_W)
      .attr("y", 10)
      .attr("font-size", FONT)
      .attr("fill", "#1a1a1a")
      .text(item.label);
  }
}
