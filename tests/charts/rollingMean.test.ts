import { describe, expect, it } from "vitest";
import { rollingHourlyMean } from "../../web/src/charts/data/rollingMean.ts";

describe("rollingHourlyMean()", () => {
  it("averages the events of the last window hours, from the first full window on", () => {
    // Hour 0: 2 events, hour 1: none, hour 2: 4 (a trailer burst), hour 3: 1.
    const times = [100, 200, 7300, 7400, 7500, 7600, 11_000];
    expect(rollingHourlyMean(times, 0, 4 * 3600, 2)).toEqual([
      [2, 1],
      [3, 2],
      [4, 2.5],
    ]);
  });

  it("keeps the total: a window as long as the span gives the mean rate over it", () => {
    const times = Array.from({ length: 30 }, (_, i) => 3600 + i * 500);
    const [[h, rate]] = rollingHourlyMean(times, 3600, 3600 + 5 * 3600, 5);
    expect(h).toBe(6);
    expect(rate).toBe(6);
  });
});
