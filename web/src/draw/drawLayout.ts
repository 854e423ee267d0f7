/**
 * Draws a layout to scale into an SVG group, in layout metres (1 user unit = 1 m) with the
 * front wall at the bottom: zones, aisles, cross aisles, racks, location footprints, docks,
 * staging lanes, pack stations and P&D points. Pure: reads only its arguments.
 */
import { type Selection, select } from "d3";
import { LAYOUT_COLORS, ZONE_FILL, ZONE_FILL_OTHER } from "../../../src/layout/layoutColors.ts";
import type { Layout, Rect, XY } from "../../../src/layout/types.ts";
import { locationFootprints } from "./footprints.ts";

export { LAYOUT_COLORS, ZONE_FILL } from "../../../src/layout/layoutColors.ts";

/** Options of drawLayout. */
export interface DrawLayoutOptions {
  /** Draw ids of docks, zones, aisles and pack stations. Defaults to true. */
  labels?: boolean;
  /** Draw a footprint per location position (for heatmaps and hover). Defaults to true. */
  locations?: boolean;
}

/** Maps a layout y (away from the front wall) to the drawing's y (down the screen). */
export function flipY(layout: Pick<Layout, "depthM">, y: number): number {
  return layout.depthM - y;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

function pathOf(layout: Layout, points: XY[]): string {
  return `M${points.map((p) => `${p[0]},${flipY(layout, p[1])}`).join("L")}`;
}

/** Context of the part drawers: the layout, its root group and the label size, m. */
interface Parts {
  layout: Layout;
  root: G;
  fontM: number;
}

/** Draws `layout` into `container` (an SVG `<g>` or `<svg>`), appending one `<g class="layout">`. */
export function drawLayout(
  container: SVGElement,
  layout: Layout,
  options: DrawLayoutOptions = {},
): void {
  const root = select(container)
    .append("g")
    .attr("class", "layout")
    .attr("data-layout", layout.name) as G;
  const fontM = Math.max(0.8, Math.min(2.2, Math.max(layout.widthM, layout.depthM) / 70));
  const parts: Parts = { layout, root, fontM };
  drawFloor(parts);
  drawZones(parts);
  drawAisles(parts);
  drawRacks(parts);
  if (options.locations ?? true) drawLocations(parts);
  drawStagingLanes(parts);
  drawDocks(parts);
  drawPackStations(parts);
  drawPdPoints(parts);
  if (options.labels ?? true) drawLabels(parts);
}

/** Appends a rectangle given in layout metres (y up) to `g`. */
function appendRect(g: G, layout: Layout, r: Rect, cls: string, id: string) {
  return g
    .append("rect")
    .attr("class", cls)
    .attr("data-id", id)
    .attr("x", r.x)
    .attr("y", flipY(layout, r.y + r.depthM))
    .attr("width", r.widthM)
    .attr("height", r.depthM);
}

function drawFloor({ layout, root }: Parts): void {
  root
    .append("rect")
    .attr("class", "floor")
    .attr("x", 0)
    .attr("y", 0)
    .attr("width", layout.widthM)
    .attr("height", layout.depthM)
    .attr("fill", LAYOUT_COLORS.floor)
    .attr("stroke", LAYOUT_COLORS.wall)
    .attr("stroke-width", 0.25);
}

function drawZones({ layout, root }: Parts): void {
  const zones = root.append("g").attr("class", "zones");
  for (const z of layout.zones) {
    if (!z.rect) continue;
    appendRect(zones, layout, z.rect, "zone", z.id)
      .attr("fill", ZONE_FILL[z.kind] ?? ZONE_FILL_OTHER)
      .attr("fill-opacity", 0.55)
      .attr("stroke", "#94a3b8")
      .attr("stroke-dasharray", "1 0.6")
      .attr("stroke-width", 0.12);
  }
}

function drawAisles({ layout, root }: Parts): void {
  const aisles = root.append("g").attr("class", "aisles");
  const draw = (list: Layout["aisles"], cls: string, color: string) => {
    for (const a of list) {
      aisles
        .append("path")
        .attr("class", cls)
        .attr("data-id", a.id)
        .attr("d", pathOf(layout, a.points))
        .attr("fill", "none")
        .attr("stroke", color)
        .attr("stroke-width", Math.max(0.5, a.widthM))
        .attr("stroke-linecap", "butt");
    }
  };
  draw(layout.crossAisles, "cross-aisle", LAYOUT_COLORS.crossAisle);
  draw(layout.aisles, "aisle", LAYOUT_COLORS.aisle);
}

function drawRacks({ layout, root }: Parts): void {
  const racks = root.append("g").attr("class", "racks");
  for (const r of layout.racks) {
    racks
      .append("path")
      .attr("class", "rack")
      .attr("data-id", r.id)
      .attr("d", `${pathOf(layout, r.corners)}Z`)
      .attr("fill", "#cbd5e1")
      .attr("stroke", LAYOUT_COLORS.rack)
      .attr("stroke-width", 0.12);
  }
}

function drawLocations({ layout, root }: Parts): void {
  const locs = root.append("g").attr("class", "locations");
  for (const f of locationFootprints(layout)) {
    locs
      .append("path")
      .attr("class", "location")
      .attr("data-footprint", f.key)
      .attr("data-locations", f.locations.join(" "))
      .attr("d", `${pathOf(layout, f.corners)}Z`)
      .attr("fill", LAYOUT_COLORS.location)
      .attr("stroke", "#cbd5e1")
      .attr("stroke-width", 0.05);
  }
}

function drawStagingLanes({ layout, root }: Parts): void {
  const lanes = root.append("g").attr("class", "staging");
  for (const s of layout.stagingLanes) {
    appendRect(lanes, layout, s.rect, "staging-lane", s.id)
      .attr("fill", LAYOUT_COLORS.staging)
      .attr("stroke", "#d97706")
      .attr("stroke-dasharray", "0.6 0.4")
      .attr("stroke-width", 0.12);
  }
}

function drawDocks({ layout, root }: Parts): void {
  const fy = (y: number) => flipY(layout, y);
  const docks = root.append("g").attr("class", "docks");
  for (const d of layout.docks) {
    // A door on a side wall stands vertically; on the front or back wall horizontally.
    const onSide = Math.min(d.x, layout.widthM - d.x) < Math.min(d.y, layout.depthM - d.y);
    const w = onSide ? 1.2 : d.widthM;
    const h = onSide ? d.widthM : 1.2;
    const color = d.kind === "inbound" ? LAYOUT_COLORS.inboundDock : LAYOUT_COLORS.outboundDock;
    const g = docks.append("g").attr("class", `dock ${d.kind}`).attr("data-id", d.id);
    g.append("rect")
      .attr("x", d.x - w / 2)
      .attr("y", fy(d.y) - h / 2)
      .attr("width", w)
      .attr("height", h)
      .attr("rx", 0.2)
      .attr("fill", color)
      .attr("stroke", "#ffffff")
      .attr("stroke-width", 0.15);
    g.append("title").text(`${d.kind} dock ${d.id}`);
  }
}

function drawPackStations({ layout, root }: Parts): void {
  const fy = (y: number) => flipY(layout, y);
  const packs = root.append("g").attr("class", "pack-stations");
  for (const p of layout.packStations) {
    const g = packs.append("g").attr("class", "pack-station").attr("data-id", p.id);
    g.append("rect")
      .attr("x", p.x - 1)
      .attr("y", fy(p.y) - 1)
      .attr("width", 2)
      .attr("height", 2)
      .attr("rx", 0.3)
      .attr("fill", LAYOUT_COLORS.pack)
      .attr("fill-opacity", 0.85);
    g.append("title").text(`pack station ${p.id}`);
  }
}

function drawPdPoints({ layout, root }: Parts): void {
  const fy = (y: number) => flipY(layout, y);
  const pds = root.append("g").attr("class", "pd-points");
  for (const p of layout.pdPoints) {
    const y = fy(p.y);
    pds
      .append("path")
      .attr("class", "pd-point")
      .attr("data-id", p.id)
      .attr("d", `M${p.x},${y - 0.8}L${p.x + 0.8},${y}L${p.x},${y + 0.8}L${p.x - 0.8},${y}Z`)
      .attr("fill", LAYOUT_COLORS.pd)
      .append("title")
      .text(`P&D point ${p.id}`);
  }
}

function drawLabels({ layout, root, fontM }: Parts): void {
  const fy = (y: number) => flipY(layout, y);
  const text = root
    .append("g")
    .attr("class", "labels")
    .attr("font-family", "Inter, system-ui, sans-serif")
    .attr("fill", LAYOUT_COLORS.text)
    .attr("pointer-events", "none");
  for (const z of layout.zones) {
    if (!z.rect) continue;
    text
      .append("text")
      .attr("x", z.rect.x + 0.4)
      .attr("y", fy(z.rect.y + z.rect.depthM) + fontM * 1.1)
      .attr("font-size", fontM)
      .attr("font-weight", 600)
      .attr("fill", "#475569")
      .text(z.id);
  }
  for (const a of layout.aisles) {
    const p = a.points[0];
    text
      .append("text")
      .attr("x", p[0])
      .attr("y", fy(p[1]) + fontM * 0.9)
      .attr("font-size", fontM * 0.6)
      .attr("text-anchor", "middle")
      .attr("fill", "#64748b")
      .text(a.id);
  }
  for (const d of layout.docks) {
    const nearFront = d.y < layout.depthM / 2;
    text
      .append("text")
      .attr("x", d.x)
      .attr("y", fy(d.y) + (nearFront ? fontM * 1.6 : -fontM))
      .attr("font-size", fontM * 0.7)
      .attr("text-anchor", "middle")
      .text(d.id);
  }
  for (const p of layout.packStations) {
    text
      .append("text")
      .attr("x", p.x)
      .attr("y", fy(p.y) - 1.4)
      .attr("font-size", fontM * 0.6)
      .attr("text-anchor", "middle")
      .text(p.id);
  }
}
