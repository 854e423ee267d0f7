/**
 * Standalone SVG drawings of layouts in the viewer's colours: racks, aisles, cross aisles,
 * zones, doors, staging lanes, pack stations and P&D points, with zone, aisle and dock labels,
 * a legend and a scale bar; y flipped so the front wall is at the bottom. One layout per
 * drawing, or several side by side on one sheet at the same scale.
 */
import { escapeHtml as esc } from "../common/escapeHtml.ts";
import { LAYOUT_COLORS as C, ZONE_FILL, ZONE_FILL_OTHER } from "./layoutColors.ts";
import type { Layout, XY } from "./types.ts";

/** Options for `layoutSvg` and `layoutSheetSvg`. */
export interface LayoutSvgOptions {
  /** Pixels per metre. Default 6. */
  scale?: number;
  /** Margin around each building, pixels. Default 20. */
  marginPx?: number;
}

const TITLE_H = 24;
const FOOTER_H = 84;
const LEGEND: [string, string][] = [
  ["rack", "Rack"],
  ["aisle", "Picking aisle"],
  ["cross-aisle", "Cross aisle"],
  ["zone", "Zone"],
  ["staging", "Staging lane"],
  ["dock-inbound", "Inbound dock"],
  ["dock-outbound", "Outbound dock"],
  ["pack", "Pack station"],
  ["pd", "P&D point"],
];

/** Maps layout metres to pixels of one drawing placed at (ox, oy). */
interface Place {
  k: number;
  px(x: number): string;
  py(y: number): string;
  pts(p: readonly XY[]): string;
}

function place(layout: Layout, k: number, ox: number, oy: number): Place {
  const px = (x: number) => (ox + x * k).toFixed(1);
  const py = (y: number) => (oy + (layout.depthM - y) * k).toFixed(1);
  return { k, px, py, pts: (p) => p.map(([x, y]) => `${px(x)},${py(y)}`).join(" ") };
}

function rect(p: Place, x: number, y: number, w: number, d: number, attrs: string): string {
  return `<rect x="${p.px(x)}" y="${p.py(y + d)}" width="${(w * p.k).toFixed(1)}" height="${(d * p.k).toFixed(1)}" ${attrs}`;
}

/** Floor, zones, aisles and racks. */
function drawBuilding(layout: Layout, p: Place): string[] {
  const out = [
    `${rect(p, 0, 0, layout.widthM, layout.depthM, `fill="${C.floor}" stroke="${C.wall}" stroke-width="2"`)}/>`,
  ];
  for (const z of layout.zones) {
    if (!z.rect) continue;
    const fill = ZONE_FILL[z.kind] ?? ZONE_FILL_OTHER;
    const r = z.rect;
    out.push(
      `${rect(p, r.x, r.y, r.widthM, r.depthM, `class="zone" fill="${fill}" fill-opacity="0.55" stroke="${C.zoneEdge}" stroke-dasharray="4 2"`)}><title>${esc(z.id)} (${z.kind})</title></rect>`,
    );
  }
  for (const [list, cls, color] of [
    [layout.crossAisles, "cross-aisle", C.crossAisle],
    [layout.aisles, "aisle", C.aisle],
  ] as const) {
    for (const a of list) {
      const w = Math.max(1, a.widthM * p.k).toFixed(1);
      out.push(
        `<polyline class="${cls}" points="${p.pts(a.points)}" fill="none" stroke="${color}" stroke-width="${w}"><title>${esc(a.id)}</title></polyline>`,
      );
    }
  }
  for (const r of layout.racks) {
    out.push(
      `<polygon class="rack" points="${p.pts(r.corners)}" fill="${C.rackFill}" stroke="${C.rack}" stroke-width="0.6"><title>${esc(r.id)}</title></polygon>`,
    );
  }
  return out;
}

