/**
 * Inbound: purchase orders become trailers (at the supplier's next timetable slot, or at
 * the due time plus a random delay), trailers queue in the yard for an arrival-bay door,
 * are docked, unloaded and checked pallet by pallet by a receiver with equipment, and each
 * checked pallet is handed to putaway.
 */
import {
  type DistSpec,
  type Event,
  type RandomStream,
  Resource,
  sampler,
} from "../../engine/index.ts";
import { traceLoad } from "../measure/traceLoad.ts";
import type { Operation } from "../operation.ts";
import { acquire, handle, release, traceTask, travel } from "../workforce/activities.ts";
import { clockS, DAY_S, dayMask } from "../workforce/calendar.ts";
import { receiveDueS } from "../workforce/dueTimes.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Pallet, World } from "../world.ts";
import {
  createDockStaging,
  type DockStaging,
  dockStagingKpis,
  holdPlace,
  takePlace,
} from "./dockStaging.ts";
import { offerPallet } from "./offerPallet.ts";

/** One line of a purchase order. */
export interface PurchaseLine {
  sku: number;
  pallets: number[];
}

/** A pallet on an inbound trailer: its SKU and units. */
interface Load {
  sku: number;
  units: number;
}

interface Trailer {
  id: number;
  supplier: number;
  arrivalS: number;
  /** Units per pallet, with the SKU of each. */
  pallets: Load[];
}

/** The arrival bay: doors and the yard queue. */
export interface Inbound {
  doors: Resource;
  staging: DockStaging;
  /** Places an order for delivery no earlier than `dueS`. */
  order(supplier: number, lines: PurchaseLine[], dueS: number): void;
}

/** The arrival bay's state in one replication. */
interface ArrivalBay {
  world: World;
  doors: Resource;
  freeDoors: string[];
  unloadS: (stream: RandomStream) => number;
  checkS: (stream: RandomStream) => number;
  handlingStream: RandomStream;
  delayStream: RandomStream;
  trailerId: number;
  /** Trailers waiting in the yard for a door now. */
  yardLength: number;
  /** Pending deliveries of timetable suppliers, by slot time. */
  slots: Map<number, Load[]>[];
  /** Where checked pallets wait at each door. */
  staging: DockStaging;
}

/** Starts the inbound processes; returns the ordering interface used by reorders. */
export function startInbound(world: World): Inbound {
  const { sim, scenario, site } = world;
  const doors = new Resource(sim, { capacity: site.inboundDocks.length });
  const bay: ArrivalBay = {
    world,
    doors,
    freeDoors: [...site.inboundDocks],
    unloadS: sampler(scenario.inbound.unloadSPerPallet as DistSpec),
    checkS: sampler(scenario.inbound.checkSPerPallet as DistSpec),
    handlingStream: sim.random("inbound.handling"),
    delayStream: sim.random("inbound.delay"),
    trailerId: 0,
    yardLength: 0,
    slots: scenario.inbound.suppliers.map(() => new Map<number, Load[]>()),
    staging: createDockStaging(world),
  };
  scheduleDeliveries(bay);
  return {
    doors,
    staging: bay.staging,
    order: (supplier, lines, dueS) => order(bay, supplier, lines, dueS),
  };
}

/** Scheduled deliveries: known in advance, so their units count as on order from the start. */
function scheduleDeliveries(bay: ArrivalBay): void {
  const { scenario, skus } = bay.world;
  for (const delivery of scenario.inbound.deliveries) {
    const supplier = Math.max(
      0,
      scenario.inbound.suppliers.findIndex((s) => s.name === delivery.supplier),
    );
    const pallets = delivery.pallets.map((p) => ({ sku: p.sku - 1, units: p.units }));
    for (const p of pallets) skus[p.sku].onOrderUnits += p.units;
    schedule(bay, { id: bay.trailerId++, supplier, arrivalS: delivery.timeS, pallets });
  }
}

