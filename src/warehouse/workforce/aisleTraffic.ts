/**
 * Aisle traffic: who stands in which aisle, and the waits and slow-downs that follow. A
 * narrow aisle (marked narrow in the layout, or narrower than two of the widest bodies
 * working in the scenario) holds one worker at a time: a picker or a truck waits at its
 * entry until it clears. A wide aisle lets workers pass, but a move into it while another
 * worker is there takes `passingSlowdown` longer. Every task that stops in an aisle books
 * its occupancy here, so trucks and pickers block each other alike.
 */
import { type ProcessGenerator, Resource, type Simulation } from "../../engine/index.ts";
import { type Aisle, equipmentKinds, walking } from "../../layout/index.ts";
import { EQUIPMENT_KINDS, type Scenario } from "../../scenario/index.ts";
import type { World } from "../world.ts";
import type { Worker } from "./workforce.ts";

/** One aisle's traffic: workers in it and, for a narrow aisle, the one-at-a-time resource. */
export class AisleState {
  /** Workers standing in the aisle (a narrow aisle's waiting workers not counted). */
  occupants = 0;

  constructor(
    readonly id: string,
    /** Capacity one; undefined for a wide aisle. */
    readonly resource: Resource | undefined,
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

/** The traffic state of every aisle: narrow when marked so or narrower than two `widestM`. */
export function buildAisleTraffic(
  sim: Simulation,
  aisles: readonly Aisle[],
  widestM: number,
): Map<string, AisleState> {
  const out = new Map<string, AisleState>();
  for (const a of aisles) {
    const narrow = a.narrow || a.widthM < 2 * widestM;
    out.set(a.id, new AisleState(a.id, narrow ? new Resource(sim, { capacity: 1 }) : undefined));
  }
  return out;
}

/**
 * Puts `worker` in aisle `aisleId` ("" = outside the aisles), leaving the one it was in;
 * in a narrow aisle it waits until the aisle clears. Returns the wait, s.
 */
export function* enterAisle(
  world: World,
  worker: Worker,
  aisleId: string,
): ProcessGenerator<number> {
  if (worker.aisle?.id === aisleId) return 0;
  leaveAisle(worker);
  const aisle = world.aisles.get(aisleId);
  if (!aisle) return 0;
  worker.aisle = aisle;
  if (!aisle.resource) {
    aisle.occupants++;
    return 0;
  }
  const request = aisle.resource.request();
  worker.aisleRequest = request;
  if (request.triggered) {
    aisle.occupants++;
    return 0;
  }
  const { sim } = world;
  const fromS = sim.now;
  worker.setState("waiting", fromS, "aisle");
  yield request;
  aisle.occupants++;
  const waitS = sim.now - fromS;
  bookCongestion(world, worker, aisleId, waitS, true);
  return waitS;
}

/** Takes `worker` out of the aisle it stands in, if any (a narrow aisle's next waiter enters). */
export function leaveAisle(worker: Worker): void {
  const aisle = worker.aisle;
  if (!aisle) return;
  aisle.occupants--;
  if (aisle.resource && worker.aisleRequest) aisle.resource.release(worker.aisleRequest);
  worker.aisle = undefined;
  worker.aisleRequest = undefined;
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
  if (!aisle || aisle.resource) return 0;
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
