/**
 * Draws queue badges on a canvas: a rounded label with the queue length and up to eight
 * small squares, one per waiting item, next to the door or station the queue belongs to.
 */
import type { ViewTransform } from "./drawWorkers.ts";

/** A queue placed on the floor, m. */
export interface QueueBadge {
  x: number;
  y: number;
  length: number;
  label: string;
}

/** Draws `badges` over what is already on `ctx` (the viewer draws workers over them). */
export function drawQueues(
  ctx: CanvasRenderingContext2D,
  badges: QueueBadge[],
  view: ViewTransform,
  options: { depthM: number; pixelRatio?: number },
): void {
  const ratio = options.pixelRatio ?? 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = "600 11px Inter, system-ui, sans-serif";
  ctx.textBaseline = "middle";
  // Badges are placed left to right; one that would overlap the previous one moves up a row.
  const placed: { x0: number; x1: number; y: number }[] = [];
  const order = badges
    .map((b) => ({ b, px: view.k * b.x + view.x, py: view.k * (options.depthM - b.y) + view.y }))
    .sort((p, q) => p.px - q.px);
  for (const { b, px, py } of order) {
    const text = `${b.label} ${b.length}`;
    const w = ctx.measureText(text).width + 12;
    const x = px - w / 2;
    let y = py - 30;
    while (placed.some((p) => p.y === y && x < p.x1 + 2 && x + w > p.x0 - 2)) y -= 28;
    placed.push({ x0: x, x1: x + w, y });
    ctx.fillStyle = b.length > 0 ? "rgba(15,23,42,0.88)" : "rgba(100,116,139,0.75)";
    ctx.beginPath();
    ctx.roundRect(x, y, w, 18, 9);
    ctx.fill();
    ctx.fillStyle = "#ffffff";
    ctx.fillText(text, x + 6, y + 9.5);
    const shown = Math.min(8, Math.max(0, Math.round(b.length)));
    ctx.fillStyle = "#f59e0b";
    for (let i = 0; i < shown; i++) ctx.fillRect(px - (shown * 7) / 2 + i * 7, y + 21, 5, 5);
  }
}
