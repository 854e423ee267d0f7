/**
 * A standalone SVG drawing of a layout (racks, aisles, cross aisles, zones, doors, staging
 * lanes, pack stations, P&D points), y flipped so the front wall is at the bottom.
 */
import { escapeHtml as esc } from "../common/escapeHtml.ts";
import type { Layout, XY } from "./types.ts";

/** Options for `layoutSvg`. */
export interface LayoutSvgOptions {
  /** Pixels per metre. Default 6. */
  scale?: number;
  /** Margin around the building, pixels. Default 20. */
  marginPx?: number;
}

/** Renders the layout as an SVG document string. */
export function layoutSvg(layout: Layout, options: LayoutSvgOptions = {}): string {
  const k = options.scale ?? 6;
  const m = options.marginPx ?? 20;
  const w = layout.widthM * k + 2 * m;
  const h = layout.depthM * k + 2 * m + 20;
  const px = (x: number) => (m + x * k).toFixed(1);
  const py = (y: number) => (m + 20 + (layout.depthM - y) * k).toFixed(1);
  const pts = (p: readonly XY[]) => p.map(([x, y]) => `${px(x)},${py(y)}`).join(" ");
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w.toFixed(0)}" height="${h.toFixed(0)}" viewBox="0 0 ${w.toFixed(0)} ${h.toFixed(0)}" font-family="sans-serif" font-size="10">`,
  );
  out.push(`<title>${esc(layout.name)}</title>`);
  out.push(`<text x="${m}" y="${m}" font-size="14">${esc(layout.name)}</text>`);
  out.push(
    `<rect x="${px(0)}" y="${py(layout.depthM)}" width="${(layout.widthM * k).toFixed(1)}" height="${(layout.depthM * k).toFixed(1)}" fill="#fafafa" stroke="#333" stroke-width="2"/>`,
  );
  const zoneFill: Record<string, string> = {
    forward: "#e3f2fd",
    reserve: "#f1f8e9",
    staging: "#fff3e0",
    pack: "#f3e5f5",
    quarantine: "#ffebee",
    returns: "#fce4ec",
  };
  for (const z of layout.zones) {
    if (!z.rect) continue;
    const r = z.rect;
    out.push(
      `<rect class="zone" x="${px(r.x)}" y="${py(r.y + r.depthM)}" width="${(r.widthM * k).toFixed(1)}" height="${(r.depthM * k).toFixed(1)}" fill="${zoneFill[z.kind] ?? "#eeeeee"}"><title>${esc(z.id)} (${z.kind})</title></rect>`,
    );
  }
  for (const a of layout.crossAisles) {
    out.push(
      `<polyline class="cross-aisle" points="${pts(a.points)}" fill="none" stroke="#ffe082" stroke-width="${(a.widthM * k).toFixed(1)}" stroke-opacity="0.6"/>`,
    );
  }
  for (const a of layout.aisles) {
    out.push(
      `<polyline class="aisle" points="${pts(a.points)}" fill="none" stroke="#90a4ae" stroke-width="1" stroke-dasharray="3 2"><title>${esc(a.id)}</title></polyline>`,
    );
  }
  for (const r of layout.racks) {
    out.push(
      `<polygon class="rack" points="${pts(r.corners)}" fill="${r.zone === "forward" ? "#64b5f6" : "#8d6e63"}" stroke="#4e342e" stroke-width="0.5"><title>${esc(r.id)}</title></polygon>`,
    );
  }
  for (const l of layout.locations) {
    if (l.type !== "floor" || l.level !== 1) continue;
    out.push(
      `<rect class="floor" x="${px(l.x - 0.6)}" y="${py(l.y + 0.6)}" width="${(1.2 * k).toFixed(1)}" height="${(1.2 * k).toFixed(1)}" fill="${l.zone === "quarantine" ? "#e57373" : "#f06292"}"><title>${esc(l.id)} (${esc(l.zone)})</title></rect>`,
    );
  }
  for (const s of layout.stagingLanes) {
    const r = s.rect;
    out.push(
      `<rect class="staging" x="${px(r.x)}" y="${py(r.y + r.depthM)}" width="${(r.widthM * k).toFixed(1)}" height="${(r.depthM * k).toFixed(1)}" fill="#ffcc80" stroke="#ef6c00" stroke-width="0.5"><title>${esc(s.id)}</title></rect>`,
    );
  }
  for (const d of layout.docks) {
    const color = d.kind === "inbound" ? "#2e7d32" : "#c62828";
    out.push(
      `<circle class="dock" cx="${px(d.x)}" cy="${py(d.y)}" r="5" fill="${color}"><title>${esc(d.id)} (${d.kind})</title></circle>`,
    );
  }
  for (const p of layout.packStations) {
    out.push(
      `<rect class="pack" x="${(Number(px(p.x)) - 4).toFixed(1)}" y="${(Number(py(p.y)) - 4).toFixed(1)}" width="8" height="8" fill="#7b1fa2"><title>${esc(p.id)}</title></rect>`,
    );
  }
  for (const p of layout.pdPoints) {
    out.push(
      `<path class="pd" d="M${px(p.x)},${(Number(py(p.y)) - 7).toFixed(1)} l6,10 h-12 z" fill="#000"><title>${esc(p.id)} (P&amp;D)</title></path>`,
    );
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
