/**
 * Cross-docking: a checked pallet of a flagged supplier, or one already allocated to
 * outbound demand (a share of the others), is never stored — a putaway driver takes it from
 * the arrival door to the departure door of the carrier of its orders (carrierFor), sorts it
 * there, and a loader puts it on that carrier's trailer, due on the first departure whose
 * cut-off is after it arrived. Dwell time runs from the trailer's arrival to the departure.
 */

import { ratio } from "../measure/ratio.ts";
import type { Operation } from "../operation.ts";
import { announcePallet, PALLET_TARE_KG } from "../outbound/departureBay.ts";
import { dueDeparture } from "../outbound/departures.ts";
import {
  acquire,
  handle,
  palletHandlingS,
  release,
  traceTask,
  travel,
} from "../workforce/activities.ts";
import { putawayDueS } from "../workforce/dueTimes.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, Pallet, World } from "../world.ts";

/** Cross-dock statistics after the warm-up (by departure time). */
export interface CrossDockStats {
  pallets: number;
  units: number;
  /** Sum of dwell times of cross-docked pallets, s. */
  dwellS: number;
  /** Pallets staged at a departure door now (whole run). */
  staged: number;
}

/** Installs cross-docking; returns the statistics and `take(pallet)` (true when cross-docked). */
export function installCrossDock(world: World): {
  stats: CrossDockStats;
  take(pallet: Pallet): boolean;
} {
  const { sim, scenario, site, ledger, departures } = world;
  const spec = scenario.operations.crossDock;
  const stats: CrossDockStats = { pallets: 0, units: 0, dwellS: 0, staged: 0 };
  const flagged = new Set(
    scenario.inbound.suppliers.flatMap((s, i) => (spec.suppliers.includes(s.name) ? [i] : [])),
  );
  const on = flagged.size > 0 || spec.share > 0;
  const random = sim.random("ops.crossDock");

  const take = (pallet: Pallet): boolean => {
    if (!on) return false;
    const always = pallet.supplier !== undefined && flagged.has(pallet.supplier);
    if (!always && !(spec.share > 0 && random.next() < spec.share)) return false;
    world.queues.putaway.push(
      { kind: "crossDock", at: pallet.at.slice(5), run: (worker) => crossDock(worker, pallet) },
      putawayDueS(world, pallet),
    );
    return true;
  };

  /** A putaway driver takes a pallet from its arrival door to its carrier's departure door. */
  function* crossDock(worker: Worker, pallet: Pallet) {
    const sku = world.skus[pallet.sku];
    const carrier = carrierFor(world, pallet);
    const door = site.outboundDocks[carrier % site.outboundDocks.length];
    const lane = `xdock:${door}`;
    traceTask(world, "crossDock", worker, "start");
    const equipment = yield* acquire(world, worker, "putaway");
    const pool = world.equipmentFor.putaway;
    yield* travel(world, worker, pallet.at.slice(5), { loaded: false, pool });
    yield* handle(world, worker, palletHandlingS(world, "pickUp", "dock"));
    for (const listener of world.listeners.palletLeftDock) listener(pallet);
    ledger.move({
      timeS: sim.now,
      sku: sku.id,
      from: pallet.at,
      to: lane,
      quantity: pallet.units,
      cause: "crossDock",
    });
    sku.dockUnits -= pallet.units;
    yield* travel(world, worker, door, { loaded: true, pool });
    yield* handle(world, worker, palletHandlingS(world, "setDown", "dock") + spec.sortS);
    release(world, worker, "putaway", equipment);
    traceTask(world, "crossDock", worker, "end");
    stats.staged++;
    // It rides the carrier's trailer: due on the first departure whose cut-off is still ahead.
    announcePallet(world, {
      lane: -1,
      at: door,
      carrier,
      orders: [],
      kg: PALLET_TARE_KG + pallet.units * sku.info.sku.unitWeightKg,
      dueS: dueDeparture(departures[carrier], sim.now),
      shipped: () => shipped(world, stats, pallet, lane),
    });
  }

  return { stats, take };
}

/** The trailer with the pallet leaves: the units ship from the cross-dock spot. */
function shipped(world: World, stats: CrossDockStats, pallet: Pallet, lane: string): void {
  const { sim, ledger } = world;
  ledger.ship({
    timeS: sim.now,
    sku: world.skus[pallet.sku].id,
    from: lane,
    quantity: pallet.units,
    cause: "crossDock",
  });
  world.stats.total.unitsShipped += pallet.units;
  stats.staged--;
  if (sim.now >= world.warmupS) {
    stats.pallets++;
    stats.units += pallet.units;
    stats.dwellS += sim.now - pallet.arrivedS;
  }
}

/**
 * The carrier a cross-docked pallet goes to: that of the most urgent order waiting for its
 * SKU, else the carrier whose next cut-off comes first (the pallet goes to outbound demand).
 */
export function carrierFor(world: World, pallet: Pallet): number {
  const waiting = world.skus[pallet.sku].waiting;
  let best: Order | undefined;
  for (const order of waiting) if (!best || order.dueS < best.dueS) best = order;
  if (best) return best.carrier;
  let carrier = 0;
  let firstS = Number.POSITIVE_INFINITY;
  world.departures.forEach((d, c) => {
    const dueS = dueDeparture(d, world.sim.now);
    if (dueS < firstS) {
      firstS = dueS;
      carrier = c;
    }
  });
  return carrier;
}

/** Cross-docking: checked pallets taken straight to a departure door, never stored. */
export const crossDockOperation: Operation = {
  name: "crossDock",
  install(world) {
    const crossDock = installCrossDock(world);
    /** Pallets cross-docked after the warm-up (by the time they were taken). */
    let taken = 0;
    world.listeners.palletChecked.push((pallet) => {
      if (!crossDock.take(pallet)) return false;
      if (world.sim.now >= world.warmupS) taken++;
      return true;
    });
    const { stats } = crossDock;
    const kpis = (): Record<string, number> => ({
      crossDockPallets: stats.pallets,
      crossDockUnits: stats.units,
      crossDockShare: ratio(taken, world.stats.palletsChecked),
      crossDockDwellS: ratio(stats.dwellS, stats.pallets),
    });
    const spec = world.scenario.operations.crossDock;
    return spec.share > 0 || spec.suppliers.length > 0 ? { kpis } : {};
  },
};
