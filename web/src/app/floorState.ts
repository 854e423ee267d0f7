/**
 * What stands on the floor at one time, from the trace: the places where workers wait for
 * others (blocked aisles, cross aisles, P&D points) and the trailers at the dock doors with
 * their fill, ready to draw.
 */
import type { Layout } from "../../../src/layout/types.ts";
import type { Blocked, BlockMark } from "../draw/drawBlocks.ts";
import type { QueueBadge } from "../draw/drawQueues.ts";
import type { DockedTrailer } from "../draw/drawTrailers.ts";
import type { WorkerDots } from "../draw/drawWorkers.ts";
import { blocksAt, doorAt } from "../trace/floorQuery.ts";
import type { TraceIndex } from "../trace/traceIndex.ts";

/** A wait going on now: who waits, where, why. */
export interface BlockNow {
  at: string;
  worker: string;
  reason: string;
  location: string;
}

/** The shape of each place a worker can wait at, by id: aisles, cross aisles, P&D points. */
export function blockPlaces(layout: Layout): Map<string, BlockMark> {
  const out = new Map<string, BlockMark>();
  for (const a of [...layout.aisles, ...layout.crossAisles]) {
    out.set(a.id, { points: a.points, widthM: a.widthM });
  }
  for (const p of layout.pdPoints) out.set(p.id, { points: [[p.x, p.y]], widthM: 1.6 });
  return out;
}

/**
 * The waits going on at `t`, and what to draw: each blocked place once, and a ring for each
 * waiting worker shown on the floor (`dots`, indexed like the trace's workers).
 */
export function blockedAt(
  trace: TraceIndex,
  places: ReadonlyMap<string, BlockMark>,
  t: number,
  dots: WorkerDots,
): { now: BlockNow[]; draw: Blocked } {
  const b = trace.blocks;
  const now: BlockNow[] = [];
  const marks = new Map<string, BlockMark>();
  const waiting: { x: number; y: number }[] = [];
  const waits = blocksAt(b, t);
  const workerIndex = waits.length
    ? new Map(trace.workers.map((w, i) => [w.id, i] as const))
    : null;
  for (const i of waits) {
    now.push({ at: b.at[i], worker: b.worker[i], reason: b.reason[i], location: b.location[i] });
    const mark = places.get(b.at[i]);
    if (mark) marks.set(b.at[i], mark);
    const w = workerIndex?.get(b.worker[i]);
    if (w !== undefined && dots.visible[w]) waiting.push({ x: dots.x[w], y: dots.y[w] });
  }
  return { now, draw: { marks: [...marks.values()], waiting } };
}

/** The trailers at the doors at `t`: a box per door and a badge `OUT1 out-3 12/26`. */
export function trailersAt(
  layout: Layout,
  trace: TraceIndex,
  t: number,
): { boxes: DockedTrailer[]; badges: QueueBadge[] } {
  const boxes: DockedTrailer[] = [];
  const badges: QueueBadge[] = [];
  for (const d of layout.docks) {
    const at = doorAt(trace.doors[d.id], t);
    if (!at) continue;
    const fill = at.pallets / at.palletPlaces;
    boxes.push({ x: d.x, y: d.y, widthM: d.widthM, fill });
    const load = Number.isFinite(fill) ? ` ${at.pallets}/${at.palletPlaces}` : "";
    const text = `${d.id} ${at.trailer}${load}`;
    const badge: QueueBadge = { x: d.x, y: d.y + 1.5, length: 0, label: d.id, text };
    if (Number.isFinite(fill)) badge.fill = fill;
    badges.push(badge);
  }
  return { boxes, badges };
}
