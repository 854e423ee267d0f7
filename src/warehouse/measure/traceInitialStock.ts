/**
 * The initial stock as `stock` trace records at t = 0: one per stocked location and SKU,
 * physical on-hand, so the viewer shows what every location holds from the start.
 */
import type { World } from "../world.ts";

/** Emits a `stock` record for every (location, SKU) holding physical stock now (after initial stocking). */
export function traceInitialStock(world: World): void {
  const { tracer, ledger, sim } = world;
  if (!tracer.on) return;
  for (const location of ledger.locationIds()) {
    const bySku = new Map<string, number>();
    for (const c of ledger.contentsOf(location, "physical"))
      bySku.set(c.sku, (bySku.get(c.sku) ?? 0) + c.quantity);
    for (const [sku, onHand] of bySku) {
      if (onHand > 0) tracer.emit({ t: sim.now, kind: "stock", location, sku, onHand });
    }
  }
}