/** Staging lanes, docks, pack stations and P&D points. */
function drawEquipment(layout: Layout, p: Place): string[] {
  const out: string[] = [];
  for (const s of layout.stagingLanes) {
    const r = s.rect;
    out.push(
      `${rect(p, r.x, r.y, r.widthM, r.depthM, `class="staging" fill="${C.staging}" stroke="${C.stagingEdge}" stroke-width="0.6"`)}><title>${esc(s.id)}</title></rect>`,
    );
  }
  for (const d of layout.docks) {
    const color = d.kind === "inbound" ? C.inboundDock : C.outboundDock;
    const w = Math.max(6, d.widthM * p.k);
    out.push(
      `<rect class="dock ${d.kind}" x="${(Number(p.px(d.x)) - w / 2).toFixed(1)}" y="${(Number(p.py(d.y)) - 3).toFixed(1)}" width="${w.toFixed(1)}" height="6" fill="${color}"><title>${esc(d.id)} (${d.kind} dock)</title></rect>`,
    );
  }
  for (const s of layout.packStations) {
    out.push(
      `<rect class="pack" x="${(Number(p.px(s.x)) - 4).toFixed(1)}" y="${(Number(p.py(s.y)) - 4).toFixed(1)}" width="8" height="8" fill="${C.pack}"><title>${esc(s.id)}</title></rect>`,
    );
  }
  for (const d of layout.pdPoints) {
    const [x, y] = [Number(p.px(d.x)), Number(p.py(d.y))];
    out.push(
      `<path class="pd" d="M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z" fill="${C.pd}"><title>${esc(d.id)} (P&amp;D)</title></path>`,
    );
  }
  return out;
}

function label(
  cls: string,
  x: string | number,
  y: string | number,
  text: string,
  attrs = "",
): string {
  return `<text class="${cls}" x="${x}" y="${y}" ${attrs}>${esc(text)}</text>`;
}

/** The top-left corner of a zone: of its rectangle, or else of its locations' extent. */
function zoneCorner(layout: Layout, zone: Layout["zones"][number]): XY | undefined {
  if (zone.rect) return [zone.rect.x, zone.rect.y + zone.rect.depthM];
  const locs = layout.locations.filter((l) => l.zone === zone.id);
  if (locs.length === 0) return undefined;
  return [Math.min(...locs.map((l) => l.x)), Math.max(...locs.map((l) => l.y))];
}

/** Zone ids in their corner, aisle ids at the aisle's start, dock ids beside the door. */
function drawLabels(layout: Layout, p: Place): string[] {
  const out = [`<g class="labels" fill="${C.text}" font-size="9">`];
  for (const z of layout.zones) {
    const corner = zoneCorner(layout, z);
    if (!corner) continue;
    const x = Number(p.px(corner[0])) + 3;
    const y = Number(p.py(corner[1])) + (z.rect ? 11 : -4);
    out.push(label("zone-label", x, y, z.id, `font-weight="600" fill="${C.zoneLabel}"`));
  }
  for (const a of layout.aisles) {
    const [x, y] = a.points[0];
    const attrs = `text-anchor="middle" font-size="7" fill="${C.aisleLabel}"`;
    out.push(label("aisle-label", p.px(x), (Number(p.py(y)) + 9).toFixed(1), a.id, attrs));
  }
  for (const d of layout.docks) {
    const nearFront = d.y < layout.depthM / 2;
    const y = Number(p.py(d.y)) + (nearFront ? 14 : -6);
    out.push(
      label("dock-label", p.px(d.x), y.toFixed(1), d.id, `text-anchor="middle" font-size="8"`),
    );
  }
  out.push("</g>");
  return out;
}

/** A layout's drawing with its name above, its top-left corner at (x, y). */
function drawing(layout: Layout, k: number, x: number, y: number): string {
  const p = place(layout, k, x, y + TITLE_H);
  return [
    `<g class="layout" data-layout="${esc(layout.name)}">`,
    label(
      "layout-title",
      x,
      y + 15,
      layout.name,
      `font-size="14" font-weight="600" fill="${C.text}"`,
    ),
    ...drawBuilding(layout, p),
    ...drawEquipment(layout, p),
    ...drawLabels(layout, p),
    "</g>",
  ].join("\n");
}

