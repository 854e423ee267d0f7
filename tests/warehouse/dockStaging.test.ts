/**
 * The arrival bay's staging areas in whole runs: with one pallet place per door, a receiver
 * must wait for putaway to clear the place before taking the next pallet off the trailer
 * (unloadStoppedS > 0, the area never holds more than one pallet); with a large area
 * unloading never stops. Both conserve stock and orders.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/warehouse/index.ts";
import { shortDefault } from "../operations/fixtures.ts";

describe("inbound staging area", () => {
  it("a one-place area stops unloading (KPI > 0); a large one never does (KPI = 0)", () => {
    let most = 0;
    const tight = simulate(
      shortDefault({ horizonDays: 4, inbound: { stagingPalletsPerDoor: 1 } }),
      {
        trace: (r) => {
          if (r.kind === "queue" && String(r.name).startsWith("dockStaging:"))
            most = Math.max(most, r.length as number);
        },
      },
    );
    const roomy = simulate(
      shortDefault({ horizonDays: 4, inbound: { stagingPalletsPerDoor: 10_000 } }),
    );
    expect(most).toBe(1);
    expect(tight.kpis.unloadStoppedS).toBeGreaterThan(0);
    expect(roomy.kpis.unloadStoppedS).toBe(0);
    expect(tight.kpis.dockStagingOccupancy).toBeGreaterThan(roomy.kpis.dockStagingOccupancy);
    // Whoever unloads (a receiver or a cross-trained worker) books the stop as its wait.
    const unloaderWaits = Object.values(tight.breakdown.worker).map(
      (shares) => shares["waiting.dockStaging"] ?? 0,
    );
    expect(Math.max(...unloaderWaits)).toBeGreaterThan(0);
    expect(tight.conservation.ok).toBe(true);
    expect(roomy.conservation.ok).toBe(true);
  });
});
