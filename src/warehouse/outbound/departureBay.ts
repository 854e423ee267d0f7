/**
 * The departure bay's staging lanes: packed orders are built onto outbound pallets of their
 * carrier (up to `ordersPerTrip` orders and the carrier's trailer payload a pallet) in the
 * carrier's lane; each pallet takes a pallet place. A pallet is closed, ready for a trailer,
 * when full or at the carrier's cut-off. A packer whose order needs a new pallet in a full
 * lane waits, holding the order and the pack station (blocking after service), until a
 * loader takes a pallet away.
 */
import { Container, type ProcessGenerator, type Simulation } from "../../engine/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { meanOccupancy } from "../measure/occupancy.ts";
import type { Site } from "../storage/site.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, World } from "../world.ts";
import { dueDeparture } from "./departures.ts";

/** Pallet places at a door whose layout draws no staging lane: one trailer load of 26. */
export const DEFAULT_LANE_PALLETS = 26;

/** One staging lane: where loaders collect, and its pallet places. */
export interface Lane {
  /** Travel place the loaders walk to (the lane, or the door when the layout has none). */
  place: string;
  dock: string;
  places: Container;
  /** Packers waiting for a place now. */
  blocked: number;
}

/** A pallet of one carrier's orders in a lane (or a cross-docked pallet at a door). */
export interface OutboundPallet {
  /** Lane index (-1: a cross-docked pallet, which takes no lane place). */
  lane: number;
  /** Where a loader collects it: the lane's place, or the door it was cross-docked to. */
  at: string;
  carrier: number;
  orders: Order[];
  /** Gross weight: the pallet's tare and its goods, kg. */
  kg: number;
  /** The departure it is due on (first cut-off at or after it was closed), s; NaN while open. */
  dueS: number;
  /** Books goods that are not orders (a cross-docked pallet) when its trailer leaves. */
  shipped?: () => void;
}

/** The staging lanes, the pallets in them, and the packers' blocked time. */
export interface DepartureBay {
  lanes: Lane[];
  /** Each carrier's lane index. */
  laneOf: number[];
  /** Each carrier's pallet being built, if any. */
  open: (OutboundPallet | undefined)[];
  /** Closed pallets still in their lane, per carrier, oldest first. */
  ready: OutboundPallet[][];
  /** Seconds packers waited for a pallet place (orders packed after the warm-up), and count. */
  blockedS: number;
  ordersStaged: number;
  /** Each SKU's unit weight by SKU index, kg (read per order line while packing). */
  unitKg: Float64Array;
}

/** Weight of an empty wooden pallet, kg (a EUR pallet weighs about 25 kg). */
export const PALLET_TARE_KG = 25;

/** What the departure bay is built from. */
interface BayParts {
  sim: Simulation;
  scenario: Scenario;
  site: Site;
  warmupS: number;
  /** Each SKU's unit weight by SKU index, kg (none: orders without lines only). */
  unitKg?: Float64Array;
}

/**
 * Builds the departure bay: carrier c uses the outbound door `c mod doors` and that door's
 * lane `floor(c / doors) mod lanes`. Lane capacity: `outbound.staging.lanePallets`, else the
 * layout's lane capacity, else DEFAULT_LANE_PALLETS at a door without lanes.
 */
export function createDepartureBay(parts: BayParts): DepartureBay {
  const { sim, scenario, site, warmupS } = parts;
  const carriers = scenario.outbound.carriers;
  const override = scenario.outbound.staging.lanePallets;
  const lanes: Lane[] = [];
  const laneOf = carriers.map((_, c) => {
    const dock = site.outboundDocks[c % site.outboundDocks.length];
    const drawn = site.layout.stagingLanes.filter((l) => l.kind === "outbound" && l.dock === dock);
    const k = Math.floor(c / site.outboundDocks.length);
    const drawnLane = drawn.length > 0 ? drawn[k % drawn.length] : undefined;
    const place = drawnLane?.id ?? dock;
    const found = lanes.findIndex((l) => l.place === place);
    if (found >= 0) return found;
    const capacity = override ?? drawnLane?.capacityUnitLoads ?? DEFAULT_LANE_PALLETS;
    const places = new Container(sim, { capacity: Math.max(1, capacity) });
    lanes.push({ place, dock, places, blocked: 0 });
    return lanes.length - 1;
  });
  if (warmupS > 0) sim.process(resetLanes(warmupS, lanes));
  return {
    laneOf,
    open: carriers.map(() => undefined),
    lanes,
    ready: carriers.map(() => []),
    blockedS: 0,
    ordersStaged: 0,
    unitKg: parts.unitKg ?? new Float64Array(0),
  };
}

function* resetLanes(warmupS: number, lanes: readonly Lane[]) {
  yield warmupS;
  for (const lane of lanes) lane.places.reset();
}

/** Goods weight of an order, kg. */
function orderKg(world: World, order: Order): number {
  const unitKg = world.bay.unitKg;
  const lines = order.lines;
  let kg = 0;
  for (let k = 0; k < lines.length; k++) kg += lines[k].qty * unitKg[lines[k].sku];
  return kg;
}

/**
 * Puts `order` on its carrier's open pallet when that has room (no wait, no generator);
 * false when the order needs a new pallet (then `stageOrder`).
 */
