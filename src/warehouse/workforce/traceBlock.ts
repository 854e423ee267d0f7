/**
 * The `block` trace record: a worker stops because others hold the place it needs (a narrow
 * aisle, a pick face, the P&D point, a cross aisle), from the wait's start to its end, so a
 * viewer can mark the place blocked while the wait lasts.
 */
import type { World } from "../world.ts";
import type { Worker } from "./workforce.ts";

/** What a `block` record says. */
export interface BlockTrace {
  /** The aisle, cross aisle or P&D point id the worker waits at. */
  at: string;
  phase: "start" | "end";
  /** Why it waits (start only): `aisle`, `pickFace`, `pdPoint` or `crossAisle`. */
  reason?: string;
  /** The pick face's location id (start only, for `pickFace`). */
  location?: string;
}

/** Emits a `block` record for `worker` now (nothing when tracing is off). */
export function traceBlock(world: World, worker: Worker, block: BlockTrace): void {
  const { tracer, sim } = world;
  if (!tracer.on) return;
  const { at, phase, reason, location } = block;
  if (phase === "end") tracer.emit({ t: sim.now, kind: "block", id: worker.id, at, phase });
  else if (location === undefined)
    tracer.emit({ t: sim.now, kind: "block", id: worker.id, at, phase, reason });
  else tracer.emit({ t: sim.now, kind: "block", id: worker.id, at, phase, reason, location });
}
