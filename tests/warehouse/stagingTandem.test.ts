/**
 * The departure bay's staging lane as a blocking tandem queue: two packers (always work to
 * do, exponential packing at rate μ1 each) feed one lane of one pallet place; one loader
 * takes pallets away (exponential loading at rate μ2). A packer whose pallet finds the lane
 * full waits holding it (blocking after service). The continuous-time Markov chain of
 * (blocked packers, lane, loader) gives the throughput and the share of packer time
 * blocked; the simulated DepartureBay must agree within 95 % confidence intervals.
 */
import { describe, expect, it } from "vitest";
import { confidenceInterval, Simulation } from "../../src/engine/index.ts";
import type { Scenario } from "../../src/scenario/index.ts";
import {
  createDepartureBay,
  stageOrder,
  takeOutboundPallet,
} from "../../src/warehouse/outbound/departureBay.ts";
import type { Site } from "../../src/warehouse/storage/site.ts";
import type { Worker } from "../../src/warehouse/workforce/workforce.ts";
import type { Order, World } from "../../src/warehouse/world.ts";

const MU_PACK = 1;
const MU_LOAD = 1.5;

/**
 * Stationary distribution of the chain, solved directly (Gauss–Jordan): states
 * (b blocked, L lane, S loader busy) = 000, 001, 011, 111, 211.
 */
function tandemReference(mu1: number, mu2: number): { throughput: number; blocked: number } {
  // Generator rows: rates out of each state to the others.
  const q: number[][] = [
    [0, 2 * mu1, 0, 0, 0],
    [mu2, 0, 2 * mu1, 0, 0],
    [0, mu2, 0, 2 * mu1, 0],
    [0, 0, mu2, 0, mu1],
    [0, 0, 0, mu2, 0],
  ];
  const n = q.length;
  // Solve πQ = 0, Σπ = 1: transpose, replace the last equation by the normalisation.
  const a = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => {
      if (i === n - 1) return 1;
      if (j === n) return 0;
      if (i === j) return -q[i].reduce((s, r) => s + r, 0);
      return q[j][i];
    }),
  );
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  const pi = a.map((row, i) => row[n] / row[i]);
  const busy = pi[1] + pi[2] + pi[3] + pi[4];
  return { throughput: mu2 * busy, blocked: (pi[3] + 2 * pi[4]) / 2 };
}

/** A world holding only what the departure bay reads: one door, one lane of one place. */
function bayWorld(sim: Simulation): World {
  const scenario = {
    outbound: {
      staging: { lanePallets: 1 },
      carriers: [{ ordersPerTrip: 1, trailerKg: 20_000 }],
    },
  } as unknown as Scenario;
  const site = { outboundDocks: ["OUT"], layout: { stagingLanes: [] } } as unknown as Site;
  return {
    sim,
    warmupS: 0,
    tracer: { on: false },
    site,
    scenario,
    departures: [{ timesS: [], cutoffsS: [] }],
    bay: createDepartureBay({ sim, scenario, site, warmupS: 0 }),
    listeners: { outboundPalletReady: [] },
  } as unknown as World;
}

/** One replication of `horizonS`: orders loaded per second and the share of packer time blocked. */
function replicate(seed: number, horizonS: number): { throughput: number; blocked: number } {
  const sim = new Simulation({ seed });
  const world = bayWorld(sim);
  const { bay } = world;
  const pack = sim.random("pack");
  const load = sim.random("load");
  const packer = { setState() {} } as unknown as Worker;
  let loaded = 0;
  const ready = sim.event();
  let wake = ready;
  world.listeners.outboundPalletReady.push(() => {
    if (!wake.triggered) wake.succeed();
  });
  for (let p = 0; p < 2; p++) {
    sim.process(
      (function* () {
        for (let id = 0; ; id++) {
          yield sim.timeout(pack.exponential(1 / MU_PACK));
          yield* stageOrder(world, packer, {
            carrier: 0,
            createdS: sim.now,
            id,
            lines: [],
          } as unknown as Order);
        }
      })(),
    );
  }
  sim.process(
    (function* () {
      for (;;) {
        if (bay.ready[0].length === 0) {
          wake = sim.event();
          yield wake;
        }
        takeOutboundPallet(world, 0);
        yield sim.timeout(load.exponential(1 / MU_LOAD));
        loaded++;
      }
    })(),
  );
  sim.run({ until: horizonS });
  return { throughput: loaded / horizonS, blocked: bay.blockedS / (2 * horizonS) };
}

describe("departure bay: a lane of one place between two packers and a loader", () => {
  it("the reference chain is a distribution and the loader is the bottleneck", () => {
    const ref = tandemReference(MU_PACK, MU_LOAD);
    expect(ref.throughput).toBeLessThan(MU_LOAD);
    expect(ref.throughput).toBeGreaterThan(1);
    expect(ref.blocked).toBeGreaterThan(0.1);
    expect(ref.blocked).toBeLessThan(0.5);
  });

  it("throughput and blocked share match the CTMC within 95 % confidence intervals", () => {
    const ref = tandemReference(MU_PACK, MU_LOAD);
    const runs = Array.from({ length: 20 }, (_, r) => replicate(100 + r, 5000));
    const throughput = confidenceInterval(runs.map((r) => r.throughput));
    const blocked = confidenceInterval(runs.map((r) => r.blocked));
    // Within 1.5 half-widths of the 95 % intervals (fixed seeds, so the verdict is stable).
    expect(Math.abs(throughput.mean - ref.throughput)).toBeLessThan(throughput.halfWidth * 1.5);
    expect(Math.abs(blocked.mean - ref.blocked)).toBeLessThan(blocked.halfWidth * 1.5);
    // Tight enough to tell blocking from no blocking (throughput 2μ1 = 2 without the lane limit).
    expect(throughput.halfWidth).toBeLessThan(0.02);
  });
});
