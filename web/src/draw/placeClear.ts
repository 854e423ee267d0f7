/**
 * Measured placement of canvas labels: screen boxes, overlap tests and the first candidate
 * box clear of every box already taken (floor labels, badges, counts), and the canvas text
 * setup the labels share.
 */

/** A screen rectangle, CSS px. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** True if `a` and `b` overlap (a gap of `pad` px counts as overlap). */
export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return a.x0 < b.x1 + pad && a.x1 > b.x0 - pad && a.y0 < b.y1 + pad && a.y1 > b.y0 - pad;
}

/** Places boxes one at a time, each clear of the boxes to avoid and of those placed before. */
export class ClearPlacement {
  private readonly taken: Box[];

  /** `bounds`: where a box must lie whole to count as free (the visible canvas). */
  constructor(
    avoid: readonly Box[] = [],
    private readonly bounds?: Box,
  ) {
    this.taken = [...avoid];
  }

  /**
   * The first of `candidates()` inside the bounds that overlaps no box taken (a gap of `pad`
   * px counts as overlap), else the first candidate; the box is taken from now on.
   */
  place(candidates: () => Iterable<Box>, pad: number): Box {
    let chosen: Box | undefined;
    let first: Box | undefined;
    const b = this.bounds;
    for (const box of candidates()) {
      first ??= box;
      if (b && (box.x0 < b.x0 || box.y0 < b.y0 || box.x1 > b.x1 || box.y1 > b.y1)) continue;
      if (!this.taken.some((t) => boxesOverlap(box, t, pad))) {
        chosen = box;
        break;
      }
    }
    const box = chosen ?? first ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
    this.taken.push(box);
    return box;
  }
}

/** Sets `ctx` to draw labels in CSS px at `pixelRatio` (default 1), vertically centred. */
export function labelText(ctx: CanvasRenderingContext2D, font: string, pixelRatio = 1): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.font = font;
  ctx.textBaseline = "middle";
}
