/**
 * The charts tab's cycle-time distribution: a histogram of the order cycle times (creation
 * to shipping) of the orders created after the warm-up and shipped by the end of the run,
 * with p50, p90 and p95 marked, in the unit the shared rule picks (min or h), and a note
 * saying which orders it counts and how many were still open.
 */
import { displayScale } from "../../../src/common/units.ts";
import { distribution, formatClock, histogramWithPercentiles, quantile } from "../charts/index.ts";
import { windowCycles } from "../trace/orderCycles.ts";
import type { RunData } from "./runData.ts";

/** The run's measured window: its warm-up end and horizon, s. */
export interface CycleWindow {
  warmupS: number;
  horizonS: number;
}

/** `12,345` with thousands separators. */
const count = (n: number) => n.toLocaleString("en-US");

/**
 * Draws run `r`'s cycle-time distribution into `card` (a chart and a note); returns false and
 * draws nothing when fewer than two orders of the window shipped.
 */
export function cycleTimeChart(
  card: HTMLElement,
  r: RunData,
  window: CycleWindow,
  label: string,
): boolean {
  if (!r.trace) return false;
  const { cycleS, open } = windowCycles(r.trace.orderCycles, window.warmupS);
  if (cycleS.length < 2) return false;
  const sorted = [...cycleS].sort((a, b) => a - b);
  const scale = displayScale("s", quantile(sorted, 0.5));
  distribution(card, histogramWithPercentiles(cycleS, { bins: 30, scale: scale.factor }), {
    title: `${label}Order cycle time, creation to shipping`,
    width: 640,
    height: 300,
    xLabel: "Cycle time",
    xUnit: scale.unit,
    yLabel: "Orders",
    yUnit: "orders",
  });
  const note = document.createElement("p");
  note.className = "chart-note";
  note.dataset.shipped = String(cycleS.length);
  note.dataset.open = String(open);
  const from =
    window.warmupS > 0 ? ` after the warm-up (${formatClock(window.warmupS / 3600)})` : "";
  note.textContent =
    `${count(cycleS.length)} orders created${from} and shipped by the end of the run ` +
    `(${formatClock(window.horizonS / 3600)}); ${count(open)} more of that window were ` +
    "still open at the end (not in the histogram).";
  card.append(note);
  return true;
}
