/**
 * Little's law on orders: the time-average number of orders in the building (created, not
 * shipped) equals the arrival rate × mean cycle time, L = λW, within the confidence interval
 * (the window edges make it approximate: tolerance max(5 %, 3 standard errors)). The cycle
 * time counts every order created in the window, open ones censored at the horizon; the
 * orders the warm-up left open add their time in the window (backlogInProcessOrders).
 */
import { describe, expect, it } from "vitest";
import { confidenceInterval } from "../../src/engine/index.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { runReplications } from "../../src/warehouse/index.ts";

describe("orders obey Little's law", () => {
  it("ordersInProcess = demandOrdersPerHour × orderCycleTimeS / 3600 + backlogInProcessOrders", () => {
    const scenario = loadScenario(
      JSON.stringify({
        name: "little",
        horizonDays: 4,
        warmupDays: 1,
        layout: {
          generator: "traditional",
          name: "l",
          aisles: 6,
          baysPerAisle: 10,
          levels: 3,
          packStations: 2,
        },
        skus: { count: 200 },
        outbound: {
          ordersPerDay: 500,
          hourlyPattern: Array(24).fill(1),
          weeklyPattern: Array(7).fill(1),
          carriers: [
            {
              name: "c",
              departures: ["02:00", "06:00", "10:00", "14:00", "18:00", "22:00"],
              days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            },
          ],
        },
        workforce: {
          shifts: {
            all: {
              start: "00:00",
              end: "00:00",
              days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            },
          },
          roles: Object.fromEntries(
            ["receiver", "putaway", "replenisher", "picker", "packer", "loader"].map((r) => [
              r,
              { crews: [{ shift: "all", headcount: 2 }] },
            ]),
          ),
        },
      }),
      "little.json",
    );
    const results = runReplications(scenario, { seed: 11, replications: 3 });
    const gaps = results.map(
      (r) =>
        r.kpis.ordersInProcess -
        (r.kpis.demandOrdersPerHour * r.kpis.orderCycleTimeS) / 3600 -
        r.kpis.backlogInProcessOrders,
    );
    // Over one window the identity holds exactly (up to rounding), replication by replication.
    for (const g of gaps) expect(Math.abs(g)).toBeLessThan(1e-6);
    const wip = results.map((r) => r.kpis.ordersInProcess);
    const ci = confidenceInterval(gaps);
    const meanWip = wip.reduce((a, b) => a + b, 0) / wip.length;
    expect(meanWip).toBeGreaterThan(1);
    expect(Math.abs(ci.mean)).toBeLessThanOrEqual(
      Math.max(0.05 * meanWip, 3 * (ci.stdDev / Math.sqrt(ci.n))),
    );
  });
});
