/**
 * A KPI against a swept parameter: one line per series (e.g. per value of a second
 * parameter), each point with its 95 % confidence interval as an error bar. The parameter
 * may be numeric (linear axis) or categorical (e.g. routing policy names, evenly spaced).
 */
import { axisBottom, axisLeft, line, type Selection, scaleLinear, scalePoint } from "d3";
import {
  type ChartOptions,
  createFrame,
  drawHorizontalGrid,
  drawMarker,
  formatNumber,
} from "./frame.ts";
import { lineStyle } from "./palette.ts";

/** One point: the parameter value, the KPI mean and the half-width of its 95 % interval. */
export interface SweepPoint {
  x: number | string;
  mean: number;
  ci95?: number;
}

/** Data of a KPI-vs-parameter chart. */
export interface KpiVsParameterData {
  series: { name: string; points: SweepPoint[] }[];
}

/** Draws each series as a line with CI error bars into a new SVG appended to `container`. */
export function kpiVsParameter(
  container: Element,
  data: KpiVsParameterData,
  options: ChartOptions,
): void {
  const named = data.series.length > 1 || (data.series[0]?.name ?? "") !== "";
  const frame = createFrame(
    container,
    options,
    named
      ? data.series.map((s, i) => ({ label: s.name, kind: "line" as const, style: lineStyle(i) }))
      : [],
  );
  const { plot, innerWidth, innerHeight } = frame;
  frame.svg.attr("data-chart", "kpiVsParameter");
  const points = data.series.flatMap((s) => s.points);
  const numeric = points.every((p) => typeof p.x === "number");
  let px: (v: number | string) => number;
  let drawXAxis: (g: Selection<SVGGElement, unknown, null, undefined>) => void;
  if (numeric) {
    const xs = points.map((p) => p.x as number);
    let lo = Math.min(...xs);
    let hi = Math.max(...xs);
    if (!(hi > lo)) {
      lo -= 1;
      hi += 1;
    }
    const pad = (hi - lo) * 0.04;
    const scale = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([0, innerWidth]);
    px = (v) => scale(v as number);
    drawXAxis = (g) => {
      g.call(
        axisBottom(scale)
          .ticks(Math.min(8, new Set(xs).size + 1))
          .tickFormat((v) => formatNumber(Number(v))),
      );
    };
  } else {
    const scale = scalePoint<string>()
      .domain([...new Set(points.map((p) => String(p.x)))])
      .range([0, innerWidth])
      .padding(0.4);
    px = (v) => scale(String(v)) ?? 0;
    drawXAxis = (g) => {
      g.call(axisBottom(scale));
    };
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    lo = Math.min(lo, p.mean - (p.ci95 ?? 0));
    hi = Math.max(hi, p.mean + (p.ci95 ?? 0));
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const span = hi - lo;
  const y = scaleLinear()
    .domain([lo - span * 0.08, hi + span * 0.08])
    .nice()
    .range([innerHeight, 0]);
  drawHorizontalGrid(plot, y, innerWidth);
  plot
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(drawXAxis);
  plot
    .append("g")
    .attr("class", "axis y")
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => formatNumber(Number(v))),
    );
  const unit = options.yUnit ? ` ${options.yUnit}` : "";
  data.series.forEach((s, i) => {
    const style = lineStyle(i);
    const g = plot.append("g").attr("class", "series").attr("data-name", s.name);
    const sorted = numeric
      ? [...s.points].sort((a, b) => (a.x as number) - (b.x as number))
      : s.points;
    g.append("path")
      .attr(
        "d",
        line<SweepPoint>()
          .x((p) => px(p.x))
          .y((p) => y(p.mean))(sorted),
      )
      .attr("fill", "none")
      .attr("stroke", style.color)
      .attr("stroke-width", 1.8)
      .attr("stroke-dasharray", style.dash);
    for (const p of sorted) {
      const cx = px(p.x);
      const m = g
        .append("g")
        .attr("class", "point")
        .attr("data-x", String(p.x))
        .attr("data-mean", p.mean)
        .attr("data-ci95", p.ci95 ?? 0);
      const ci = p.ci95 ? ` ± ${formatNumber(p.ci95)}` : "";
      m.append("title").text(
        `${s.name ? `${s.name}, ` : ""}${String(p.x)}: ${formatNumber(p.mean)}${ci}${unit}`,
      );
      if (p.ci95) {
        m.append("path")
          .attr("class", "error-bar")
          .attr(
            "d",
            `M${cx},${y(p.mean - p.ci95)}V${y(p.mean + p.ci95)}M${cx - 4},${y(p.mean - p.ci95)}h8M${cx - 4},${y(p.mean + p.ci95)}h8`,
          )
          .attr("stroke", style.color)
          .attr("stroke-width", 1.1)
          .attr("fill", "none");
      }
      drawMarker(m, style.marker, cx, y(p.mean), style.color, 3.5);
    }
  });
}
