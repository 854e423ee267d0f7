/**
 * Aisle traffic: who stands in which aisle, and the waits and slow-downs that follow. A
 * narrow aisle (marked narrow in the layout, or narrower than two of the widest bodies
 * working in the scenario) lets no one pass:
 * - two-way, it holds one worker at a time: a picker or a truck waits at its entry until it
 *   clears;
 * - one-way (the layout's `oneWay`), workers follow each other in entry order: a worker
 *   waits while the one ahead of it stands at or before the position it is heading for
 *   (the narrow-aisle blocking of Gue, Meller & Skufca 2006).
 * A wide aisle lets workers pass, but a move into it while another worker is there takes
 * `passingSlowdown` longer. Every task that stops in an aisle books its occupancy here, so
 * trucks and pickers block each other alike.
 */
import {
  Event,
  type ProcessGenerator,
  type Request,
  Resource,
  type Simulation,
} from "../../engine/index.ts";
import { type Aisle, equipmentKinds, walking } from "../../layout/index.ts";
import { EQUIPMENT_KINDS, type Scenario } from "../../scenario/index.ts";
import type { World } from "../world.ts";
import { traceBlock } from "./traceBlock.ts";
import type { Worker } from "./workforce.ts";

/** One aisle's traffic: workers in it and, for a narrow aisle, how they wait. */
export class AisleState {
  /** Workers standing in the aisle (a narrow aisle's waiting workers not counted). */
  occupants = 0;
  /** A narrow one-way aisle's workers in entry order: the first is furthest along. */
  readonly convoy: Worker[] = [];
  /** Fires when a worker of the convoy moves on or leaves (created when someone waits). */
  moved: Event | undefined;

  constructor(
    readonly id: string,
    /** A narrow two-way aisle's capacity-one resource; undefined otherwise. */
    readonly resource: Resource | undefined,
    /** A narrow one-way aisle: workers follow each other, no one passes. */
    readonly follow: boolean,
  ) {}
}

/** The widest body among the scenario's equipment pools and walking workers, m. */
export function widestBodyM(scenario: Scenario): number {
  let widest = walking.widthM;
  for (const kind of EQUIPMENT_KINDS) {
    const pool = scenario.equipment.pools[kind];
    if (pool && pool.count > 0) widest = Math.max(widest, equipmentKinds[kind].widthM);
  }
  return widest;
}

/**
 * The traffic state of every aisle: narrow when marked so or narrower than two `widestM`;
 * a narrow aisle marked one-way lets workers follow each other, else it holds one at a time.
 */
export function buildAisleTraffic(
  sim: Simulation,
  aisles: readonly Aisle[],
  widestM: number,
): Map<string, AisleState> {
  const out = new Map<string, AisleState>();
  for (const a of aisles) {
    const narrow = a.narrow || a.widthM < 2 * widestM;
    const follow = narrow && a.oneWay;
    const resource = narrow && !follow ? new Resource(sim, { capacity: 1 }) : undefined;
    out.set(a.id, new AisleState(a.id, resource, follow));
  }
  return out;
}

/**
 * Puts `worker` in aisle `aisleId` ("" = outside the aisles), leaving the one it was in, as
 * a plain function (no generator for the usual entry without a wait): the worker enters at
 * once and this returns undefined, or, at a narrow aisle another worker holds, this returns
 * the request to wait for with `awaitAisle`.
 */
export function enterAisleNow(world: World, worker: Worker, aisleId: string): Request | undefined {
  if (worker.aisle?.id === aisleId) return undefined;
  leaveAisle(worker);
  const aisle = world.aisles.get(aisleId);
  if (!aisle) return undefined;
  worker.aisle = aisle;
  if (!aisle.resource) {
    aisle.occupants++;
    return undefined;
  }
  const request = aisle.resource.request();
  worker.aisleRequest = request;
  if (request.triggered) {
    aisle.occupants++;
    return undefined;
  }
  return request;
}

/** Waits for the request `enterAisleNow` returned, then stands in the aisle; the wait, s. */
export function* awaitAisle(
  world: World,
  worker: Worker,
  request: Request,
): ProcessGenerator<number> {
  const aisle = worker.aisle as AisleState;
  const { sim } = world;
  const fromS = sim.now;
  worker.setState("waiting", fromS, "aisle");
  traceBlock(world, worker, { at: aisle.id, phase: "start", reason: "aisle" });
  yield request;
  traceBlock(world, worker, { at: aisle.id, phase: "end" });
  aisle.occupants++;
  const waitS = sim.now - fromS;
  bookCongestion(world, worker, aisle.id, waitS, true);
  return waitS;
}

