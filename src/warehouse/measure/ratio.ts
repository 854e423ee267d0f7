/** `n / d`, or NaN when there is nothing to divide by (no events in the window). */
export function ratio(n: number, d: number): number {
  return d > 0 ? n / d : Number.NaN;
}
