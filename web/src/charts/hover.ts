/**
 * Hover read-outs, one for every chart kind: a box of text beside the pointer. Line charts
 * show a vertical rule and each series' value at the nearest sample, with the time or x
 * value; bars, histogram bins, stacked segments, points and state-timeline bars show their
 * own label and value while the pointer is over them.
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
export interface HoverOptions extends ReadoutArea {
  x: ScaleLinear<number, number>;
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

/** Where a read-out box may go: the plot's size and its text measure. */
export interface ReadoutArea {
  innerWidth: number;
  innerHeight: number;
  measure: TextMeasure;
}

/** A read-out box inside a plot: lines of text shown beside the pointer. */
export interface Readout {
  /** Shows `lines` (the first in bold) beside plot point (x, y), inside the plot's width. */
  show(lines: string[], x: number, y: number): void;
  hide(): void;
}

function drawLines(box: G, lines: string[], width: number, height: number): void {
  box.selectAll("*").remove();
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

/**
 * A hidden read-out box in `plot`. It ignores the pointer (so it never steals the hover from
 * what it describes) and moves to the front when shown, above everything drawn after it.
 */
export function readoutBox(plot: G, area: ReadoutArea): Readout {
  const box = plot
    .append("g")
    .attr("class", "hover-readout")
    .attr("visibility", "hidden")
    .attr("pointer-events", "none");
  return {
    show(lines, x, y) {
      // The first line is bold: about a tenth wider than the regular text the measure gives.
      const width = Math.max(...lines.map((l, i) => area.measure(l, 10) * (i ? 1 : 1.1))) + 12;
      const height = lines.length * 13 + 6;
      const left = x + 10 + width > area.innerWidth ? Math.max(0, x - 10 - width) : x + 10;
      const top = y + 4 + height > area.innerHeight ? Math.max(0, y - 4 - height) : y + 4;
      drawLines(box, lines, width, height);
      box.attr("transform", `translate(${left}, ${top})`).attr("visibility", "visible").raise();
    },
    hide() {
      box.attr("visibility", "hidden");
    },
  };
}

/** Shows `lines` in `readout` while the pointer moves over `item` (a bar, a bin, a segment). */
export function hoverReadout(item: G, readout: Readout, lines: string[]): void {
  const plot = item.node()?.closest("g.plot") ?? undefined;
  item
    .classed("hoverable", true)
    .on("mousemove", (event: MouseEvent) => {
      const [x, y] = pointer(event, plot);
      readout.show(lines, x, y);
    })
    .on("mouseleave", () => readout.hide());
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
  const box = readoutBox(plot, o);
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
      box.show(lines, px, 0);
    })
    .on("mouseleave", () => {
      rule.attr("visibility", "hidden");
      box.hide();
    });
}
