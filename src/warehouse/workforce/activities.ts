/**
 * What a worker does inside a task, as generator steps: take equipment from a pool, travel
 * (loaded or empty) along the travel graph with the kind's acceleration and aisle turns,
 * lift and lower at a level, handle goods. Each step books the worker's state and, when
 * tracing, emits the `move`, `lift`, `state` and `task` records.
 */
import type { ProcessGenerator, Request } from "../../engine/index.ts";
import { liftTimeS, type Motion, moveTimeS, type PlaceRef } from "../../layout/index.ts";
import type { EquippedTask } from "../../scenario/index.ts";
import type { TraceRecord } from "../types.ts";
import type { SkuState, World } from "../world.ts";
import {
  awaitAisle,
  bookCongestion,
  clearWayAhead,
  enterAisleNow,
  leaveAisle,
  passingDelayS,
} from "./aisleTraffic.ts";
import { releaseCrossAisles, takeCrossAisles } from "./crossAisleTraffic.ts";
import type { EquipmentPool } from "./equipment.ts";
import { locationStandardS } from "./timeStandards.ts";
import type { Worker } from "./workforce.ts";

/** How a worker moves in a task: the equipment kind's motion, else the role's walking. */
export function motionOf(world: World, worker: Worker, pool: EquipmentPool | undefined): Motion {
  return pool ? pool.motion : world.walkingMotion[worker.role];
}

/** The picking aisle a place is reached from, or "" (docks, P&D points, free points). */
export function aisleOf(world: World, place: PlaceRef): string {
  if (typeof place !== "string") return "";
  return world.site.travel.location(place)?.aisle ?? "";
}

/** Where a place's access point lies along its aisle, m from the aisle's start (0 off-aisle). */
export function aislePositionM(world: World, place: PlaceRef): number {
  if (typeof place !== "string") return 0;
  return world.site.travel.location(place)?.access.positionM ?? 0;
}

/**
 * Moves the worker to `to`, leaving the aisle it stands in and entering the one of `to`
 * (waiting at a narrow one, slowed in an occupied wide one: aisleTraffic.ts); returns the
 * distance travelled, m.
 */
export function* travel(
  world: World,
  worker: Worker,
  to: PlaceRef,
  options: { loaded: boolean; pool: EquipmentPool | undefined },
): ProcessGenerator<number> {
  const { sim, site, tracer } = world;
  const from = worker.pos;
  const distanceM = from === to ? 0 : site.travel.distanceM(from, to);
  const toAisle = aisleOf(world, to);
  if (distanceM > 0) {
    if (toAisle !== worker.aisle?.id) leaveAisle(worker);
    if (world.aisles.get(toAisle)?.follow)
      yield* clearWayAhead(world, worker, toAisle, aislePositionM(world, to));
    const held =
      world.scenario.equipment.traffic.crossAisleCapacity === undefined
        ? undefined
        : yield* takeCrossAisles(world, worker, from, to);
    worker.setState(options.loaded ? "travelLoaded" : "travelEmpty", sim.now);
    const motion = motionOf(world, worker, options.pool);
    const moveS = moveTimeS(motion, distanceM, options.loaded, aisleOf(world, from), toAisle);
    const slowS = passingDelayS(world, worker, toAisle, moveS);
    bookCongestion(world, worker, toAisle, slowS, false);
    const durationS = moveS + slowS;
    if (tracer.on) {
      tracer.emit({
        t: sim.now,
        kind: "move",
        id: worker.id,
        path: site.travel.path(from, to),
        untilT: sim.now + durationS,
      });
    }
    yield durationS;
    if (held) releaseCrossAisles(world, held);
  }
  worker.pos = to;
  if (toAisle !== (worker.aisle?.id ?? "")) {
    const waitFor = enterAisleNow(world, worker, toAisle);
    if (waitFor) yield* awaitAisle(world, worker, waitFor);
  }
  return distanceM;
}

/** Handles goods for `durationS` (picking, putting, unloading…) at the worker's own pace. */
export function* handle(world: World, worker: Worker, durationS: number): ProcessGenerator<void> {
  if (durationS <= 0) return;
  worker.setState("handling", world.sim.now);
  yield durationS * worker.handlingFactor;
}

