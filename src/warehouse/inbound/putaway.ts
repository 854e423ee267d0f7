/**
 * Putaway: a driver with equipment takes a checked pallet from the dock to its pick face
 * (when the face has room) or to a reserve position chosen by the putaway rule. Pallets
 * that find no room wait at the dock until a reserve position frees up.
 */
import type { LocationContent } from "../../inventory/index.ts";
import { traceStock } from "../measure/traceStock.ts";
import type { Operation } from "../operation.ts";
import { setFaceUnits } from "../storage/pickFace.ts";
import { chooseDestination, type Destination, slotContents } from "../storage/storage.ts";
import {
  acquire,
  handle,
  palletHandlingS,
  release,
  traceTask,
  travel,
  workAt,
} from "../workforce/activities.ts";
import { putawayDueS } from "../workforce/dueTimes.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Pallet, World } from "../world.ts";

/**
 * Installs putaway: listens for pallets going to storage and creates the putaway task of
 * each (or parks the pallet until a location frees up).
 */
export function installPutaway(
  world: World,
  contents: (id: string) => readonly LocationContent[],
): void {
  /** Pallets with nowhere to go, oldest first. */
  let blocked: Pallet[] = [];
  const retry = () => {
    const waiting = blocked;
    blocked = [];
    for (const pallet of waiting) start(pallet);
  };
  world.listeners.slotFreed.push(retry);
  world.listeners.faceDrawn.push(() => {
    if (blocked.length > 0) retry();
  });
  const start = (pallet: Pallet) => {
    const destination = chooseDestination(world, world.skus[pallet.sku], pallet.units, contents);
    if (!destination) blocked.push(pallet);
    else {
      world.queues.putaway.push(
        {
          kind: "putaway",
          at: pallet.at.slice(5),
          run: (worker) => putAway(world, worker, pallet, destination),
        },
        putawayDueS(world, pallet),
      );
    }
  };
  world.listeners.palletForStorage.push(start);
}

/** The putaway flow: checked pallets to their face or a reserve position. */
export const putawayOperation: Operation = {
  name: "putaway",
  install(world) {
    installPutaway(world, slotContents(world));
    return {};
  },
};

/** A worker puts a pallet away from the dock to its destination (its SKU's face or a reserve slot). */
function* putAway(world: World, worker: Worker, pallet: Pallet, destination: Destination) {
  const sku = world.skus[pallet.sku];
  const to =
    destination.kind === "face" ? sku.face : world.site.reserve[destination.slot].location.id;
  const { sim, ledger } = world;
  traceTask(world, "putaway", worker, "start");
  const equipment = yield* acquire(world, worker, "putaway");
  const pool = world.equipmentFor.putaway;
  yield* travel(world, worker, pallet.at.slice(5), { loaded: false, pool });
  yield* handle(world, worker, palletHandlingS(world, "pickUp", "dock"));
  for (const listener of world.listeners.palletLeftDock) listener(pallet);
  yield* workAt(world, worker, pool, to, true, () => palletHandlingS(world, "setDown", to));
  ledger.putaway({ timeS: sim.now, sku: sku.id, from: pallet.at, to, quantity: pallet.units });
  sku.dockUnits -= pallet.units;
  if (destination.kind === "face") {
    sku.faceIncoming -= pallet.units;
    setFaceUnits(world, sku, sku.faceUnits + pallet.units);
  } else {
    sku.reserve.push({
      slot: destination.slot,
      units: pallet.units,
      receivedS: sim.now,
      expiryS: pallet.arrivedS + (sku.info.sku.shelfLifeS ?? Number.POSITIVE_INFINITY),
    });
    sku.reserveUnits += pallet.units;
  }
  traceStock(world, to, sku.id);
  if (sim.now >= world.warmupS) world.stats.dockToStockS.add(sim.now - pallet.arrivedS);
  release(world, worker, "putaway", equipment);
  traceTask(world, "putaway", worker, "end");
  for (const listener of world.listeners.faceRestocked) listener(sku);
}
