import { describe, expect, it } from "vitest";
import type { KpiDiff } from "../../web/src/whatif/whatIfStats.ts";
import { whatIfTable } from "../../web/src/whatif/whatIfTable.ts";

const diff = (d: Partial<KpiDiff>): KpiDiff => ({
  name: "x",
  meanA: 0,
  meanB: 0,
  diff: 0,
  low: 0,
  high: 0,
  n: 4,
  tone: "neutral",
  ...d,
});

/** The B − A and interval cells of the row of `kpi`. */
function cells(html: string, kpi: string): [string, string] {
  const row = new RegExp(`<tr data-kpi="${kpi}"[^>]*>(.*?)</tr>`).exec(html)![1];
  const td = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
  return [td[3], td[4]];
}

describe("whatIfTable(diffs, units)", () => {
  it("writes a difference and its interval bounds on one scale with the unit", () => {
    // 6,000 s is 100 min, 120 s 2 min: all three on the minutes scale of the largest (a
    // difference of 120 s alone would read in s).
    const html = whatIfTable(
      [diff({ name: "congestionWaitS", diff: -3000, low: -6000, high: -120, tone: "good" })],
      { congestionWaitS: "s" },
    );
    const [delta, interval] = cells(html, "congestionWaitS");
    expect(delta).toBe("−50 min");
    expect(interval).toBe("−100 min to −2 min");
  });

  it("gives differences of shares in percentage points", () => {
    const html = whatIfTable(
      [diff({ name: "onTimeShipRate", diff: -0.0633, low: -0.0813, high: -0.0453, tone: "bad" })],
      { onTimeShipRate: "share" },
    );
    expect(cells(html, "onTimeShipRate")).toEqual(["−6.33 pp", "−8.13 pp to −4.53 pp"]);
    expect(html).toContain('class="delta bad"');
  });

  it("says so when there is no interval, and shows a missing difference as a dash", () => {
    const html = whatIfTable(
      [diff({ name: "dockToStockS", diff: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 })],
      {},
    );
    expect(cells(html, "dockToStockS")).toEqual(["–", "no interval"]);
    expect(html).toContain('title="fewer than two replications with a value"');
  });
});
