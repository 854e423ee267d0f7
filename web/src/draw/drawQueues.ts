/**
 * Draws queue badges on a canvas: a rounded label with the queue length and up to eight
 * small squares, one per waiting item, next to the door or station the queue belongs to.
 * A badge never covers another badge or a box to avoid (the floor's labels).
 */
import type { ViewTransform } from "./drawWorkers.ts";

/** A queue placed on the floor, m. */
export interface QueueBadge {
  x: number;
  y: number;
  length: number;
  label: string;
}

/** A screen rectangle, CSS px. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Options of drawQueues. */
export interface DrawQueuesOptions {
  depthM: number;
  pixelRatio?: number;
  /** Boxes no badge may overlap (labels), CSS px. */
  avoid?: readonly Box[];
}

const ROW_PX = 28;
const BADGE_H = 26;

/** True if `a` and `b` overlap (a gap of `pad` px counts as overlap). */
export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return a.x0 < b.x1 + pad && a.x1 > b.x0 - pad && a.y0 < b.y1 + pad && a.y1 > b.y0 - pad;
}

/** The first free row for a badge of width `w` above (x, py): up from 30 px, then down. */
function placeBadge(x: number, py: number, w: number, taken: readonly Box[]): Box {
  const at = (y: number): Box => ({ x0: x, y0: y, x1: x + w, y1: y + BADGE_H });
  const free = (b: Box) => !taken.some((t) => boxesOverlap(b, t, 2));
  for (let row = 0; row < 12; row++) {
    const up = at(py - 30 - row * ROW_PX);
    if (free(up)) return up;
    const down = at(py + 12 + row * ROW_PX);
    if (row > 0 && free(down)) return down;
  }
  return at(py - 30);
}

/** Draws `badges` over what is already on `ctx`; returns where each went (CSS px). */
export function drawQueues(
  ctx: CanvasRenderingContext2D,
  badges: QueueBadge[],
  view: ViewTransform,
  options: DrawQueuesOptions,
): Box[] {
  const ratio = options.pixelRatio ?? 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = "600 11px Inter, system-ui, sans-serif";
  ctx.textBaseline = "middle";
  // Badges are placed left to right; each takes the first row clear of the others and labels.
  const taken: Box[] = [...(options.avoid ?? [])];
  const placed: Box[] = [];
  const order = badges
    .map((b) => ({ b, px: view.k * b.x + view.x, py: view.k * (options.depthM - b.y) + view.y }))
    .sort((p, q) => p.px - q.px);
  for (const { b, px, py } of order) {
    const text = `${b.label} ${b.length}`;
    const w = ctx.measureText(text).width + 12;
    const box = placeBadge(px - w / 2, py, w, taken);
    taken.push(box);
    placed.push(box);
    ctx.fillStyle = b.length > 0 ? "rgba(15,23,42,0.88)" : "rgba(100,116,139,0.75)";
    ctx.beginPath();
    ctx.roundRect(box.x0, box.y0, w, 18, 9);
    ctx.fill();
    ctx.fillStyle = "#ffffff";
    ctx.fillText(text, box.x0 + 6, box.y0 + 9.5);
    const shown = Math.min(8, Math.max(0, Math.round(b.length)));
    ctx.fillStyle = "#f59e0b";
    for (let i = 0; i < shown; i++) ctx.fillRect(px - (shown * 7) / 2 + i * 7, box.y0 + 21, 5, 5);
  }
  return placed;
}
