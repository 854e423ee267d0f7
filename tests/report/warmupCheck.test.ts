import { describe, expect, it } from "vitest";
import type { Summary } from "../../src/report/resultSchemas.ts";
import { warmupCheckBlocks } from "../../src/report/warmupCheck.ts";

const est = (mean: number, ci95 = 2) => ({ mean, ci95, n: 5 });

function summary(backlogEnd: number): Summary {
  return {
    kind: "run",
    version: "t",
    seed: 1,
    replications: 5,
    scenario: "s",
    scenarioHash: "h",
    warmupS: 86_400,
    horizonS: 3 * 86_400,
    kpis: { backlogAtStartOrders: est(100), backlogAtEndOrders: est(backlogEnd) },
    breakdown: { order: {}, worker: {} },
    daily: {
      createdOrders: { mean: [1000, 1000, 1000], ci95: [10, 10, 10] },
      shippedOrders: { mean: [900, 1000, 1000], ci95: [10, 10, 10] },
      backlogOrders: { mean: [100, 100, backlogEnd], ci95: [5, 5, 5] },
    },
  } as Summary;
}

describe("warmupCheckBlocks()", () => {
  it("charts orders per day and the backlog, the warm-up day named as such", () => {
    const blocks = warmupCheckBlocks(summary(105));
    const charts = blocks.flatMap((b) => (b.kind === "chart" ? [b.chart] : []));
    expect(charts.map((c) => c.id)).toEqual(["run-daily-orders", "run-daily-backlog"]);
    const data = charts[0].data as { categories: string[] };
    expect(data.categories).toEqual(["Mon 1 (warm-up)", "Tue 2", "Wed 3"]);
    const text = blocks.flatMap((b) => (b.kind === "p" ? [b.text] : [])).join(" ");
    expect(text).toMatch(/about the same/);
  });

  it("says when the backlog grows over the window", () => {
    const text = warmupCheckBlocks(summary(400))
      .flatMap((b) => (b.kind === "p" ? [b.text] : []))
      .join(" ");
    expect(text).toMatch(/larger at the end/);
  });

  it("gives nothing for results without daily counts", () => {
    const old = { ...summary(100), daily: undefined };
    expect(warmupCheckBlocks(old)).toEqual([]);
  });
});
