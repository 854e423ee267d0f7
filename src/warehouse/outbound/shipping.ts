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

/** Orders between packing and their departure, per replication. */
interface Shipping {
  world: World;
  /** Orders staged since the carrier's last cut-off, per carrier. */
  staged: Order[][];
  /** Orders staged but not yet loaded, and the departures waiting for some of them. */
  loading: Set<Order>;
  onLoaded: Map<Order, () => void>;
}

/** Installs loading from the staging lanes and the carriers' departures. */
export function installShipping(world: World): void {
  const { sim, scenario, bay } = world;
  const carriers = scenario.outbound.carriers;
  const shipping: Shipping = {
    world,
    staged: carriers.map(() => []),
    loading: new Set<Order>(),
    onLoaded: new Map<Order, () => void>(),
  };
  bay.onPallet = (pallet) => {
    const c = pallet.carrier;
    world.queues.loader.push(
      {
        kind: "load",
        at: bay.lanes[pallet.lane].place,
        run: (worker) => loadTrip(shipping, worker, c),
      },
      pallet.orders[0].dueS,
    );
  };
  world.listeners.orderPacked.push((order) => {
    shipping.staged[order.carrier].push(order);
    shipping.loading.add(order);
  });
  carriers.forEach((_, c) => {
    sim.process(departuresOf(shipping, c));
  });
}

/** A loader takes the oldest pallet of carrier `c` from its lane to the lane's door. */
function* loadTrip(shipping: Shipping, worker: Worker, c: number) {
  const { world } = shipping;
  const { bay } = world;
  const carrier = world.scenario.outbound.carriers[c];
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
    shipping.loading.delete(order);
    const notify = shipping.onLoaded.get(order);
    if (notify) {
      shipping.onLoaded.delete(order);
      notify();
    }
  }
}

/**
 * Carrier `c`'s departures: at each cut-off the orders staged so far make the load; the
 * trailer leaves at its departure time, or when the last of them is loaded if that is later.
 */
function* departuresOf(shipping: Shipping, c: number) {
  const { world } = shipping;
  const { sim } = world;
  const { timesS, cutoffsS } = world.departures[c];
  for (let k = 0; k < timesS.length; k++) {
    if (cutoffsS[k] >= world.horizonS) break;
    if (cutoffsS[k] > sim.now) yield cutoffsS[k] - sim.now;
    const load = shipping.staged[c];
    shipping.staged[c] = [];
    if (timesS[k] > sim.now) yield timesS[k] - sim.now;
    const pending = load.filter((o) => shipping.loading.has(o));
    if (pending.length > 0) {
      const done = sim.event();
      let left = pending.length;
      for (const o of pending) {
        shipping.onLoaded.set(o, () => {
          if (--left === 0) done.succeed();
        });
      }
      yield done;
    }
    if (load.length === 0) continue;
    shipLoad(world, load);
  }
}

/** A trailer leaves with `load`: one ship transaction per SKU, and each order booked. */
function shipLoad(world: World, load: readonly Order[]): void {
  const { stats, ledger, skus } = world;
  stats.total.trailersOut++;
  const now = world.sim.now;
  const units = new Map<number, number>();
  for (const order of load) {
    for (const line of order.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.qty);
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
