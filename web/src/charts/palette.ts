/**
 * Series and fill styles that stay distinguishable when printed in greyscale: each style
 * pairs a colour of distinct lightness (CIE L*) with a dash pattern, marker or hatch.
 */

/** How one line series is drawn. */
export interface LineStyle {
  /** Stroke colour (hex). */
  color: string;
  /** SVG `stroke-dasharray`, "" for solid. */
  dash: string;
  /** Marker drawn at each point. */
  marker: "circle" | "square" | "triangle" | "diamond" | "cross";
}

/** How one filled area (bar, stack segment) is drawn. */
export interface FillStyle {
  /** Fill colour (hex). */
  color: string;
  /** Hatch drawn over the fill, "none" for plain. */
  hatch:
    | "none"
    | "diagonal"
    | "backDiagonal"
    | "dots"
    | "cross"
    | "grid"
    | "horizontal"
    | "vertical";
  /** Colour of the hatch strokes: dark on light fills, white on dark ones. */
  hatchColor: string;
}

/** Line colours, L* 9, 28, 46, 58, 71, 84: any two differ by at least 11 L*. */
export const LINE_COLORS: readonly string[] = [
  "#1a1a1a",
  "#7a0177",
  "#0072b2",
  "#009e73",
  "#e69f00",
  "#b2df8a",
];
/** Dash patterns, cycled with a different period than the colours. */
export const LINE_DASHES: readonly string[] = [
  "",
  "6 3",
  "2 2",
  "8 3 2 3",
  "1 3",
  "10 4",
  "4 2 1 2 1 2",
  "12 3 3 3",
];
const MARKERS: readonly LineStyle["marker"][] = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "cross",
];

/** Fill colours alternating dark and light (L* 27, 72, 51, 88, 36, 77, 13, 95). */
export const FILL_COLORS: readonly string[] = [
  "#253494",
  "#fe9929",
  "#2c7fb8",
  "#fed98e",
  "#993404",
  "#7fcdbb",
  "#081d58",
  "#edf8b1",
];
const HATCHES: readonly FillStyle["hatch"][] = [
  "none",
  "dots",
  "diagonal",
  "horizontal",
  "cross",
  "vertical",
  "backDiagonal",
  "grid",
];

/** CIE L* (0 black … 100 white) of a `#rrggbb` colour: what greyscale printing keeps. */
export function lightness(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const y = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/** Style of the `index`-th line series (0-based); unique for the first 30 series. */
export function lineStyle(index: number): LineStyle {
  return {
    color: LINE_COLORS[index % LINE_COLORS.length],
    dash: LINE_DASHES[index % LINE_DASHES.length],
    marker: MARKERS[index % MARKERS.length],
  };
}

/** Style of the `index`-th filled series (0-based); unique for the first 64 series. */
export function fillStyle(index: number): FillStyle {
  const color = FILL_COLORS[index % FILL_COLORS.length];
  // After each round of colours, shift the hatches so colour + hatch pairs do not repeat.
  const round = Math.floor(index / FILL_COLORS.length);
  return {
    color,
    hatch: HATCHES[(index + 3 * round) % HATCHES.length],
    hatchColor: lightness(color) < 50 ? "#ffffff" : "#1a1a1a",
  };
}
