/**
 * The count programme as counter tasks: ABC cycle counts of the pick faces (class by
 * popularity rank, counts a year per class, spread evenly by `abcCountSchedule`),
 * opportunity counts after picks (`opportunityCount`) and scheduled full physical
 * inventories that freeze picking in their zone until every location there is counted.
 * A count corrects the record (`ledger.count`) and the face's record mirror. Faces that
 * re-slotting moves are followed: a cycle count goes to the SKU's face of the day, and a
 * face frozen by a full inventory is held (not moved).
 */
import type { Event, ProcessGenerator } from "../../engine/index.ts";
import { abcCountSchedule, type CountItem, opportunityCount } from "../../inventory/index.ts";
import { setFaceUnits } from "../storage/pickFace.ts";
import { handle, traceTask, travel } from "../workforce/activities.ts";
import { countDueS } from "../workforce/dueTimes.ts";
import { requireRole } from "../workforce/requireRole.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { SkuState, World } from "../world.ts";

/** Count statistics (whole run unless noted). */
export interface CountStats {
  /** Counts done after the warm-up, and how many found a difference. */
  counts: number;
  withVariance: number;
  /** Units of absolute variance corrected after the warm-up. */
  varianceUnits: number;
  /** Full inventories finished and their durations, s. */
  fullInventories: number;
  fullInventoryS: number;
}

/** The count programme's handles for picking. */
export interface Counts {
  stats: CountStats;
  /** Waits while a full inventory freezes the face (undefined when it is not frozen). */
  frozen(face: string): ProcessGenerator<void> | undefined;
  /** After a pick: requests an opportunity count if the programme asks for one. */
  afterPick(sku: SkuState, short: boolean): void;
}

/** The programme's state, shared by its steps. */
interface Programme {
  world: World;
  spec: World["scenario"]["operations"]["counts"];
  stats: CountStats;
  skuOfFace: Map<string, SkuState>;
  /** Locations with a count requested and not yet done (full inventories aside). */
  pending: Set<string>;
  /** Frozen faces → the event fired when their inventory ends. */
  freeze: Map<string, Event>;
}

/** Installs the count programme (nothing runs when it is empty). */
export function installCounts(world: World): Counts {
  const spec = world.scenario.operations.counts;
  const p: Programme = {
    world,
    spec,
    stats: { counts: 0, withVariance: 0, varianceUnits: 0, fullInventories: 0, fullInventoryS: 0 },
    skuOfFace: new Map(world.skus.map((s) => [s.face, s])),
    pending: new Set<string>(),
    freeze: new Map<string, Event>(),
  };
  const counts: Counts = {
    stats: p.stats,
    frozen(face) {
      const until = p.freeze.get(face);
      if (!until) return undefined;
      return waitFor(until);
    },
    afterPick: (sku, short) => afterPick(p, sku, short),
  };
  world.listeners.faceMoved.push((sku, from) => {
    if (p.skuOfFace.get(from) === sku) p.skuOfFace.delete(from);
    p.skuOfFace.set(sku.face, sku);
  });
  world.listeners.faceMoveAsked.push((sku) => p.freeze.has(sku.face));
  const abcOn = spec.countsPerYear.A > 0 || spec.countsPerYear.B > 0 || spec.countsPerYear.C > 0;
  const any = abcOn || spec.opportunity !== "none" || spec.fullInventory.length > 0;
  if (!any) return counts;
  requireRole(world, "counter", "at least one counter when operations.counts schedules counts");
  if (abcOn) startAbcCounts(p);
  for (const inventory of spec.fullInventory) {
    if (inventory.timeS < world.horizonS) startFullInventory(p, inventory);
  }
  return counts;
}

/** After a pick: requests an opportunity count if the programme asks for one. */
function afterPick(p: Programme, sku: SkuState, short: boolean): void {
  const { spec } = p;
  if (spec.opportunity === "none") return;
  const recordUnits = sku.faceUnits;
  const reason = opportunityCount(
    { recordUnits, pickerFoundShort: short },
    { lowUnits: spec.lowUnits },
  );
  if (!reason) return;
  if (reason === "empty" && spec.opportunity === "short") return;
  if (reason === "low" && spec.opportunity !== "low") return;
  request(p, sku.face, countDueS(p.world, "opportunity"), "opportunity");
}

