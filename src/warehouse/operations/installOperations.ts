/**
 * The operations beyond the core flow, wired into the world: stock drift and short picks,
 * the count programme, quality sampling, cross-docking, returns, packaging and production
 * supply. Each lives
 * in its own file; this one installs them in a fixed order, routes checked pallets
 * (quality first, then cross-dock, else putaway) and adds their KPIs to a run's results.
 */

import type { Departures } from "../outbound/orders.ts";
import { errorPickFace } from "../storage/pickFace.ts";
import type { Breakdown } from "../types.ts";
import type { Order, Pallet, World } from "../world.ts";
import { installCounts } from "./counts.ts";
import { installCrossDock } from "./crossDock.ts";
import { installPackaging } from "./packaging.ts";
import { installProductionSupply } from "./productionSupply.ts";
import { installQuality } from "./quality.ts";
import { installReturns } from "./returns.ts";
import { installStockDrift } from "./stockErrors.ts";

/** What simulate() needs back: the KPIs at the end and the fields of the `sample` record. */
export interface OperationsHandle {
  /** Adds the operations' KPIs and breakdown entries (called once, at the horizon). */
  finish(kpis: Record<string, number>, breakdown: Breakdown): void;
  /** Extra fields of the periodic `sample` trace record. */
  sample(): Record<string, number>;
}

/** Installs every operation the scenario turns on (none of them runs when all are off). */
export function installOperations(
  world: World,
  departures: Departures[],
  pick: (order: Order) => void,
): OperationsHandle {
  const { sim, stats } = world;
  const drift = installStockDrift(world);
  const counts = installCounts(world, drift);
  const shorts = { picks: 0, units: 0, lines: 0 };
  const countsOn = world.scenario.operations.counts;
  const anyCounts =
    countsOn.opportunity !== "none" ||
    countsOn.fullInventory.length > 0 ||
    countsOn.countsPerYear.A + countsOn.countsPerYear.B + countsOn.countsPerYear.C > 0;
  if (drift.on || anyCounts) {
    const pick = errorPickFace(world, {
      rates: drift.rates,
      shortPickSearchS: world.scenario.operations.stockErrors.shortPickSearchS,
      frozen: counts.frozen,
      afterPick: counts.afterPick,
      shorts,
    });
    world.pickFace = pick;
  }
  stats.phases.shortPick = 0;
  world.listeners.orderShipped.push((order) => {
    const s = order.shortPickS ?? 0;
    if (s > 0 && order.shippedS >= world.warmupS) {
      // Short-pick time is inside the picking span; take it out of the remainder.
      stats.phases.shortPick += s;
      stats.phases.consolidate -= s;
    }
  });

  const quality = installQuality(world);
  const crossDock = installCrossDock(world, departures);
  let palletsChecked = 0;
  let palletsCrossDocked = 0;
  const onward = (pallet: Pallet) => {
    if (crossDock.take(pallet)) {
      if (sim.now >= world.warmupS) palletsCrossDocked++;
      return;
    }
    world.startPutaway(pallet);
  };
  world.listeners.palletChecked.push((pallet) => {
    if (sim.now >= world.warmupS) palletsChecked++;
    if (quality.take(pallet, onward)) return true;
    if (crossDock.take(pallet)) {
      if (sim.now >= world.warmupS) palletsCrossDocked++;
      return true;
    }
    return false;
  });

  const returns = installReturns(world, drift);
  const packaging = installPackaging(world);
  const production = installProductionSupply(world, pick);

  // Time averages restart at the warm-up, like the core flow's.
  if (world.warmupS > 0) {
    sim.process(
      (function* () {
        yield world.warmupS;
        drift.accuracy.reset(sim.now);
      })(),
    );
  }

  return {
    sample(): Record<string, number> {
      return drift.on ? { recordAccuracy: drift.lastAccuracy } : {};
    },
    finish(k, breakdown) {
      const hours = (world.horizonS - world.warmupS) / 3600;
      const per = (n: number, d: number) => (d > 0 ? n / d : Number.NaN);
      if (drift.on || anyCounts) {
        k.recordAccuracyFaces = drift.faceAccuracy();
        k.recordAccuracyMean = drift.on ? drift.accuracy.mean(world.horizonS) : 1;
        k.shortPicks = shorts.picks;
        k.shortPickUnits = shorts.units;
        k.countsDone = counts.stats.counts;
        k.countsWithVariance = counts.stats.withVariance;
        k.countVarianceUnits = counts.stats.varianceUnits;
        k.fullInventoryS = per(counts.stats.fullInventoryS, counts.stats.fullInventories);
      }
      if (world.scenario.operations.quality.sampleShare > 0) {
        k.palletsInspected = quality.stats.inspected;
        k.palletsQuarantined = quality.stats.failed;
        k.palletsRejected = quality.stats.rejected;
        k.palletsReleased = quality.stats.released;
      }
      const xd = world.scenario.operations.crossDock;
      if (xd.share > 0 || xd.suppliers.length > 0) {
        k.crossDockPallets = crossDock.stats.pallets;
        k.crossDockUnits = crossDock.stats.units;
        k.crossDockShare = per(palletsCrossDocked, palletsChecked);
        k.crossDockDwellS = per(crossDock.stats.dwellS, crossDock.stats.pallets);
      }
      if (world.scenario.operations.returns.rate > 0) {
        k.ordersReturned = returns.ordersReturned;
        k.unitsReturned = returns.unitsReturned;
        k.unitsRestocked = returns.unitsRestocked;
        k.unitsRefurbished = returns.unitsRefurbished;
        k.unitsScrappedReturns = returns.unitsScrapped;
        k.returnHandlingS = per(returns.handlingS, returns.handled);
      }
      if (world.scenario.operations.productionSupply.lines.length > 0) {
        k.productionOrdersDelivered = production.delivered;
        k.productionOnTimeRate = per(production.onTime, production.delivered);
        k.productionLeadTimeS = per(production.leadS, production.delivered);
        k.productionLatenessS = per(production.latenessS, production.delivered);
      }
      for (const [name, n] of Object.entries(packaging)) {
        k[`packaging.${name}`] = n;
        k[`packagingPerHour.${name}`] = n / hours;
      }
      void breakdown;
    },
  };
}
