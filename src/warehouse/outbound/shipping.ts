/**
 * Shipping: at each cut-off a carrier's open pallet closes; a closed pallet goes to the
 * carrier's trailer at an outbound door (outboundTrailers.ts), and a loader carries it from
 * its staging lane to that door and loads it (time per order). The orders on a trailer ship
 * when it leaves.
 */

import type { Operation } from "../operation.ts";
import { acquire, handle, release, traceTask, travel } from "../workforce/activities.ts";
import { stationStandardS } from "../workforce/timeStandards.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, World } from "../world.ts";
import {
  closeOutboundPallet,
  departureBayKpis,
  type OutboundPallet,
  takeOutboundPallet,
} from "./departureBay.ts";
import {
  type OutboundDocks,
  type OutboundTrailer,
  palletLoaded,
  palletReady,
  startOutboundDocks,
  type TrailerStats,
  trailerKpis,
} from "./outboundTrailers.ts";

/** Installs the outbound doors and trailers, loading from the lanes and the cut-offs. */
export function installShipping(world: World): OutboundDocks {
  const { sim } = world;
  const docks = startOutboundDocks(world, {
    load(pallet, trailer) {
      world.queues.loader.push(
        {
          kind: "load",
          at: pallet.at,
          run: (worker) => loadTrip(world, worker, pallet, trailer),
        },
        pallet.dueS,
      );
    },
    depart: (trailer) => depart(world, docks.stats, trailer),
  });
  world.listeners.outboundPalletReady.push((pallet) => palletReady(docks, pallet));
  world.departures.forEach((_, c) => {
    sim.process(cutoffs(world, c));
  });
  return docks;
}

/** At each of carrier `c`'s cut-offs its open pallet closes (it is due on that departure). */
function* cutoffs(world: World, c: number) {
  const { sim } = world;
  for (const cutoffS of world.departures[c].cutoffsS) {
    if (cutoffS >= world.horizonS) break;
    if (cutoffS > sim.now) yield cutoffS - sim.now;
    closeOutboundPallet(world, c);
  }
}

/** A loader carries `pallet` from its lane to `trailer`'s door and loads it. */
function* loadTrip(world: World, worker: Worker, pallet: OutboundPallet, trailer: OutboundTrailer) {
  const carrier = world.scenario.outbound.carriers[pallet.carrier];
  traceTask(world, "load", worker, "start", pallet.orders[0]?.id);
  const equipment = yield* acquire(world, worker, "load");
  const pool = world.equipmentFor.load;
  yield* travel(world, worker, pallet.at, { loaded: false, pool });
  takeOutboundPallet(world, pallet.carrier, pallet);
  // An order pallet is stretch-wrapped in its lane before it goes on the trailer.
  if (pallet.orders.length > 0) yield* handle(world, worker, stationStandardS(world, "wrap"));
  if (pallet.at !== trailer.door)
    yield* travel(world, worker, trailer.door, { loaded: true, pool });
  // A cross-docked pallet (no orders) takes one order's loading time.
  yield* handle(world, worker, carrier.loadSPerOrder * Math.max(1, pallet.orders.length));
  release(world, worker, "load", equipment);
  traceTask(world, "load", worker, "end", pallet.orders[0]?.id);
  palletLoaded(world, trailer);
}

/** A trailer leaves: its orders ship, and its fill counts after the warm-up. */
function depart(world: World, stats: TrailerStats, trailer: OutboundTrailer): void {
  shipLoad(world, trailer.pallets);
  for (const pallet of trailer.pallets) pallet.shipped?.();
  if (world.sim.now < world.warmupS) return;
  stats.trailers++;
  const places = world.scenario.outbound.carriers[trailer.carrier].trailerPallets;
  stats.fillSum += trailer.pallets.length / places;
}

/**
 * A trailer leaves with the orders of `pallets`: one ship transaction per SKU (in order of
 * first appearance), and each order booked.
 */
function shipLoad(world: World, pallets: readonly OutboundPallet[]): void {
  const { stats, ledger, skus } = world;
  stats.total.trailersOut++;
  const now = world.sim.now;
  const units = new Map<number, number>();
  for (const pallet of pallets) {
    for (const order of pallet.orders) {
      for (const line of order.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.qty);
    }
  }
  for (const [sku, quantity] of units) {
    ledger.apply({ kind: "ship", timeS: now, sku: skus[sku].id, quantity });
  }
  for (const pallet of pallets) for (const order of pallet.orders) shipOrder(world, order, now);
  stats.wip.update(world.openOrders);
}

/** Books one order of a departing trailer as shipped at `now`. */
function shipOrder(world: World, order: Order, now: number): void {
  const { stats } = world;
  order.shippedS = now;
  world.openOrders--;
  stats.total.ordersShipped++;
  stats.total.unitsShipped += order.units;
  if (world.tracer.on) world.tracer.emit({ t: now, kind: "order", id: order.id, event: "shipped" });
  if (order.createdS >= world.warmupS) recordShipped(world, order);
  else if (now >= world.warmupS) {
    stats.backlogShipped++;
    stats.backlogInWindowS += now - world.warmupS;
  }
  for (const l of world.listeners.orderShipped) l(order);
}

/** Books a shipped order created after the warm-up: cycle time, on-time status, phases. */
function recordShipped(world: World, order: Order): void {
  const { stats } = world;
  stats.ordersShipped++;
  stats.linesShipped += order.lines.length;
  stats.unitsShipped += order.units;
  if (order.shippedS > order.dueS) stats.linesLate += order.lines.length;
  else if (order.dueS <= world.horizonS) stats.ordersOnTime++;
  stats.openCreatedSumS -= order.createdS;
  stats.cycleS.add(order.shippedS - order.createdS);
  const p = stats.phases;
  p.waitRelease += order.releasedS - order.createdS;
  p.waitPicker += order.pickStartS - order.releasedS;
  p.travel += order.travelS;
  p.congestion += order.congestionS;
  p.pick += order.pickS;
  p.consolidate +=
    order.pickEndS -
    order.pickStartS -
    order.travelS -
    order.congestionS -
    order.pickS +
    order.sortS;
  p.waitPack += order.packStartS - order.pickEndS;
  p.pack += order.packEndS - order.packStartS - order.sortS;
  p.waitTrailer += order.shippedS - order.packEndS;
}

/** The shipping flow: staging, loading and departures. */
export const shippingOperation: Operation = {
  name: "shipping",
  install(world) {
    const docks = installShipping(world);
    return { kpis: () => ({ ...departureBayKpis(world.bay), ...trailerKpis(docks.stats) }) };
  },
};