/**
 * Time standard of a pallet pick-up or set-down at `place` (a location, by its type, or a
 * dock), s, times a draw of `timeStandards.palletVariation` when set.
 */
export function palletHandlingS(world: World, which: "pickUp" | "setDown", place: string): number {
  const standards = world.scenario.timeStandards;
  const table = which === "pickUp" ? standards.palletPickUpS : standards.palletSetDownS;
  const type = world.site.travel.location(place)?.type ?? "dock";
  const variation = world.palletVariation;
  return variation ? table[type] * variation() : table[type];
}

/**
 * Lifts to the level of location `locationId` and lowers back, as a store (`store`, up
 * loaded) or a retrieve (up empty, down loaded): `liftTimeS` of the worker's motion at the
 * level's height, booked as handling. Emits a `lift` record when it takes time.
 */
export function* lift(
  world: World,
  worker: Worker,
  pool: EquipmentPool | undefined,
  locationId: string,
  store: boolean,
): ProcessGenerator<void> {
  const location = world.site.travel.location(locationId);
  if (!location) return;
  const durationS = liftTimeS(motionOf(world, worker, pool), location.heightM, store);
  if (durationS <= 0) return;
  const { sim, tracer } = world;
  worker.setState("handling", sim.now, "other", "lifting");
  if (tracer.on) {
    tracer.emit({
      t: sim.now,
      kind: "lift",
      id: worker.id,
      location: locationId,
      level: location.level,
      heightM: location.heightM,
      untilT: sim.now + durationS,
    });
  }
  yield durationS;
}

/**
 * Goes to location `locationId` (carrying a load when `store`), lifts to its level and
 * handles there for `handleS()` seconds, taken on arrival (a pallet or case standard).
 */
export function* workAt(
  world: World,
  worker: Worker,
  pool: EquipmentPool | undefined,
  locationId: string,
  store: boolean,
  handleS: () => number,
): ProcessGenerator<void> {
  yield* travel(world, worker, locationId, { loaded: store, pool });
  yield* lift(world, worker, pool, locationId, store);
  yield* handle(world, worker, handleS());
}

/** Case picks of `units` of `sku` at a location, s (whole cases, a part case counts as one). */
export function casesS(world: World, locationId: string, sku: SkuState, units: number): number {
  const cases = Math.ceil(units / sku.info.unitsPerCase);
  const type = world.site.travel.location(locationId)?.type;
  return locationStandardS(world, "casePick", type, cases);
}

/** Takes a unit of the task's equipment pool (waiting if none is free); undefined when none is needed. */
export function* acquire(
  world: World,
  worker: Worker,
  task: EquippedTask,
): ProcessGenerator<Request | undefined> {
  const pool = world.equipmentFor[task];
  if (!pool) return undefined;
  const request = pool.resource.request();
  if (!request.triggered) {
    worker.setState("waiting", world.sim.now, "equipment");
  }
  yield request;
  pool.inUse.update(pool.resource.count);
  worker.equipment = pool.kind;
  return request;
}

/** Returns equipment taken with `acquire`. */
export function release(
  world: World,
  worker: Worker,
  task: EquippedTask,
  request: Request | undefined,
): void {
  const pool = world.equipmentFor[task];
  if (!pool || !request) return;
  pool.resource.release(request);
  pool.inUse.update(pool.resource.count);
  worker.equipment = undefined;
}

/** Emits a task start or end record; a worker's task keeps one id from start to end. */
export function traceTask(
  world: World,
  task: string,
  worker: Worker,
  phase: "start" | "end",
  order?: number,
): void {
  if (!world.tracer.on) return;
  if (phase === "start") worker.taskId = world.nextId.task++;
  const record: TraceRecord = {
    t: world.sim.now,
    kind: "task",
    id: `${task}-${worker.taskId}`,
    task,
    phase,
    worker: worker.id,
  };
  if (order !== undefined) record.order = order;
  world.tracer.emit(record);
}