/** A receiver unloads and checks a docked trailer's pallets at door `doorId`. */
function* unload(bay: ArrivalBay, worker: Worker, trailer: Trailer, doorId: string, done: Event) {
  const { world } = bay;
  traceTask(world, "unload", worker, "start");
  const equipment = yield* acquire(world, worker, "unload");
  const pool = world.equipmentFor.unload;
  yield* travel(world, worker, doorId, { loaded: false, pool });
  const measured = world.sim.now >= world.warmupS;
  if (measured) bay.staging.trailers++;
  for (let i = 0; i < trailer.pallets.length; i++) {
    yield* takePlace(world, bay.staging, worker, doorId, measured);
    yield* handle(
      world,
      worker,
      Math.max(0, bay.unloadS(bay.handlingStream)) + Math.max(0, bay.checkS(bay.handlingStream)),
    );
    receivePallet(bay, trailer, trailer.pallets[i], doorId);
    traceTrailerLoad(bay, trailer, doorId, trailer.pallets.length - i - 1);
  }
  release(world, worker, "unload", equipment);
  traceTask(world, "unload", worker, "end");
  done.succeed();
}

/** Books a checked pallet into stock in the door's staging area and offers it onward. */
function receivePallet(bay: ArrivalBay, trailer: Trailer, p: Load, doorId: string): void {
  const { world } = bay;
  const pallet: Pallet = {
    id: world.nextId.pallet++,
    sku: p.sku,
    units: p.units,
    arrivedS: trailer.arrivalS,
    at: `dock:${doorId}`,
    supplier: trailer.supplier,
  };
  world.ledger.receive({
    timeS: world.sim.now,
    sku: world.skus[p.sku].id,
    to: pallet.at,
    quantity: p.units,
  });
  const sku = world.skus[p.sku];
  sku.onOrderUnits -= p.units;
  sku.dockUnits += p.units;
  world.stats.total.unitsReceived += p.units;
  world.stats.total.palletsReceived++;
  holdPlace(bay.staging, pallet);
  offerPallet(world, pallet);
}

/** The yard queue's length changes by `delta` (trace queue `yard`). */
function traceYard(bay: ArrivalBay, delta: number): void {
  bay.yardLength += delta;
  const { tracer, sim } = bay.world;
  if (tracer.on) tracer.emit({ t: sim.now, kind: "queue", name: "yard", length: bay.yardLength });
}

/** The `door` trace record: which inbound trailer holds `door` from now (null: none). */
function traceDoor(world: World, door: string, trailer: string | null): void {
  if (world.tracer.on)
    world.tracer.emit({ t: world.sim.now, kind: "door", door, flow: "inbound", trailer });
}

/**
 * The `load` trace record of an inbound trailer at `door` with `pallets` still on it; its
 * pallet places are the supplier's pallets per trailer (or its load, when larger).
 */
function traceTrailerLoad(bay: ArrivalBay, trailer: Trailer, door: string, pallets: number): void {
  const { world } = bay;
  if (!world.tracer.on) return;
  const perTrailer = world.scenario.inbound.suppliers[trailer.supplier]?.maxPalletsPerTrailer ?? 0;
  const palletPlaces = Math.max(perTrailer, trailer.pallets.length);
  traceLoad(world, { trailer: `in-${trailer.id}`, door, pallets, palletPlaces });
}

/** A trailer arrives, waits in the yard for a door, docks, is unloaded and leaves. */
function* trailerProcess(bay: ArrivalBay, trailer: Trailer) {
  const { world } = bay;
  const { sim } = world;
  yield Math.max(0, trailer.arrivalS - sim.now);
  world.stats.total.trailersIn++;
  if (sim.now >= world.warmupS) world.stats.inboundTrailers++;
  // The yard queue counts trailers that wait for a door (none when a door is free).
  const door = bay.doors.request();
  const waits = !door.triggered;
  if (waits) traceYard(bay, 1);
  yield door;
  const dockedS = sim.now;
  if (dockedS >= world.warmupS) world.stats.yardWaitS.add(dockedS - trailer.arrivalS);
  if (waits) traceYard(bay, -1);
  const doorId = bay.freeDoors.shift()!;
  traceDoor(world, doorId, `in-${trailer.id}`);
  traceTrailerLoad(bay, trailer, doorId, trailer.pallets.length);
  yield world.scenario.inbound.dockingS;
  const done = sim.event();
  world.queues.receiver.push(
    { kind: "unload", run: (worker) => unload(bay, worker, trailer, doorId, done) },
    receiveDueS(world),
  );
  yield done;
  bay.freeDoors.push(doorId);
  bay.doors.release(door);
  traceDoor(world, doorId, null);
  if (sim.now >= world.warmupS) {
    world.stats.trailerTurnaroundS.add(sim.now - trailer.arrivalS);
    world.stats.inboundDoorS.add(sim.now - dockedS);
  }
}

