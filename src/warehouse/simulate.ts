/**
 * simulate(): one replication of a scenario. Builds the world, places the initial stock,
 * installs every operation of operationList.ts, runs to the horizon and returns KPIs, the
 * time breakdown and the conservation balance as plain data.
 */
import type { Simulation } from "../engine/index.ts";
import type { Scenario } from "../scenario/index.ts";
import { createWorld } from "./createWorld.ts";
import { checkConservation } from "./measure/conservation.ts";
import { startDailyCounts } from "./measure/dailyCounts.ts";
import { computeKpis } from "./measure/kpis.ts";
import { startSampler } from "./measure/sampler.ts";
import { traceHeader } from "./measure/traceHeader.ts";
import { traceInitialStock } from "./measure/traceInitialStock.ts";
import type { Measures } from "./operation.ts";
import { OPERATIONS } from "./operationList.ts";
import type { DailyCounts, RunResult, SimulateOptions } from "./types.ts";
import type { World } from "./world.ts";

export { checkRunnable, createWorld } from "./createWorld.ts";
export { buildScenarioSite, scenarioLayout, scenarioSiteKey } from "./scenarioSite.ts";

/** Runs one replication of `scenario` and returns its results. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunResult {
  const steps = simulateInChunks(scenario, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Chunks of simulated time a replication runs in (progress is reported after each). */
const CHUNKS = 50;

/**
 * One replication as a generator: it sets the world up, yields the fraction of the horizon
 * done after each of 50 chunks of simulated time, and returns the results. A caller may hand
 * the event loop back between chunks (so Ctrl-C is heard within a long replication) or stop;
 * simulate() runs it through. The same seed gives the same results either way.
 */
export function* simulateInChunks(
  scenario: Scenario,
  options: SimulateOptions = {},
): Generator<number, RunResult, void> {
  const world = createWorld(scenario, options);
  const { sim, tracer } = world;
  const measures = OPERATIONS.map((operation) => operation.install(world));
  startSampler(world, measures);
  const dailyCounts = startDailyCounts(world);
  if (tracer.on) {
    traceHeader(world, sim.seed, sim.replication);
    traceInitialStock(world);
  }
  resetAtWarmup(world);
  let events = 0;
  for (let c = 1; c <= CHUNKS; c++) {
    events += runChunk(sim, (world.horizonS * c) / CHUNKS);
    options.onProgress?.(c / CHUNKS);
    yield c / CHUNKS;
  }
  return results(world, measures, events, dailyCounts.finish());
}

/** Restarts the time averages at the warm-up (counters check the time themselves). */
function resetAtWarmup(world: World): void {
  const { sim, stats, pools, warmupS } = world;
  sim.process(
    (function* () {
      if (warmupS > 0) yield warmupS;
      for (const stat of [stats.wip, stats.stockUnits, stats.occupiedLocations])
        stat.reset(sim.now);
      for (const pool of Object.values(pools)) pool?.inUse.reset(sim.now);
    })(),
  );
}

/**
 * Runs `sim` up to `until` seconds; returns the number of events stepped. A function of its
 * own so that the hot loop is optimised here (on-stack replacement) and not in the
 * replication's generator.
 */
function runChunk(sim: Simulation, until: number): number {
  let events = 0;
  while (sim.peek() < until) {
    sim.step();
    events++;
  }
  sim.run({ until });
  return events;
}

/** The run's results at the horizon: the core KPIs, then each operation's, in list order. */
function results(
  world: World,
  measures: readonly Measures[],
  events: number,
  daily: DailyCounts,
): RunResult {
  const { kpis, breakdown } = computeKpis(world, daily);
  for (const m of measures) if (m.kpis) Object.assign(kpis, m.kpis());
  const conservation = checkConservation(world);
  const t = world.stats.total;
  return {
    kpis,
    breakdown,
    conservation,
    counts: {
      events,
      trailersIn: t.trailersIn,
      palletsReceived: t.palletsReceived,
      purchaseOrders: t.purchaseOrders,
      replenishments: t.replenishments,
      pickTours: t.pickTours,
      linesPicked: t.linesPicked,
      trailersOut: t.trailersOut,
      traceRecords: world.tracer.count,
    },
    daily,
    horizonS: world.horizonS,
    warmupS: world.warmupS,
  };
}
