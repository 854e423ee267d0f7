/**
 * Slotting from a forecast: the order in which SKUs get pick faces, most forecast lines
 * first (the nearest face to the depot first). The forecast is each SKU's expected line
 * share, or the lines of the given order history's first weeks — never the run's own
 * future demand, which the slotting cannot know.
 */
import { InputError } from "../../common/inputError.ts";
import type { Scenario } from "../../scenario/index.ts";
import { DAY_S } from "../workforce/calendar.ts";

/** SKU ranks (0-based) by expected line share, the largest first; ties by rank. */
export function expectedOrder(scenario: Scenario): number[] {
  const n = scenario.skus.count;
  const ranks = Array.from({ length: n }, (_, i) => i);
  const list = scenario.skus.list;
  // Generated SKUs are ranked by their share already; so is a list without shares.
  if (!list?.every((s) => s.lineShare !== undefined)) return ranks;
  const share = list.map((s) => s.lineShare ?? 0);
  return ranks.sort((a, b) => share[b] - share[a] || a - b);
}

/** Order lines per SKU rank of the given orders created before `untilS`. */
export function historyLines(scenario: Scenario, untilS: number): Float64Array {
  const lines = new Float64Array(scenario.skus.count);
  for (const order of scenario.outbound.orderList) {
    if (order.timeS >= untilS) continue;
    for (const line of order.lines) lines[line.sku - 1]++;
  }
  return lines;
}

/**
 * The SKU ranks in slotting order (face k, k-th nearest the depot, goes to the k-th): by
 * `storage.slotting.forecast`. Throws InputError when `history` finds no given order lines
 * in its window.
 */
export function forecastSlotOrder(scenario: Scenario, file = "<scenario>"): number[] {
  const expected = expectedOrder(scenario);
  const slotting = scenario.storage.slotting;
  if (slotting.forecast === "expected") return expected;
  const lines = historyLines(scenario, slotting.historyWeeks * 7 * DAY_S);
  if (!lines.some((x) => x > 0)) {
    throw new InputError({
      file,
      path: "storage.slotting.forecast",
      value: "history",
      expected: `given orders (outbound.orderList or orderLinesCsv) created in the first ${slotting.historyWeeks} weeks, or forecast: expected`,
    });
  }
  const place = new Int32Array(expected.length);
  expected.forEach((rank, i) => {
    place[rank] = i;
  });
  return [...expected].sort((a, b) => lines[b] - lines[a] || place[a] - place[b]);
}