function schedule(bay: ArrivalBay, trailer: Trailer): void {
  bay.world.sim.process(trailerProcess(bay, trailer));
}

/** Schedules `pallets` in trailers of at most `perTrailer` pallets arriving at `arrivalS`. */
function scheduleTrailers(
  bay: ArrivalBay,
  supplier: number,
  pallets: Load[],
  arrivalS: () => number,
): void {
  const perTrailer = bay.world.scenario.inbound.suppliers[supplier].maxPalletsPerTrailer;
  for (let i = 0; i < pallets.length; i += perTrailer) {
    schedule(bay, {
      id: bay.trailerId++,
      supplier,
      arrivalS: arrivalS(),
      pallets: pallets.slice(i, i + perTrailer),
    });
  }
}

/** The supplier's first timetable slot at or after `dueS` (`dueS` itself for random arrivals). */
function nextSlotS(world: World, supplier: number, dueS: number): number {
  const arrivals = world.scenario.inbound.suppliers[supplier].arrivals;
  if (arrivals.mode !== "timetable") return dueS;
  const mask = dayMask(arrivals.days);
  const clocks = arrivals.times.map(clockS).sort((a, b) => a - b);
  for (let day = Math.floor(dueS / DAY_S); ; day++) {
    if (!mask[day % 7]) continue;
    for (const c of clocks) if (day * DAY_S + c >= dueS) return day * DAY_S + c;
  }
}

/** Places a purchase order: its pallets arrive in trailers, by delay or at a timetable slot. */
function order(bay: ArrivalBay, supplier: number, lines: PurchaseLine[], dueS: number): void {
  const { world } = bay;
  const spec = world.scenario.inbound.suppliers[supplier];
  world.stats.total.purchaseOrders++;
  const pallets: Load[] = [];
  for (const line of lines) {
    for (const units of line.pallets) {
      pallets.push({ sku: line.sku, units });
      world.skus[line.sku].onOrderUnits += units;
    }
  }
  if (spec.arrivals.mode === "random") {
    const delay = sampler(spec.arrivals.delayS as DistSpec);
    scheduleTrailers(bay, supplier, pallets, () => dueS + Math.max(0, delay(bay.delayStream)));
    return;
  }
  const slotS = nextSlotS(world, supplier, dueS);
  const pending = bay.slots[supplier].get(slotS);
  if (pending) {
    pending.push(...pallets);
    return;
  }
  bay.slots[supplier].set(slotS, pallets);
  world.sim.process(slotProcess(bay, supplier, slotS));
}

/** One process per slot: at the slot time, whatever is pending rides in full trailers. */
function* slotProcess(bay: ArrivalBay, supplier: number, slotS: number) {
  yield slotS - bay.world.sim.now;
  const all = bay.slots[supplier].get(slotS)!;
  bay.slots[supplier].delete(slotS);
  scheduleTrailers(bay, supplier, all, () => slotS);
}

/** The inbound flow: trailers, doors, unloading and checking; takes purchase orders. */
export const inboundOperation: Operation = {
  name: "inbound",
  install(world) {
    const inbound = startInbound(world);
    world.listeners.purchaseOrdered.push(inbound.order);
    return { kpis: () => dockStagingKpis(inbound.staging) };
  },
};
