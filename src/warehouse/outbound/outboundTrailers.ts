/**
 * Trailers at the outbound doors. Each carrier has one open trailer at a time: when a closed
 * pallet of the carrier waits, a trailer takes a free outbound door (a resource of the
 * layout's outbound doors; it waits in the yard while all are taken), docks
 * (`outbound.doors.dockS`) and takes the waiting pallets, oldest first, while they fit its
 * pallet places and payload (`trailerPallets`, `trailerKg`). Its departure is the one its
 * first pallet is due on. It closes when full (and leaves as soon as it is loaded), when a
 * pallet due on a later departure comes after its cut-off, or at its departure time; a
 * closed trailer that is not full leaves at its departure time once every pallet given to it
 * is loaded. Then it undocks (`undockS`) and frees the door. What does not fit waits for
 * the carrier's next trailer, which takes a door as soon as the current one has closed.
 */
import { type Event, type Request, Resource } from "../../engine/index.ts";
import { traceLoad } from "../measure/traceLoad.ts";
import type { World } from "../world.ts";
import type { OutboundPallet } from "./departureBay.ts";

/** One outbound trailer at a door. */
export interface OutboundTrailer {
  id: number;
  carrier: number;
  door: string;
  dockedS: number;
  /** Pallets given to it (loaded or on their way), their weight with tare, kg. */
  pallets: OutboundPallet[];
  kg: number;
  /** Pallets on their way (a loader carries them). */
  inFlight: number;
  /** The departure it leaves at (its first pallet's), s. */
  departureS: number;
  /**
   * Takes no more pallets: full, past its cut-off with a later pallet waiting, or at its
   * departure time. The carrier's next trailer may then take a door.
   */
  closed: boolean;
  /** Closed for lack of pallet places or payload: it leaves as soon as it is loaded. */
  full: boolean;
  wake: Event | undefined;
}

/** Each carrier's pallets waiting for a trailer and the trailer at a door now. */
interface CarrierDock {
  waiting: OutboundPallet[];
  trailer: OutboundTrailer | undefined;
  /** The carrier's next trailer waits for a pallet. */
  wake: Event | undefined;
}

/** Outbound trailer statistics after the warm-up (by departure). */
export interface TrailerStats {
  trailers: number;
  /** Sum over trailers of the share of pallet places used. */
  fillSum: number;
  /** Sum of door times (granted → freed), s, of trailers freed after the warm-up. */
  doorS: number;
  doorTrailers: number;
}

/** The outbound doors and the carriers' trailers in one replication. */
export interface OutboundDocks {
  world: World;
  doors: Resource;
  freeDoors: string[];
  carriers: CarrierDock[];
  nextId: number;
  /** Trailers waiting for a free door now. */
  yardLength: number;
  stats: TrailerStats;
  /** Gives a pallet to a trailer: a loader is to carry it (set by shipping). */
  load(pallet: OutboundPallet, trailer: OutboundTrailer): void;
  /** A trailer leaves with its pallets (set by shipping). */
  depart(trailer: OutboundTrailer): void;
}

/** Builds the outbound doors and starts one trailer line per carrier. */
export function startOutboundDocks(
  world: World,
  on: Pick<OutboundDocks, "load" | "depart">,
): OutboundDocks {
  const { sim, site, scenario } = world;
  const docks: OutboundDocks = {
    world,
    doors: new Resource(sim, { capacity: site.outboundDocks.length }),
    freeDoors: [...site.outboundDocks],
    carriers: scenario.outbound.carriers.map(() => ({
      waiting: [],
      trailer: undefined,
      wake: undefined,
    })),
    nextId: 1,
    yardLength: 0,
    stats: { trailers: 0, fillSum: 0, doorS: 0, doorTrailers: 0 },
    ...on,
  };
  for (let c = 0; c < docks.carriers.length; c++) sim.process(trailerLine(docks, c));
  return docks;
}

/** A closed pallet waits for its carrier's trailer (the one at a door now, if it fits). */
export function palletReady(docks: OutboundDocks, pallet: OutboundPallet): void {
  const dock = docks.carriers[pallet.carrier];
  dock.waiting.push(pallet);
  if (dock.trailer) fill(docks, dock.trailer);
  else wake(dock);
}

/** A loader put a pallet given to `trailer` into it (traced as a `load` record). */
export function palletLoaded(world: World, trailer: OutboundTrailer): void {
  trailer.inFlight--;
  if (world.tracer.on) {
    const palletPlaces = world.scenario.outbound.carriers[trailer.carrier].trailerPallets;
    const pallets = trailer.pallets.length - trailer.inFlight;
    traceLoad(world, { trailer: `out-${trailer.id}`, door: trailer.door, pallets, palletPlaces });
  }
  if (trailer.inFlight === 0) wake(trailer);
}

function wake(holder: { wake: Event | undefined }): void {
  const event = holder.wake;
  if (!event) return;
  holder.wake = undefined;
  event.succeed();
}

/** Gives waiting pallets to the trailer while they fit; a pallet that does not fit closes it. */
function fill(docks: OutboundDocks, trailer: OutboundTrailer): void {
  if (trailer.closed) return;
  const spec = docks.world.scenario.outbound.carriers[trailer.carrier];
  const waiting = docks.carriers[trailer.carrier].waiting;
  // After its cut-off the trailer takes only pallets due on its departure: a later one
  // closes it and goes to the next trailer, so it never holds this departure back.
  const cutoffS = spec.cutoffMin * 60;
  while (waiting.length > 0) {
    const pallet = waiting[0];
    const empty = trailer.pallets.length === 0;
    const late = docks.world.sim.now >= trailer.departureS - cutoffS;
    if (!empty && late && pallet.dueS > trailer.departureS) {
      trailer.closed = true;
      break;
    }
    // An order heavier than the whole payload rides alone on an empty trailer.
    if (!empty && trailer.kg + pallet.kg > spec.trailerKg) {
      trailer.closed = true;
      trailer.full = true;
      break;
    }
    waiting.shift();
    if (empty) trailer.departureS = pallet.dueS;
    trailer.pallets.push(pallet);
    trailer.kg += pallet.kg;
    trailer.inFlight++;
    docks.load(pallet, trailer);
    if (trailer.pallets.length >= spec.trailerPallets) {
      trailer.closed = true;
      trailer.full = true;
      break;
    }
  }
  if (trailer.closed) wake(trailer);
}

