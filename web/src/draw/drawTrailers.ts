/**
 * Draws the trailers at dock doors on a canvas: over an occupied door, a dark outlined box
 * as wide as the door that fills from the left with the share of the trailer's pallet places
 * in use.
 */
import type { ViewTransform } from "./drawWorkers.ts";

/** A trailer at a door: the door's centre and width, m, and its fill 0..1 (NaN unknown). */
export interface DockedTrailer {
  x: number;
  y: number;
  widthM: number;
  fill: number;
}

/** Draws `trailers` (door boxes at least 10 × 6 px). */
export function drawTrailers(
  ctx: CanvasRenderingContext2D,
  trailers: readonly DockedTrailer[],
  view: ViewTransform,
  options: { depthM: number; pixelRatio?: number },
): void {
  const ratio = options.pixelRatio ?? 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const d of trailers) {
    const w = Math.max(10, d.widthM * view.k);
    const h = Math.max(6, 1.2 * view.k);
    const x = view.k * d.x + view.x - w / 2;
    const y = view.k * (options.depthM - d.y) + view.y - h / 2;
    ctx.fillStyle = "#334155";
    ctx.fillRect(x, y, w, h);
    if (d.fill > 0) {
      ctx.fillStyle = "#f59e0b";
      ctx.fillRect(x, y, w * Math.min(1, d.fill), h);
    }
    ctx.strokeStyle = "#0f172a";
    ctx.lineWidth = 2;
    ctx.strokeRect(x, y, w, h);
  }
}
