/**
 * Stock accuracy: record-vs-physical drift (stockErrors.ts), the count programme that
 * corrects it (counts.ts) and the pick that meets it — a picker who finds less than the
 * record says picks short, and picking waits while a full inventory freezes the face
 * (storage/pickFace.ts). One operation, since the three share the pick.
 */
import type { Scenario } from "../../scenario/index.ts";
import { ratio } from "../measure/ratio.ts";
import type { Operation } from "../operation.ts";
import { errorPickFace } from "../storage/pickFace.ts";
import type { World } from "../world.ts";
import { installCounts } from "./counts.ts";
import { installStockDrift, type StockDrift } from "./stockErrors.ts";

/** Whether the count programme schedules any count. */
function countsScheduled(scenario: Scenario): boolean {
  const spec = scenario.operations.counts;
  return (
    spec.opportunity !== "none" ||
    spec.fullInventory.length > 0 ||
    spec.countsPerYear.A + spec.countsPerYear.B + spec.countsPerYear.C > 0
  );
}

/** Takes short-pick time out of the consolidation remainder of a shipped order's picking span. */
function bookShortPicks(world: World): void {
  const { phases } = world.stats;
  world.listeners.orderShipped.push((order) => {
    const s = order.shortPickS ?? 0;
    if (s > 0 && order.shippedS >= world.warmupS) {
      phases.shortPick += s;
      phases.consolidate -= s;
    }
  });
}

/** Restarts the drift's time-averaged accuracy at the warm-up, like the core flow's averages. */
function resetAtWarmup(world: World, drift: StockDrift): void {
  const { sim, warmupS } = world;
  if (warmupS <= 0) return;
  sim.process(
    (function* () {
      yield warmupS;
      drift.accuracy.reset(sim.now);
    })(),
  );
}

/** Stock accuracy: drift, counts and the pick that meets them (KPIs when any is on). */
export const stockAccuracyOperation: Operation = {
  name: "stockAccuracy",
  install(world) {
    const drift = installStockDrift(world);
    const counts = installCounts(world);
    const shorts = { picks: 0, units: 0, lines: 0 };
    const on = drift.on || countsScheduled(world.scenario);
    if (on) {
      world.pickFace = errorPickFace(world, {
        rates: drift.rates,
        shortPickSearchS: world.scenario.operations.stockErrors.shortPickSearchS,
        frozen: counts.frozen,
        afterPick: counts.afterPick,
        shorts,
      });
    }
    bookShortPicks(world);
    resetAtWarmup(world, drift);
    const sample = (): Record<string, number> =>
      drift.on ? { recordAccuracy: drift.lastAccuracy } : {};
    const { stats } = counts;
    const kpis = (): Record<string, number> => ({
      recordAccuracyFaces: drift.faceAccuracy(),
      recordAccuracyMean: drift.on ? drift.accuracy.mean(world.horizonS) : 1,
      shortPicks: shorts.picks,
      shortPickUnits: shorts.units,
      countsDone: stats.counts,
      countsWithVariance: stats.withVariance,
      countVarianceUnits: stats.varianceUnits,
      fullInventoryS: ratio(stats.fullInventoryS, stats.fullInventories),
    });
    return on ? { kpis, sample } : { sample };
  },
};
