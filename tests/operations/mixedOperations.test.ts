/**
 * Every operation at once over random seeds, picking methods and release modes (long:
 * WHSIM_LONG=1): the run never breaks the ledger's rules and both balances hold.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/warehouse/index.ts";
import { shortDefault } from "./fixtures.ts";

const methods = [
  { method: "single" },
  { method: "batch", batchSize: 4 },
  { method: "zone", zones: 2 },
];

if (!process.env.WHSIM_LONG) {
  console.log("skipped: all operations together over 6 random mixes (long); run with WHSIM_LONG=1");
}

describe.runIf(process.env.WHSIM_LONG)("all operations together (long)", () => {
  it.each([0, 1, 2, 3, 4, 5])("simulate(): mix %i balances units and orders", (i) => {
    const r = simulate(
      shortDefault({
        seed: 11 + i,
        horizonDays: 5,
        warmupDays: 1,
        outbound: {
          picking: methods[i % 3],
          ...(i % 2 ? { release: { mode: "waves", times: ["07:00", "11:00", "15:00"] } } : {}),
        },
        workforce: {
          roles: {
            counter: { crews: [{ shift: "day", headcount: 2 }] },
            returnsClerk: { crews: [{ shift: "late", headcount: 1 }] },
            picker: {
              crews: [
                { shift: "day", headcount: 6 },
                { shift: "late", headcount: 4 },
              ],
              crossTrained: ["packer", "counter"],
            },
          },
        },
        operations: {
          stockErrors: {
            mispickProbability: 0.05,
            misplacedPutawayProbability: 0.2,
            shrinkageUnitsPerDay: 500,
          },
          counts: {
            countsPerYear: { A: 100, B: 20, C: 5 },
            opportunity: ["short", "empty", "low"][i % 3],
            lowUnits: 3,
            fullInventory: [{ timeS: 150_000 + i * 3000, ...(i % 2 ? { zone: "forward" } : {}) }],
          },
          crossDock: { share: 0.3, suppliers: i % 2 ? ["south"] : [] },
          quality: { sampleShare: 0.5, failProbability: 0.5, holdS: 7200, releaseShare: 0.5 },
          returns: { rate: 0.4, delayS: { dist: "exponential", mean: 7200 } },
          packaging: { types: [{ name: "box", cubeM3: 0.05, packS: 10 }] },
          productionSupply: {
            lines: [{ name: "x", intervalS: 1200, skuFrom: 100, skuTo: 400 }],
            priority: i % 2 ? "first" : "due",
          },
        },
      }),
    );
    expect(r.conservation.ok).toBe(true);
    expect(r.kpis.crossDockPallets).toBeGreaterThan(0);
    expect(r.kpis.ordersReturned).toBeGreaterThan(0);
    expect(r.kpis.productionOrdersDelivered).toBeGreaterThan(0);
  });
});
