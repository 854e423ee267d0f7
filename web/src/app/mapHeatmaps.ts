/**
 * The floor map's heatmap layer: picks per location, congestion per aisle segment and travel
 * density of one run, or the difference B − A of two, each with its colour legend. A heatmap
 * with nothing to show says so in the legend instead of drawing an empty ramp.
 */
import type { Layout } from "../../../src/layout/types.ts";
import type { AisleSegment } from "../draw/aisleSegments.ts";
import {
  drawDensityHeatmap,
  drawLocationHeatmap,
  drawSegmentHeatmap,
} from "../draw/drawHeatmaps.ts";
import { drawLegend } from "../draw/drawLegend.ts";
import { heatDomain } from "../draw/heatScale.ts";
import type { DensityGrid, TraceIndex } from "../trace/traceIndex.ts";
import {
  congestionSegments,
  footprintTotals,
  type HeatmapKind,
  pickCounts,
  SEGMENT_M,
} from "./floorData.ts";
import type { RunData } from "./runData.ts";

/** Where a heatmap goes: the SVG layer (layout metres) and the legend box. */
export interface HeatTarget {
  node: SVGGElement;
  legend: HTMLElement;
}

const EMPTY: Record<Exclude<HeatmapKind, "none">, string> = {
  picks: "No picks recorded",
  congestion: "No congestion recorded",
  density: "No travel recorded",
};

/** Puts "nothing recorded" in the legend box; returns false so callers can `return` it. */
function emptyNote(target: HeatTarget, kind: Exclude<HeatmapKind, "none">, suffix: string) {
  const note = document.createElement("div");
  note.className = "heat-empty";
  note.textContent = `${EMPTY[kind]}${suffix}`;
  target.legend.append(note);
  return false;
}

/**
 * Draws heatmap `kind` of `trace` over `layout`, up to time `untilT` for picks and congestion
 * (colours keep the whole run's scale, so heat visibly builds up). Returns whether anything
 * was drawn.
 */
export function drawRunHeatmap(
  target: HeatTarget,
  layout: Layout,
  trace: TraceIndex | null,
  kind: Exclude<HeatmapKind, "none">,
  untilT = Number.POSITIVE_INFINITY,
): boolean {
  const suffix = Number.isFinite(untilT) ? " up to the clock" : "";
  if (kind === "picks") {
    const counts = pickCounts(trace, untilT);
    if (!Object.keys(counts).length) return emptyNote(target, kind, suffix);
    const domain = heatDomain(footprintTotals(layout, pickCounts(trace)));
    drawLocationHeatmap(target.node, layout, counts, { domain });
    drawLegend(target.legend, { title: `Picks per location${suffix}`, unit: "picks", domain });
  } else if (kind === "congestion") {
    const segments = congestionSegments(layout, trace, untilT).filter((s) => s.value > 0);
    if (!segments.length) return emptyNote(target, kind, suffix);
    const domain = heatDomain(congestionSegments(layout, trace).map((s) => s.value));
    drawSegmentHeatmap(target.node, layout, segments, { domain });
    drawLegend(target.legend, {
      title: `Congestion wait per ${SEGMENT_M} m aisle segment${suffix}`,
      unit: "s",
      domain,
    });
  } else {
    const grid = trace?.density;
    if (!grid?.metres.some((m) => m > 0)) return emptyNote(target, kind, "");
    drawDensityHeatmap(target.node, layout, grid!);
    drawLegend(target.legend, {
      title: "Travel density",
      unit: `m per ${grid!.cellM} m cell`,
      domain: heatDomain(grid!.metres),
    });
  }
  return true;
}

function picksDiff(target: HeatTarget, layout: Layout, a: RunData, b: RunData): void {
  const pa = pickCounts(a.trace);
  const pb = pickCounts(b.trace);
  const diff: Record<string, number> = {};
  for (const id of new Set([...Object.keys(pa), ...Object.keys(pb)]))
    diff[id] = (pb[id] ?? 0) - (pa[id] ?? 0);
  const opts = { diverging: true };
  const domain = heatDomain(footprintTotals(layout, diff), opts);
  drawLocationHeatmap(target.node, layout, diff, { ...opts, domain });
  drawLegend(target.legend, { title: "Picks B − A", unit: "picks", domain, diverging: true });
}

function congestionDiff(target: HeatTarget, layout: Layout, a: RunData, b: RunData): void {
  // Segments keyed by aisle and index, so the same floor matches piece by piece.
  const sa = a.layout ? congestionSegments(a.layout, a.trace) : [];
  const byKey = new Map<string, AisleSegment>();
  for (const s of congestionSegments(layout, b.trace)) byKey.set(s.key, { ...s });
  for (const s of sa) {
    const t = byKey.get(s.key);
    if (t) t.value -= s.value;
    else byKey.set(s.key, { ...s, value: -s.value });
  }
  const diff = [...byKey.values()];
  const opts = { diverging: true };
  const domain = heatDomain(
    diff.map((s) => s.value),
    opts,
  );
  drawSegmentHeatmap(target.node, layout, diff, { ...opts, domain });
  drawLegend(target.legend, { title: "Congestion wait B − A", unit: "s", domain, diverging: true });
}

function densityDiff(target: HeatTarget, layout: Layout, a: RunData, b: RunData): void {
  const da = a.trace?.density;
  const db = b.trace?.density;
  if (!da || !db) return;
  const grid: DensityGrid = db;
  const values = new Float32Array(grid.metres.length);
  const sameGrid = da.cols === db.cols && da.rows === db.rows && da.cellM === db.cellM;
  for (let i = 0; i < values.length; i++) values[i] = db.metres[i] - (sameGrid ? da.metres[i] : 0);
  const opts = { diverging: true };
  const domain = heatDomain(values, opts);
  drawDensityHeatmap(target.node, layout, grid, { ...opts, values, domain });
  drawLegend(target.legend, {
    title: sameGrid ? "Travel B − A" : "Travel B (floors differ)",
    unit: `m per ${grid.cellM} m cell`,
    domain,
    diverging: true,
  });
}

/** Draws the difference B − A of heatmap `kind` on B's layout (diverging colours). */
export function drawDiffHeatmap(
  target: HeatTarget,
  kind: Exclude<HeatmapKind, "none">,
  a: RunData,
  b: RunData,
): void {
  const layout = b.layout;
  if (!layout) return;
  if (kind === "picks") picksDiff(target, layout, a, b);
  else if (kind === "congestion") congestionDiff(target, layout, a, b);
  else densityDiff(target, layout, a, b);
}
