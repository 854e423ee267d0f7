import { describe, expect, it } from "vitest";
import { simulate } from "../../src/warehouse/index.ts";
import { shortDefault } from "../operations/fixtures.ts";

const weekdaysAfterMonday = ["tue", "wed", "thu", "fri"];

/** The default DC over Monday (warm-up) to Wednesday; `idleMonday`: nobody works on Monday. */
function scenario(idleMonday: boolean) {
  const days = idleMonday ? weekdaysAfterMonday : ["mon", ...weekdaysAfterMonday];
  return shortDefault({
    horizonDays: 3,
    warmupDays: 1,
    workforce: {
      shifts: {
        day: { start: "06:00", end: "14:30", days },
        late: { start: "14:00", end: "22:30", days },
      },
    },
  });
}

describe("the measured window counts the orders created after the warm-up", () => {
  const withBacklog = simulate(scenario(true), { seed: 3 });
  const without = simulate(scenario(false), { seed: 3 });

  it("a warm-up that leaves a backlog does not lift throughput above demand", () => {
    const k = withBacklog.kpis;
    // Monday's orders all wait: the window opens with a day's demand open.
    expect(k.backlogAtStartOrders).toBeGreaterThan(500);
    expect(k.backlogAtStartOrders).toBeGreaterThan(5 * without.kpis.backlogAtStartOrders);
    expect(k.ordersShipped).toBeLessThanOrEqual(k.ordersCreated);
    expect(k.throughputOrdersPerHour).toBeLessThanOrEqual(k.demandOrdersPerHour);
    // The same demand stream in both runs: the backlog cannot buy throughput.
    expect(k.ordersCreated).toBe(without.kpis.ordersCreated);
    expect(k.throughputOrdersPerHour).toBeLessThanOrEqual(without.kpis.demandOrdersPerHour);
  });

  it("shares stay in [0, 1] and backlogs match the daily counts", () => {
    for (const r of [withBacklog, without]) {
      expect(r.kpis.onTimeShipRate).toBeGreaterThanOrEqual(0);
      expect(r.kpis.onTimeShipRate).toBeLessThanOrEqual(1);
      expect(r.daily.createdOrders).toHaveLength(3);
      expect(r.daily.backlogOrders[0]).toBe(r.kpis.backlogAtStartOrders);
      expect(r.daily.backlogOrders[2]).toBe(r.kpis.backlogAtEndOrders);
      const created = r.daily.createdOrders.reduce((a, b) => a + b, 0);
      const shipped = r.daily.shippedOrders.reduce((a, b) => a + b, 0);
      expect(created - shipped).toBe(r.kpis.backlogAtEndOrders);
    }
  });

  it("with nobody at work in the window, open orders give the cycle time and on-time", () => {
    const idle = shortDefault({
      horizonDays: 2,
      warmupDays: 1,
      workforce: {
        shifts: {
          day: { start: "06:00", end: "14:30", days: ["mon"] },
          late: { start: "14:00", end: "22:30", days: ["mon"] },
        },
      },
    });
    const k = simulate(idle, { seed: 3 }).kpis;
    expect(k.ordersCreated).toBeGreaterThan(100);
    expect(k.ordersShipped).toBe(0);
    expect(k.throughputOrdersPerHour).toBe(0);
    expect(k.onTimeShipRate).toBe(0);
    // Each open order counts its age at the horizon: between 0 and the one-day window.
    expect(k.orderCycleTimeS).toBeGreaterThan(3600);
    expect(k.orderCycleTimeS).toBeLessThan(86_400);
    expect(k.backlogAtEndOrders).toBeGreaterThanOrEqual(k.ordersCreated);
  });
});
