/**
 * Packing: a picked order waits for a packer and a free pack station; packing takes a base
 * time plus a time per unit, the carton erected, every unit scanned and the label applied
 * (time standards), and sorting time after batch or zone picking. Packed orders
 * are staged for their carrier in the departure bay (the packer waits while the lane is full).
 */

import { Resource } from "../../engine/index.ts";
import type { Operation } from "../operation.ts";
import { handle, traceTask, travel } from "../workforce/activities.ts";
import { BoundTask } from "../workforce/boundTask.ts";
import { stationStandardS } from "../workforce/timeStandards.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, World } from "../world.ts";
import { stageOnOpenPallet, stageOrder } from "./departureBay.ts";

/** Installs packing: listens for picked orders; packed orders go to the departure bay. */
export function installPacking(world: World): void {
  const { sim, scenario, site } = world;
  const packing = scenario.outbound.packing;
  const stationCount = packing.stations ?? Math.max(1, site.packStations.length);
  const stations = new Resource(sim, { capacity: stationCount });
  const busy = new Array<boolean>(stationCount).fill(false);
  const sortS =
    scenario.outbound.picking.method === "single"
      ? 0
      : scenario.outbound.picking.consolidationSPerOrder;

  // Orders a packer holds while waiting for a free station (trace queue `packStations`;
  // orders waiting for a packer are the `packerTasks` queue).
  let stationQueue = 0;
  const traceStationQueue = (length: number) => {
    if (world.tracer.on)
      world.tracer.emit({ t: sim.now, kind: "queue", name: "packStations", length });
  };

  /** Packs one order at a free station. */
  function* pack(worker: Worker, order: Order) {
    const station = stations.request();
    const waits = !station.triggered;
    if (waits) {
      worker.setState("waiting", sim.now, "packStation");
      traceStationQueue(++stationQueue);
    }
    yield station;
    if (waits) traceStationQueue(--stationQueue);
    const k = busy.indexOf(false);
    busy[k] = true;
    const at = site.packStations[k] ?? site.depot;
    traceStation(world, k, worker.id);
    order.packStartS = sim.now;
    traceTask(world, "pack", worker, "start", order.id);
    yield* travel(world, worker, at, { loaded: false, pool: undefined });
    const packS =
      packing.baseS +
      packing.perItemS * order.units +
      world.packagingS(order) +
      stationStandardS(world, "cartonErect") +
      stationStandardS(world, "scan", order.units) +
      stationStandardS(world, "label");
    yield* handle(world, worker, sortS + packS);
    order.sortS = sortS;
    order.packEndS = sim.now;
    // The packer keeps the station until the order has a place in its staging lane.
    if (!stageOnOpenPallet(world, order)) yield* stageOrder(world, worker, order);
    busy[k] = false;
    stations.release(station);
    traceStation(world, k, null);
    traceTask(world, "pack", worker, "end", order.id);
    if (world.tracer.on)
      world.tracer.emit({ t: sim.now, kind: "order", id: order.id, event: "packed" });
    for (const l of world.listeners.orderPacked) l(order);
  }

  world.listeners.orderPicked.push((order: Order) => {
    if (order.production) return;
    world.queues.packer.push(new BoundTask("pack", pack, order), order.dueS);
  });
}

/**
 * The `station` trace record: which packer holds pack station `k` from now (null: none); the
 * station is named by its layout id, or `station-<k+1>` beyond the layout's stations.
 */
function traceStation(world: World, k: number, worker: string | null): void {
  const { tracer, sim, site } = world;
  if (!tracer.on) return;
  const station = site.packStations[k] ?? `station-${k + 1}`;
  tracer.emit({ t: sim.now, kind: "station", station, worker });
}

/** The packing flow: picked orders packed at the stations. */
export const packingOperation: Operation = {
  name: "packing",
  install(world) {
    installPacking(world);
    return {};
  },
};
