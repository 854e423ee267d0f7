/**
 * The floor map: the layout in SVG (zoom and pan with d3.zoom), heatmap layers with a
 * legend, and a canvas on top where workers and queues are redrawn for each time. Layers
 * (workers, queues, heatmap, labels) switch on and off; a scale bar and a legend of layout
 * symbols explain the drawing. Hovering shows a location, a place or a worker; clicking a
 * worker follows it.
 */

import { select, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from "d3";
import { drawBlocks } from "../draw/drawBlocks.ts";
import { drawLayout } from "../draw/drawLayout.ts";
import { type Box, drawQueues, type QueueBadge } from "../draw/drawQueues.ts";
import { drawTrailers } from "../draw/drawTrailers.ts";
import { drawWorkers, type WorkerDots } from "../draw/drawWorkers.ts";
import { renderScaleBar, scaleBar } from "../draw/scaleBar.ts";
import { drawStackCounts, stackWorkers, type WorkerStack } from "../draw/stackWorkers.ts";
import { renderSymbolLegend } from "../draw/symbolLegend.ts";
import {
  liftAt,
  positionAt,
  stateAt,
  valueAt,
  type WorkerPosition,
} from "../trace/playbackQuery.ts";
import { STATE_COLORS, stateCode, WORKER_STATES } from "../trace/traceTypes.ts";
import { type HeatmapKind, type QueueAnchor, queueAnchors } from "./floorData.ts";
import {
  type BlockNow,
  type BlockPlaces,
  blockedAt,
  blockPlaces,
  trailersAt,
} from "./floorState.ts";
import { drawDiffHeatmap, drawRunHeatmap } from "./mapHeatmaps.ts";
import { locationHtml, placeHtml, workerHtml } from "./mapTooltip.ts";
import type { RunData } from "./runData.ts";

export {
  congestionByAisle,
  congestionSegments,
  type HeatmapKind,
  pickCounts,
  queueAnchors,
  SEGMENT_M,
} from "./floorData.ts";

/** Options of MapView. */
export interface MapViewOptions {
  /** Show the worker state key in the top-right corner. Defaults to true. */
  stateKey?: boolean;
  /** Draw queue badges at doors and stations. Defaults to true. */
  queueBadges?: boolean;
}

/** Layers the user can switch off. */
export type MapLayer = "workers" | "queues" | "heatmap" | "labels";

const PLACES = ".dock, .pack-station, .staging-lane, .rack, .zone, .aisle, .cross-aisle, .pd-point";

function emptyDots(n: number): WorkerDots {
  return {
    count: n,
    x: new Float64Array(n),
    y: new Float64Array(n),
    color: new Array(n).fill("#000"),
    visible: new Uint8Array(n),
    liftM: new Float32Array(n),
  };
}

function div(parent: HTMLElement, className: string): HTMLDivElement {
  const el = document.createElement("div");
  el.className = className;
  parent.append(el);
  return el;
}

function stateKey(container: HTMLElement): void {
  const key = document.createElement("div");
  key.className = "state-key";
  container.prepend(key);
  for (const s of WORKER_STATES.slice(0, 6)) {
    div(key, "row").innerHTML =
      `<span class="dot" style="background:${STATE_COLORS[s]}"></span>${s}`;
  }
  div(key, "row").innerHTML = `<span class="dot square"></span>truck (● on foot)`;
  div(key, "row").innerHTML = `<span class="stack-count">3</span>workers on one spot`;
  div(key, "row").innerHTML = `<span class="swatch blocked"></span>blocked: waits for others`;
  div(key, "row").innerHTML = `<span class="swatch trailer"></span>trailer at a door (fill)`;
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
  private scale: HTMLDivElement;
  private symbols: HTMLDivElement;
  private followChip: HTMLDivElement;
  private zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private view: ZoomTransform = zoomIdentity;
  private run: RunData | null = null;
  private anchors: QueueAnchor[] = [];
  private blockMarks: BlockPlaces = { marks: new Map(), faces: new Map() };
  private dots: WorkerDots = emptyDots(0);
  private codes = new Uint8Array(0);
  private t = 0;
  private zoomListeners: ((t: ZoomTransform) => void)[] = [];
  private syncing = false;
  private queueBadges: boolean;
  private layers: Record<MapLayer, boolean> = {
    workers: true,
    queues: true,
    heatmap: true,
    labels: true,
  };
  private heatKind: HeatmapKind = "none";
  private untilClock = false;
  private heatDrawMs = 0;
  private lastHeat = 0;
  private heatTimer: ReturnType<typeof setTimeout> | undefined;
  private labelBoxCache: { key: string; boxes: Box[] } = { key: "", boxes: [] };
  /** Index of the worker the view follows, or -1. */
  private followed = -1;
  /** Time of the last worker frame, ms (for the performance figures). */
  lastFrameMs = 0;
  /** Where the last frame put each queue badge, CSS px (for checks). */
  badgeBoxes: Box[] = [];
  /** The text of each badge of the last frame, in the order of badgeBoxes. */
  badgeTexts: string[] = [];
  /** Workers drawn as one marker with a count in the last frame. */
  stacks: WorkerStack[] = [];
  /** Where the last frame put each stack's count, CSS px (for checks). */
  countBoxes: Box[] = [];
  /** The waits for a held place going on in the last frame (drawn with the workers). */
  blocked: BlockNow[] = [];

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
    this.legend = div(container, "legend-box");
    this.scale = div(container, "scale-bar");
    const keys = div(container, "map-keys");
    this.symbols = div(keys, "symbol-legend");
    // The small compare panes leave both keys out (the floor tab explains the symbols).
    if (options.stateKey ?? true) stateKey(keys);
    else this.symbols.hidden = true;
    this.followChip = div(container, "follow-chip");
    this.followChip.hidden = true;
    this.note = div(container, "empty-note");
    this.note.textContent = "No run loaded. Open a results folder or drop its files here.";
    this.tooltip = div(container, "tooltip");
    this.tooltip.hidden = true;
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.1, 200])
      .on("zoom", (e) => this.zoomed(e.transform));
    this.listen();
    new ResizeObserver(() => this.resize()).observe(container);
    this.resize();
  }

  private listen(): void {
    this.svg.call(this.zoomBehavior).on("dblclick.zoom", null);
    this.svg.on("mousemove", (e: MouseEvent) => this.hover(e));
    this.svg.on("mouseleave", () => {
      this.tooltip.hidden = true;
    });
    this.svg.on("click", (e: MouseEvent) => {
      const [mx, my] = this.pointer(e);
      this.follow(this.nearestWorker(mx, my));
    });
    this.followChip.addEventListener("click", () => this.follow(-1));
  }

  private zoomed(transform: ZoomTransform): void {
    this.view = transform;
    this.viewport.attr("transform", transform.toString());
    renderScaleBar(this.scale, scaleBar(transform.k));
    this.drawFrame();
    if (!this.syncing) for (const f of this.zoomListeners) f(transform);
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
    this.followed = -1;
    this.followChip.hidden = true;
    this.layoutLayer.selectAll("*").remove();
    this.heatLayer.selectAll("*").remove();
    this.legend.replaceChildren();
    const layout = run?.layout;
    this.note.hidden = !!layout;
    if (run && !layout) this.note.textContent = `${run.name}: ${run.problems[0] ?? "no layout"}`;
    if (layout) drawLayout(this.layoutLayer.node()!, layout);
    renderSymbolLegend(this.symbols, layout);
    this.applyLayers();
    const trace = run?.trace ?? null;
    this.dots = emptyDots(trace?.workers.length ?? 0);
    // Trucks (forklift, reach truck, pallet jack) are squares; people on foot or with carts dots.
    this.dots.shape = Uint8Array.from(trace?.workers ?? [], (w) =>
      /forklift|truck|jack|picker/i.test(w.equipment ?? "") ? 1 : 0,
    );
    this.codes = new Uint8Array(this.dots.count);
    this.anchors = layout && trace ? queueAnchors(layout, trace) : [];
    this.blockMarks = layout ? blockPlaces(layout) : { marks: new Map(), faces: new Map() };
    this.labelBoxCache.key = "";
    this.fit(false);
  }

  /** Zooms to show the whole floor; `notify` false keeps synced maps where they are. */
  fit(notify = true): void {
    const layout = this.run?.layout;
    const r = this.container.getBoundingClientRect();
    if (!layout || r.width === 0 || r.height === 0) return;
    // Room around the floor in px: the scale bar above, labels and legends below.
    const side = 24;
    const top = 34;
    const bottom = this.legend.childElementCount ? 84 : 44;
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

  /** Switches a layer on or off. */
  setLayer(layer: MapLayer, on: boolean): void {
    this.layers[layer] = on;
    this.applyLayers();
    this.labelBoxCache.key = "";
    this.drawFrame();
  }

  private applyLayers(): void {
    this.layoutLayer.selectAll(".labels").style("display", this.layers.labels ? "" : "none");
    this.heatLayer.style("display", this.layers.heatmap ? "" : "none");
    this.legend.style.display = this.layers.heatmap ? "" : "none";
  }

  /** Shows one heatmap of this run's trace, with its legend. */
  setHeatmap(kind: HeatmapKind): void {
    this.heatKind = kind;
    const started = performance.now();
    this.heatLayer.selectAll("*").remove();
    this.legend.replaceChildren();
    const layout = this.run?.layout;
    if (!layout || kind === "none") return;
    const until = this.untilClock ? this.t : Number.POSITIVE_INFINITY;
    const target = { node: this.heatLayer.node()!, legend: this.legend };
    drawRunHeatmap(target, layout, this.run?.trace ?? null, kind, until);
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
    drawDiffHeatmap({ node: this.heatLayer.node()!, legend: this.legend }, kind, a, b);
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

  /** Follows worker `i` (keeps it in the middle of the map); -1 stops following. */
  follow(i: number): void {
    const trace = this.run?.trace;
    this.followed = trace && i >= 0 && i < trace.workers.length ? i : -1;
    this.followChip.hidden = this.followed < 0;
    if (this.followed >= 0) {
      this.followChip.dataset.worker = trace!.workers[i].id;
      this.followChip.textContent = `Following ${trace!.workers[i].id} ✕`;
    }
    this.drawFrame();
  }

  /** The id of the followed worker, or null. */
  get following(): string | null {
    return this.followed >= 0 ? (this.run?.trace?.workers[this.followed]?.id ?? null) : null;
  }

  /** Moves the view so the followed worker is in the middle (the zoom stays). */
  private keepFollowed(depthM: number): void {
    const i = this.followed;
    if (i < 0 || !this.dots.visible[i]) return;
    const r = this.container.getBoundingClientRect();
    const k = this.view.k;
    const x = r.width / 2 - k * this.dots.x[i];
    const y = r.height / 2 - k * (depthM - this.dots.y[i]);
    if (Math.abs(x - this.view.x) < 0.5 && Math.abs(y - this.view.y) < 0.5) return;
    // The zoom event redraws the frame; this call returns at once there.
    this.svg.call(this.zoomBehavior.transform, zoomIdentity.translate(x, y).scale(k));
  }

  /** Positions, states and colours of every worker at the current time. */
  private placeWorkers(): void {
    const trace = this.run!.trace!;
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
  }

  /** The canvas's own box, CSS px from its corner. */
  private canvasBox(): Box {
    const ratio = window.devicePixelRatio || 1;
    return { x0: 0, y0: 0, x1: this.canvas.width / ratio, y1: this.canvas.height / ratio };
  }

  /** Screen boxes of the floor's labels (CSS px), cached per view. */
  private labelBoxes(): Box[] {
    if (!this.layers.labels) return [];
    const key = `${this.view.k},${this.view.x},${this.view.y}`;
    if (this.labelBoxCache.key === key) return this.labelBoxCache.boxes;
    const c = this.container.getBoundingClientRect();
    const boxes: Box[] = [];
    for (const el of this.container.querySelectorAll(".labels text")) {
      const r = el.getBoundingClientRect();
      boxes.push({
        x0: r.left - c.left,
        y0: r.top - c.top,
        x1: r.right - c.left,
        y1: r.bottom - c.top,
      });
    }
    this.labelBoxCache = { key, boxes };
    return boxes;
  }

  private drawFrame(): void {
    const started = performance.now();
    const trace = this.run?.trace;
    const layout = this.run?.layout;
    const ratio = window.devicePixelRatio || 1;
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.badgeBoxes = [];
    this.badgeTexts = [];
    this.stacks = [];
    this.countBoxes = [];
    this.blocked = [];
    if (!trace || !layout) return;
    this.placeWorkers();
    this.keepFollowed(layout.depthM);
    const view = { k: this.view.k, x: this.view.x, y: this.view.y };
    const opts = { depthM: layout.depthM, pixelRatio: ratio };
    const radiusPx = Math.max(3, 0.6 * view.k);
    // Blocked places lie under everything else; waits count only where workers are drawn.
    if (this.layers.workers) {
      const blocked = blockedAt(trace, this.blockMarks, this.t, this.dots);
      this.blocked = blocked.now;
      drawBlocks(this.ctx, blocked.draw, view, { ...opts, radiusPx });
    }
    // Badges before workers, so a worker passing a door or station is never hidden under one.
    if (this.queueBadges && this.layers.queues) {
      const trailers = trailersAt(layout, trace, this.t);
      drawTrailers(this.ctx, trailers.boxes, view, opts);
      const badges = [...this.queueBadgesNow(trace), ...trailers.badges];
      this.badgeTexts = badges.map((b) => b.text ?? `${b.label} ${b.length}`);
      const placing = { avoid: this.labelBoxes(), bounds: this.canvasBox() };
      this.badgeBoxes = drawQueues(this.ctx, badges, view, { ...opts, ...placing });
    }
    if (this.layers.workers) this.drawWorkerLayer(view, layout.depthM, ratio);
    this.lastFrameMs = performance.now() - started;
  }

  /** Each placed queue's badge at the current time. */
  private queueBadgesNow(trace: NonNullable<RunData["trace"]>): QueueBadge[] {
    // Queues that share a place's label (two at the pack stations) show their own names.
    const shared = (label: string) => this.anchors.filter((a) => a.label === label).length > 1;
    return this.anchors.map((a) => ({
      x: a.x,
      y: a.y,
      label: shared(a.label) ? a.name : a.label,
      length: valueAt(trace.queues[a.name], this.t, 0),
    }));
  }

  private drawWorkerLayer(
    view: { k: number; x: number; y: number },
    depthM: number,
    ratio: number,
  ) {
    const idle = stateCode("idle");
    const dots = this.dots;
    // Stacking hides markers for this drawing only: hover and tooltips still see every worker.
    const shown = dots.visible.slice();
    this.stacks = stackWorkers(
      dots,
      (i) => this.codes[i] === idle && i !== this.followed,
      view,
      depthM,
    );
    // Counts under the markers: a count never hides a worker that passes by, and never
    // covers a label or a badge.
    const radiusPx = Math.max(3, 0.6 * view.k);
    const avoid = [...this.labelBoxes(), ...this.badgeBoxes];
    this.countBoxes = drawStackCounts(this.ctx, this.stacks, {
      pixelRatio: ratio,
      radiusPx,
      avoid,
      bounds: this.canvasBox(),
    });
    drawWorkers(this.ctx, dots, view, { depthM, pixelRatio: ratio, clear: false });
    dots.visible.set(shown);
    if (this.followed >= 0 && dots.visible[this.followed]) {
      const i = this.followed;
      this.ctx.strokeStyle = "#0f172a";
      this.ctx.lineWidth = 2;
      this.ctx.beginPath();
      this.ctx.arc(
        view.k * dots.x[i] + view.x,
        view.k * (depthM - dots.y[i]) + view.y,
        radiusPx + 5,
        0,
        Math.PI * 2,
      );
      this.ctx.stroke();
    }
  }

  private pointer(e: MouseEvent): [number, number] {
    const rect = this.container.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  /** The shown worker within 10 px of (mx, my), or -1. */
  private nearestWorker(mx: number, my: number): number {
    const layout = this.run?.layout;
    if (!layout || !this.run?.trace || this.canvas.hidden || !this.layers.workers) return -1;
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
    return best;
  }

  private tooltipHtml(e: MouseEvent): string {
    const run = this.run!;
    const [mx, my] = this.pointer(e);
    // Workers first: they sit on top of everything.
    const w = this.nearestWorker(mx, my);
    if (w >= 0) {
      const id = run.trace!.workers[w].id;
      const blocked = this.blocked.find((b) => b.worker === id);
      const now = { code: this.codes[w], x: this.dots.x[w], y: this.dots.y[w], blocked };
      return workerHtml(run.trace!, w, now);
    }
    const target = e.target as Element;
    const loc = target.closest("[data-footprint]");
    if (loc)
      return locationHtml(run.trace, loc.getAttribute("data-locations")?.split(" ") ?? [], this.t);
    const place = target.closest(PLACES);
    if (!place) return "";
    const { x, y, visible } = this.dots;
    const ctx = {
      layout: run.layout!,
      trace: run.trace,
      anchors: this.anchors,
      t: this.t,
      blocked: this.blocked,
    };
    return placeHtml({ ...ctx, x, y, visible, codes: this.codes }, place);
  }

  private hover(e: MouseEvent): void {
    if (!this.run?.layout) return;
    const html = this.tooltipHtml(e);
    if (!html) {
      this.tooltip.hidden = true;
      return;
    }
    const [mx, my] = this.pointer(e);
    const rect = this.container.getBoundingClientRect();
    this.tooltip.innerHTML = html;
    this.tooltip.hidden = false;
    const tw = this.tooltip.offsetWidth;
    const th = this.tooltip.offsetHeight;
    this.tooltip.style.left = `${Math.min(mx + 14, rect.width - tw - 4)}px`;
    this.tooltip.style.top = `${Math.min(my + 14, rect.height - th - 4)}px`;
  }
}
