/**
 * The floor map's tooltips, as HTML: a worker (role, state, position), a storage location
 * (SKU, stock now, picks), and a place (dock, pack station, staging lane, aisle, P&D point)
 * with its own state now: a door's trailer and fill, a station's packer, each one's busy share
 * up to the clock, its own queues (then those shared with the other places of its kind), and
 * the workers blocked there.
 */
import { escapeHtml as esc } from "../../../src/common/escapeHtml.ts";
import type { Layout } from "../../../src/layout/types.ts";
import { doorAt, heldShare, holderAt } from "../trace/floorQuery.ts";
import { valueAt } from "../trace/playbackQuery.ts";
import type { TraceIndex } from "../trace/traceIndex.ts";
import { WORKER_STATES } from "../trace/traceTypes.ts";
import { congestionByAisle, type QueueAnchor } from "./floorData.ts";
import type { BlockNow } from "./floorState.ts";
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
  /** Waits for a held place going on now. */
  blocked: readonly BlockNow[];
}

const k = (text: string) => `<br><span class="k">${esc(text)}</span> `;

/** A worker now: its state code, position, m, and the wait for a held place it is in. */
export interface WorkerNow {
  code: number;
  x: number;
  y: number;
  blocked?: BlockNow;
}

/** A worker: id, role, equipment, state (and what blocks it) and position. */
export function workerHtml(trace: TraceIndex, i: number, now: WorkerNow): string {
  const w = trace.workers[i];
  const equipment = w.equipment ? ` · ${esc(w.equipment)}` : "";
  const b = now.blocked;
  const blocked = b ? `${k("blocked at")}${esc(b.at)} (${esc(b.location || b.reason)})` : "";
  return `<b>Worker ${esc(w.id)}</b>${k("role")}${esc(w.role)}${equipment}${k("state")}${WORKER_STATES[now.code]}${blocked}${k("at")}(${now.x.toFixed(1)}, ${now.y.toFixed(1)}) m<br><span class="muted">click to follow</span>`;
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

/** The role that works at a place kind, its queue group, and what the group is shared by. */
function servedBy(
  kind: string,
  classes: DOMTokenList,
): { role: string; group: string; sharedBy: string } | null {
  if (kind === "pack-station") return { role: "packer", group: "pack", sharedBy: "all stations" };
  if (kind !== "dock") return null;
  return classes.contains("inbound")
    ? { role: "receiver", group: "receive", sharedBy: "all inbound doors" }
    : { role: "loader", group: "load", sharedBy: "all outbound doors" };
}

/** Whether queue `name` belongs to place `id` (named after it or after one of its lanes). */
function ownQueue(name: string, id: string): boolean {
  return name.split(/[^A-Za-z0-9_.-]+/).includes(id) || name.includes(`${id}-`);
}

/** A place's own queues now, then the queues of its group shared with other places. */
function queuesHtml(
  ctx: PlaceContext,
  id: string,
  serve: { group: string; sharedBy: string } | null,
) {
  const trace = ctx.trace;
  if (!trace) return "";
  const own = Object.keys(trace.queues).filter((q) => ownQueue(q, id));
  const shared = serve
    ? ctx.anchors.filter((a) => a.label === serve.group && !own.includes(a.name)).map((a) => a.name)
    : [];
  const row = (q: string, note: string) =>
    `${k(`queue ${q}${note}`)}${valueAt(trace.queues[q], ctx.t)}`;
  const sharedNote = serve ? ` (${serve.sharedBy})` : "";
  return [
    ...own.map((q) => row(q, "")),
    ...[...new Set(shared)].map((q) => row(q, sharedNote)),
  ].join("");
}

/** Workers of `role` within 3 m of `at` now, and how many of them are busy. */
function nearHtml(ctx: PlaceContext, role: string, at: { x: number; y: number }): string {
  const trace = ctx.trace;
  if (!trace) return "";
  const idle = WORKER_STATES.indexOf("idle");
  let near = 0;
  let busy = 0;
  trace.workers.forEach((w, j) => {
    if (w.role !== role || !ctx.visible[j]) return;
    if (Math.hypot(ctx.x[j] - at.x, ctx.y[j] - at.y) > 3) return;
    near++;
    if (ctx.codes[j] !== idle) busy++;
  });
  return `${k(`${role}s here now`)}${busy} busy of ${near}`;
}

/** Share text of a held share 0..1 ("–" when unknown). */
const shareText = (share: number) =>
  Number.isFinite(share) ? `${formatValue(100 * share, 0)} %` : "–";

/** A door's trailer now with its fill, and the door's busy share up to the clock. */
function doorHtml(ctx: PlaceContext, id: string): string {
  const trace = ctx.trace;
  if (!trace) return "";
  const series = trace.doors[id];
  const now = doorAt(series, ctx.t);
  const fill =
    now && Number.isFinite(now.pallets) ? ` · ${now.pallets} / ${now.palletPlaces} pallets` : "";
  const traced = Object.keys(trace.doors).length > 0;
  const share = traced ? heldShare(series, trace.startT, ctx.t) : Number.NaN;
  return `${k("trailer now")}${now ? esc(now.trailer) + fill : "none"}${k("door busy (up to now)")}${shareText(share)}`;
}

/** A pack station's packer now and the station's busy share up to the clock. */
function stationHtml(ctx: PlaceContext, id: string): string {
  const trace = ctx.trace;
  if (!trace) return "";
  const series = trace.stations[id];
  const traced = Object.keys(trace.stations).length > 0;
  const share = traced ? heldShare(series, trace.startT, ctx.t) : Number.NaN;
  const packer = holderAt(series, ctx.t);
  return `${k("packer now")}${packer ? esc(packer) : "none"}${k("station busy (up to now)")}${shareText(share)}`;
}

/** Where a dock or station is, m. */
function placeOf(layout: Layout, kind: string, id: string): { x: number; y: number } | null {
  const list = kind === "dock" ? layout.docks : kind === "pack-station" ? layout.packStations : [];
  const p = list.find((d) => d.id === id);
  return p ? { x: p.x, y: p.y } : null;
}

/** The workers waiting at place `id` now because others hold it. */
function blockedHtml(ctx: PlaceContext, id: string): string {
  const here = ctx.blocked.filter((b) => b.at === id);
  if (!here.length) return "";
  const rows = here.map((b) => `${esc(b.worker)} (${esc(b.location || b.reason)})`).join(", ");
  return `${k("blocked now")}<span class="blocked">${rows}</span>`;
}

/** A dock, pack station, staging lane, rack, zone, aisle or P&D point under the pointer. */
export function placeHtml(ctx: PlaceContext, el: Element): string {
  const id = el.getAttribute("data-id") ?? "";
  const kind = el.classList[0];
  const serve = servedBy(kind, el.classList);
  const own =
    kind === "dock" ? doorHtml(ctx, id) : kind === "pack-station" ? stationHtml(ctx, id) : "";
  const at = placeOf(ctx.layout, kind, id);
  const near = serve && at ? nearHtml(ctx, serve.role, at) : "";
  const waitS = /aisle/.test(kind) ? congestionByAisle(ctx.layout, ctx.trace)[id] : undefined;
  const jam = waitS !== undefined ? `${k("congestion wait (run)")}${formatValue(waitS, 0)} s` : "";
  const title = `<b>${esc(kind.replace("-", " "))} ${esc(id)}</b>`;
  return `${title}${own}${queuesHtml(ctx, id, serve)}${near}${blockedHtml(ctx, id)}${jam}`;
}
