/**
 * Replenishment: when a pick face runs low (at most `replenishAtFraction` of its capacity
 * free of allocations) or orders wait for it, a replenisher brings stock from a reserve
 * pallet of the SKU, chosen by the scenario's removal rule (fifo: the oldest; a rule that
 * finds no pallet it may take, such as fefo when all are expired, falls back to the
 * oldest): the whole pallet to a face that takes pallets, only when it fits; whole cases of
 * it to a face smaller than a pallet. Urgent tasks (orders waiting) go first.
 */
import { type RemovalRule, removalRules, type StockRecord } from "../../inventory/index.ts";
import { traceStock } from "../measure/traceStock.ts";
import type { Operation } from "../operation.ts";
import {
  acquire,
  casesS,
  palletHandlingS,
  release,
  traceTask,
  workAt,
} from "../workforce/activities.ts";
import { replenishDueS } from "../workforce/dueTimes.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { ReservePallet, SkuState, World } from "../world.ts";
import { setFaceUnits } from "./pickFace.ts";

/** The index in `sku.reserve` of the pallet the removal rule takes first. */
function chooseReserve(world: World, removal: RemovalRule, sku: SkuState): number {
  const pallets = sku.reserve;
  if (pallets.length === 1) return 0;
  const stock: StockRecord[] = [];
  for (const p of pallets) {
    stock.push({
      locationId: world.site.reserve[p.slot].location.id,
      sku: sku.id,
      lot: "",
      quantity: p.units,
      reserved: 0,
      available: p.units,
      receivedS: p.receivedS,
      expiryS: Number.isFinite(p.expiryS) ? p.expiryS : undefined,
    });
  }
  const plan = removal({ sku: sku.id, quantity: 1, nowS: world.sim.now }, stock);
  const at = plan.picks[0]?.locationId;
  for (let i = 0; i < pallets.length; i++) {
    if (world.site.reserve[pallets[i].slot].location.id === at) return i;
  }
  return 0;
}

/** Installs replenishment: listens to face draws and to faces needed. */
export function installReplenishment(world: World): void {
  const fraction = world.scenario.storage.replenishAtFraction;
  const removal = removalRules[world.scenario.storage.removal]({
    locations: world.site.reserveLocations,
  });
  const check = (sku: SkuState) => {
    if (sku.replenishing || sku.moving || sku.reserve.length === 0) return;
    const free = sku.faceUnits + sku.faceIncoming - sku.faceAllocated;
    const urgent = sku.waiting.length > 0;
    if (!urgent && free > fraction * sku.faceCapacity) return;
    const index = chooseReserve(world, removal, sku);
    const pallet = sku.reserve[index];
    const units = replenishUnits(sku, pallet);
    if (units <= 0) return;
    const trip: Trip = {
      slot: pallet.slot,
      units,
      emptied: units === pallet.units,
      cases: sku.faceCapacity < sku.info.unitsPerPallet,
    };
    if (trip.emptied) sku.reserve.splice(index, 1);
    else pallet.units -= units;
    sku.reserveUnits -= units;
    sku.faceIncoming += units;
    sku.replenishing = true;
    world.stats.total.replenishments++;
    const from = world.site.reserve[pallet.slot].location.id;
    world.queues.replenisher.push(
      {
        kind: "replenish",
        at: from,
        run: (worker) => replenish(world, check, worker, sku, trip, from),
      },
      replenishDueS(world, sku),
    );
  };
  world.listeners.faceNeeded.push(check);
  world.listeners.faceDrawn.push(check);
}

/** One replenishment: units from a reserve slot, whether they empty it, case by case or not. */
interface Trip {
  slot: number;
  units: number;
  /** The trip takes the pallet's last units (the slot holds one pallet fewer). */
  emptied: boolean;
  /** Moved as cases (a face smaller than a pallet), not as a pallet. */
  cases: boolean;
}

/**
 * Units one replenishment brings from `pallet`: the whole pallet when the face takes a
 * pallet and it fits (else none); to a face smaller than a pallet, whole cases up to its
 * capacity, or past it as far as the orders waiting for the face need.
 */
export function replenishUnits(sku: SkuState, pallet: ReservePallet): number {
  const there = sku.faceUnits + sku.faceIncoming;
  if (sku.faceCapacity >= sku.info.unitsPerPallet)
    return there + pallet.units > sku.faceCapacity ? 0 : pallet.units;
  const perCase = sku.info.unitsPerCase;
  const roomCases = Math.floor((sku.faceCapacity - there) / perCase);
  const needCases = Math.ceil((sku.faceAllocated + sku.waitingUnits - there) / perCase);
  return Math.min(pallet.units, Math.max(roomCases, needCases) * perCase);
}

/** A worker brings a reserve pallet, or cases of it, from `from` to its SKU's face. */
function* replenish(
  world: World,
  check: (sku: SkuState) => void,
  worker: Worker,
  sku: SkuState,
  trip: Trip,
  from: string,
) {
  const { sim, ledger } = world;
  traceTask(world, "replenish", worker, "start");
  const equipment = yield* acquire(world, worker, "replenish");
  const pool = world.equipmentFor.replenish;
  const takeS = trip.cases
    ? () => casesS(world, from, sku, trip.units)
    : () => palletHandlingS(world, "pickUp", from);
  yield* workAt(world, worker, pool, from, false, takeS);
  if (trip.emptied) {
    world.slotPallets[trip.slot]--;
    if (world.slotPallets[trip.slot] === 0) world.slotSku[trip.slot] = -1;
  }
  ledger.move({
    timeS: sim.now,
    sku: sku.id,
    from,
    to: `truck:${worker.id}`,
    quantity: trip.units,
  });
  if (trip.emptied) for (const listener of world.listeners.slotFreed) listener(trip.slot);
  const putS = trip.cases
    ? () => casesS(world, sku.face, sku, trip.units)
    : () => palletHandlingS(world, "setDown", sku.face);
  yield* workAt(world, worker, pool, sku.face, true, putS);
  ledger.replenish({
    timeS: sim.now,
    sku: sku.id,
    from: `truck:${worker.id}`,
    to: sku.face,
    quantity: trip.units,
  });
  sku.faceIncoming -= trip.units;
  setFaceUnits(world, sku, sku.faceUnits + trip.units);
  sku.replenishing = false;
  traceStock(world, sku.face, sku.id);
  release(world, worker, "replenish", equipment);
  traceTask(world, "replenish", worker, "end");
  for (const listener of world.listeners.faceRestocked) listener(sku);
  check(sku);
}

/** The replenishment flow: reserve pallets to pick faces that run low. */
export const replenishmentOperation: Operation = {
  name: "replenishment",
  install(world) {
    installReplenishment(world);
    return {};
  },
};
