/** A colour-ramp legend with a title, tick values and the unit, for the heatmaps. */
import { axisBottom, range, type ScaleLinear, type Selection, scaleLinear, select } from "d3";
import { drawnBoldWidth, textMeasure } from "../charts/textMeasure.ts";
import { type HeatScaleOptions, heatColor } from "./heatScale.ts";

/** Options of drawLegend. */
export interface LegendOptions extends HeatScaleOptions {
  /** What is coloured, e.g. "Picks per location". */
  title: string;
  /** Unit of the values, e.g. "picks", "s", "m per m²". */
  unit: string;
  /** The domain the heatmap used (from heatDomain). */
  domain: [number, number];
  /** Least width in px; the legend widens to fit its title. Defaults to 240. */
  width?: number;
}

/**
 * The most ticks (5 down to 2) whose labels, measured at 10 px, stand apart along the bar,
 * so tick values never run into each other on a narrow legend or with large values.
 */
function fittingTicks(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  x: ScaleLinear<number, number>,
): number {
  const { measure, done } = textMeasure(svg);
  const fits = (n: number) => {
    const format = x.tickFormat(n);
    const ticks = x.ticks(n);
    return ticks.every(
      (t, i) =>
        i === 0 ||
        x(t) - x(ticks[i - 1]) >=
          (measure(format(t), 10) + measure(format(ticks[i - 1]), 10)) / 2 + 6,
    );
  };
  const n = [5, 4, 3, 2].find(fits) ?? 2;
  done();
  return n;
}

/** Appends a legend SVG to `container` (an HTML element or an SVG group). */
export function drawLegend(container: Element, options: LegendOptions): void {
  const height = 52;
  const color = heatColor(options.domain, options);
  const svg = select(container)
    .append("svg")
    .attr("class", "heat-legend")
    .style("font-family", "Inter, system-ui, sans-serif")
    .style("font-size", "10px");
  const title = svg
    .append("text")
    .attr("class", "heat-legend-title")
    .attr("x", 10)
    .attr("y", 12)
    .attr("font-weight", 600)
    .attr("fill", "#1e293b")
    .text(`${options.title} (${options.unit})`);
  // Wide enough for the measured title and a 10 px margin each side, so it never clips.
  const width = Math.max(options.width ?? 240, Math.ceil(drawnBoldWidth(title, 10)) + 20);
  svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
  const barW = width - 20;
  const [d0, d1] = options.domain;
  const steps = 64;
  const x = scaleLinear()
    .domain([d0, d1])
    .range([10, 10 + barW]);
  const g = svg.append("g");
  for (const i of range(steps)) {
    const v0 = d0 + ((d1 - d0) * i) / steps;
    const v1 = d0 + ((d1 - d0) * (i + 1)) / steps;
    g.append("rect")
      .attr("x", x(v0))
      .attr("y", 18)
      .attr("width", x(v1) - x(v0) + 0.5)
      .attr("height", 10)
      .attr("fill", color((v0 + v1) / 2));
  }
  svg
    .append("g")
    .attr("transform", "translate(0, 28)")
    .call(axisBottom(x).ticks(fittingTicks(svg, x)).tickSizeOuter(0))
    .call((a) => a.select(".domain").remove())
    .call((a) => a.selectAll("text").attr("fill", "#334155"));
}
