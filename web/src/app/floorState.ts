/**
 * What stands on the floor at one time, from the trace: the places where workers wait for
 * others (blocked aisles, cross aisles, P&D points, the stretch of aisle at a held pick
 * face) and the trailers at the dock doors with their fill, ready to draw.
 */
import type { Layout } from "../../../src/layout/types.ts";
import { subPolyline } from "../draw/aisleSegments.ts";
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

/** Where workers can wait: each place's shape by id, and each location's place on its aisle. */
export interface BlockPlaces {
  /** Aisles, cross aisles and P&D points. */
  marks: Map<string, BlockMark>;
  /** Distance of each location's access point along its aisle, m. */
  faces: Map<string, number>;
}

/** Length of aisle marked around a held pick face, m. */
const FACE_M = 3;

/** The places of `layout` a worker can wait at. */
export function blockPlaces(layout: Layout): BlockPlaces {
  const marks = new Map<string, BlockMark>();
  for (const a of [...layout.aisles, ...layout.crossAisles]) {
    marks.set(a.id, { points: a.points, widthM: a.widthM });
  }
  for (const p of layout.pdPoints) marks.set(p.id, { points: [[p.x, p.y]], widthM: 1.6 });
  const faces = new Map(layout.locations.map((l) => [l.id, l.access.positionM] as const));
  return { marks, faces };
}

/**
 * The mark of a wait at `at`: the whole aisle, cross aisle or P&D point, or for a held pick
 * face (`location` known) the stretch of its aisle in front of it; with its key.
 */
function markOf(places: BlockPlaces, at: string, location: string): [string, BlockMark] | null {
  const mark = places.marks.get(at);
  if (!mark) return null;
  const positionM = location ? places.faces.get(location) : undefined;
  if (positionM === undefined || mark.points.length < 2) return [at, mark];
  const points = subPolyline(
    mark.points as [number, number][],
    positionM - FACE_M / 2,
    positionM + FACE_M / 2,
  );
  return points.length >= 2 ? [`${at}@${location}`, { points, widthM: mark.widthM }] : [at, mark];
}

/**
 * The waits going on at `t`, and what to draw: each blocked place once, and a ring for each
 * waiting worker shown on the floor (`dots`, indexed like the trace's workers).
 */
export function blockedAt(
  trace: TraceIndex,
  places: BlockPlaces,
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
    const mark = markOf(places, b.at[i], b.location[i]);
    if (mark) marks.set(mark[0], mark[1]);
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
