/**
 * What a worker does inside a task, as generator steps: take equipment from a pool, travel
 * (loaded or empty) along the travel graph, handle goods. Each step books the worker's
 * state and, when tracing, emits the `move`, `state` and `task` records.
 */
import type { ProcessGenerator, Request } from "../../engine/index.ts";
import type { PlaceRef } from "../../layout/index.ts";
import type { EquippedTask } from "../../scenario/index.ts";
import type { TraceRecord } from "../types.ts";
import type { World } from "../world.ts";
import type { EquipmentPool, Worker } from "./workforce.ts";

/** Travel speed of a worker for a task, m/s: the equipment's (loaded or empty), else walking. */
export function speedMps(
  world: World,
  worker: Worker,
  pool: EquipmentPool | undefined,
  loaded: boolean,
): number {
  if (pool) return loaded ? pool.loadedSpeedMps : pool.speedMps;
  return world.scenario.workforce.roles[worker.role].speedMps;
}

/** Moves the worker to `to`; returns the distance travelled, m. */
export function* travel(
  world: World,
  worker: Worker,
  to: PlaceRef,
  options: { loaded: boolean; pool: EquipmentPool | undefined },
): ProcessGenerator<number> {
  const { sim, site, tracer } = world;
  const from = worker.pos;
  const distanceM = from === to ? 0 : site.travel.distanceM(from, to);
  if (distanceM > 0) {
    worker.setState(options.loaded ? "travelLoaded" : "travelEmpty", sim.now);
    const durationS = distanceM / speedMps(world, worker, options.pool, options.loaded);
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
  }
  worker.pos = to;
  return distanceM;
}

/** Handles goods for `durationS` (picking, putting, unloading…). */
export function* handle(world: World, worker: Worker, durationS: number): ProcessGenerator<void> {
  if (durationS <= 0) return;
  worker.setState("handling", world.sim.now);
  yield durationS;
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