/** The legend's swatch of one symbol at (x, y). */
function swatch(kind: string, x: number, y: number): string {
  const box = (fill: string, extra = "") =>
    `<rect x="${x}" y="${y}" width="16" height="10" fill="${fill}" ${extra}/>`;
  if (kind === "rack") return box(C.rackFill, `stroke="${C.rack}"`);
  if (kind === "aisle") return box(C.aisle, `stroke="${C.rack}" stroke-width="0.3"`);
  if (kind === "cross-aisle") return box(C.crossAisle, `stroke="${C.rack}" stroke-width="0.3"`);
  if (kind === "zone")
    return box(ZONE_FILL.forward, `stroke="${C.zoneEdge}" stroke-dasharray="4 2"`);
  if (kind === "staging") return box(C.staging, `stroke="${C.stagingEdge}"`);
  if (kind === "dock-inbound") return box(C.inboundDock);
  if (kind === "dock-outbound") return box(C.outboundDock);
  if (kind === "pack")
    return `<rect x="${x + 4}" y="${y + 1}" width="8" height="8" fill="${C.pack}"/>`;
  return `<path d="M${x + 8},${y}L${x + 13},${y + 5}L${x + 8},${y + 10}L${x + 3},${y + 5}Z" fill="${C.pd}"/>`;
}

/** The legend of layout symbols in rows across `width`, from (x, y). */
function legend(x: number, y: number, width: number): string {
  const out = [`<g class="legend" font-size="10" fill="${C.text}">`];
  let cx = 0;
  let row = 0;
  for (const [kind, text] of LEGEND) {
    // About 6 px a character at 10 px, plus the swatch and a gap.
    const w = 26 + text.length * 6 + 12;
    if (cx > 0 && cx + w > width) [cx, row] = [0, row + 1];
    out.push(`<g class="legend-item" data-kind="${kind}">`);
    out.push(
      swatch(kind, x + cx, y + row * 16),
      label("legend-label", x + cx + 22, y + row * 16 + 9, text),
    );
    out.push("</g>");
    cx += w;
  }
  out.push("</g>");
  return out.join("\n");
}

/** The largest 1, 2 or 5 × 10ⁿ metres not longer than `maxM`. */
function scaleBarLengthM(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1e-9, maxM)));
  return [5, 2, 1].map((m) => m * p).find((m) => m <= maxM) ?? p;
}

/** A scale bar of a round length (about a quarter of `widthM`) at (x, y). */
function scaleBar(x: number, y: number, k: number, widthM: number): string {
  const m = scaleBarLengthM(widthM / 4);
  const w = m * k;
  return [
    `<g class="scale-bar" data-metres="${m}">`,
    `<path d="M${x},${y - 4}V${y}H${(x + w).toFixed(1)}V${y - 4}" fill="none" stroke="${C.wall}" stroke-width="1.5"/>`,
    `<path d="M${(x + w / 2).toFixed(1)},${y}V${y - 3}" stroke="${C.wall}"/>`,
    label("scale-label", x, y + 12, "0", `font-size="9" fill="${C.text}"`),
    label(
      "scale-label",
      (x + w).toFixed(1),
      y + 12,
      `${m} m`,
      `font-size="9" text-anchor="middle" fill="${C.text}"`,
    ),
    "</g>",
  ].join("\n");
}

function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" viewBox="0 0 ${width.toFixed(0)} ${height.toFixed(0)}" font-family="Helvetica, Arial, sans-serif" font-size="10">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...body,
    "</svg>",
  ].join("\n")}\n`;
}

/** Renders the layout as an SVG document string. */
export function layoutSvg(layout: Layout, options: LayoutSvgOptions = {}): string {
  return layoutSheetSvg([layout], options);
}

/** Renders several layouts side by side at one scale, with one legend and scale bar. */
export function layoutSheetSvg(layouts: Layout[], options: LayoutSvgOptions = {}): string {
  const k = options.scale ?? 6;
  const m = options.marginPx ?? 20;
  const body: string[] = [];
  let x = m;
  for (const layout of layouts) {
    body.push(drawing(layout, k, x, m));
    x += layout.widthM * k + 2 * m;
  }
  const width = Math.max(x - m, 420);
  const depth = Math.max(0, ...layouts.map((l) => l.depthM)) * k;
  const footer = m + TITLE_H + depth + 24;
  body.push(scaleBar(m, footer, k, Math.max(...layouts.map((l) => l.widthM))));
  body.push(legend(m, footer + 22, width - 2 * m));
  return svgDocument(width, footer + FOOTER_H, layouts.map((l) => l.name).join(", "), body);
}
