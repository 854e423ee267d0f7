/**
 * Standalone SVG drawings of layouts in the viewer's colours: racks, aisles, cross aisles,
 * zones, doors, staging lanes, pack stations and P&D points, with zone, aisle and dock labels,
 * a legend and a scale bar; y flipped so the front wall is at the bottom. One layout per
 * drawing, or several side by side on one sheet at the same scale.
 */
import { escapeHtml as esc } from "../common/escapeHtml.ts";
import {
  type Box,
  type LabelRequest,
  type LabelSpot,
  labelBox,
  placeLabels,
  textWidth,
} from "./labelPlacement.ts";
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

/** A zone's rectangle in metres: its own, or else its locations' extent. */
function zoneRect(layout: Layout, zone: Layout["zones"][number]) {
  if (zone.rect) return { ...zone.rect, own: true };
  const locs = layout.locations.filter((l) => l.zone === zone.id);
  if (locs.length === 0) return undefined;
  const [x0, x1] = [Math.min(...locs.map((l) => l.x)), Math.max(...locs.map((l) => l.x))];
  const [y0, y1] = [Math.min(...locs.map((l) => l.y)), Math.max(...locs.map((l) => l.y))];
  return { x: x0, y: y0, widthM: x1 - x0, depthM: y1 - y0, own: false };
}

const ZONE_FONT = 9;
const AISLE_FONT = 7;
const DOCK_FONT = 8;

/** A zone's id inside its corners (top left first), or above its locations' extent. */
function zoneRequest(layout: Layout, zone: Layout["zones"][number], p: Place): LabelRequest[] {
  const r = zoneRect(layout, zone);
  if (!r) return [];
  const w = textWidth(zone.id, ZONE_FONT, true);
  const [left, right] = [Number(p.px(r.x)) + 3, Number(p.px(r.x + r.widthM)) - 3 - w];
  const [top, bottom] = [Number(p.py(r.y + r.depthM)), Number(p.py(r.y))];
  const spots: LabelSpot[] = r.own
    ? [
        { x: left, y: top + 11, anchor: "start" },
        { x: right, y: top + 11, anchor: "start" },
        { x: left, y: bottom - 4, anchor: "start" },
        { x: right, y: bottom - 4, anchor: "start" },
      ]
    : [{ x: left, y: top - 4, anchor: "start" }];
  return [{ text: zone.id, fontSize: ZONE_FONT, bold: true, spots }];
}

/** The point a fraction `f` of the way along a polyline. */
function pointAlong(points: readonly XY[], f: number): XY {
  const lengths = points
    .slice(1)
    .map((q, i) => Math.hypot(q[0] - points[i][0], q[1] - points[i][1]));
  let left = f * lengths.reduce((a, b) => a + b, 0);
  for (const [i, len] of lengths.entries()) {
    if (left <= len && len > 0) {
      const t = left / len;
      const [a, b] = [points[i], points[i + 1]];
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    left -= len;
  }
  return points[points.length - 1];
}

/** Where along an aisle its label may go, the start first. */
const AISLE_FRACTIONS = [0, 1, 0.5, 0.25, 0.75];

/** An aisle's id below its start, else above its end, else on it further along. */
function aisleRequest(a: Layout["aisles"][number], p: Place): LabelRequest {
  const spots = AISLE_FRACTIONS.flatMap((f): LabelSpot[] => {
    const [x, y] = pointAlong(a.points, f);
    const [sx, sy] = [Number(p.px(x)), Number(p.py(y))];
    return [9, -3, 2.5].map((dy) => ({ x: sx, y: sy + dy, anchor: "middle" }));
  });
  return { text: a.id, fontSize: AISLE_FONT, spots };
}

/** A dock's id beyond its wall, else on the inside, else beside the door. */
function dockRequest(layout: Layout, d: Layout["docks"][number], p: Place): LabelRequest {
  const [x, y] = [Number(p.px(d.x)), Number(p.py(d.y))];
  const out = d.y < layout.depthM / 2 ? 14 : -7;
  const inside = d.y < layout.depthM / 2 ? -6 : 14;
  const half = Math.max(6, d.widthM * p.k) / 2 + 2;
  const w = textWidth(d.id, DOCK_FONT);
  const spots: LabelSpot[] = [
    { x, y: y + out, anchor: "middle" },
    { x, y: y + inside, anchor: "middle" },
    { x: x + half, y: y + 3, anchor: "start" },
    { x: x - half - w, y: y + 3, anchor: "start" },
  ];
  return { text: d.id, fontSize: DOCK_FONT, spots };
}

/** The boxes of the symbols labels keep clear of: docks, pack stations, P&D points. */
function symbolBoxes(layout: Layout, p: Place): Box[] {
  const at = (x: number, y: number, w: number, h: number): Box => ({
    x: Number(p.px(x)) - w / 2,
    y: Number(p.py(y)) - h / 2,
    w,
    h,
  });
  return [
    ...layout.docks.map((d) => at(d.x, d.y, Math.max(6, d.widthM * p.k), 6)),
    ...layout.packStations.map((s) => at(s.x, s.y, 8, 8)),
    ...layout.pdPoints.map((d) => at(d.x, d.y, 10, 10)),
  ];
}

/**
 * Zone, dock and aisle ids (in that priority), each at the first of its spots clear of the
 * symbols, the title and the labels placed before it; an id with no clear spot is left out.
 */
function drawLabels(layout: Layout, p: Place, title: Box): string[] {
  const groups: [string, string, LabelRequest[]][] = [
    [
      "zone-label",
      `font-weight="600" fill="${C.zoneLabel}"`,
      layout.zones.flatMap((z) => zoneRequest(layout, z, p)),
    ],
    ["dock-label", "", layout.docks.map((d) => dockRequest(layout, d, p))],
    ["aisle-label", `fill="${C.aisleLabel}"`, layout.aisles.map((a) => aisleRequest(a, p))],
  ];
  const requests = groups.flatMap(([, , r]) => r);
  const spots = placeLabels(requests, [title, ...symbolBoxes(layout, p)]);
  const out = [`<g class="labels" fill="${C.text}" font-size="${ZONE_FONT}">`];
  let i = 0;
  for (const [cls, attrs, list] of groups) {
    for (const r of list) {
      const spot = spots[i++];
      if (!spot) continue;
      const anchor = spot.anchor === "middle" ? ` text-anchor="middle"` : "";
      const a = `font-size="${r.fontSize}"${anchor}${attrs ? ` ${attrs}` : ""}`;
      out.push(label(cls, spot.x.toFixed(1), spot.y.toFixed(1), r.text, a));
    }
  }
  out.push("</g>");
  return out;
}

const TITLE_FONT = 14;

/** A layout's drawing with its name above, its top-left corner at (x, y). */
function drawing(layout: Layout, k: number, x: number, y: number): string {
  const p = place(layout, k, x, y + TITLE_H);
  const title = { text: layout.name, fontSize: TITLE_FONT, bold: true };
  const titleBox = labelBox(title, { x, y: y + 15, anchor: "start" });
  return [
    `<g class="layout" data-layout="${esc(layout.name)}">`,
    label(
      "layout-title",
      x,
      y + 15,
      layout.name,
      `font-size="${TITLE_FONT}" font-weight="600" fill="${C.text}"`,
    ),
    ...drawBuilding(layout, p),
    ...drawEquipment(layout, p),
    ...drawLabels(layout, p, titleBox),
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
