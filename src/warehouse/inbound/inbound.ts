/**
 * Inbound: purchase orders become trailers (at the supplier's next timetable slot, or at
 * the due time plus a random delay), trailers queue in the yard for an arrival-bay door,
 * are docked, unloaded and checked pallet by pallet by a receiver with equipment, and each
 * checked pallet is handed to putaway.
 */
import { type DistSpec, type Event, Resource, sampler } from "../../engine/index.ts";
import type { Operation } from "../operation.ts";
import { acquire, handle, release, traceTask, travel } from "../workforce/activities.ts";
import { clockS, DAY_S, dayMask } from "../workforce/calendar.ts";
import { receiveDueS } from "../workforce/dueTimes.ts";
import { TaskQueue, type Worker } from "../workforce/workforce.ts";
import type { Pallet, World } from "../world.ts";
import { offerPallet } from "./offerPallet.ts";

/** One line of a purchase order. */
export interface PurchaseLine {
  sku: number;
  pallets: number[];
}

interface Trailer {
  id: number;
  supplier: number;
  arrivalS: number;
  /** Units per pallet, with the SKU of each. */
  pallets: { sku: number; units: number }[];
}

/** The arrival bay: doors and the yard queue. */
export interface Inbound {
  doors: Resource;
  /** Places an order for delivery no earlier than `dueS`. */
  order(supplier: number, lines: PurchaseLine[], dueS: number): void;
}