/** Takes `worker` out of the aisle it stands in, if any (a narrow aisle's next waiter enters). */
export function leaveAisle(worker: Worker): void {
  const aisle = worker.aisle;
  if (!aisle) return;
  aisle.occupants--;
  if (aisle.resource && worker.aisleRequest) aisle.resource.release(worker.aisleRequest);
  if (aisle.follow) {
    aisle.convoy.splice(aisle.convoy.indexOf(worker), 1);
    announceMove(aisle);
  }
  worker.aisle = undefined;
  worker.aisleRequest = undefined;
}

/**
 * Before a move to position `toPosM` of aisle `aisleId`: in a narrow one-way aisle, waits
 * while the worker ahead (or, from outside, the last one in) stands at or is heading for a
 * position at or before that one, then claims it: the workers behind may close up at once.
 * A move back along a one-way aisle is a new entry. Returns the wait, s; 0 for any other aisle.
 */
export function* clearWayAhead(
  world: World,
  worker: Worker,
  aisleId: string,
  toPosM: number,
): ProcessGenerator<number> {
  const aisle = world.aisles.get(aisleId);
  if (!aisle?.follow) return 0;
  if (worker.aisle === aisle && toPosM < worker.aislePosM) leaveAisle(worker);
  const { sim } = world;
  const fromS = sim.now;
  let ahead = workerAhead(aisle, worker);
  if (ahead !== undefined && ahead.aislePosM <= toPosM) {
    worker.setState("waiting", fromS, "aisle");
    traceBlock(world, worker, { at: aisleId, phase: "start", reason: "aisle" });
    while (ahead !== undefined && ahead.aislePosM <= toPosM) {
      aisle.moved ??= new Event(sim);
      yield aisle.moved;
      ahead = workerAhead(aisle, worker);
    }
    traceBlock(world, worker, { at: aisleId, phase: "end" });
  }
  if (worker.aisle !== aisle) {
    leaveAisle(worker);
    worker.aisle = aisle;
    aisle.occupants++;
    aisle.convoy.push(worker);
  }
  worker.aislePosM = toPosM;
  announceMove(aisle);
  const waitS = sim.now - fromS;
  bookCongestion(world, worker, aisleId, waitS, true);
  return waitS;
}

/** The worker a move in a one-way aisle must not pass: the one ahead, or the tail. */
function workerAhead(aisle: AisleState, worker: Worker): Worker | undefined {
  const i = aisle.convoy.indexOf(worker);
  if (i === 0) return undefined;
  return i > 0 ? aisle.convoy[i - 1] : aisle.convoy[aisle.convoy.length - 1];
}

/** Wakes the workers waiting for someone of the convoy to move on. */
function announceMove(aisle: AisleState): void {
  const moved = aisle.moved;
  if (moved === undefined) return;
  aisle.moved = undefined;
  moved.succeed();
}

/**
 * The extra time of a move of `moveS` into aisle `aisleId` while another worker stands in it
 * (a wide aisle: passing slows both down), s; 0 when the aisle is empty, narrow or absent.
 */
export function passingDelayS(
  world: World,
  worker: Worker,
  aisleId: string,
  moveS: number,
): number {
  const aisle = world.aisles.get(aisleId);
  if (!aisle || aisle.resource || aisle.follow) return 0;
  const others = aisle.occupants - (worker.aisle === aisle ? 1 : 0);
  if (others <= 0) return 0;
  return moveS * world.scenario.equipment.traffic.passingSlowdown;
}

/**
 * Books `lostS` seconds lost to congestion at `where` (an aisle id): on the measured total,
 * as a wait (a stop at an entry, counted) or a slow-down, and as a trace record.
 */
export function bookCongestion(
  world: World,
  worker: Worker,
  where: string,
  lostS: number,
  wait: boolean,
): void {
  if (lostS <= 0) return;
  const { sim, stats, tracer } = world;
  if (sim.now >= world.warmupS) {
    stats.congestionLostS += lostS;
    if (wait) stats.congestionWaits.add(lostS);
  }
  if (tracer.on)
    tracer.emit({ t: sim.now, kind: "congestion", aisle: where, worker: worker.id, waitS: lostS });
}
