import { describe, expect, it } from "vitest";
import { compareReplications, toneOf } from "../../web/src/whatif/whatIfStats.ts";

describe("compareReplications(a, b)", () => {
  it("pairs replications by index and gives the Student-t interval of the differences", () => {
    // Differences 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.302653 → half-width 2.484138.
    const a = [{ onTimeShipRate: 10 }, { onTimeShipRate: 20 }, { onTimeShipRate: 30 }];
    const b = [{ onTimeShipRate: 11 }, { onTimeShipRate: 22 }, { onTimeShipRate: 33 }];
    const [d] = compareReplications(a, b);
    expect(d.meanA).toBe(20);
    expect(d.meanB).toBe(22);
    expect(d.diff).toBeCloseTo(2, 12);
    expect(d.low).toBeCloseTo(2 - 2.484138, 5);
    expect(d.high).toBeCloseTo(2 + 2.484138, 5);
    // The interval spans zero: no colour although B's mean is higher.
    expect(d.tone).toBe("neutral");
  });

  it("colours a difference whose interval excludes zero by the KPI's direction", () => {
    const a = [
      { orderCycleTimeS: 100, ordersShipped: 50 },
      { orderCycleTimeS: 200, ordersShipped: 60 },
    ];
    const b = [
      { orderCycleTimeS: 150, ordersShipped: 40 },
      { orderCycleTimeS: 251, ordersShipped: 49 },
    ];
    const tones = Object.fromEntries(compareReplications(a, b).map((d) => [d.name, d.tone]));
    // Cycle time up by 50 and 51 (lower is better): worse; shipped down by 10 and 11: worse.
    expect(tones).toEqual({ orderCycleTimeS: "bad", ordersShipped: "bad" });
  });

  it("one replication has no interval and stays grey", () => {
    const [d] = compareReplications([{ ordersShipped: 10 }], [{ ordersShipped: 99 }]);
    expect(Number.isNaN(d.low)).toBe(true);
    expect(d.tone).toBe("neutral");
  });
});

describe("toneOf(name, low, high, scale)", () => {
  it("is green for a better interval, red for a worse one, grey across zero or for neutral KPIs", () => {
    expect(toneOf("throughputOrdersPerHour", 0.5, 2, 50)).toBe("good");
    expect(toneOf("throughputOrdersPerHour", -2, -0.5, 50)).toBe("bad");
    expect(toneOf("throughputOrdersPerHour", -0.1, 2, 50)).toBe("neutral");
    expect(toneOf("utilization.picker", 0.1, 0.2, 0.5)).toBe("neutral");
  });
});
