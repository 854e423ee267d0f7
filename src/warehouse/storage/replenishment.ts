/**
 * Replenishment: when a pick face runs low (at most `replenishAtFraction` of its capacity
 * free of allocations) or orders wait for it, a replenisher moves a reserve pallet of the
 * SKU, chosen by the scenario's removal rule (fifo: the oldest; a rule that finds no pallet
 * it may take, such as fefo when all are expired, falls back to the oldest), to the face — only when the
 * whole pallet fits. Urgent tasks (orders waiting) go first.
 */
import { type RemovalRule, removalRules, type StockRecord } from "../../inventory/index.ts";
import { traceStock } from "../measure/traceStock.ts";
import type { Operation } from "../operation.ts";
import {
  acquire,
  release,
  retrievePallet,
  storePallet,
  traceTask,
} from "../workforce/activities.ts";
import { replenishDueS } from "../workforce/dueTimes.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { ReservePallet, SkuState, World } from "../world.ts";

/** The index in `sku.reserve` of the pallet the removal rule takes first. */
function chooseReserve(world: World, removal: RemovalRule, sku: SkuState): number {
  if (sku.reserve.length === 1) return 0;
  const locationOf = (p: ReservePallet) => world.site.reserve[p.slot].location.id;
  const stock: StockRecord[] = sku.reserve.map((p) => ({
    locationId: locationOf(p),
    sku: sku.id,
    lot: "",
    quantity: p.units,
    reserved: 0,
    available: p.units,
    receivedS: p.receivedS,
    expiryS: Number.isFinite(p.expiryS) ? p.expiryS : undefined,
  }));
  const plan = removal({ sku: sku.id, quantity: 1, nowS: world.sim.now }, stock);
  const at = plan.picks[0]?.locationId;
  return Math.max(
    0,
    sku.reserve.findIndex((p) => locationOf(p) === at),
  );
}

/** Installs replenishment: listens to face draws and to faces needed. */
export function installReplenishment(world: World): void {
  const fraction = world.scenario.storage.replenishAtFraction;
  const removal = removalRules[world.scenario.storage.removal]({
    locations: world.site.reserveLocations,
  });
  const choose = (sku: SkuState): number => chooseReserve(world, removal, sku);
  /** A worker brings a reserve pallet from `from` to its SKU's face. */
  function* replenish(worker: Worker, sku: SkuState, pallet: ReservePallet, from: string) {
    const { sim, ledger } = world;
    traceTask(world, "replenish", worker, "start");
    const equipment = yield* acquire(world, worker, "replenish");
    const pool = world.equipmentFor.replenish;
    yield* retrievePallet(world, worker, pool, from);
    world.slotPallets[pallet.slot]--;
    if (world.slotPallets[pallet.slot] === 0) world.slotSku[pallet.slot] = -1;
    ledger.move({
      timeS: sim.now,
      sku: sku.id,
      from,
      to: `truck:${worker.id}`,
      quantity: pallet.units,
    });
    for (const listener of world.listeners.slotFreed) listener(pallet.slot);
    yield* storePallet(world, worker, pool, sku.face);
    ledger.replenish({
      timeS: sim.now,
      sku: sku.id,
      from: `truck:${worker.id}`,
      to: sku.face,
      quantity: pallet.units,
    });
    sku.faceIncoming -= pallet.units;
    sku.faceUnits += pallet.units;
    sku.replenishing = false;
    traceStock(world, sku.face, sku.id);
    release(world, worker, "replenish", equipment);
    traceTask(world, "replenish", worker, "end");
    for (const listener of world.listeners.faceRestocked) listener(sku);
    check(sku);
  }
  const check = (sku: SkuState) => {
    if (sku.replenishing || sku.reserve.length === 0) return;
    const free = sku.faceUnits + sku.faceIncoming - sku.faceAllocated;
    const urgent = sku.waiting.length > 0;
    if (!urgent && free > fraction * sku.faceCapacity) return;
    const index = choose(sku);
    const pallet = sku.reserve[index];
    if (sku.faceUnits + sku.faceIncoming + pallet.units > sku.faceCapacity) return;
    sku.reserve.splice(index, 1);
    sku.reserveUnits -= pallet.units;
    sku.faceIncoming += pallet.units;
    sku.replenishing = true;
    world.stats.total.replenishments++;
    const from = world.site.reserve[pallet.slot].location.id;
    world.queues.replenisher.push(
      { kind: "replenish", at: from, run: (worker) => replenish(worker, sku, pallet, from) },
      replenishDueS(world, sku),
    );
  };
  world.listeners.faceNeeded.push(check);
  world.listeners.faceDrawn.push(check);
}

/** The replenishment flow: reserve pallets to pick faces that run low. */
export const replenishmentOperation: Operation = {
  name: "replenishment",
  install(world) {
    installReplenishment(world);
    return {};
  },
};
