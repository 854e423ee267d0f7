/**
 * Horizontal stacked bars: where the time goes (order phases in seconds, or worker states as
 * shares), one bar per row (candidate or role), one hatched segment per part.
 */
import { axisBottom, axisLeft, scaleBand, scaleLinear } from "d3";
import { type ChartOptions, createFrame, formatNumber } from "./frame.ts";

/** One bar: its label and the size of each part (missing parts count as 0). */
export interface BreakdownRow {
  label: string;
  parts: Record<string, number>;
}

/** Data of a stacked breakdown. `keys` fixes the part order (default: first seen order). */
export interface BreakdownData {
  rows: BreakdownRow[];
  keys?: string[];
}

/** Stacked breakdown options (`xUnit` is the unit of the parts, e.g. "s" or "%"). */
export interface BreakdownOptions extends ChartOptions {
  /** Multiplies every part before drawing (e.g. 100 for shares shown in %). Defaults to 1. */
  scale?: number;
  /** Fixed end of the value axis (e.g. 100 for shares in %). Defaults to the largest total. */
  xMax?: number;
  /** Writes each bar's total after it. Defaults to true. */
  totals?: boolean;
}

/** Draws one stacked horizontal bar per row into a new SVG appended to `container`. */
export function stackedBreakdown(
  container: Element,
  data: BreakdownData,
  options: BreakdownOptions,
): void {
  const keys = data.keys ?? [...new Set(data.rows.flatMap((r) => Object.keys(r.parts)))];
  const k = options.scale ?? 1;
  const longest = Math.max(0, ...data.rows.map((r) => Math.min(r.label.length, 24)));
  const height =
    options.height ?? Math.max(160, 110 + 34 * data.rows.length + 16 * Math.ceil(keys.length / 5));
  const frame = createFrame(
    container,
    { ...options, height },
    keys.map((key, i) => ({ label: key, kind: "fill" as const, fillIndex: i })),
    keys.length,
    { left: Math.max(60, 12 + longest * 6.4) },
  );
  const { plot, innerWidth, innerHeight } = frame;
  frame.svg.attr("data-chart", "stackedBreakdown");
  const totals = data.rows.map((r) =>
    keys.reduce((sum, key) => sum + Math.max(0, (r.parts[key] ?? 0) * k), 0),
  );
  const x = scaleLinear()
    .domain([0, options.xMax ?? Math.max(1e-9, ...totals) * ((options.totals ?? true) ? 1.12 : 1)])
    .nice()
    .range([0, innerWidth]);
  const y = scaleBand()
    .domain(data.rows.map((r) => r.label))
    .range([0, innerHeight])
    .padding(0.3);
  plot
    .append("g")
    .attr("class", "grid")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(
      axisBottom(x)
        .ticks(6)
        .tickSize(-innerHeight)
        .tickFormat(() => ""),
    )
    .call((g) => g.selectAll("line").attr("stroke", "#d9d9d9"))
    .call((g) => g.select(".domain").remove());
  plot
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(
      axisBottom(x)
        .ticks(6)
        .tickFormat((v) => formatNumber(Number(v))),
    );
  plot.append("g").attr("class", "axis y").call(axisLeft(y).tickSizeOuter(0));
  const unit = options.xUnit ? ` ${options.xUnit}` : "";
  data.rows.forEach((r, ri) => {
    const g = plot
      .append("g")
      .attr("class", "row")
      .attr("data-label", r.label)
      .attr("data-total", totals[ri]);
    let acc = 0;
    keys.forEach((key, i) => {
      const v = Math.max(0, (r.parts[key] ?? 0) * k);
      if (v <= 0) return;
      const seg = g
        .append("g")
        .attr("class", "segment")
        .attr("data-key", key)
        .attr("data-value", v);
      seg.append("title").text(`${r.label}, ${key}: ${formatNumber(v)}${unit}`);
      seg
        .append("rect")
        .attr("x", x(acc))
        .attr("y", y(r.label) ?? 0)
        .attr("width", Math.max(0.5, x(acc + v) - x(acc)))
        .attr("height", y.bandwidth())
        .attr("fill", frame.fill(i))
        .attr("stroke", "#1a1a1a")
        .attr("stroke-width", 0.5);
      acc += v;
    });
    if (options.totals === false) return;
    g.append("text")
      .attr("class", "total-label")
      .attr("x", Math.min(innerWidth - 2, x(acc) + 4))
      .attr("y", (y(r.label) ?? 0) + y.bandwidth() / 2 + 4)
      .attr("text-anchor", x(acc) + 40 > innerWidth ? "end" : "start")
      .attr("font-size", 10)
      .attr("fill", "#1a1a1a")
      .text(`${formatNumber(totals[ri])}${unit}`);
  });
}
