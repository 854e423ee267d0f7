/**
 * Supplier reorders, periodic review: once a day at `storage.reviewTime` every SKU whose
 * inventory position is at or below its reorder point s is ordered in multiples of Q
 * (whole pallets) to rise above s — the inventory module's (s, Q) rule reviewed daily, an
 * (R, s, nQ) policy with R = 1 day. Each supplier's lines form one purchase order, due
 * after the supplier's lead time.
 */
import { reorderRule } from "../../inventory/index.ts";
import type { PurchaseLine } from "../inbound/inbound.ts";
import type { Operation } from "../operation.ts";
import { clockS, DAY_S } from "../workforce/calendar.ts";
import type { World } from "../world.ts";
import { inventoryPosition } from "./storage.ts";

/** Starts the daily review process. */
export function startReorders(world: World): void {
  const { sim, scenario } = world;
  const reviewS = clockS(scenario.storage.reviewTime);
  const suppliers = scenario.inbound.suppliers;
  const rules = world.skus.map((sku) =>
    reorderRule({ kind: "sQ", s: sku.reorderPoint, Q: sku.orderQty }),
  );
  sim.process(
    (function* () {
      for (let day = 0; day * DAY_S + reviewS < world.horizonS; day++) {
        yield day * DAY_S + reviewS - sim.now;
        const lines: PurchaseLine[][] = suppliers.map(() => []);
        for (const sku of world.skus) {
          const units = rules[sku.info.rank].orderQuantity(inventoryPosition(sku), true);
          if (units <= 0) continue;
          const upp = sku.info.unitsPerPallet;
          const pallets = new Array<number>(Math.ceil(units / upp)).fill(upp);
          lines[sku.info.supplier].push({ sku: sku.info.rank, pallets });
        }
        lines.forEach((list, supplier) => {
          if (list.length === 0) return;
          const dueS = sim.now + suppliers[supplier].leadTimeDays * DAY_S;
          for (const listener of world.listeners.purchaseOrdered) listener(supplier, list, dueS);
        });
      }
    })(),
  );
}

/** Supplier reorders: the daily (s, Q) review. */
export const reordersOperation: Operation = {
  name: "reorders",
  install(world) {
    startReorders(world);
    return {};
  },
};
