/**
 * The `load` trace record: how many pallets a trailer at a door holds now, of its pallet
 * places; outbound trailers fill as loaders bring pallets, inbound ones empty as receivers
 * unload them.
 */
import type { World } from "../world.ts";

/** What a `load` record says. */
export interface LoadTrace {
  /** Trailer id: `in-<n>` or `out-<n>`. */
  trailer: string;
  door: string;
  /** Pallets on the trailer now. */
  pallets: number;
  /** Pallet places of the trailer. */
  palletPlaces: number;
}

/** Emits a `load` record now (nothing when tracing is off). */
export function traceLoad(world: World, load: LoadTrace): void {
  const { tracer, sim } = world;
  if (tracer.on) tracer.emit({ t: sim.now, kind: "load", ...load });
}
