/**
 * Replenishment: when a pick face runs low (at most `replenishAtFraction` of its capacity
 * free of allocations) or orders wait for it, a replenisher moves the oldest reserve pallet
 * of the SKU to the face — only when the whole pallet fits. Urgent tasks (orders waiting)
 * go first.
 */
import { acquire, handle, release, traceTask, travel } from "./activities.ts";
import { PALLET_HANDLING_S } from "./putaway.ts";
import type { SkuState, World } from "./world.ts";

/** Installs replenishment: sets `world.checkFace` and listens to face draws. */
export function installReplenishment(world: World): void {
  const fraction = world.scenario.storage.replenishAtFraction;
  const check = (sku: SkuState) => {
    if (sku.replenishing || sku.reserve.length === 0) return;
    const free = sku.faceUnits + sku.faceIncoming - sku.faceAllocated;
    const urgent = sku.waiting.length > 0;
    if (!urgent && free > fraction * sku.faceCapacity) return;
    const pallet = sku.reserve[0];
    if (sku.faceUnits + sku.faceIncoming + pallet.units > sku.faceCapacity) return;
    sku.reserve.shift();
    sku.reserveUnits -= pallet.units;
    sku.faceIncoming += pallet.units;
    sku.replenishing = true;
    world.stats.total.replenishments++;
    const from = world.site.reserve[pallet.slot].location.id;
    const { sim, ledger } = world;
    world.queues.replenisher.push(
      {
        kind: "replenish",
        *run(worker) {
          traceTask(world, "replenish", worker, "start");
          const equipment = yield* acquire(world, worker, "replenish");
          const pool = world.equipmentFor.replenish;
          yield* travel(world, worker, from, { loaded: false, pool });
          yield* handle(world, worker, PALLET_HANDLING_S);
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
          yield* travel(world, worker, sku.face, { loaded: true, pool });
          yield* handle(world, worker, PALLET_HANDLING_S);
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
          if (world.tracer.on) {
            world.tracer.emit({
              t: sim.now,
              kind: "stock",
              location: sku.face,
              sku: sku.id,
              onHand: ledger.onHand({ locationId: sku.face }, "physical"),
            });
          }
          release(world, worker, "replenish", equipment);
          traceTask(world, "replenish", worker, "end");
          for (const listener of world.listeners.faceRestocked) listener(sku);
          check(sku);
        },
      },
      urgent ? 0 : 1,
    );
  };
  world.checkFace = check;
  world.listeners.faceDrawn.push(check);
}
