/**
 * Quality sampling of receipts: a share of checked pallets is inspected by a receiver at
 * the door; a failed pallet moves to quarantine (out of every pickable location) for the
 * hold time, then is released to putaway or rejected back to the supplier (it leaves the
 * building, booked as scrapped with cause "rejectToSupplier").
 */

import type { RandomStream } from "../../engine/index.ts";
import { offerPallet } from "../inbound/offerPallet.ts";
import type { Operation } from "../operation.ts";
import { handle, traceTask, travel } from "../workforce/activities.ts";
import { receiveDueS } from "../workforce/dueTimes.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Pallet, World } from "../world.ts";

/** Quality statistics after the warm-up (by inspection time, decisions by decision time). */
export interface QualityStats {
  inspected: number;
  failed: number;
  released: number;
  rejected: number;
  unitsRejected: number;
  /** Units in quarantine now (whole run). */
  unitsHeld: number;
}

/** What quality sampling shares: the world, the spec, its stream and statistics. */
interface Inspection {
  world: World;
  spec: World["scenario"]["operations"]["quality"];
  stats: QualityStats;
  random: RandomStream;
}

/**
 * Installs quality sampling; `take(pallet, next)` returns true when it inspects the pallet,
 * and calls `next(pallet)` when the pallet passes or is released (cross-dock or putaway).
 */
export function installQuality(world: World): {
  stats: QualityStats;
  take(pallet: Pallet, next: (pallet: Pallet) => void): boolean;
} {
  const q: Inspection = {
    world,
    spec: world.scenario.operations.quality,
    stats: { inspected: 0, failed: 0, released: 0, rejected: 0, unitsRejected: 0, unitsHeld: 0 },
    random: world.sim.random("ops.quality"),
  };
  const take = (pallet: Pallet, next: (pallet: Pallet) => void): boolean => {
    if (!(q.spec.sampleShare > 0) || q.random.next() >= q.spec.sampleShare) return false;
    world.queues.receiver.push(
      {
        kind: "inspect",
        at: pallet.at.slice(5),
        run: (worker) => inspect(q, worker, pallet, next),
      },
      receiveDueS(world),
    );
    return true;
  };
  return { stats: q.stats, take };
}

/** A receiver inspects a pallet at its door; a failed one goes to quarantine. */
function* inspect(q: Inspection, worker: Worker, pallet: Pallet, next: (pallet: Pallet) => void) {
  const { world, spec, stats, random } = q;
  const { sim, ledger } = world;
  const door = pallet.at.slice(5);
  const quarantine = `quarantine:${door}`;
  const sku = world.skus[pallet.sku];
  traceTask(world, "inspect", worker, "start");
  yield* travel(world, worker, door, { loaded: false, pool: undefined });
  yield* handle(world, worker, spec.inspectS);
  traceTask(world, "inspect", worker, "end");
  const after = sim.now >= world.warmupS;
  if (after) stats.inspected++;
  if (random.next() >= spec.failProbability) {
    next(pallet);
    return;
  }
  if (after) stats.failed++;
  for (const listener of world.listeners.palletLeftDock) listener(pallet);
  ledger.move({
    timeS: sim.now,
    sku: sku.id,
    from: pallet.at,
    to: quarantine,
    quantity: pallet.units,
    cause: "quarantine",
  });
  stats.unitsHeld += pallet.units;
  const release = random.next() < spec.releaseShare;
  sim.process(holdInQuarantine(q, pallet, quarantine, next, release));
}

/** Holds a failed pallet at `quarantine`, then releases it (`release`) or rejects it. */
function* holdInQuarantine(
  q: Inspection,
  pallet: Pallet,
  quarantine: string,
  next: (pallet: Pallet) => void,
  release: boolean,
) {
  const { world, spec, stats } = q;
  const { sim, ledger } = world;
  const sku = world.skus[pallet.sku];
  yield spec.holdS;
  stats.unitsHeld -= pallet.units;
  const decided = sim.now >= world.warmupS;
  if (release) {
    ledger.move({
      timeS: sim.now,
      sku: sku.id,
      from: quarantine,
      to: pallet.at,
      quantity: pallet.units,
      cause: "release",
    });
    if (decided) stats.released++;
    next(pallet);
    return;
  }
  ledger.scrap({
    timeS: sim.now,
    sku: sku.id,
    from: quarantine,
    quantity: pallet.units,
    cause: "rejectToSupplier",
  });
  sku.dockUnits -= pallet.units;
  if (decided) {
    stats.rejected++;
    stats.unitsRejected += pallet.units;
  }
}

/** Quality sampling: takes a share of checked pallets for inspection, then sends them on. */
export const qualityOperation: Operation = {
  name: "quality",
  install(world) {
    const quality = installQuality(world);
    const onward = (pallet: Pallet) => offerPallet(world, pallet, claim);
    const claim = (pallet: Pallet) => quality.take(pallet, onward);
    world.listeners.palletChecked.push(claim);
    const { stats } = quality;
    const kpis = (): Record<string, number> => ({
      palletsInspected: stats.inspected,
      palletsQuarantined: stats.failed,
      palletsRejected: stats.rejected,
      palletsReleased: stats.released,
    });
    return world.scenario.operations.quality.sampleShare > 0 ? { kpis } : {};
  },
};
