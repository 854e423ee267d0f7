/**
 * A hover read-out for line charts: moving the pointer over the plot shows a vertical rule
 * and a box listing each series' value at the nearest sample, with the time or x value.
 */
import { bisector, pointer, type ScaleLinear, type Selection } from "d3";
import { formatNumber } from "./frame.ts";
import type { TextMeasure } from "./textMeasure.ts";

type G = Selection<SVGGElement, unknown, null, undefined>;

/** A series as the read-out sees it: points in increasing x. */
export interface HoverSeries {
  name: string;
  points: [number, number][];
}

/** What the read-out needs besides the series. */
export interface HoverOptions {
  x: ScaleLinear<number, number>;
  innerWidth: number;
  innerHeight: number;
  measure: TextMeasure;
  /** Formats the x value (e.g. `Tue 14:00`). */
  formatX: (x: number) => string;
  /** Unit appended to each value. */
  unit?: string;
}

const byX = bisector<[number, number], number>((p) => p[0]);

/** The value of `points` at the sample nearest to `x`, or undefined when empty. */
export function valueAt(points: [number, number][], x: number): number | undefined {
  if (points.length === 0) return undefined;
  const i = byX.center(points, x);
  return points[Math.max(0, Math.min(points.length - 1, i))][1];
}

function showReadout(box: G, lines: string[], px: number, o: HoverOptions): void {
  box.selectAll("*").remove();
  const width = Math.max(...lines.map((l) => o.measure(l, 10))) + 12;
  const height = lines.length * 13 + 6;
  const left = px + 8 + width > o.innerWidth ? px - 8 - width : px + 8;
  box.attr("transform", `translate(${left}, 4)`).attr("visibility", "visible");
  box
    .append("rect")
    .attr("width", width)
    .attr("height", height)
    .attr("rx", 3)
    .attr("fill", "#ffffff")
    .attr("fill-opacity", 0.95)
    .attr("stroke", "#6b7280");
  lines.forEach((line, i) => {
    box
      .append("text")
      .attr("x", 6)
      .attr("y", 14 + i * 13)
      .attr("font-size", 10)
      .attr("font-weight", i === 0 ? "bold" : "normal")
      .attr("fill", "#1a1a1a")
      .text(line);
  });
}

/** Adds the read-out over `plot` (drawn last, so it sits above the series). */
export function addHoverReadout(plot: G, series: HoverSeries[], o: HoverOptions): void {
  const rule = plot
    .append("line")
    .attr("class", "hover-rule")
    .attr("y1", 0)
    .attr("y2", o.innerHeight)
    .attr("stroke", "#6b7280")
    .attr("stroke-width", 0.8)
    .attr("visibility", "hidden");
  const box = plot.append("g").attr("class", "hover-readout").attr("visibility", "hidden");
  const unit = o.unit ? ` ${o.unit}` : "";
  plot
    .append("rect")
    .attr("class", "hover-target")
    .attr("width", o.innerWidth)
    .attr("height", o.innerHeight)
    .attr("fill", "transparent")
    .on("mousemove", (event: MouseEvent) => {
      const [px] = pointer(event);
      const xv = o.x.invert(px);
      const lines = [o.formatX(xv)];
      for (const s of series) {
        const v = valueAt(s.points, xv);
        if (v !== undefined && Number.isFinite(v))
          lines.push(`${s.name}: ${formatNumber(v)}${unit}`);
      }
      rule.attr("x1", px).attr("x2", px).attr("visibility", "visible");
      showReadout(box, lines, px, o);
    })
    .on("mouseleave", () => {
      rule.attr("visibility", "hidden");
      box.attr("visibility", "hidden");
    });
}
