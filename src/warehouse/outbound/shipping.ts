/**
 * Shipping: a loader takes each pallet of packed orders from its staging lane into the
 * carrier's trailer at the lane's outbound door (time per order). At each cut-off the
 * orders staged so far are assigned to that departure; the trailer leaves at its
 * departure time, or when the last of them is loaded if that is later. Orders packed after
 * the cut-off wait for the next trailer.
 */

import type { Operation } from "../operation.ts";
import { acquire, handle, release, traceTask, travel } from "../workforce/activities.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, World } from "../world.ts";
import { departureBayKpis } from "./departureBay.ts";

/** Installs loading from the staging lanes and the carriers' departures. */
export function installShipping(world: World): void {
  const { sim, scenario, ledger, stats, skus, departures, bay } = world;
  const carriers = scenario.outbound.carriers;
  const staged: Order[][] = carriers.map(() => []);
  /** Orders staged but not yet loaded, and the departures waiting for some of them. */
  const loading = new Set<Order>();
  const onLoaded = new Map<Order, () => void>();

  /** A loader takes the oldest pallet of carrier `c` from its lane to the lane's door. */
  function* loadTrip(worker: Worker, c: number) {
    const carrier = carriers[c];
    traceTask(world, "load", worker, "start", bay.ready[c][0]?.orders[0]?.id);
    const equipment = yield* acquire(world, worker, "load");
    const pool = world.equipmentFor.load;
    const lane = bay.lanes[bay.ready[c][0]?.lane ?? 0];
    yield* travel(world, worker, lane.place, { loaded: false, pool });
    const pallet = bay.take(c);
    const trip = pallet?.orders ?? [];
    if (lane.place !== lane.dock) yield* travel(world, worker, lane.dock, { loaded: true, pool });
    yield* handle(world, worker, carrier.loadSPerOrder * trip.length);
    release(world, worker, "load", equipment);
    traceTask(world, "load", worker, "end", trip[0]?.id);
    for (const order of trip) {
      loading.delete(order);
      const notify = onLoaded.get(order);
      if (notify) {
        onLoaded.delete(order);
        notify();
      }
    }
  }

  bay.onPallet = (pallet) => {
    const c = pallet.carrier;
    world.queues.loader.push(
      { kind: "load", at: bay.lanes[pallet.lane].place, run: (worker) => loadTrip(worker, c) },
      pallet.orders[0].dueS,
    );
  };

  world.listeners.orderPacked.push((order) => {
    staged[order.carrier].push(order);
    loading.add(order);
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
    return { kpis: () => departureBayKpis(world.bay) };
  },
};