export function stageOnOpenPallet(world: World, order: Order): boolean {
  const kg = orderKg(world, order);
  if (!fits(world, order.carrier, kg)) return false;
  addToPallet(world, order, kg);
  return true;
}

/**
 * Puts `order` on its carrier's open pallet when it has room (orders and the trailer's
 * payload); else closes that pallet and starts a new one, which needs a place in the lane.
 */
export function* stageOrder(world: World, worker: Worker, order: Order): ProcessGenerator<void> {
  const { sim, bay } = world;
  const c = order.carrier;
  const kg = orderKg(world, order);
  const lane = bay.lanes[bay.laneOf[c]];
  if (!fits(world, c, kg)) closeOutboundPallet(world, c);
  if (!bay.open[c]) {
    const request = lane.places.put(1);
    const fromS = sim.now;
    if (!request.triggered) {
      worker.setState("waiting", sim.now, "staging");
      traceBlocked(world, lane, ++lane.blocked);
      yield request;
      traceBlocked(world, lane, --lane.blocked);
    } else yield request;
    if (order.createdS >= world.warmupS) bay.blockedS += sim.now - fromS;
    // Another packer may have opened a pallet while this one waited: join it if the order
    // fits (the place goes back), else close it.
    if (fits(world, c, kg)) lane.places.get(1);
    else closeOutboundPallet(world, c);
    traceLane(world, lane);
  }
  addToPallet(world, order, kg);
}

/** Adds `order` (of `kg`) to its carrier's open pallet, starting one if none is open. */
function addToPallet(world: World, order: Order, kg: number): void {
  const { bay } = world;
  const c = order.carrier;
  const spec = world.scenario.outbound.carriers[c];
  let pallet = bay.open[c];
  if (!pallet) {
    pallet = {
      lane: bay.laneOf[c],
      at: bay.lanes[bay.laneOf[c]].place,
      carrier: c,
      orders: [],
      kg: PALLET_TARE_KG,
      dueS: Number.NaN,
    };
    bay.open[c] = pallet;
  }
  pallet.orders.push(order);
  pallet.kg += kg;
  if (order.createdS >= world.warmupS) bay.ordersStaged++;
  if (pallet.orders.length >= spec.ordersPerTrip) closeOutboundPallet(world, c);
}

/** True when carrier `c` has an open pallet with room for an order of `kg`. */
function fits(world: World, c: number, kg: number): boolean {
  const pallet = world.bay.open[c];
  const spec = world.scenario.outbound.carriers[c];
  return pallet !== undefined && pallet.kg + kg <= spec.trailerKg;
}

/** Closes carrier `c`'s open pallet: it joins the ready pallets, due on the next departure. */
export function closeOutboundPallet(world: World, c: number): void {
  const { bay } = world;
  const pallet = bay.open[c];
  if (!pallet) return;
  bay.open[c] = undefined;
  pallet.dueS = dueDeparture(world.departures[c], world.sim.now);
  bay.ready[c].push(pallet);
  announcePallet(world, pallet);
}

/** Tells the listeners (shipping) that `pallet` is ready for a trailer. */
export function announcePallet(world: World, pallet: OutboundPallet): void {
  for (const listener of world.listeners.outboundPalletReady) listener(pallet);
}

/** A loader takes `pallet` (the oldest ready pallet of carrier `c` when absent): its place frees. */
export function takeOutboundPallet(
  world: World,
  c: number,
  pallet: OutboundPallet | undefined = world.bay.ready[c][0],
): OutboundPallet | undefined {
  const { bay } = world;
  if (!pallet) return undefined;
  const ready = bay.ready[c];
  const i = ready.indexOf(pallet);
  if (i >= 0) ready.splice(i, 1);
  if (pallet.lane < 0) return pallet;
  const lane = bay.lanes[pallet.lane];
  lane.places.get(1);
  traceLane(world, lane);
  return pallet;
}

/**
 * The departure bay's KPIs: `waitStagingS`, the mean seconds a packed order's packer waited
 * for a pallet place; `stagingOccupancy`, the mean share of the lanes' pallet places in use
 * (time-weighted from the warm-up to the lanes' last change).
 */
export function departureBayKpis(bay: DepartureBay): Record<string, number> {
  return {
    waitStagingS: bay.ordersStaged > 0 ? bay.blockedS / bay.ordersStaged : 0,
    stagingOccupancy: meanOccupancy(bay.lanes.map((lane) => lane.places)),
  };
}

/**
 * The pallets in a lane now, as the trace queue `staging:<lane>` (the viewer shows it at the
 * lane, or at the door when the layout draws no lane).
 */
function traceLane(world: World, lane: Lane): void {
  if (!world.tracer.on) return;
  world.tracer.emit({
    t: world.sim.now,
    kind: "queue",
    name: `staging:${lane.place}`,
    length: lane.places.level,
  });
}

/** Packers waiting for a place in a full lane, as the trace queue `stagingBlocked:<lane>`. */
function traceBlocked(world: World, lane: Lane, packers: number): void {
  if (!world.tracer.on) return;
  world.tracer.emit({
    t: world.sim.now,
    kind: "queue",
    name: `stagingBlocked:${lane.place}`,
    length: packers,
  });
}
