/**
 * Shipping: a packed order is staged and a loader carries it from the pack area into its
 * carrier's trailer at the carrier's outbound door (time per order). At each cut-off the
 * orders staged so far are assigned to that departure; the trailer leaves at its
 * departure time, or when the last of them is loaded if that is later. Orders packed after
 * the cut-off wait for the next trailer.
 */

import type { Operation } from "../operation.ts";
import { acquire, handle, release, traceTask, travel } from "../workforce/activities.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, World } from "../world.ts";

/** Installs staging, loading and the carriers' departures. */
export function installShipping(world: World): void {
  const { sim, scenario, site, ledger, stats, skus, departures } = world;
  const carriers = scenario.outbound.carriers;
  const staged: Order[][] = carriers.map(() => []);
  /** Orders staged but not yet loaded, and the departures waiting for some of them. */
  const loading = new Set<Order>();
  const onLoaded = new Map<Order, () => void>();
  const doorOf = (c: number) => site.outboundDocks[c % site.outboundDocks.length];
  const pickup = site.packStations[0] ?? site.depot;

  /** Packed orders waiting for a loader, per carrier, and whether a trip task is queued. */
  const toLoad: Order[][] = carriers.map(() => []);
  const tripQueued = carriers.map(() => false);

  /** A loader carries the next trip's orders of carrier `c` to its door. */
  function* loadTrip(worker: Worker, c: number) {
    const carrier = carriers[c];
    const door = doorOf(c);
    tripQueued[c] = false;
    const trip = toLoad[c].splice(0, carrier.ordersPerTrip);
    if (trip.length === 0) return;
    if (toLoad[c].length > 0) queueTrip(c);
    traceTask(world, "load", worker, "start", trip[0].id);
    const equipment = yield* acquire(world, worker, "load");
    const pool = world.equipmentFor.load;
    yield* travel(world, worker, pickup, { loaded: false, pool });
    yield* travel(world, worker, door, { loaded: true, pool });
    yield* handle(world, worker, carrier.loadSPerOrder * trip.length);
    release(world, worker, "load", equipment);
    traceTask(world, "load", worker, "end", trip[0].id);
    for (const order of trip) {
      loading.delete(order);
      const notify = onLoaded.get(order);
      if (notify) {
        onLoaded.delete(order);
        notify();
      }
    }
  }

  const queueTrip = (c: number) => {
    tripQueued[c] = true;
    world.queues.loader.push(
      { kind: "load", run: (worker) => loadTrip(worker, c) },
      toLoad[c][0]?.dueS ?? world.sim.now,
    );
  };

  world.listeners.orderPacked.push((order) => {
    staged[order.carrier].push(order);
    loading.add(order);
    toLoad[order.carrier].push(order);
    if (!tripQueued[order.carrier]) queueTrip(order.carrier);
  });

  carriers.forEach((_, c) => {
    const { timesS, cutoffsS } = departures[c];
    sim.process(
      (function* () {
        for (let k = 0; k < timesS.length; k++) {
          if (cutoffsS[k] >= world.horizonS) break;
          if (cutoffsS[k] > sim.now) yield cutoffsS[k] - sim.now;
          const load = staged[c];
          staged[c] = [];
          if (timesS[k] > sim.now) yield timesS[k] - sim.now;
          const pending = load.filter((o) => loading.has(o));
          if (pending.length > 0) {
            const done = sim.event();
            let left = pending.length;
            for (const o of pending) {
              onLoaded.set(o, () => {
                if (--left === 0) done.succeed();
              });
            }
            yield done;
          }
          if (load.length === 0) continue;
          stats.total.trailersOut++;
          const now = sim.now;
          // One ship transaction per SKU on the trailer.
          const units = new Map<number, number>();
          for (const order of load) {
            for (const line of order.lines)
              units.set(line.sku, (units.get(line.sku) ?? 0) + line.qty);
          }
          for (const [sku, quantity] of units) {
            ledger.apply({ kind: "ship", timeS: now, sku: skus[sku].id, quantity });
          }
          for (const order of load) {
            order.shippedS = now;
            world.openOrders--;
            stats.total.ordersShipped++;
            stats.total.unitsShipped += order.units;
            if (world.tracer.on)
              world.tracer.emit({ t: now, kind: "order", id: order.id, event: "shipped" });
            if (order.createdS >= world.warmupS) recordShipped(world, order);
            else if (now >= world.warmupS) {
              stats.backlogShipped++;
              stats.backlogInWindowS += now - world.warmupS;
            }
            for (const l of world.listeners.orderShipped) l(order);
          }
          stats.wip.update(world.openOrders);
        }
      })(),
    );
  });
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
    installShipping(world);
    return {};
  },
};