/** Counts one location now; corrects the face mirror of the SKU it belongs to. */
function countNow(p: Programme, locationId: string, reason: string): void {
  const { world, stats } = p;
  const { sim } = world;
  const result = world.ledger.count({ timeS: sim.now, locationId, ref: reason });
  const after = sim.now >= world.warmupS;
  if (after) stats.counts++;
  if (result.differences.length > 0 && after) stats.withVariance++;
  const owner = p.skuOfFace.get(locationId);
  for (const d of result.differences) {
    if (after) stats.varianceUnits += Math.abs(d.variance);
    if (owner && d.sku === owner.id) setFaceUnits(world, owner, owner.faceUnits + d.variance);
  }
  if (owner && result.differences.some((d) => d.sku === owner.id)) {
    for (const l of world.listeners.faceCorrected) l(owner);
    for (const l of world.listeners.faceRestocked) l(owner);
    for (const l of world.listeners.faceNeeded) l(owner);
  }
}

/** A counter walks to a location and counts it. */
function* countLocation(
  p: Programme,
  worker: Worker,
  locationId: string,
  reason: string,
  done: (() => void) | undefined,
) {
  const { world } = p;
  traceTask(world, "count", worker, "start");
  yield* travel(world, worker, locationId, { loaded: false, pool: undefined });
  yield* handle(world, worker, p.spec.countSPerLocation);
  if (!done) p.pending.delete(locationId);
  countNow(p, locationId, reason);
  traceTask(world, "count", worker, "end");
  done?.();
}

/** Queues a count of a location (once while one is pending, unless part of an inventory). */
function request(
  p: Programme,
  locationId: string,
  dueS: number,
  reason: string,
  done?: () => void,
): void {
  if (!done) {
    if (p.pending.has(locationId)) return;
    p.pending.add(locationId);
  }
  p.world.queues.counter.push(
    {
      kind: "count",
      at: locationId,
      run: (worker) => countLocation(p, worker, locationId, reason, done),
    },
    dueS,
  );
}

/** ABC cycle counts of the faces: class by popularity rank, spread evenly over the year. */
function startAbcCounts(p: Programme): void {
  const { world, spec } = p;
  const { sim } = world;
  const n = world.skus.length;
  const aCut = Math.round(spec.classShares.A * n);
  const bCut = aCut + Math.round(spec.classShares.B * n);
  // Items are the faces at the start; a count goes to where the SKU's face is by then.
  const skuOfItem = new Map(world.skus.map((s) => [s.face, s]));
  const items: CountItem[] = world.skus.map((s) => ({
    id: s.face,
    velocityClass: s.info.rank < aCut ? "A" : s.info.rank < bCut ? "B" : "C",
  }));
  const schedule = abcCountSchedule(items, {
    countsPerYear: spec.countsPerYear,
    endS: world.horizonS,
  });
  sim.process(
    (function* () {
      for (const task of schedule) {
        if (task.timeS > sim.now) yield task.timeS - sim.now;
        const at = skuOfItem.get(task.id)?.face ?? task.id;
        request(p, at, countDueS(world, "abc"), "abc");
      }
    })(),
  );
}

/** A full physical inventory: freezes picking in its zone until every location there is counted. */
function startFullInventory(
  p: Programme,
  inventory: Programme["spec"]["fullInventory"][number],
): void {
  const { world, stats } = p;
  const { sim, site } = world;
  const inZone = (zone: string) => inventory.zone === undefined || zone === inventory.zone;
  const locations = [
    ...world.skus.map((s) => site.faces[s.info.rank]).filter((f) => inZone(f.zone)),
    ...site.reserve.map((r) => r.location).filter((l) => inZone(l.zone)),
  ].map((l) => l.id);
  sim.process(
    (function* () {
      yield inventory.timeS - sim.now;
      const startS = sim.now;
      const end = sim.event();
      for (const id of locations) if (p.skuOfFace.has(id)) p.freeze.set(id, end);
      let left = locations.length;
      const finished = () => {
        if (--left > 0) return;
        for (const id of locations) if (p.freeze.get(id) === end) p.freeze.delete(id);
        if (sim.now >= world.warmupS) {
          stats.fullInventories++;
          stats.fullInventoryS += sim.now - startS;
        }
        end.succeed();
      };
      if (left === 0) {
        left = 1;
        finished();
      }
      for (const id of locations) request(p, id, countDueS(world, "full"), "full", finished);
    })(),
  );
}

/** Waits for an event (a full inventory's end). */
function* waitFor(event: Event) {
  yield event;
}