/** Starts the inbound processes; returns the ordering interface used by reorders. */
export function startInbound(world: World): Inbound {
  const { sim, scenario, site } = world;
  const doors = new Resource(sim, { capacity: site.inboundDocks.length });
  const freeDoors = [...site.inboundDocks];
  const yard = new TaskQueue<never>(sim, "yard", world.tracer);
  const unloadS = sampler(scenario.inbound.unloadSPerPallet as DistSpec);
  const checkS = sampler(scenario.inbound.checkSPerPallet as DistSpec);
  const handlingStream = sim.random("inbound.handling");
  const delayStream = sim.random("inbound.delay");
  let trailerId = 0;
  let yardLength = 0;

  /** A receiver unloads and checks a docked trailer's pallets at door `doorId`. */
  function* unload(worker: Worker, trailer: Trailer, doorId: string, done: Event) {
    traceTask(world, "unload", worker, "start");
    const equipment = yield* acquire(world, worker, "unload");
    const pool = world.equipmentFor.unload;
    yield* travel(world, worker, doorId, { loaded: false, pool });
    for (const p of trailer.pallets) {
      yield* handle(
        world,
        worker,
        Math.max(0, unloadS(handlingStream)) + Math.max(0, checkS(handlingStream)),
      );
      const pallet: Pallet = {
        id: world.nextId.pallet++,
        sku: p.sku,
        units: p.units,
        arrivedS: trailer.arrivalS,
        at: `dock:${doorId}`,
        supplier: trailer.supplier,
      };
      world.ledger.receive({
        timeS: sim.now,
        sku: world.skus[p.sku].id,
        to: pallet.at,
        quantity: p.units,
      });
      const sku = world.skus[p.sku];
      sku.onOrderUnits -= p.units;
      sku.dockUnits += p.units;
      world.stats.total.unitsReceived += p.units;
      world.stats.total.palletsReceived++;
      offerPallet(world, pallet);
    }
    release(world, worker, "unload", equipment);
    traceTask(world, "unload", worker, "end");
    done.succeed();
  }

  function* trailerProcess(trailer: Trailer) {
    yield Math.max(0, trailer.arrivalS - sim.now);
    world.stats.total.trailersIn++;
    if (sim.now >= world.warmupS) world.stats.inboundTrailers++;
    // The yard queue counts trailers that wait for a door (none when a door is free).
    const door = doors.request();
    const waits = !door.triggered;
    if (waits) {
      yardLength++;
      if (world.tracer.on)
        world.tracer.emit({ t: sim.now, kind: "queue", name: "yard", length: yardLength });
    }
    yield door;
    const dockedS = sim.now;
    if (dockedS >= world.warmupS) world.stats.yardWaitS.add(dockedS - trailer.arrivalS);
    if (waits) {
      yardLength--;
      if (world.tracer.on)
        world.tracer.emit({ t: sim.now, kind: "queue", name: "yard", length: yardLength });
    }
    const doorId = freeDoors.shift()!;
    yield scenario.inbound.dockingS;
    const done = sim.event();
    world.queues.receiver.push(
      { kind: "unload", run: (worker) => unload(worker, trailer, doorId, done) },
      receiveDueS(world),
    );
    yield done;
    freeDoors.push(doorId);
    doors.release(door);
    if (sim.now >= world.warmupS) {
      world.stats.trailerTurnaroundS.add(sim.now - trailer.arrivalS);
      world.stats.inboundDoorS.add(sim.now - dockedS);
    }
  }

  function schedule(trailer: Trailer) {
    sim.process(trailerProcess(trailer));
  }

  /** Pending deliveries of timetable suppliers, by slot time. */
  const slots = scenario.inbound.suppliers.map(
    () => new Map<number, { sku: number; units: number }[]>(),
  );

  function nextSlotS(supplier: number, dueS: number): number {
    const arrivals = scenario.inbound.suppliers[supplier].arrivals;
    if (arrivals.mode !== "timetable") return dueS;
    const mask = dayMask(arrivals.days);
    const clocks = arrivals.times.map(clockS).sort((a, b) => a - b);
    for (let day = Math.floor(dueS / DAY_S); ; day++) {
      if (!mask[day % 7]) continue;
      for (const c of clocks) if (day * DAY_S + c >= dueS) return day * DAY_S + c;
    }
  }

  function order(supplier: number, lines: PurchaseLine[], dueS: number): void {
    const spec = scenario.inbound.suppliers[supplier];
    world.stats.total.purchaseOrders++;
    const pallets: { sku: number; units: number }[] = [];
    for (const line of lines) {
      for (const units of line.pallets) {
        pallets.push({ sku: line.sku, units });
        world.skus[line.sku].onOrderUnits += units;
      }
    }
    const perTrailer = spec.maxPalletsPerTrailer;
    if (spec.arrivals.mode === "random") {
      const delay = sampler(spec.arrivals.delayS as DistSpec);
      for (let i = 0; i < pallets.length; i += perTrailer) {
        const arrivalS = dueS + Math.max(0, delay(delayStream));
        schedule({
          id: trailerId++,
          supplier,
          arrivalS,
          pallets: pallets.slice(i, i + perTrailer),
        });
      }
      return;
    }
    const slotS = nextSlotS(supplier, dueS);
    const pending = slots[supplier].get(slotS);
    if (pending) {
      pending.push(...pallets);
      return;
    }
    slots[supplier].set(slotS, pallets);
    // One process per slot: at the slot time, whatever is pending rides in full trailers.
    sim.process(
      (function* () {
        yield slotS - sim.now;
        const all = slots[supplier].get(slotS)!;
        slots[supplier].delete(slotS);
        for (let i = 0; i < all.length; i += perTrailer) {
          schedule({
            id: trailerId++,
            supplier,
            arrivalS: slotS,
            pallets: all.slice(i, i + perTrailer),
          });
        }
      })(),
    );
  }

  // Scheduled deliveries: known in advance, so their units count as on order from the start.
  for (const delivery of scenario.inbound.deliveries) {
    const supplier = Math.max(
      0,
      scenario.inbound.suppliers.findIndex((s) => s.name === delivery.supplier),
    );
    const pallets = delivery.pallets.map((p) => ({ sku: p.sku - 1, units: p.units }));
    for (const p of pallets) world.skus[p.sku].onOrderUnits += p.units;
    schedule({ id: trailerId++, supplier, arrivalS: delivery.timeS, pallets });
  }

  void yard;
  return { doors, order };
}

/** The inbound flow: trailers, doors, unloading and checking; takes purchase orders. */
export const inboundOperation: Operation = {
  name: "inbound",
  install(world) {
    world.listeners.purchaseOrdered.push(startInbound(world).order);
    return {};
  },
};
