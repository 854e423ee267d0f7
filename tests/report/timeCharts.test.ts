import { describe, expect, it } from "vitest";
import { timeCharts } from "../../src/report/timeCharts.ts";
import { timelineCollector } from "../../src/report/traceTimelines.ts";
import type { DistributionData } from "../../web/src/charts/distribution.ts";

/** Orders of a 2-day run with a 1-day warm-up: ids, creation and (unless open) shipping, h. */
const ORDERS: [id: number, createdH: number, shippedH: number | null][] = [
  [1, 10, 12], // before the warm-up's end: left out
  [2, 23, 26], // created in the warm-up, shipped after: left out
  [3, 25, 26],
  [4, 26, 30],
  [5, 27, 29],
  [6, 30, 32],
  [7, 40, null], // open at the end
  [8, 46, null],
];

function traced() {
  const c = timelineCollector();
  c.add({ kind: "header", workers: [] });
  const records = ORDERS.flatMap(([id, created, shipped]) => [
    { t: created * 3600, kind: "order", id, event: "created" },
    ...(shipped === null ? [] : [{ t: shipped * 3600, kind: "order", id, event: "shipped" }]),
  ]);
  for (const r of records.sort((a, b) => a.t - b.t)) c.add(r);
  return { picksByLocation: {}, congestionByAisle: {}, samples: [], timelines: c.result() };
}

describe("timeCharts()", () => {
  it("the cycle-time chart counts the window's shipped orders, names the open ones, marks p50", () => {
    const blocks = timeCharts({ trace: traced(), warmupS: 86_400, horizonS: 2 * 86_400 });
    const spec = blocks.flatMap((b) => (b.kind === "chart" ? [b.chart] : []));
    const chart = spec.find((c) => c.id === "run-cycle-times")!;
    // Orders 3–6 ship after 1, 4, 2 and 2 h; orders 7 and 8 are open.
    expect(chart.options.title).toContain("of the 4 orders created after the warm-up and shipped");
    expect(chart.options.title).toContain("2 more still open at the end");
    expect(chart.options.xUnit).toBe("h");
    const data = chart.data as DistributionData;
    expect(data.marks.find((m) => m.label === "p50")?.value).toBe(2);
    expect(data.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
  });
});
