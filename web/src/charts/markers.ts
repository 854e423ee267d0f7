/** Point markers (circle, square, triangle, diamond, cross) that tell line series apart. */
import type { Selection } from "d3";
import type { LineStyle } from "./palette.ts";

/** The path of a filled marker shape centred at (x, y) with half-size s. */
function markerPath(shape: LineStyle["marker"], x: number, y: number, s: number): string {
  if (shape === "square") return `M${x - s},${y - s}h${2 * s}v${2 * s}h${-2 * s}Z`;
  if (shape === "triangle")
    return `M${x},${y - s * 1.2}L${x + s * 1.1},${y + s}L${x - s * 1.1},${y + s}Z`;
  return `M${x},${y - s * 1.3}L${x + s},${y}L${x},${y + s * 1.3}L${x - s},${y}Z`;
}

/** Draws a marker shape centred at (x, y). */
export function drawMarker(
  g: Selection<SVGGElement, unknown, null, undefined>,
  shape: LineStyle["marker"],
  x: number,
  y: number,
  color: string,
  size = 3.5,
): void {
  const s = size;
  if (shape === "circle") {
    g.append("circle").attr("cx", x).attr("cy", y).attr("r", s).attr("fill", color);
  } else if (shape === "cross") {
    g.append("path")
      .attr("d", `M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`)
      .attr("stroke", color)
      .attr("stroke-width", 1.6);
  } else {
    g.append("path")
      .attr("d", markerPath(shape, x, y, s))
      .attr("fill", color);
  }
}
