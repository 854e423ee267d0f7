/**
 * Idle workers often wait on one spot (a home base, a pack station): drawn one over the
 * other they look like one. This keeps one marker per spot and returns a count to draw.
 */
import type { ViewTransform, WorkerDots } from "./drawWorkers.ts";

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

/** Draws each stack's count in a small dark circle at the marker's upper right. */
export function drawStackCounts(
  ctx: CanvasRenderingContext2D,
  stacks: readonly WorkerStack[],
  options: { pixelRatio?: number; radiusPx: number },
): void {
  const ratio = options.pixelRatio ?? 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = "600 10px Inter, system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (const s of stacks) {
    const x = s.px + options.radiusPx + 4;
    const y = s.py - options.radiusPx - 4;
    ctx.fillStyle = "rgba(15,23,42,0.9)";
    ctx.beginPath();
    ctx.arc(x, y, 7, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = "#ffffff";
    ctx.fillText(String(s.count), x, y + 0.5);
  }
  ctx.textAlign = "start";
}
