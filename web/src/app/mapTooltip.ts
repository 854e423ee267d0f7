/**
 * The floor map's tooltips, as HTML: a worker (role, state, position), a storage location
 * (SKU, stock now, picks), and a place (dock, pack station, staging lane, aisle) with its
 * queues now and, for docks and stations, the utilisation of the role that works there.
 */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import type { Layout } from "../../../src/layout/types.ts";
import { lastAtOrBefore, valueAt } from "../trace/playbackQuery.ts";
import type { TraceIndex } from "../trace/traceIndex.ts";
import { WORKER_STATES } from "../trace/traceTypes.ts";
import { congestionByAisle, type QueueAnchor } from "./floorData.ts";
import { formatValue } from "./format.ts";

/** What a place tooltip reads. */
export interface PlaceContext {
  layout: Layout;
  trace: TraceIndex | null;
  anchors: readonly QueueAnchor[];
  /** Worker positions now, m, and which are shown. */
  x: Float64Array;
  y: Float64Array;
  visible: Uint8Array;
  /** State code per worker now. */
  codes: Uint8Array;
  t: number;
}

const k = (text: string) => `<br><span class="k">${esc(text)}</span> `;

/** A worker: id, role, equipment, state and position. */
export function workerHtml(trace: TraceIndex, i: number, code: number, x: number, y: number) {
  const w = trace.workers[i];
  const equipment = w.equipment ? ` · ${esc(w.equipment)}` : "";
  return `<b>Worker ${esc(w.id)}</b>${k("role")}${esc(w.role)}${equipment}${k("state")}${WORKER_STATES[code]}${k("at")}(${x.toFixed(1)}, ${y.toFixed(1)}) m<br><span class="muted">click to follow</span>`;
}

/** Storage locations: SKU, stock on hand now and picks over the run. */
export function locationHtml(trace: TraceIndex | null, ids: string[], t: number): string {
  const rows = ids.map((id) => {
    const picks = trace?.picks[id];
    const stock = trace?.stock[id];
    const skus = stock ? Object.keys(stock) : picks?.sku ? [picks.sku] : [];
    const stockText = stock
      ? Object.entries(stock)
          .map(([sku, s]) => `${esc(sku)}: ${formatValue(valueAt(s, t, Number.NaN))}`)
          .join(", ")
      : "–";
    return `<b>${esc(id)}</b><br><span class="k">SKU</span> ${skus.map(esc).join(", ") || "–"}<br><span class="k">on hand now</span> ${stockText}<br><span class="k">picks (run)</span> ${picks ? `${picks.count} (${picks.qty} units)` : 0}`;
  });
  return rows.join("<hr style='border:0;border-top:1px solid #334155;margin:4px 0'>");
}

/** The role that works at a place kind, and the queue group placed there. */
function servedBy(kind: string, classes: DOMTokenList): { role: string; group: string } | null {
  if (kind === "pack-station") return { role: "packer", group: "pack" };
  if (kind !== "dock") return null;
  return classes.contains("inbound")
    ? { role: "receiver", group: "receive" }
    : { role: "loader", group: "load" };
}

/** Queue names at place `id`: named after it, or placed there by group. */
function queuesAt(ctx: PlaceContext, id: string, group: string | undefined): string[] {
  const names = Object.keys(ctx.trace?.queues ?? {});
  const own = names.filter((q) => q.split(/[^A-Za-z0-9_.-]+/).includes(id) || q.includes(`${id}-`));
  const grouped = group ? ctx.anchors.filter((a) => a.label === group).map((a) => a.name) : [];
  return [...new Set([...own, ...grouped])];
}

/** The role's busy share at the last sample up to now, and workers of it within 3 m now. */
function utilisationHtml(ctx: PlaceContext, role: string, at: { x: number; y: number }): string {
  const trace = ctx.trace;
  if (!trace) return "";
  const column = trace.samples.utilization[role];
  const i = lastAtOrBefore(trace.samples.t, ctx.t);
  const share = column && i >= 0 ? column[i] : Number.NaN;
  const idle = WORKER_STATES.indexOf("idle");
  let near = 0;
  let busy = 0;
  trace.workers.forEach((w, j) => {
    if (w.role !== role || !ctx.visible[j]) return;
    if (Math.hypot(ctx.x[j] - at.x, ctx.y[j] - at.y) > 3) return;
    near++;
    if (ctx.codes[j] !== idle) busy++;
  });
  const shareText = Number.isFinite(share) ? `${formatValue(100 * share, 0)} %` : "–";
  return `${k(`utilisation (${role}s, now)`)}${shareText}${k(`${role}s here now`)}${busy} busy of ${near}`;
}

/** Where a dock or station is, m. */
function placeOf(layout: Layout, kind: string, id: string): { x: number; y: number } | null {
  const list = kind === "dock" ? layout.docks : kind === "pack-station" ? layout.packStations : [];
  const p = list.find((d) => d.id === id);
  return p ? { x: p.x, y: p.y } : null;
}

/** A dock, pack station, staging lane, rack, zone or aisle under the pointer. */
export function placeHtml(ctx: PlaceContext, el: Element): string {
  const id = el.getAttribute("data-id") ?? "";
  const kind = el.classList[0];
  const trace = ctx.trace;
  const serve = servedBy(kind, el.classList);
  const queues = trace
    ? queuesAt(ctx, id, serve?.group)
        .map((q) => `${k(`queue ${q}`)}${valueAt(trace.queues[q], ctx.t)}`)
        .join("")
    : "";
  const at = placeOf(ctx.layout, kind, id);
  const use = serve && at ? utilisationHtml(ctx, serve.role, at) : "";
  const waitS = /aisle/.test(kind) ? congestionByAisle(ctx.layout, trace)[id] : undefined;
  const jam = waitS !== undefined ? `${k("congestion wait (run)")}${formatValue(waitS, 0)} s` : "";
  return `<b>${esc(kind.replace("-", " "))} ${esc(id)}</b>${queues}${use}${jam}`;
}
