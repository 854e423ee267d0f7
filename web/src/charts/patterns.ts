/** Hatch patterns for filled series: a `<pattern>` per fill style, in the chart's `<defs>`. */
import type { Selection } from "d3";
import type { FillStyle } from "./palette.ts";

/** The hatch strokes of each style, drawn over a 6 × 6 tile. */
const HATCH_PATHS: Partial<Record<FillStyle["hatch"], string>> = {
  diagonal: "M-1,1L1,-1M0,6L6,0M5,7L7,5",
  cross: "M0,0L6,6M6,0L0,6",
  horizontal: "M0,3H6",
  vertical: "M3,0V6",
  backDiagonal: "M-1,5L1,7M0,0L6,6M5,-1L7,1",
  grid: "M0,3H6M3,0V6",
};

/** Appends the pattern of `style` with id `id` to `defs`. */
export function addPattern(
  defs: Selection<SVGDefsElement, unknown, null, undefined>,
  id: string,
  style: FillStyle,
): void {
  const p = defs
    .append("pattern")
    .attr("id", id)
    .attr("patternUnits", "userSpaceOnUse")
    .attr("width", 6)
    .attr("height", 6);
  p.append("rect").attr("width", 6).attr("height", 6).attr("fill", style.color);
  const path = HATCH_PATHS[style.hatch];
  if (path)
    p.append("path").attr("d", path).attr("stroke", style.hatchColor).attr("stroke-width", 1);
  else if (style.hatch === "dots")
    p.append("circle").attr("cx", 3).attr("cy", 3).attr("r", 1.1).attr("fill", style.hatchColor);
}
