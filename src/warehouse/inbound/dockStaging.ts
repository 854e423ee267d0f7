/**
 * The arrival bay's staging areas: a checked pallet waits at its door in a staging area of
 * `inbound.stagingPalletsPerDoor` pallet places until putaway, cross-docking or quarantine
 * takes it away. A receiver who has a pallet to take off the trailer while the area is full
 * stops unloading until a place frees; the stopped time is the `unloadStoppedS` KPI.
 */
import { Container, type ProcessGenerator } from "../../engine/index.ts";
import { meanOccupancy } from "../measure/occupancy.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Pallet, World } from "../world.ts";

/** The staging areas of the arrival doors and the time unloading stood still. */
export interface DockStaging {
  /** Pallet places per door id. */
  areas: Map<string, Container>;
  /** Pallets in an area now (a pallet back from quarantine takes no place). */
  held: Set<number>;
  /** Seconds unloading was stopped for a full area, in trailers unloaded after the warm-up. */
  stoppedS: number;
  /** Trailers whose unloading started after the warm-up. */
  trailers: number;
}

/** Builds one area per arrival door; a pallet leaving the dock frees its place. */
export function createDockStaging(world: World): DockStaging {
  const { sim, site, scenario } = world;
  const capacity = scenario.inbound.stagingPalletsPerDoor;
  const staging: DockStaging = {
    areas: new Map(site.inboundDocks.map((d) => [d, new Container(sim, { capacity })])),
    held: new Set(),
    stoppedS: 0,
    trailers: 0,
  };
  world.listeners.palletLeftDock.push((pallet) => leaveArea(world, staging, pallet));
  if (world.warmupS > 0) sim.process(resetAtWarmup(world, staging));
  return staging;
}

function* resetAtWarmup(world: World, staging: DockStaging) {
  yield world.warmupS;
  for (const area of staging.areas.values()) area.reset();
}

/**
 * Takes a place in door `door`'s area for the next pallet off the trailer, waiting while the
 * area is full; adds the wait to the stopped time when `measured`.
 */
export function* takePlace(
  world: World,
  staging: DockStaging,
  worker: Worker,
  door: string,
  measured: boolean,
): ProcessGenerator<void> {
  const area = staging.areas.get(door)!;
  const request = area.put(1);
  if (!request.triggered) {
    const fromS = world.sim.now;
    worker.setState("waiting", fromS, "dockStaging");
    yield request;
    if (measured) staging.stoppedS += world.sim.now - fromS;
  } else yield request;
  traceArea(world, door, area);
}

/** Marks `pallet` as holding a place in its door's area. */
export function holdPlace(staging: DockStaging, pallet: Pallet): void {
  staging.held.add(pallet.id);
}

function leaveArea(world: World, staging: DockStaging, pallet: Pallet): void {
  if (!staging.held.delete(pallet.id)) return;
  const door = pallet.at.slice(5);
  const area = staging.areas.get(door)!;
  area.get(1);
  traceArea(world, door, area);
}

/** The pallets in a door's area now, as the trace queue `dockStaging:<door>`. */
function traceArea(world: World, door: string, area: Container): void {
  if (!world.tracer.on) return;
  world.tracer.emit({
    t: world.sim.now,
    kind: "queue",
    name: `dockStaging:${door}`,
    length: area.level,
  });
}

/**
 * KPIs: `unloadStoppedS`, the mean seconds per trailer that unloading stood still for a full
 * staging area; `dockStagingOccupancy`, the mean share of the areas' places in use.
 */
export function dockStagingKpis(staging: DockStaging): Record<string, number> {
  return {
    unloadStoppedS: staging.trailers > 0 ? staging.stoppedS / staging.trailers : 0,
    dockStagingOccupancy: meanOccupancy(staging.areas.values()),
  };
}
