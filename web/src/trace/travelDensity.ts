/**
 * Travel density: metres travelled through each cell of a square grid over the floor,
 * summed over every move of every worker.
 */
import type { DensityGrid, TraceIndex } from "./traceIndex.ts";

/** Options of travelDensity. */
export interface TravelDensityOptions {
  /** Floor size, m; defaults to the bounding box of all path points. */
  floor?: { widthM: number; depthM: number };
  /** Cell edge, m. Defaults to 1. */
  cellM?: number;
}

/** Grids the moves of `index`; null when the trace has no moves. */
export function travelDensity(
  index: Pick<TraceIndex, "workers" | "px" | "py" | "pcum">,
  options: TravelDensityOptions = {},
): DensityGrid | null {
  const { px, py } = index;
  if (px.length === 0) return null;
  let widthM = options.floor?.widthM ?? 0;
  let depthM = options.floor?.depthM ?? 0;
  if (!options.floor) {
    for (let i = 0; i < px.length; i++) {
      if (px[i] > widthM) widthM = px[i];
      if (py[i] > depthM) depthM = py[i];
    }
  }
  let cellM = options.cellM ?? 1;
  // NOTE: keep the grid at most ~250k cells so a huge floor stays cheap to draw.
  while ((widthM / cellM) * (depthM / cellM) > 250_000) cellM *= 2;
  const cols = Math.max(1, Math.ceil(widthM / cellM));
  const rows = Math.max(1, Math.ceil(depthM / cellM));
  const metres = new Float32Array(cols * rows);
  const add = (x: number, y: number, m: number) => {
    let c = Math.floor(x / cellM);
    let r = Math.floor(y / cellM);
    if (c < 0) c = 0;
    else if (c >= cols) c = cols - 1;
    if (r < 0) r = 0;
    else if (r >= rows) r = rows - 1;
    metres[r * cols + c] += m;
  };
  // Each segment is walked in steps of at most half a cell; each step's length goes to the
  // cell under its midpoint, so the grid total equals the distance travelled.
  const step = cellM / 2;
  for (const w of index.workers) {
    for (let m = 0; m < w.moveFirst.length; m++) {
      const first = w.moveFirst[m];
      const end = first + w.moveCount[m];
      for (let i = first + 1; i < end; i++) {
        const x0 = px[i - 1];
        const y0 = py[i - 1];
        const dx = px[i] - x0;
        const dy = py[i] - y0;
        const len = Math.hypot(dx, dy);
        if (len === 0) continue;
        const n = Math.ceil(len / step);
        const part = len / n;
        for (let k = 0; k < n; k++) {
          const f = (k + 0.5) / n;
          add(x0 + dx * f, y0 + dy * f, part);
        }
      }
    }
  }
  return { cellM, cols, rows, metres };
}
