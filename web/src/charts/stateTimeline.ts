/**
 * A state timeline (Gantt): one row per worker, one hatched bar per run of a state, on a
 * day-and-clock time axis. Hovering a bar reads its worker, state, times and length.
 */
import { type ScaleBand, type ScaleLinear, scaleBand, scaleLinear } from "d3";
import { formatQuantity } from "../../../src/common/units.ts";
import { drawBandY, TICK_FONT } from "./axes.ts";
import { type ChartOptions, createFrame, type Frame } from "./frame.ts";
import { hoverReadout, type Readout, readoutBox } from "./hover.ts";
import { fitWidth } from "./textMeasure.ts";
import { drawClockX, formatClock } from "./timeAxis.ts";

/** One run of a state: start and end in hours from Monday 00:00, and the state's index. */
export type StateRun = [startH: number, endH: number, state: number];

/** Data of a state timeline: the states (legend order) and one row of runs per worker. */
export interface StateTimelineData {
  /** Start and end of the time axis, hours from Monday 00:00. */
  fromH: number;
  toH: number;
  states: string[];
  rows: { label: string; runs: StateRun[] }[];
}

const ROW_H = 14;

function drawRuns(
  frame: Frame,
  row: StateTimelineData["rows"][number],
  s: { x: ScaleLinear<number, number>; y: ScaleBand<string>; states: string[]; readout: Readout },
): void {
  const g = frame.plot.append("g").attr("class", "row").attr("data-label", row.label);
  for (const [a, b, state] of row.runs) {
    const x0 = s.x(a);
    const x1 = s.x(b);
    if (x1 - x0 <= 0) continue;
    const bar = g.append("g").attr("class", "run").attr("data-state", s.states[state]);
    hoverReadout(bar, s.readout, [
      row.label,
      `${s.states[state]}: ${formatClock(a)}–${formatClock(b).slice(4)} (${formatQuantity((b - a) * 3600, "s")})`,
    ]);
    bar
      .append("rect")
      .attr("x", x0)
      .attr("y", s.y(row.label) ?? 0)
      .attr("width", x1 - x0)
      .attr("height", s.y.bandwidth())
      .attr("fill", frame.fill(state));
  }
}

/** Draws one row of state bars per worker into a new SVG appended to `container`. */
export function stateTimeline(
  container: Element,
  data: StateTimelineData,
  options: ChartOptions,
): void {
  const height =
    options.height ?? 110 + ROW_H * data.rows.length + 16 * Math.ceil(data.states.length / 5);
  let labels: string[] = [];
  // The legend lists the states that occur; each keeps its fill, so colours stay fixed.
  const used = new Set(data.rows.flatMap((r) => r.runs.map((run) => run[2])));
  const legend = data.states
    .map((label, i) => ({ label, kind: "fill" as const, fillIndex: i }))
    .filter((item) => used.has(item.fillIndex));
  const frame = createFrame(container, { ...options, height }, legend, data.states.length, (m) => {
    labels = data.rows.map((r) => fitWidth(r.label, (options.width ?? 640) / 4, TICK_FONT, m));
    return { left: Math.max(50, 14 + Math.max(0, ...labels.map((l) => m(l, TICK_FONT)))) };
  });
  frame.svg.attr("data-chart", "stateTimeline");
  const x = scaleLinear()
    .domain([data.fromH, data.toH > data.fromH ? data.toH : data.fromH + 1])
    .range([0, frame.innerWidth]);
  const y = scaleBand()
    .domain(data.rows.map((r) => r.label))
    .range([0, frame.innerHeight])
    .padding(0.15);
  drawClockX(frame.plot, x, frame.innerHeight, frame.measure);
  drawBandY(frame.plot, y, labels);
  const readout = readoutBox(frame.plot, frame);
  for (const row of data.rows) drawRuns(frame, row, { x, y, states: data.states, readout });
  frame.finish();
}
