/**
 * A time axis in day and clock time ("Tue 14:00") for simulated hours counted from Monday
 * 00:00, with tick steps chosen from measured label widths, and the warm-up shaded.
 */
import { axisBottom, type ScaleLinear, type Selection } from "d3";
import { TICK_FONT } from "./axes.ts";
import type { TextMeasure } from "./textMeasure.ts";

type G = Selection<SVGGElement, unknown, null, undefined>;

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/** Tick steps, h: from hourly to weekly. */
const STEPS_H = [1, 2, 3, 4, 6, 8, 12, 24, 48, 168];

/** `Tue 14:00` for a time in hours from Monday 00:00 (the run's start). */
export function formatClock(hours: number): string {
  const minutes = Math.round(hours * 60);
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  const hh = String(Math.floor(m / 60)).padStart(2, "0");
  const mm = String(m % 60).padStart(2, "0");
  return `${DAYS[((day % 7) + 7) % 7]} ${hh}:${mm}`;
}

/** The tick label at `hours` for a tick step of `stepH`: the day alone for daily steps. */
function tickLabel(hours: number, stepH: number): string {
  const text = formatClock(hours);
  return stepH >= 24 ? text.slice(0, 3) : text;
}

/** The smallest tick step whose labels fit side by side across `width` px. */
export function clockStep(spanH: number, width: number, measure: TextMeasure): number {
  for (const step of STEPS_H) {
    const label = measure(step >= 24 ? "Wed" : "Wed 00:00", TICK_FONT) + 14;
    if ((spanH / step) * label <= width) return step;
  }
  return STEPS_H[STEPS_H.length - 1];
}

/** Draws a bottom axis of clock ticks for an x scale in hours from Monday 00:00. */
export function drawClockX(
  plot: G,
  x: ScaleLinear<number, number>,
  innerHeight: number,
  measure: TextMeasure,
): void {
  const [h0, h1] = x.domain();
  const step = clockStep(h1 - h0, Math.abs(x.range()[1] - x.range()[0]), measure);
  const ticks: number[] = [];
  for (let h = Math.ceil(h0 / step) * step; h <= h1 + 1e-9; h += step) ticks.push(h);
  const axis = plot
    .append("g")
    .attr("class", "axis x clock")
    .attr("transform", `translate(0, ${innerHeight})`)
    .call(
      axisBottom(x)
        .tickValues(ticks)
        .tickFormat((v) => tickLabel(Number(v), step)),
    )
    .call((g) => g.selectAll("text").attr("font-size", TICK_FONT));
  keepInside(axis, x, measure);
}

/**
 * Anchors the end ticks' labels inward when centring them would run past the plot's edges,
 * then drops any label that would still touch the one before it.
 */
function keepInside(axis: G, x: ScaleLinear<number, number>, measure: TextMeasure): void {
  const [r0, r1] = x.range();
  let prevRight = Number.NEGATIVE_INFINITY;
  axis.selectAll<SVGTextElement, number>(".tick text").each(function (v) {
    const w = measure(this.textContent ?? "", TICK_FONT);
    let left = x(v) - w / 2;
    if (x(v) + w / 2 > r1 + 8) {
      this.setAttribute("text-anchor", "end");
      left = x(v) - w;
    } else if (left < r0 - 40) {
      this.setAttribute("text-anchor", "start");
      left = x(v);
    }
    if (left < prevRight + 4) this.textContent = "";
    else prevRight = left + w;
  });
}

/**
 * Shades the warm-up (from the axis start to `untilH` hours) behind the series and labels it
 * "warm-up" when the label fits inside the shaded band.
 */
export function shadeWarmup(
  plot: G,
  x: ScaleLinear<number, number>,
  untilH: number,
  innerHeight: number,
  measure: TextMeasure,
): void {
  const [x0, x1] = x.range();
  const end = Math.max(x0, Math.min(x1, x(untilH)));
  if (end <= x0) return;
  const g = plot.append("g").attr("class", "warmup");
  g.append("rect")
    .attr("x", x0)
    .attr("y", 0)
    .attr("width", end - x0)
    .attr("height", innerHeight)
    .attr("fill", "#e5e7eb")
    .attr("fill-opacity", 0.7);
  g.append("title").text(`Warm-up until ${formatClock(untilH)}: not measured`);
  if (measure("warm-up", TICK_FONT) + 8 <= end - x0) {
    g.append("text")
      .attr("class", "warmup-label")
      .attr("x", x0 + 4)
      .attr("y", 12)
      .attr("font-size", TICK_FONT)
      .attr("fill", "#4b5563")
      .text("warm-up");
  }
}
