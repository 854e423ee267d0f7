/**
 * Draws blocked places on a canvas: an aisle or cross aisle where a worker waits for others
 * is outlined in red and hatched along its centre line, a P&D point gets a hatched red ring,
 * and each waiting worker a red ring around its marker.
 */
import type { ViewTransform } from "./drawWorkers.ts";

/** A blocked place: an aisle's centre line and width, or one point (a P&D point), m. */
export interface BlockMark {
  points: readonly (readonly [number, number])[];
  widthM: number;
}

/** What drawBlocks draws. */
export interface Blocked {
  marks: readonly BlockMark[];
  /** Positions of the waiting workers, m. */
  waiting: readonly { x: number; y: number }[];
}

/** Options of drawBlocks. */
export interface DrawBlocksOptions {
  depthM: number;
  pixelRatio?: number;
  /** Worker marker radius, px. */
  radiusPx: number;
}

const RED = "#dc2626";

/** A 8 px tile of red diagonal lines on pale red, or a plain pale red where none can be made. */
function hatch(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  const plain = "rgba(254,202,202,0.6)";
  if (typeof OffscreenCanvas === "undefined") return plain;
  const tile = new OffscreenCanvas(8, 8);
  const t = tile.getContext("2d");
  if (!t) return plain;
  t.fillStyle = plain;
  t.fillRect(0, 0, 8, 8);
  t.strokeStyle = RED;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(-2, 10);
  t.lineTo(10, -2);
  t.stroke();
  return ctx.createPattern(tile, "repeat") ?? plain;
}

/** Traces the centre line of `m` in screen px. */
function tracePath(
  ctx: CanvasRenderingContext2D,
  m: BlockMark,
  view: ViewTransform,
  depthM: number,
) {
  ctx.beginPath();
  m.points.forEach(([x, y], i) => {
    const px = view.k * x + view.x;
    const py = view.k * (depthM - y) + view.y;
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  });
}

/** Draws the blocked places and rings the waiting workers. */
export function drawBlocks(
  ctx: CanvasRenderingContext2D,
  blocked: Blocked,
  view: ViewTransform,
  options: DrawBlocksOptions,
): void {
  if (blocked.marks.length === 0 && blocked.waiting.length === 0) return;
  const ratio = options.pixelRatio ?? 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const fill = hatch(ctx);
  ctx.lineCap = "butt";
  ctx.lineJoin = "miter";
  for (const m of blocked.marks) {
    const widthPx = Math.max(6, m.widthM * view.k);
    if (m.points.length === 1) {
      const [x, y] = m.points[0];
      ctx.beginPath();
      ctx.arc(view.k * x + view.x, view.k * (options.depthM - y) + view.y, widthPx / 2, 0, 7);
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.strokeStyle = RED;
      ctx.lineWidth = 2;
      ctx.stroke();
      continue;
    }
    tracePath(ctx, m, view, options.depthM);
    ctx.strokeStyle = RED;
    ctx.lineWidth = widthPx + 4;
    ctx.stroke();
    ctx.strokeStyle = fill;
    ctx.lineWidth = widthPx;
    ctx.stroke();
  }
  ctx.strokeStyle = RED;
  ctx.lineWidth = 2;
  for (const w of blocked.waiting) {
    ctx.beginPath();
    const px = view.k * w.x + view.x;
    const py = view.k * (options.depthM - w.y) + view.y;
    ctx.arc(px, py, options.radiusPx + 3, 0, Math.PI * 2);
    ctx.stroke();
  }
}
