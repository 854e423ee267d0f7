/**
 * The departure bay in a whole run: a lane of one pallet place with two loaders stops the
 * packers (waitStagingS > 0, packers waiting for "staging") and still conserves stock and
 * orders; the layout's lanes of 12 places stop them far less.
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.ts";
import { simulate } from "../../src/warehouse/index.ts";

function run(staging: Record<string, unknown>, trace?: (record: any) => void) {
  return simulate(
    loadScenario(
      JSON.stringify({
        name: "bay",
        horizonDays: 2,
        warmupDays: 0.5,
        seed: 5,
        layout: {
          generator: "traditional",
          name: "bay",
          aisles: 6,
          baysPerAisle: 10,
          levels: 3,
          packStations: 4,
          docks: { inbound: 1, outbound: 1, stagingLanesPerDoor: 2 },
        },
        skus: { count: 60 },
        // One order a pallet: loading alone, without wrapping each pallet.
        timeStandards: { wrapS: 0 },
        outbound: {
          ordersPerDay: 600,
          staging,
          // Trailers that swap at once and hold 100 pallets: the lanes alone limit the flow.
          doors: { dockS: 0, undockS: 0 },
          carriers: [
            {
              name: "c",
              departures: ["12:00", "19:00"],
              ordersPerTrip: 1,
              loadSPerOrder: 20,
              trailerPallets: 100,
            },
          ],
        },
        workforce: {
          roles: {
            packer: { crews: [{ shift: "day", headcount: 4 }] },
            loader: { crews: [{ shift: "day", headcount: 2 }] },
          },
        },
      }),
      "bay.json",
    ),
    { trace },
  );
}

describe("departure bay in a run", () => {
  it("a lane of one place stops the packers; lanes of 12 far less; both conserve", () => {
    const lanes = new Map<string, number[]>();
    const tight = run({ lanePallets: 1 }, (r) => {
      if (r.kind === "queue" && String(r.name).startsWith("staging")) {
        lanes.set(r.name, [...(lanes.get(r.name) ?? []), r.length]);
      }
    });
    // The trace fills and empties the lane (named after the layout's lane) and shows blocking.
    const fill = lanes.get("staging:OUT1-S1") ?? [];
    expect(new Set(fill)).toEqual(new Set([0, 1]));
    expect(Math.max(...(lanes.get("stagingBlocked:OUT1-S1") ?? [0]))).toBeGreaterThan(0);
    const roomy = run({});
    expect(tight.conservation.ok).toBe(true);
    expect(roomy.conservation.ok).toBe(true);
    expect(tight.kpis.waitStagingS).toBeGreaterThan(1);
    expect(roomy.kpis.waitStagingS).toBeLessThan(tight.kpis.waitStagingS / 3);
    expect(tight.kpis.stagingOccupancy).toBeGreaterThan(roomy.kpis.stagingOccupancy);
    expect(tight.breakdown.worker.packer["waiting.staging"]).toBeGreaterThan(0);
  });
});
