/**
 * The floor map: the layout in SVG (zoom and pan with d3.zoom), heatmap layers with a
 * legend, and a canvas on top where workers and queues are redrawn for each time.
 * Hovering shows a location's SKU, stock and picks, a dock's or station's queue, a worker.
 */

import { select, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from "d3";
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import type { Layout } from "../../../src/layout/types.ts";
import {
  type AisleSegment,
  aisleIdOf,
  aisleSegments,
  type PlacedValue,
} from "../draw/aisleSegments.ts";
import {
  drawDensityHeatmap,
  drawLocationHeatmap,
  drawSegmentHeatmap,
} from "../draw/drawHeatmaps.ts";
import { drawLayout } from "../draw/drawLayout.ts";
import { drawLegend } from "../draw/drawLegend.ts";
import { drawQueues, type QueueBadge } from "../draw/drawQueues.ts";
import { drawWorkers, type WorkerDots } from "../draw/drawWorkers.ts";
import { heatDomain } from "../draw/heatScale.ts";
import {
  lastAtOrBefore,
  liftAt,
  positionAt,
  stateAt,
  valueAt,
  type WorkerPosition,
} from "../trace/playbackQuery.ts";
import type { DensityGrid, TraceIndex } from "../trace/traceIndex.ts";
import { STATE_COLORS, stateCode, WORKER_STATES } from "../trace/traceTypes.ts";
import { formatValue } from "./format.ts";
import type { RunData } from "./runData.ts";

/** What the heatmap layer shows. */
export type HeatmapKind = "none" | "picks" | "congestion" | "density";

interface QueueAnchor {
  name: string;
  label: string;
  x: number;
  y: number;
}

/** Options of MapView. */
export interface MapViewOptions {
  /** Show the worker state key in the top-right corner. Defaults to true. */
  stateKey?: boolean;
  /** Draw queue badges at doors and stations. Defaults to true. */
  queueBadges?: boolean;
}

/** Picks per location id, over the whole trace or up to time `untilT`, s. */
export function pickCounts(
  trace: TraceIndex | null,
  untilT = Number.POSITIVE_INFINITY,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (!trace) return out;
  if (untilT === Number.POSITIVE_INFINITY) {
    for (const [id, p] of Object.entries(trace.picks)) out[id] = p.count;
    return out;
  }
  const ev = trace.pickEvents;
  const end = lastAtOrBefore(ev.t, untilT) + 1;
  const counts = new Uint32Array(ev.names.length);
  for (let i = 0; i < end; i++) counts[ev.location[i]]++;
  for (let i = 0; i < counts.length; i++) if (counts[i]) out[ev.names[i]] = counts[i];
  return out;
}

/** Congestion wait per layout aisle id, s; trace keys may name segments (`A3:2`, `A3#2`). */
export function congestionByAisle(
  layout: Layout,
  trace: TraceIndex | null,
): Record<string, number> {
  const ids = new Set([...layout.aisles, ...layout.crossAisles].map((a) => a.id));
  const out: Record<string, number> = {};
  if (!trace) return out;
  for (const [key, c] of Object.entries(trace.congestion)) {
    const id = aisleIdOf(key, ids);
    if (id) out[id] = (out[id] ?? 0) + c.waitS;
  }
  return out;
}

/** Aisle segment length for the congestion heatmap, m. */
export const SEGMENT_M = 5;

/** Congestion wait per aisle segment, s, placed where each wait happened. */
export function congestionSegments(
  layout: Layout,
  trace: TraceIndex | null,
  untilT = Number.POSITIVE_INFINITY,
): AisleSegment[] {
  const ev = trace?.congestionEvents;
  if (!ev) return [];
  const values: PlacedValue[] = [];
  for (let i = 0; i < ev.t.length && ev.t[i] <= untilT; i++) {
    values.push({ x: ev.x[i], y: ev.y[i], value: ev.waitS[i], aisle: ev.aisle[i] });
  }
  return aisleSegments(layout, values, SEGMENT_M);
}

function centroid(points: { x: number; y: number }[]): { x: number; y: number } | null {
  if (!points.length) return null;
  return {
    x: points.reduce((a, p) => a + p.x, 0) / points.length,
    y: points.reduce((a, p) => a + p.y, 0) / points.length,
  };
}

/**
 * Places each trace queue on the floor: by an id in its name (`pack:PK1`, `dock:IN2`), else by
 * what it feeds (packing → the pack stations, loading → outbound doors, receiving → inbound
 * doors, picking → the P&D point). Queues that match nothing are listed in the side panel only.
 */
export function queueAnchors(layout: Layout, trace: TraceIndex): QueueAnchor[] {
  const places = new Map<string, { x: number; y: number }>();
  for (const d of layout.docks) places.set(d.id, { x: d.x, y: d.y + 1.5 });
  for (const p of layout.packStations) places.set(p.id, { x: p.x, y: p.y });
  for (const s of layout.stagingLanes) places.set(s.id, { x: s.x, y: s.y });
  const inbound = centroid(layout.docks.filter((d) => d.kind === "inbound"));
  const outbound = centroid(layout.docks.filter((d) => d.kind === "outbound"));
  const groups: [RegExp, { x: number; y: number } | null, string][] = [
    [/pack/i, centroid(layout.packStations), "pack"],
    [/load|ship|outbound|trailerOut/i, outbound && { x: outbound.x, y: outbound.y + 1.5 }, "load"],
    [
      /receiv|unload|yard|inbound|dock/i,
      inbound && { x: inbound.x, y: inbound.y + 1.5 },
      "receive",
    ],
    [/pick/i, centroid(layout.pdPoints), "pick"],
  ];
  const out: QueueAnchor[] = [];
  for (const name of Object.keys(trace.queues)) {
    const token = name.split(/[^A-Za-z0-9_.-]+/).find((tok) => places.has(tok));
    if (token) {
      out.push({ name, label: token, ...places.get(token)! });
      continue;
    }
    const group = groups.find(([re, at]) => at && re.test(name));
    if (group) out.push({ name, label: group[2], ...group[1]! });
  }
  return out;
}

/** One floor map inside `container`. */
export class MapView {
  readonly container: HTMLElement;
  private svg;
  private viewport;
  private layoutLayer;
  private heatLayer;
  private canvas: HTMLCanvasElement;
  private ctx: CanvasRenderingContext2D;
  private tooltip: HTMLDivElement;
  private legend: HTMLDivElement;
  private note: HTMLDivElement;
  private zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private view: ZoomTransform = zoomIdentity;
  private run: RunData | null = null;
  private anchors: QueueAnchor[] = [];
  private dots: WorkerDots = {
    count: 0,
    x: new Float64Array(0),
    y: new Float64Array(0),
    color: [],
    visible: new Uint8Array(0),
  };
  private codes = new Uint8Array(0);
  private t = 0;
  private zoomListeners: ((t: ZoomTransform) => void)[] = [];
  private syncing = false;
  private queueBadges: boolean;
  private heatKind: HeatmapKind = "none";
  private untilClock = false;
  private heatDrawMs = 0;
  private lastHeat = 0;
  private heatTimer: ReturnType<typeof setTimeout> | undefined;
  /** Time of the last worker frame, ms (for the performance figures). */
  lastFrameMs = 0;

  constructor(container: HTMLElement, options: MapViewOptions = {}) {
    this.container = container;
    this.queueBadges = options.queueBadges ?? true;
    container.replaceChildren();
    this.svg = select(container).append("svg").attr("class", "floor-svg");
    this.viewport = this.svg.append("g").attr("class", "viewport");
    this.layoutLayer = this.viewport.append("g").attr("class", "layout-layer");
    this.heatLayer = this.viewport.append("g").attr("class", "heat-layer");
    this.canvas = document.createElement("canvas");
    this.canvas.className = "workers-canvas";
    container.append(this.canvas);
    this.ctx = this.canvas.getContext("2d")!;
    this.legend = document.createElement("div");
    this.legend.className = "legend-box";
    container.append(this.legend);
    if (options.stateKey ?? true) {
      const key = document.createElement("div");
      key.className = "state-key";
      for (const s of WORKER_STATES.slice(0, 6)) {
        const row = document.createElement("div");
        row.className = "row";
        row.innerHTML = `<span class="dot" style="background:${STATE_COLORS[s]}"></span>${s}`;
        key.append(row);
      }
      const truck = document.createElement("div");
      truck.className = "row";
      truck.innerHTML = `<span class="dot square"></span>truck (● on foot)`;
      key.append(truck);
      container.append(key);
    }
    this.note = document.createElement("div");
    this.note.className = "empty-note";
    this.note.textContent = "No run loaded. Open a results folder or drop its files here.";
    container.append(this.note);
    this.tooltip = document.createElement("div");
    this.tooltip.className = "tooltip";
    this.tooltip.hidden = true;
    container.append(this.tooltip);

    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.1, 200])
      .on("zoom", (e) => {
        this.view = e.transform;
        this.viewport.attr("transform", e.transform.toString());
        this.drawFrame();
        if (!this.syncing) for (const f of this.zoomListeners) f(e.transform);
      });
    this.svg.call(this.zoomBehavior).on("dblclick.zoom", null);
    this.svg.on("mousemove", (e: MouseEvent) => this.hover(e));
    this.svg.on("mouseleave", () => {
      this.tooltip.hidden = true;
    });
    new ResizeObserver(() => this.resize()).observe(container);
    this.resize();
  }

  /** Calls `fn` when the user zooms or pans this map. */
  onZoom(fn: (t: ZoomTransform) => void): void {
    this.zoomListeners.push(fn);
  }

  /** Applies a zoom transform without notifying onZoom listeners (for synced maps). */
  setTransform(t: ZoomTransform): void {
    this.syncing = true;
    this.svg.call(this.zoomBehavior.transform, t);
    this.syncing = false;
  }

  /** The current view transform (metres → CSS pixels, y flipped). */
  get transform(): ZoomTransform {
    return this.view;
  }

  private resize(): void {
    const r = this.container.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(r.width * ratio));
    this.canvas.height = Math.max(1, Math.round(r.height * ratio));
    this.canvas.style.width = `${r.width}px`;
    this.canvas.style.height = `${r.height}px`;
    this.drawFrame();
  }

  /** Shows `run` (or nothing): draws its layout, fits it to the window. */
  setRun(run: RunData | null): void {
    this.run = run;
    this.layoutLayer.selectAll("*").remove();
    this.heatLayer.selectAll("*").remove();
    this.legend.replaceChildren();
    const layout = run?.layout;
    this.note.hidden = !!layout;
    if (run && !layout) this.note.textContent = `${run.name}: ${run.problems[0] ?? "no layout"}`;
    if (layout) drawLayout(this.layoutLayer.node()!, layout);
    const trace = run?.trace ?? null;
    const n = trace?.workers.length ?? 0;
    this.dots = {
      count: n,
      x: new Float64Array(n),
      y: new Float64Array(n),
      color: new Array(n).fill("#000"),
      visible: new Uint8Array(n),
      // Trucks (forklift, reach truck, pallet jack) are squares; people on foot or with carts dots.
      shape: Uint8Array.from(trace?.workers ?? [], (w) =>
        /forklift|truck|jack|picker/i.test(w.equipment ?? "") ? 1 : 0,
      ),
      liftM: new Float32Array(n),
    };
    this.codes = new Uint8Array(n);
    this.anchors = layout && trace ? queueAnchors(layout, trace) : [];
    this.fit(false);
  }

  /** Zooms to show the whole floor; `notify` false keeps synced maps where they are. */
  fit(notify = true): void {
    const layout = this.run?.layout;
    const r = this.container.getBoundingClientRect();
    if (!layout || r.width === 0 || r.height === 0) return;
    // Room around the floor in px: labels below the front wall, the legend bottom-left.
    const side = 24;
    const top = 20;
    const bottom = this.legend.childElementCount ? 84 : 36;
    const k = Math.max(
      1e-3,
      Math.min((r.width - 2 * side) / layout.widthM, (r.height - top - bottom) / layout.depthM),
    );
    const x = (r.width - layout.widthM * k) / 2;
    const y = top + (r.height - top - bottom - layout.depthM * k) / 2;
    this.syncing = !notify;
    this.svg.call(this.zoomBehavior.transform, zoomIdentity.translate(x, y).scale(k));
    this.syncing = false;
  }

  /** Shows one heatmap of this run's trace, with its legend. */
  setHeatmap(kind: HeatmapKind): void {
    this.heatKind = kind;
    const started = performance.now();
    this.heatLayer.selectAll("*").remove();
    this.legend.replaceChildren();
    const layout = this.run?.layout;
    const trace = this.run?.trace ?? null;
    if (!layout || kind === "none") return;
    const node = this.heatLayer.node()!;
    // Up to the clock, colours keep the whole run's scale so the heat visibly builds up.
    const until = this.untilClock ? this.t : Number.POSITIVE_INFINITY;
    const suffix = this.untilClock ? " up to the clock" : "";
    if (kind === "picks") {
      const domain = heatDomain(footprintTotals(layout, pickCounts(trace)));
      drawLocationHeatmap(node, layout, pickCounts(trace, until), { domain });
      drawLegend(this.legend, { title: `Picks per location${suffix}`, unit: "picks", domain });
    } else if (kind === "congestion") {
      const domain = heatDomain(congestionSegments(layout, trace).map((s) => s.value));
      drawSegmentHeatmap(node, layout, congestionSegments(layout, trace, until), { domain });
      drawLegend(this.legend, {
        title: `Congestion wait per ${SEGMENT_M} m aisle segment${suffix}`,
        unit: "s",
        domain,
      });
    } else if (kind === "density" && trace?.density) {
      drawDensityHeatmap(node, layout, trace.density);
      drawLegend(this.legend, {
        title: "Travel density",
        unit: `m per ${trace.density.cellM} m cell`,
        domain: heatDomain(trace.density.metres),
      });
    }
    this.heatDrawMs = performance.now() - started;
  }

  /** Limits picks and congestion heatmaps to what happened up to the clock (or the whole run). */
  setUntilClock(on: boolean): void {
    this.untilClock = on;
    this.setHeatmap(this.heatKind);
  }

  /** Redraws a clock-bound heatmap at most every few hundred ms, and once after the last change. */
  private refreshHeatmap(): void {
    if (!this.untilClock || (this.heatKind !== "picks" && this.heatKind !== "congestion")) return;
    const now = performance.now();
    const gap = Math.max(250, 4 * this.heatDrawMs);
    clearTimeout(this.heatTimer);
    if (now - this.lastHeat >= gap) {
      this.lastHeat = now;
      this.setHeatmap(this.heatKind);
    } else {
      this.heatTimer = setTimeout(() => {
        this.lastHeat = performance.now();
        this.setHeatmap(this.heatKind);
      }, gap);
    }
  }

  /** Shows the difference B − A of a heatmap on B's layout (diverging colours). */
  setDiffHeatmap(kind: Exclude<HeatmapKind, "none">, a: RunData, b: RunData): void {
    this.heatLayer.selectAll("*").remove();
    this.legend.replaceChildren();
    const layout = b.layout;
    if (!layout) return;
    const node = this.heatLayer.node()!;
    const opts = { diverging: true };
    if (kind === "picks") {
      const pa = pickCounts(a.trace);
      const pb = pickCounts(b.trace);
      const diff: Record<string, number> = {};
      for (const id of new Set([...Object.keys(pa), ...Object.keys(pb)]))
        diff[id] = (pb[id] ?? 0) - (pa[id] ?? 0);
      const domain = heatDomain(footprintTotals(layout, diff), opts);
      drawLocationHeatmap(node, layout, diff, { ...opts, domain });
      drawLegend(this.legend, { title: "Picks B − A", unit: "picks", domain, diverging: true });
    } else if (kind === "congestion") {
      // Segments keyed by aisle and index, so the same floor matches piece by piece.
      const sa = a.layout ? congestionSegments(a.layout, a.trace) : [];
      const sb = congestionSegments(layout, b.trace);
      const byKey = new Map<string, AisleSegment>();
      for (const s of sb) byKey.set(s.key, { ...s });
      for (const s of sa) {
        const t = byKey.get(s.key);
        if (t) t.value -= s.value;
        else byKey.set(s.key, { ...s, value: -s.value });
      }
      const diff = [...byKey.values()];
      const domain = heatDomain(
        diff.map((s) => s.value),
        opts,
      );
      drawSegmentHeatmap(node, layout, diff, { ...opts, domain });
      drawLegend(this.legend, {
        title: "Congestion wait B − A",
        unit: "s",
        domain,
        diverging: true,
      });
    } else {
      const da = a.trace?.density;
      const db = b.trace?.density;
      if (!da || !db) return;
      const grid: DensityGrid = db;
      const values = new Float32Array(grid.metres.length);
      const sameGrid = da.cols === db.cols && da.rows === db.rows && da.cellM === db.cellM;
      for (let i = 0; i < values.length; i++)
        values[i] = db.metres[i] - (sameGrid ? da.metres[i] : 0);
      const domain = heatDomain(values, opts);
      drawDensityHeatmap(node, layout, grid, { ...opts, values, domain });
      drawLegend(this.legend, {
        title: sameGrid ? "Travel B − A" : "Travel B (floors differ)",
        unit: `m per ${grid.cellM} m cell`,
        domain,
        diverging: true,
      });
    }
  }

  /** Hides the worker canvas (for difference maps). */
  hideWorkers(): void {
    this.canvas.hidden = true;
  }

  /** Moves the workers and queues to time `t`, s. */
  setTime(t: number): void {
    this.t = t;
    this.drawFrame();
    this.refreshHeatmap();
  }

  /** Number of workers in each state at the current time. */
  stateCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    const trace = this.run?.trace;
    if (!trace) return out;
    for (let i = 0; i < trace.workers.length; i++) {
      const s = WORKER_STATES[this.codes[i]] ?? "other";
      out[s] = (out[s] ?? 0) + 1;
    }
    return out;
  }

  private drawFrame(): void {
    const started = performance.now();
    const run = this.run;
    const trace = run?.trace;
    const layout = run?.layout;
    const ratio = window.devicePixelRatio || 1;
    if (!trace || !layout) {
      this.ctx.setTransform(1, 0, 0, 1, 0, 0);
      this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      return;
    }
    const pos: WorkerPosition = { x: 0, y: 0, moving: false };
    const idle = stateCode("idle");
    const offShift = stateCode("off-shift");
    const dots = this.dots;
    for (let i = 0; i < trace.workers.length; i++) {
      const w = trace.workers[i];
      const code = stateAt(w, this.t, idle);
      this.codes[i] = code;
      const known = positionAt(trace, w, this.t, pos);
      dots.visible[i] = known && code !== offShift ? 1 : 0;
      dots.x[i] = pos.x;
      dots.y[i] = pos.y;
      dots.color[i] = STATE_COLORS[WORKER_STATES[code]];
      dots.liftM![i] = liftAt(w, this.t);
    }
    const view = { k: this.view.k, x: this.view.x, y: this.view.y };
    // Badges first, so a worker passing a door or station is never hidden under its badge.
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.queueBadges) {
      const badges: QueueBadge[] = this.anchors.map((a) => ({
        x: a.x,
        y: a.y,
        label: a.label,
        length: valueAt(trace.queues[a.name], this.t, 0),
      }));
      drawQueues(this.ctx, badges, view, { depthM: layout.depthM, pixelRatio: ratio });
    }
    drawWorkers(this.ctx, dots, view, { depthM: layout.depthM, pixelRatio: ratio, clear: false });
    this.lastFrameMs = performance.now() - started;
  }

  private hover(e: MouseEvent): void {
    const run = this.run;
    const layout = run?.layout;
    if (!run || !layout) return;
    const rect = this.container.getBoundingClientRect();
    const mx = e.clientX - rect.left;
    const my = e.clientY - rect.top;
    let html = "";
    // Workers first: they sit on top of everything.
    const trace = run.trace;
    if (trace && !this.canvas.hidden) {
      let best = -1;
      let bestD = 10;
      for (let i = 0; i < this.dots.count; i++) {
        if (!this.dots.visible[i]) continue;
        const px = this.view.k * this.dots.x[i] + this.view.x;
        const py = this.view.k * (layout.depthM - this.dots.y[i]) + this.view.y;
        const d = Math.hypot(px - mx, py - my);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      if (best >= 0) {
        const w = trace.workers[best];
        html = `<b>Worker ${esc(w.id)}</b><br><span class="k">role</span> ${esc(w.role)}${
          w.equipment ? ` · ${esc(w.equipment)}` : ""
        }<br><span class="k">state</span> ${WORKER_STATES[this.codes[best]]}<br><span class="k">at</span> (${this.dots.x[best].toFixed(1)}, ${this.dots.y[best].toFixed(1)}) m`;
      }
    }
    const target = e.target as Element;
    if (!html) {
      const loc = target.closest("[data-footprint]");
      const door = target.closest(
        ".dock, .pack-station, .staging-lane, .rack, .zone, .aisle, .cross-aisle",
      );
      if (loc) html = this.locationHtml(loc.getAttribute("data-locations")?.split(" ") ?? []);
      else if (door) {
        const id = door.getAttribute("data-id") ?? "";
        const kind = door.classList[0].replace("-", " ");
        const queues = trace
          ? Object.keys(trace.queues)
              .filter((q) => q.split(/[^A-Za-z0-9_.-]+/).includes(id))
              .map(
                (q) =>
                  `<br><span class="k">queue ${esc(q)}</span> ${valueAt(trace.queues[q], this.t)}`,
              )
              .join("")
          : "";
        const waitS = /aisle/.test(kind) ? congestionByAisle(layout, trace)[id] : undefined;
        const jam =
          waitS !== undefined
            ? `<br><span class="k">congestion wait (run)</span> ${formatValue(waitS, 0)} s`
            : "";
        html = `<b>${esc(kind)} ${esc(id)}</b>${queues}${jam}`;
      }
    }
    if (!html) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.innerHTML = html;
    this.tooltip.hidden = false;
    const tw = this.tooltip.offsetWidth;
    const th = this.tooltip.offsetHeight;
    this.tooltip.style.left = `${Math.min(mx + 14, rect.width - tw - 4)}px`;
    this.tooltip.style.top = `${Math.min(my + 14, rect.height - th - 4)}px`;
  }

  private locationHtml(ids: string[]): string {
    const trace = this.run?.trace;
    const rows = ids.map((id) => {
      const picks = trace?.picks[id];
      const stock = trace?.stock[id];
      const skus = stock ? Object.keys(stock) : picks?.sku ? [picks.sku] : [];
      const stockText = stock
        ? Object.entries(stock)
            .map(([sku, s]) => `${esc(sku)}: ${formatValue(valueAt(s, this.t, Number.NaN))}`)
            .join(", ")
        : "–";
      return `<b>${esc(id)}</b><br><span class="k">SKU</span> ${skus.map(esc).join(", ") || "–"}<br><span class="k">on hand now</span> ${stockText}<br><span class="k">picks (run)</span> ${picks ? `${picks.count} (${picks.qty} units)` : 0}`;
    });
    return rows.join("<hr style='border:0;border-top:1px solid #334155;margin:4px 0'>");
  }
}

function footprintTotals(layout: Layout, values: Record<string, number>): number[] {
  // Per rack face position: the heatmap colours the sum over levels, so the legend must too.
  const sums = new Map<string, number>();
  for (const l of layout.locations) {
    const k = `${l.address.rack}:${l.address.bay}:${l.address.slot}`;
    sums.set(k, (sums.get(k) ?? 0) + (values[l.id] ?? 0));
  }
  return [...sums.values()];
}
