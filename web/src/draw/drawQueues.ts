/**
 * Draws queue badges on a canvas: a rounded label with the queue length and up to eight
 * small squares, one per waiting item, next to the door or station the queue belongs to
 * (or, for a trailer at a door, a bar of its fill). A badge never covers another badge or a
 * box to avoid (the floor's labels).
 */
import type { ViewTransform } from "./drawWorkers.ts";
import { type Box, ClearPlacement, labelText } from "./placeClear.ts";

export { type Box, boxesOverlap } from "./placeClear.ts";

/** A queue placed on the floor, m. */
export interface QueueBadge {
  x: number;
  y: number;
  length: number;
  label: string;
  /** The badge's text; defaults to `label length`. */
  text?: string;
  /** A share 0..1 drawn as a bar under the badge instead of one square per item. */
  fill?: number;
}

/** Options of drawQueues. */
export interface DrawQueuesOptions {
  depthM: number;
  pixelRatio?: number;
  /** Boxes no badge may overlap (labels), CSS px. */
  avoid?: readonly Box[];
  /** Where a badge must lie to count as free (the visible canvas), CSS px; default anywhere. */
  bounds?: Box;
}

const ROW_PX = 28;
const BADGE_H = 26;

/** Rows for a badge of width `w` at (x, py): up from 30 px, then down, alternating. */
function* badgeRows(x: number, py: number, w: number): Generator<Box> {
  const at = (y: number): Box => ({ x0: x, y0: y, x1: x + w, y1: y + BADGE_H });
  for (let row = 0; row < 12; row++) {
    yield at(py - 30 - row * ROW_PX);
    if (row > 0) yield at(py + 12 + row * ROW_PX);
  }
}

/** Up to eight squares, one per waiting item, or a bar of `fill` under the badge. */
function drawItems(ctx: CanvasRenderingContext2D, b: QueueBadge, px: number, box: Box): void {
  if (b.fill !== undefined) {
    const w = box.x1 - box.x0;
    ctx.fillStyle = "rgba(15,23,42,0.35)";
    ctx.fillRect(box.x0, box.y0 + 20, w, 5);
    ctx.fillStyle = "#f59e0b";
    ctx.fillRect(box.x0, box.y0 + 20, w * Math.min(1, Math.max(0, b.fill)), 5);
    return;
  }
  const shown = Math.min(8, Math.max(0, Math.round(b.length)));
  ctx.fillStyle = "#f59e0b";
  for (let i = 0; i < shown; i++) ctx.fillRect(px - (shown * 7) / 2 + i * 7, box.y0 + 21, 5, 5);
}

/** Draws `badges` over what is already on `ctx`; returns where each went (CSS px), in order. */
export function drawQueues(
  ctx: CanvasRenderingContext2D,
  badges: QueueBadge[],
  view: ViewTransform,
  options: DrawQueuesOptions,
): Box[] {
  labelText(ctx, "600 11px Inter, system-ui, sans-serif", options.pixelRatio);
  // Badges are placed left to right; each takes the first row clear of the others and labels.
  const placement = new ClearPlacement(options.avoid, options.bounds);
  const placed: Box[] = new Array(badges.length);
  const order = badges
    .map((b, i) => ({
      b,
      i,
      px: view.k * b.x + view.x,
      py: view.k * (options.depthM - b.y) + view.y,
    }))
    .sort((p, q) => p.px - q.px);
  for (const { b, i, px, py } of order) {
    const text = b.text ?? `${b.label} ${b.length}`;
    const w = ctx.measureText(text).width + 12;
    // The first free row above its place (then below), else the first row up.
    const box = placement.place(() => badgeRows(px - w / 2, py, w), 2);
    placed[i] = box;
    ctx.fillStyle =
      b.length > 0 || b.fill !== undefined ? "rgba(15,23,42,0.88)" : "rgba(100,116,139,0.75)";
    ctx.beginPath();
    ctx.roundRect(box.x0, box.y0, w, 18, 9);
    ctx.fill();
    ctx.fillStyle = "#ffffff";
    ctx.fillText(text, box.x0 + 6, box.y0 + 9.5);
    drawItems(ctx, b, px, box);
  }
  return placed;
}
