/**
 * The count programme as counter tasks: ABC cycle counts of the pick faces (class by
 * popularity rank, counts a year per class, spread evenly by `abcCountSchedule`),
 * opportunity counts after picks (`opportunityCount`) and scheduled full physical
 * inventories that freeze picking in their zone until every location there is counted.
 * A count corrects the record (`ledger.count`) and the face's record mirror.
 */
import { InputError } from "../../common/inputError.ts";
import type { Event, ProcessGenerator } from "../../engine/index.ts";
import { abcCountSchedule, type CountItem, opportunityCount } from "../../inventory/index.ts";
import { handle, traceTask, travel } from "../workforce/activities.ts";
import { countDueS } from "../workforce/dueTimes.ts";
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

/** Installs the count programme (nothing runs when it is empty). */
export function installCounts(world: World): Counts {
  const { sim, scenario, site, ledger } = world;
  const spec = scenario.operations.counts;
  const stats: CountStats = {
    counts: 0,
    withVariance: 0,
    varianceUnits: 0,
    fullInventories: 0,
    fullInventoryS: 0,
  };
  const skuOfFace = new Map(world.skus.map((s) => [s.face, s]));
  const pending = new Set<string>();
  /** Frozen faces → the event fired when their inventory ends. */
  const freeze = new Map<string, Event>();
  const counts: Counts = {
    stats,
    frozen(face) {
      const until = freeze.get(face);
      if (!until) return undefined;
      return waitFor(until);
    },
    afterPick(sku, short) {
      if (spec.opportunity === "none") return;
      const recordUnits = sku.faceUnits;
      const reason = opportunityCount(
        { recordUnits, pickerFoundShort: short },
        { lowUnits: spec.lowUnits },
      );
      if (!reason) return;
      if (reason === "empty" && spec.opportunity === "short") return;
      if (reason === "low" && spec.opportunity !== "low") return;
      request(sku.face, countDueS(world, "opportunity"), "opportunity");
    },
  };
  const abcOn = spec.countsPerYear.A > 0 || spec.countsPerYear.B > 0 || spec.countsPerYear.C > 0;
  const any = abcOn || spec.opportunity !== "none" || spec.fullInventory.length > 0;
  if (!any) return counts;
  const counters = scenario.workforce.roles.counter.crews.reduce((a, c) => a + c.headcount, 0);
  if (counters === 0) {
    throw new InputError({
      file: scenario.layoutFile ?? "<scenario>",
      path: "workforce.roles.counter.crews",
      value: scenario.workforce.roles.counter.crews,
      expected: "at least one counter when operations.counts schedules counts",
    });
  }

  /** Counts one location now; corrects the face mirror of the SKU it belongs to. */
  const countNow = (locationId: string, reason: string) => {
    const result = ledger.count({ timeS: sim.now, locationId, ref: reason });
    const after = sim.now >= world.warmupS;
    if (after) stats.counts++;
    if (result.differences.length > 0 && after) stats.withVariance++;
    const owner = skuOfFace.get(locationId);
    for (const d of result.differences) {
      if (after) stats.varianceUnits += Math.abs(d.variance);
      if (owner && d.sku === owner.id) owner.faceUnits += d.variance;
    }
    if (owner && result.differences.some((d) => d.sku === owner.id)) {
      for (const l of world.listeners.faceCorrected) l(owner);
      for (const l of world.listeners.faceRestocked) l(owner);
      for (const l of world.listeners.faceNeeded) l(owner);
    }
  };

  /** A counter walks to a location and counts it. */
  function* countLocation(
    worker: Worker,
    locationId: string,
    reason: string,
    done: (() => void) | undefined,
  ) {
    traceTask(world, "count", worker, "start");
    yield* travel(world, worker, locationId, { loaded: false, pool: undefined });
    yield* handle(world, worker, spec.countSPerLocation);
    if (!done) pending.delete(locationId);
    countNow(locationId, reason);
    traceTask(world, "count", worker, "end");
    done?.();
  }

  function request(locationId: string, dueS: number, reason: string, done?: () => void) {
    if (!done) {
      if (pending.has(locationId)) return;
      pending.add(locationId);
    }
    world.queues.counter.push(
      {
        kind: "count",
        at: locationId,
        run: (worker) => countLocation(worker, locationId, reason, done),
      },
      dueS,
    );
  }

  if (abcOn) {
    const n = world.skus.length;
    const aCut = Math.round(spec.classShares.A * n);
    const bCut = aCut + Math.round(spec.classShares.B * n);
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
          request(task.id, countDueS(world, "abc"), "abc");
        }
      })(),
    );
  }

  for (const inventory of spec.fullInventory) {
    if (inventory.timeS >= world.horizonS) continue;
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
        for (const id of locations) if (skuOfFace.has(id)) freeze.set(id, end);
        let left = locations.length;
        const finished = () => {
          if (--left > 0) return;
          for (const id of locations) if (freeze.get(id) === end) freeze.delete(id);
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
        for (const id of locations) request(id, countDueS(world, "full"), "full", finished);
      })(),
    );
  }
  return counts;
}

/** Waits for an event (a full inventory's end). */
function* waitFor(event: Event) {
  yield event;
}
