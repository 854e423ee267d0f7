/** The `stock` trace record: a location's physical units of a SKU after a change. */
import type { World } from "../world.ts";

/** Emits the physical on-hand of `location` now (when tracing), as a `stock` record of `sku`. */
export function traceStock(world: World, location: string, sku: string): void {
  if (!world.tracer.on) return;
  world.tracer.emit({
    t: world.sim.now,
    kind: "stock",
    location,
    sku,
    onHand: world.ledger.onHand({ locationId: location }, "physical"),
  });
}
