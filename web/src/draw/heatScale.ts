/** Colour scales shared by the heatmaps and their legends: sequential (sqrt) or diverging. */
import { interpolateRdBu, interpolateYlOrRd, scaleDivergingSqrt, scaleSequentialSqrt } from "d3";

/** How values map to colours. */
export interface HeatScaleOptions {
  /** [min, max] of the colour scale; defaults to [0, max of the values] (or ±max|v| if diverging). */
  domain?: [number, number];
  /** Centre the scale on 0 (for differences: blue below, red above). Defaults to false. */
  diverging?: boolean;
  /** Colour ramp for sequential scales. Defaults to d3.interpolateYlOrRd. */
  interpolator?: (t: number) => string;
}

/** The domain the scale will use for `values`. */
export function heatDomain(
  values: Iterable<number>,
  options: HeatScaleOptions = {},
): [number, number] {
  if (options.domain) return options.domain;
  let max = 0;
  for (const v of values) {
    const a = options.diverging ? Math.abs(v) : v;
    if (Number.isFinite(a) && a > max) max = a;
  }
  if (max === 0) max = 1;
  return options.diverging ? [-max, max] : [0, max];
}

/** A value → CSS colour function for `domain`. */
export function heatColor(
  domain: [number, number],
  options: HeatScaleOptions = {},
): (v: number) => string {
  if (options.diverging) {
    const s = scaleDivergingSqrt((t: number) => interpolateRdBu(1 - t)).domain([
      domain[0],
      0,
      domain[1],
    ]);
    return (v) => s(v);
  }
  const s = scaleSequentialSqrt(options.interpolator ?? interpolateYlOrRd).domain(domain);
  return (v) => s(v);
}
