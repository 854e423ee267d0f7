/**
 * Grouped bars with 95 % confidence-interval error bars: one group per category, one bar
 * per series (candidate). Handles negative values (paired differences) with a zero line.
 */
import { axisBottom, axisLeft, scaleBand, scaleLinear } from "d3";
import { type ChartOptions, createFrame, drawHorizontalGrid, formatNumber } from "./frame.ts";

/** A bar's value: the mean and the half-width of its 95 % interval (0 or absent: none). */
export interface BarValue {
  mean: number;
  ci95?: number;
}

/** Data of a bar chart: `series[s].values[c]` is the bar of series s in category c. */
export interface BarsData {
  categories: string[];
  series: { name: string; values: (BarValue | null)[] }[];
}

/** Bar chart options. */
export interface BarsOptions extends ChartOptions {
  /** Writes each bar's mean above it. Defaults to true. */
  valueLabels?: boolean;
}

/** Draws grouped bars with error bars into a new SVG appended to `container`. */
export function barsWithCi(container: Element, data: BarsData, options: BarsOptions): void {
  const legend =
    data.series.length > 1
      ? data.series.map((s, i) => ({ label: s.name, kind: "fill" as const, fillIndex: i }))
      : [];
  const frame = createFrame(container, options, legend, Math.max(1, data.series.length));
  const { plot, innerWidth, innerHeight } = frame;
  frame.svg.attr("data-chart", "barsWithCi");
  let lo = 0;
  let hi = 0;
  for (const s of data.series) {
    for (const v of s.values) {
      if (!v || !Number.isFinite(v.mean)) continue;
      const h = v.ci95 ?? 0;
      lo = Math.min(lo, v.mean - h);
      hi = Math.max(hi, v.mean + h);
    }
  }
  if (lo === hi) hi = lo + 1;
  // Room for the value labels above (or below negative) bars.
  const room = (options.valueLabels ?? true) ? (hi - lo) * 0.08 : 0;
  const y = scaleLinear()
    .domain([lo < 0 ? lo - room : lo, hi > 0 ? hi + room : hi])
    .nice()
    .range([innerHeight, 0]);
  const x0 = scaleBand()
    .domain(data.categories)
    .range([0, innerWidth])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const x1 = scaleBand()
    .domain(data.series.map((_, i) => String(i)))
    .range([0, x0.bandwidth()])
    .padding(0.08);
  drawHorizontalGrid(plot, y, innerWidth);
  plot
    .append("g")
    .attr("class", "axis y")
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => formatNumber(Number(v))),
    );
  const xAxis = plot
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(axisBottom(x0).tickSizeOuter(0));
  xAxis.selectAll<SVGTextElement, string>("text").each(function (label) {
    if (label.length > 22) {
      this.textContent = `${label.slice(0, 20)}…`;
    }
  });
  const zero = y(0);
  data.series.forEach((s, si) => {
    const g = plot.append("g").attr("class", "series").attr("data-name", s.name);
    s.values.forEach((v, ci) => {
      if (!v || !Number.isFinite(v.mean)) return;
      const bx = (x0(data.categories[ci]) ?? 0) + (x1(String(si)) ?? 0);
      const bw = x1.bandwidth();
      const top = y(Math.max(0, v.mean));
      const bottom = y(Math.min(0, v.mean));
      const bar = g
        .append("g")
        .attr("class", "bar")
        .attr("data-category", data.categories[ci])
        .attr("data-mean", v.mean)
        .attr("data-ci95", v.ci95 ?? 0);
      const ciText = v.ci95 ? ` ± ${formatNumber(v.ci95)}` : "";
      const unit = options.yUnit ? ` ${options.yUnit}` : "";
      bar
        .append("title")
        .text(`${s.name}, ${data.categories[ci]}: ${formatNumber(v.mean)}${ciText}${unit}`);
      bar
        .append("rect")
        .attr("x", bx)
        .attr("y", top)
        .attr("width", bw)
        .attr("height", Math.max(0.5, bottom - top))
        .attr("fill", frame.fill(si))
        .attr("stroke", "#1a1a1a")
        .attr("stroke-width", 0.6);
      const h = v.ci95 ?? 0;
      if (h > 0) {
        const cx = bx + bw / 2;
        const cap = Math.min(6, bw / 3);
        bar
          .append("path")
          .attr("class", "error-bar")
          .attr(
            "d",
            `M${cx},${y(v.mean - h)}V${y(v.mean + h)}M${cx - cap},${y(v.mean - h)}h${2 * cap}M${cx - cap},${y(v.mean + h)}h${2 * cap}`,
          )
          .attr("stroke", "#000000")
          .attr("stroke-width", 1.2)
          .attr("fill", "none");
      }
      if (options.valueLabels ?? true) {
        const above = v.mean >= 0;
        const ly = above ? y(v.mean + h) - 4 : y(v.mean - h) + 11;
        bar
          .append("text")
          .attr("class", "value-label")
          .attr("x", bx + bw / 2)
          .attr("y", ly)
          .attr("text-anchor", "middle")
          .attr("font-size", 10)
          .attr("fill", "#1a1a1a")
          .text(formatNumber(v.mean));
      }
    });
  });
  if (lo < 0) {
    plot
      .append("line")
      .attr("class", "zero-line")
      .attr("x1", 0)
      .attr("x2", innerWidth)
      .attr("y1", zero)
      .attr("y2", zero)
      .attr("stroke", "#1a1a1a")
      .attr("stroke-width", 1);
  }
}
