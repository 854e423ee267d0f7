/**
 * Heatmaps over a layout drawing (same metre coordinates as drawLayout, front wall at the
 * bottom): values per location footprint, per aisle, and a travel-density grid. Each
 * appends one `<g class="heatmap">` to the container; pure functions of their arguments.
 */
import { select } from "d3";
import type { Layout } from "../../../src/layout/types.ts";
import type { DensityGrid } from "../trace/traceIndex.ts";
import type { AisleSegment } from "./aisleSegments.ts";
import { flipY } from "./drawLayout.ts";
import { locationFootprints } from "./footprints.ts";
import { type HeatScaleOptions, heatColor, heatDomain } from "./heatScale.ts";

/** Options of the heatmaps. */
export interface HeatmapOptions extends HeatScaleOptions {
  /** Fill opacity 0..1. Defaults to 0.9. */
  opacity?: number;
  /** Text for each element's tooltip; none by default. */
  title?: (id: string, value: number) => string;
}

/** A heatmap of one value per id (location or aisle) over a layout drawing. */
export type ValueHeatmap = (
  container: SVGElement,
  layout: Layout,
  values: Record<string, number>,
  options?: HeatmapOptions,
) => void;

/** A `<g class="heatmap {cls}">` appended to `container`, and the colour scale of `values`. */
function heatGroup(
  container: SVGElement,
  cls: string,
  values: number[],
  options: HeatScaleOptions,
) {
  const color = heatColor(heatDomain(values, options), options);
  const g = select(container)
    .append("g")
    .attr("class", `heatmap ${cls}`)
    .attr("pointer-events", "none");
  return { g, color };
}

/**
 * Colours each location footprint by the sum of `values` over its locations (levels);
 * footprints summing to 0 are left undrawn.
 */
export const drawLocationHeatmap: ValueHeatmap = (container, layout, values, options = {}) => {
  const cells = locationFootprints(layout).map((f) => ({
    f,
    v: f.locations.reduce((s, id) => s + (values[id] ?? 0), 0),
  }));
  const { g, color } = heatGroup(
    container,
    "location-heatmap",
    cells.map((c) => c.v),
    options,
  );
  for (const { f, v } of cells) {
    if (v === 0 || !Number.isFinite(v)) continue;
    const d = `M${f.corners.map((p) => `${p[0]},${flipY(layout, p[1])}`).join("L")}Z`;
    const path = g
      .append("path")
      .attr("class", "heat-cell")
      .attr("data-footprint", f.key)
      .attr("data-value", v)
      .attr("d", d)
      .attr("fill", color(v))
      .attr("fill-opacity", options.opacity ?? 0.9);
    if (options.title) path.append("title").text(options.title(f.key, v));
  }
};

/** Draws each aisle (picking and cross) in `values` as a thick line coloured by its value. */
export const drawAisleHeatmap: ValueHeatmap = (container, layout, values, options = {}) => {
  const { g, color } = heatGroup(container, "aisle-heatmap", Object.values(values), options);
  for (const a of [...layout.crossAisles, ...layout.aisles]) {
    const v = values[a.id];
    if (v === undefined || v === 0 || !Number.isFinite(v)) continue;
    g.append("path")
      .attr("class", "heat-aisle")
      .attr("data-id", a.id)
      .attr("data-value", v)
      .attr("d", `M${a.points.map((p) => `${p[0]},${flipY(layout, p[1])}`).join("L")}`)
      .attr("fill", "none")
      .attr("stroke", color(v))
      .attr("stroke-opacity", options.opacity ?? 0.9)
      .attr("stroke-width", Math.max(0.6, a.widthM * 0.8))
      .attr("stroke-linecap", "round");
  }
};

/**
 * Draws aisle pieces (from aisleSegments) as thick lines coloured by their value, on top of
 * the aisles, with the width of their aisle.
 */
export function drawSegmentHeatmap(
  container: SVGElement,
  layout: Layout,
  segments: AisleSegment[],
  options: HeatmapOptions = {},
): void {
  const { g, color } = heatGroup(
    container,
    "segment-heatmap",
    segments.map((s) => s.value),
    options,
  );
  const widths = new Map([...layout.crossAisles, ...layout.aisles].map((a) => [a.id, a.widthM]));
  for (const s of segments) {
    if (s.value === 0 || !Number.isFinite(s.value) || s.points.length < 2) continue;
    const path = g
      .append("path")
      .attr("class", "heat-segment")
      .attr("data-key", s.key)
      .attr("data-value", s.value)
      .attr("d", `M${s.points.map((p) => `${p[0]},${flipY(layout, p[1])}`).join("L")}`)
      .attr("fill", "none")
      .attr("stroke", color(s.value))
      .attr("stroke-opacity", options.opacity ?? 0.9)
      .attr("stroke-width", Math.max(0.6, (widths.get(s.aisle) ?? 1) * 0.8))
      .attr("stroke-linecap", "butt");
    if (options.title) path.append("title").text(options.title(s.key, s.value));
  }
}

/**
 * Draws a density grid as one image (row 0 at the front wall). `values` defaults to
 * `grid.metres`; pass another array of the same size (e.g. a difference) to draw that.
 */
export function drawDensityHeatmap(
  container: SVGElement,
  layout: Pick<Layout, "depthM">,
  grid: DensityGrid,
  options: HeatmapOptions & { values?: ArrayLike<number> } = {},
): void {
  const values = options.values ?? grid.metres;
  const domain = heatDomain(Array.from(values), options);
  const color = heatColor(domain, options);
  const doc = container.ownerDocument;
  const canvas = doc.createElement("canvas");
  canvas.width = grid.cols;
  canvas.height = grid.rows;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const image = ctx.createImageData(grid.cols, grid.rows);
  const alpha = Math.round(255 * (options.opacity ?? 0.85));
  const rgb = new Map<string, [number, number, number]>();
  for (let r = 0; r < grid.rows; r++) {
    // Image row 0 is the top of the drawing, i.e. the back wall.
    const imageRow = grid.rows - 1 - r;
    for (let c = 0; c < grid.cols; c++) {
      const v = values[r * grid.cols + c];
      if (v === 0 || !Number.isFinite(v)) continue;
      const css = color(v);
      let px = rgb.get(css);
      if (!px) {
        px = parseRgb(css);
        rgb.set(css, px);
      }
      const o = (imageRow * grid.cols + c) * 4;
      image.data[o] = px[0];
      image.data[o + 1] = px[1];
      image.data[o + 2] = px[2];
      image.data[o + 3] = alpha;
    }
  }
  ctx.putImageData(image, 0, 0);
  const heightM = grid.rows * grid.cellM;
  select(container)
    .append("g")
    .attr("class", "heatmap density-heatmap")
    .attr("pointer-events", "none")
    .append("image")
    .attr("href", canvas.toDataURL("image/png"))
    .attr("x", 0)
    .attr("y", flipY(layout, heightM))
    .attr("width", grid.cols * grid.cellM)
    .attr("height", heightM)
    .attr("preserveAspectRatio", "none")
    .style("image-rendering", "pixelated");
}

function parseRgb(css: string): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (m) return [+m[1], +m[2], +m[3]];
  if (css.startsWith("#") && css.length === 7) {
    return [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
  }
  return [0, 0, 0];
}
