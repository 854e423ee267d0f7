/**
 * Idle workers often wait on one spot (a home base, a pack station): drawn one over the
 * other they look like one. This keeps one marker per spot and returns a count to draw,
 * placed clear of the floor's labels and badges.
 */
import type { ViewTransform, WorkerDots } from "./drawWorkers.ts";
import { type Box, ClearPlacement, labelText } from "./placeClear.ts";

/** Workers on one spot: where (CSS px), how many, and the worker drawn for all. */
export interface WorkerStack {
  px: number;
  py: number;
  count: number;
  /** Index of the worker whose marker stands for the stack. */
  shown: number;
}

/**
 * Hides all but one of the visible workers flagged in `stackable` that stand on the same
 * spot (to 1 cm) and returns the stacks of two or more.
 */
export function stackWorkers(
  dots: WorkerDots,
  stackable: (i: number) => boolean,
  view: ViewTransform,
  depthM: number,
): WorkerStack[] {
  const bySpot = new Map<string, WorkerStack>();
  for (let i = 0; i < dots.count; i++) {
    if (!dots.visible[i] || !stackable(i)) continue;
    const key = `${Math.round(dots.x[i] * 100)},${Math.round(dots.y[i] * 100)}`;
    const stack = bySpot.get(key);
    if (!stack) {
      const px = view.k * dots.x[i] + view.x;
      const py = view.k * (depthM - dots.y[i]) + view.y;
      bySpot.set(key, { px, py, count: 1, shown: i });
    } else {
      stack.count++;
      dots.visible[i] = 0;
    }
  }
  return [...bySpot.values()].filter((s) => s.count > 1);
}

/** Spots for a count of radius `r` around a marker at (px, py): nearest ring first. */
function* countSpots(px: number, py: number, markerPx: number, r: number): Generator<Box> {
  const at = (x: number, y: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
  for (let ring = 0; ring < 10; ring++) {
    const d = markerPx + 4 + ring * (r + 4);
    for (const [dx, dy] of SPOT_DIRECTIONS) yield at(px + dx * d, py + dy * d);
  }
}

/** Upper right first, then the other corners, then straight up, down, left and right. */
const SPOT_DIRECTIONS = [
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
  [0, -1.3],
  [0, 1.3],
  [-1.3, 0],
  [1.3, 0],
] as const;

/** Options of drawStackCounts. */
export interface StackCountOptions {
  pixelRatio?: number;
  /** Marker radius, px. */
  radiusPx: number;
  /** Boxes no count may overlap (labels, badges), CSS px. */
  avoid?: readonly Box[];
  /** Where a count must lie to count as free (the visible canvas), CSS px; default anywhere. */
  bounds?: Box;
}

/**
 * Draws each stack's count in a small dark circle beside its marker (upper right when that
 * is clear), never over a box to avoid or another count; a thin line joins a count placed
 * further out to its marker. Returns where each count went (CSS px).
 */
export function drawStackCounts(
  ctx: CanvasRenderingContext2D,
  stacks: readonly WorkerStack[],
  options: StackCountOptions,
): Box[] {
  labelText(ctx, "600 10px Inter, system-ui, sans-serif", options.pixelRatio);
  ctx.textAlign = "center";
  const placement = new ClearPlacement(options.avoid, options.bounds);
  const placed: Box[] = [];
  for (const s of stacks) {
    const text = String(s.count);
    const r = Math.max(7, ctx.measureText(text).width / 2 + 3);
    const box = placement.place(() => countSpots(s.px, s.py, options.radiusPx, r), 1);
    placed.push(box);
    const x = (box.x0 + box.x1) / 2;
    const y = (box.y0 + box.y1) / 2;
    if (Math.hypot(x - s.px, y - s.py) > 2 * (options.radiusPx + 4)) {
      ctx.strokeStyle = "rgba(15,23,42,0.6)";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(s.px, s.py);
      ctx.lineTo(x, y);
      ctx.stroke();
    }
    ctx.fillStyle = "rgba(15,23,42,0.9)";
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = "#ffffff";
    ctx.fillText(text, x, y + 0.5);
  }
  ctx.textAlign = "start";
  return placed;
}
