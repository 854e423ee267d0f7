/**
 * What the floor map shows, computed from a run: picks per location, congestion per aisle
 * and per aisle segment, and where each trace queue sits on the floor.
 */
import type { Layout } from "../../../src/layout/types.ts";
import {
  type AisleSegment,
  aisleIdOf,
  aisleSegments,
  type PlacedValue,
} from "../draw/aisleSegments.ts";
import { lastAtOrBefore } from "../trace/playbackQuery.ts";
import type { TraceIndex } from "../trace/traceIndex.ts";

/** What the heatmap layer shows. */
export type HeatmapKind = "none" | "picks" | "congestion" | "density";

/** A trace queue placed on the floor, m; `label` names the place or the group. */
export interface QueueAnchor {
  name: string;
  label: string;
  x: number;
  y: number;
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

/** Sum per rack face position (over levels) of `values` per location. */
export function footprintTotals(layout: Layout, values: Record<string, number>): number[] {
  // Per rack face position: the heatmap colours the sum over levels, so the legend must too.
  const sums = new Map<string, number>();
  for (const l of layout.locations) {
    const k = `${l.address.rack}:${l.address.bay}:${l.address.slot}`;
    sums.set(k, (sums.get(k) ?? 0) + (values[l.id] ?? 0));
  }
  return [...sums.values()];
}
