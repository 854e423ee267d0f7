/**
 * Measured placement of canvas labels: screen boxes, overlap tests and the first candidate
 * box clear of every box already taken (floor labels, badges, counts).
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

/** The first of `candidates` that overlaps none of `taken` (with `pad` px), or undefined. */
export function firstClear(
  candidates: Iterable<Box>,
  taken: readonly Box[],
  pad: number,
): Box | undefined {
  for (const box of candidates) if (!taken.some((t) => boxesOverlap(box, t, pad))) return box;
  return undefined;
}
