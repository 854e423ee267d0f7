/**
 * Crews: creates the workers of every role from the scenario's crews and shifts, and runs
 * each as a process — off shift it sleeps until its next shift, on shift it takes tasks
 * from its queue (the zone's queue for zone pickers) and is idle when there are none.
 * A task under way at the end of a shift is finished (overtime). A cross-trained worker
 * takes the most urgent task among its own queue and the queues of the roles it is trained
 * for (its own on ties); with interleaving, among the few most urgent tasks of those queues
 * the one starting nearest. Breaks split a shift into windows (calendar.ts).
 */
import { type DistSpec, sampler } from "../../engine/index.ts";
import type { PlaceRef } from "../../layout/index.ts";
import { ROLES, type Role } from "../../scenario/index.ts";
import type { Operation } from "../operation.ts";
import type { Task, World } from "../world.ts";
import { leaveAisle } from "./aisleTraffic.ts";
import { shiftWindows } from "./calendar.ts";
import { type TaskQueue, Worker } from "./workforce.ts";

/** Creates every worker (in role order) and starts their processes. */
export function startCrews(world: World): void {
  const { sim, scenario } = world;
  const zones = scenario.outbound.picking.method === "zone" ? scenario.outbound.picking.zones : 1;
  // Handling factors have a stream of their own, so drawing them changes no other stream.
  const factorStream = sim.random("workforce.handlingFactor");
  for (const role of ROLES) {
    const home: PlaceRef = homeOf(world, role);
    const spec = scenario.workforce.roles[role];
    const factor = spec.handlingFactor ? sampler(spec.handlingFactor as DistSpec) : undefined;
    let n = 0;
    for (const crew of spec.crews) {
      const shift = scenario.workforce.shifts[crew.shift];
      const staggered = shift.breaks.some((b) => b.staggerGroups > 1);
      const shared = shiftWindows(shift, world.horizonS);
      for (let i = 0; i < crew.headcount; i++) {
        // Staggered breaks: the i-th worker of the crew takes them in group i.
        const windows = staggered ? shiftWindows(shift, world.horizonS, i) : shared;
        const worker = new Worker(
          `${role}-${++n}`,
          role,
          windows,
          home,
          world.warmupS,
          world.tracer,
        );
        if (factor) worker.handlingFactor = Math.max(0.1, factor(factorStream));
        // Zone pickers: spread each crew over the zones.
        worker.zone = i % zones;
        world.workers[role].push(worker);
      }
    }
  }
  for (const role of ROLES) {
    for (const worker of world.workers[role]) {
      const queue =
        role === "picker" && scenario.outbound.picking.method === "zone"
          ? world.pickZoneQueues[worker.zone]
          : world.queues[role];
      const spec = scenario.workforce.roles[role];
      const others = spec.crossTrained
        .filter((r) => r !== role)
        .flatMap((r) => trainedQueues(world, r));
      sim.process(workerLoop(world, worker, queue, others, spec.interleave));
    }
  }
}

/** The queues a worker trained in `role` serves: every zone's under zone picking. */
function trainedQueues(world: World, role: Role) {
  const zonePicking = role === "picker" && world.scenario.outbound.picking.method === "zone";
  return zonePicking ? world.pickZoneQueues : [world.queues[role]];
}

function homeOf(world: World, role: Role): PlaceRef {
  const { site } = world;
  if (role === "receiver" || role === "putaway") return site.inboundDocks[0];
  if (role === "loader") return site.outboundDocks[0];
  if (role === "packer") return site.packStations[0] ?? site.depot;
  return site.depot;
}

/** Cross-trained workers re-check the other queues this often while idle, s. */
const CROSS_TRAINED_POLL_S = 60;

/** The queue with the most urgent task: the own queue on ties, undefined when all are empty. */
function mostUrgent(
  queue: TaskQueue<Task>,
  others: readonly TaskQueue<Task>[],
): TaskQueue<Task> | undefined {
  let best = queue;
  for (const q of others) if (q.peekPriority() < best.peekPriority()) best = q;
  return best.length > 0 ? best : undefined;
}

/** Tasks per queue an interleaving worker chooses among. */
export const INTERLEAVE_WINDOW = 5;

/**
 * Interleaving: among the most urgent tasks of each queue, removes and returns the one that
 * starts nearest the worker (ties: the earlier queue, then the more urgent).
 */
function takeNearest(
  world: World,
  worker: Worker,
  queues: readonly TaskQueue<Task>[],
): Task | undefined {
  let best: { queue: TaskQueue<Task>; index: number; distanceM: number } | undefined;
  for (const queue of queues) {
    for (const { task, index } of queue.topTasks(INTERLEAVE_WINDOW)) {
      const at = task.at ?? world.site.depot;
      const distanceM = at === worker.pos ? 0 : world.site.travel.distanceM(worker.pos, at);
      if (!best || distanceM < best.distanceM) best = { queue, index, distanceM };
    }
  }
  return best?.queue.removeAt(best.index);
}

function* workerLoop(
  world: World,
  worker: Worker,
  queue: TaskQueue<Task>,
  others: readonly TaskQueue<Task>[],
  interleave: boolean,
) {
  const all = [queue, ...others];
  const { sim } = world;
  const windows = worker.windows;
  let w = 0;
  for (;;) {
    const now = sim.now;
    while (w < windows.length && windows[w].endS <= now) w++;
    if (w >= windows.length) {
      worker.setState("offShift", now);
      return;
    }
    if (now < windows[w].startS) {
      worker.setState("offShift", now);
      yield windows[w].startS - now;
      continue;
    }
    const task = interleave
      ? takeNearest(world, worker, all)
      : others.length === 0
        ? queue.take()
        : mostUrgent(queue, others)?.take();
    if (task) {
      yield* task.run(worker);
      leaveAisle(worker);
      continue;
    }
    worker.setState("idle", now);
    const maxS = windows[w].endS - now;
    yield queue.idleFor(others.length === 0 ? maxS : Math.min(maxS, CROSS_TRAINED_POLL_S));
    // A wait that ran out continues behind the events queued for now, as a woken one does.
    if (queue.leaveIdle()) yield 0;
  }
}

/** The crews: every worker's process, taking tasks from the queues. */
export const crewsOperation: Operation = {
  name: "crews",
  install(world) {
    startCrews(world);
    return {};
  },
};