/**
 * Carrier `c`'s trailers: the next one takes a door as soon as a pallet waits and the
 * carrier has no open trailer (a full one may still be loading at its door).
 */
function* trailerLine(docks: OutboundDocks, c: number) {
  const { world } = docks;
  const { sim } = world;
  const dock = docks.carriers[c];
  for (;;) {
    while (dock.waiting.length === 0) {
      dock.wake = sim.event();
      yield dock.wake;
    }
    const request = docks.doors.request();
    const waits = !request.triggered;
    if (waits) traceYard(docks, 1);
    yield request;
    if (waits) traceYard(docks, -1);
    const grantedS = sim.now;
    const trailer = newTrailer(docks, c, docks.freeDoors.shift()!);
    traceTrailer(world, trailer, "docking");
    yield world.scenario.outbound.doors.dockS;
    trailer.dockedS = sim.now;
    dock.trailer = trailer;
    traceTrailer(world, trailer, "docked");
    fill(docks, trailer);
    if (Number.isFinite(trailer.departureS)) sim.process(departureTime(trailer));
    while (!trailer.closed) {
      trailer.wake = sim.event();
      yield trailer.wake;
    }
    dock.trailer = undefined;
    sim.process(leave(docks, trailer, request, grantedS));
  }
}

/** A closed trailer leaves once the pallets given to it are loaded, undocks and frees its door. */
function* leave(
  docks: OutboundDocks,
  trailer: OutboundTrailer,
  request: Request,
  grantedS: number,
) {
  const { sim } = docks.world;
  while (trailer.inFlight > 0) {
    trailer.wake = sim.event();
    yield trailer.wake;
  }
  if (!trailer.full && trailer.departureS > sim.now) yield trailer.departureS - sim.now;
  docks.depart(trailer);
  traceTrailer(docks.world, trailer, "departed");
  yield docks.world.scenario.outbound.doors.undockS;
  release(docks, request, trailer.door, grantedS);
}

function newTrailer(docks: OutboundDocks, c: number, door: string): OutboundTrailer {
  return {
    id: docks.nextId++,
    carrier: c,
    door,
    dockedS: Number.NaN,
    pallets: [],
    kg: 0,
    inFlight: 0,
    departureS: Number.POSITIVE_INFINITY,
    closed: false,
    full: false,
    wake: undefined,
  };
}

/** At the trailer's departure time it takes no more pallets (it leaves once loaded). */
function* departureTime(trailer: OutboundTrailer) {
  yield Math.max(0, trailer.departureS - trailer.dockedS);
  trailer.closed = true;
  wake(trailer);
}

/** The trailer has pulled away: the door frees. */
function release(docks: OutboundDocks, request: Request, door: string, grantedS: number): void {
  const { world } = docks;
  docks.freeDoors.push(door);
  docks.doors.release(request);
  if (world.sim.now >= world.warmupS) {
    docks.stats.doorS += world.sim.now - grantedS;
    docks.stats.doorTrailers++;
  }
  if (world.tracer.on)
    world.tracer.emit({ t: world.sim.now, kind: "door", door, flow: "outbound", trailer: null });
}

/** Trailers waiting for an outbound door, as the trace queue `outboundYard`. */
function traceYard(docks: OutboundDocks, delta: number): void {
  docks.yardLength += delta;
  const { tracer, sim } = docks.world;
  if (tracer.on)
    tracer.emit({ t: sim.now, kind: "queue", name: "outboundYard", length: docks.yardLength });
}

/** Trailer records: `trailer` (docking, docked, departed) and `door` (which trailer holds it). */
function traceTrailer(world: World, trailer: OutboundTrailer, event: string): void {
  if (!world.tracer.on) return;
  const { sim, tracer, scenario } = world;
  const id = `out-${trailer.id}`;
  if (event === "docking")
    tracer.emit({ t: sim.now, kind: "door", door: trailer.door, flow: "outbound", trailer: id });
  const spec = scenario.outbound.carriers[trailer.carrier];
  tracer.emit({
    t: sim.now,
    kind: "trailer",
    id,
    flow: "outbound",
    carrier: spec.name,
    door: trailer.door,
    event,
    pallets: trailer.pallets.length,
    orders: trailer.pallets.reduce((n, p) => n + p.orders.length, 0),
    palletPlaces: spec.trailerPallets,
    kg: trailer.kg,
    payloadKg: spec.trailerKg,
  });
}

/**
 * KPIs: `outboundTrailers` (trailers departed after the warm-up), `trailerFillShare` (mean
 * share of their pallet places used), `outboundDoorTimeS` (mean door time per trailer:
 * docking, loading, undocking).
 */
export function trailerKpis(stats: TrailerStats): Record<string, number> {
  return {
    outboundTrailers: stats.trailers,
    trailerFillShare: stats.trailers > 0 ? stats.fillSum / stats.trailers : 0,
    outboundDoorTimeS: stats.doorTrailers > 0 ? stats.doorS / stats.doorTrailers : 0,
  };
}
