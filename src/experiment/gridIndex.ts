/**
 * The grid points of a cartesian product as mixed-radix numbers: point `p` of axes with
 * `sizes` values each, the first axis varying slowest, as in nested loops.
 */

/** Number of points of a grid with `sizes` values per axis. */
export function gridSize(sizes: readonly number[]): number {
  return sizes.reduce((n, s) => n * s, 1);
}

/** The value index on each axis of grid point `p` (0 ≤ p < gridSize(sizes)). */
export function gridIndex(p: number, sizes: readonly number[], into?: number[]): number[] {
  const indices = into ?? new Array<number>(sizes.length);
  let rest = p;
  for (let i = sizes.length - 1; i >= 0; i--) {
    indices[i] = rest % sizes[i];
    rest = Math.floor(rest / sizes[i]);
  }
  return indices;
}
