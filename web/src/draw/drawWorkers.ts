/**
 * Draws workers on a 2D canvas (moving things are too many for SVG at 60 frames a second):
 * one dot per worker coloured by state, placed with the same view transform as the SVG.
 */

/** A view transform from layout metres (y flipped) to canvas CSS pixels: p = k·m + (x, y). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/** Workers to draw: positions in layout metres, a colour per worker. */
export interface WorkerDots {
  count: number;
  x: Float64Array;
  y: Float64Array;
  /** CSS colour per worker. */
  color: string[];
  /** Skip a worker when false (off shift, never moved). */
  visible: Uint8Array;
  /** Marker per worker: 0 a dot (on foot, with a cart), 1 a square (a truck). Defaults to dots. */
  shape?: Uint8Array;
  /** Height of each worker's forks or platform, m (0 on the floor); drawn as a bar and label. */
  liftM?: Float32Array;
}

/** Options of drawWorkers. */
export interface DrawWorkersOptions {
  /** Floor depth, m, to flip y (front wall at the bottom). */
  depthM: number;
  /** Dot radius in metres; never drawn smaller than 3 px. Defaults to 0.6. */
  radiusM?: number;
  /** Device pixel ratio of the canvas. Defaults to 1. */
  pixelRatio?: number;
  /** Clear the canvas first. Defaults to true; false draws over what is there. */
  clear?: boolean;
}

/** Clears `ctx` (unless `clear` is false) and draws `dots`. */
export function drawWorkers(
  ctx: CanvasRenderingContext2D,
  dots: WorkerDots,
  view: ViewTransform,
  options: DrawWorkersOptions,
): void {
  const ratio = options.pixelRatio ?? 1;
  if (options.clear ?? true) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const r = Math.max(3, (options.radiusM ?? 0.6) * view.k);
  ctx.lineWidth = 1;
  ctx.strokeStyle = "#ffffff";
  // Batch by colour: one path per colour keeps the frame cheap for hundreds of workers.
  const byColor = new Map<string, number[]>();
  for (let i = 0; i < dots.count; i++) {
    if (!dots.visible[i]) continue;
    let list = byColor.get(dots.color[i]);
    if (!list) byColor.set(dots.color[i], (list = []));
    list.push(i);
  }
  for (const [color, list] of byColor) {
    ctx.beginPath();
    for (const i of list) {
      const px = view.k * dots.x[i] + view.x;
      const py = view.k * (options.depthM - dots.y[i]) + view.y;
      if (dots.shape?.[i] === 1) ctx.rect(px - r, py - r, 2 * r, 2 * r);
      else {
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, Math.PI * 2);
      }
    }
    ctx.fillStyle = color;
    ctx.fill();
    ctx.stroke();
  }
  if (dots.liftM) drawLifts(ctx, dots, view, options.depthM, r);
}

/** Pixels per metre of lift height in a lift bar. */
const LIFT_PX_PER_M = 6;

/** A lifted worker: a vertical bar beside its marker, as tall as the height, and "4.5 m". */
function drawLifts(
  ctx: CanvasRenderingContext2D,
  dots: WorkerDots,
  view: ViewTransform,
  depthM: number,
  r: number,
): void {
  const lift = dots.liftM!;
  ctx.fillStyle = "#b91c1c";
  ctx.font = "10px sans-serif";
  ctx.textBaseline = "bottom";
  for (let i = 0; i < dots.count; i++) {
    const h = lift[i];
    if (!dots.visible[i] || !(h > 0)) continue;
    const px = view.k * dots.x[i] + view.x + r + 2;
    const py = view.k * (depthM - dots.y[i]) + view.y + r;
    const barPx = Math.max(2, h * LIFT_PX_PER_M);
    ctx.fillRect(px, py - barPx, 3, barPx);
    ctx.fillText(`${h.toFixed(1)} m`, px + 5, py - barPx + 10);
  }
}
