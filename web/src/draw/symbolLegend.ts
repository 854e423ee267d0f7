/** The legend of layout symbols: what each mark on the floor drawing stands for. */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import type { Layout } from "../../../src/layout/types.ts";
import { LAYOUT_COLORS, ZONE_FILL } from "./drawLayout.ts";

/** One symbol: its name and an SVG swatch (14 × 14). */
interface LegendSymbol {
  name: string;
  swatch: string;
}

const rect = (fill: string, stroke = "none", dash = "") =>
  `<rect x="1" y="3" width="12" height="8" rx="1" fill="${fill}" stroke="${stroke}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;

/** The symbols `layout` uses, in drawing order. */
export function layoutSymbols(layout: Layout): LegendSymbol[] {
  const out: LegendSymbol[] = [];
  const add = (present: boolean, name: string, swatch: string) => {
    if (present) out.push({ name, swatch });
  };
  const zoneKinds = [...new Set(layout.zones.filter((z) => z.rect).map((z) => z.kind))];
  for (const k of zoneKinds)
    add(true, `${k} zone`, rect(ZONE_FILL[k] ?? "#f1f5f9", "#94a3b8", "2 1"));
  add(layout.racks.length > 0, "rack", rect("#cbd5e1", LAYOUT_COLORS.rack));
  add(layout.aisles.length > 0, "aisle", rect(LAYOUT_COLORS.aisle, "#cbd5e1"));
  add(layout.crossAisles.length > 0, "cross aisle", rect(LAYOUT_COLORS.crossAisle, "#cbd5e1"));
  add(
    layout.docks.some((d) => d.kind === "inbound"),
    "inbound dock",
    rect(LAYOUT_COLORS.inboundDock),
  );
  add(
    layout.docks.some((d) => d.kind === "outbound"),
    "outbound dock",
    rect(LAYOUT_COLORS.outboundDock),
  );
  add(
    layout.stagingLanes.length > 0,
    "staging lane",
    rect(LAYOUT_COLORS.staging, "#d97706", "2 1"),
  );
  add(layout.packStations.length > 0, "pack station", rect(LAYOUT_COLORS.pack));
  add(
    layout.pdPoints.length > 0,
    "P&D point",
    `<path d="M7,2L12,7L7,12L2,7Z" fill="${LAYOUT_COLORS.pd}"/>`,
  );
  return out;
}

/** Fills `el` with the legend of `layout`'s symbols (empty without a layout). */
export function renderSymbolLegend(el: HTMLElement, layout: Layout | null | undefined): void {
  if (!layout) {
    el.replaceChildren();
    return;
  }
  el.innerHTML = layoutSymbols(layout)
    .map(
      (s) =>
        `<div class="symbol" data-symbol="${esc(s.name)}"><svg width="14" height="14" viewBox="0 0 14 14">${s.swatch}</svg>${esc(s.name)}</div>`,
    )
    .join("");
}
