/**
 * The departure bay's staging lanes: packed orders are built onto outbound pallets of their
 * carrier (up to `ordersPerTrip` orders a pallet) in the carrier's lane; each pallet takes a
 * pallet place. A packer whose order needs a new pallet in a full lane waits, holding the
 * order and the pack station (blocking after service), until a loader takes a pallet away.
 */
import { Container, type ProcessGenerator } from "../../engine/index.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, World } from "../world.ts";

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

/** A pallet of one carrier's orders in a lane. */
export interface OutboundPallet {
  lane: number;
  carrier: number;
  orders: Order[];
}

/** The staging lanes, the pallets in them, and the packers' blocked time. */
export interface DepartureBay {
  lanes: Lane[];
  /** Pallets waiting for a loader, per carrier, oldest first. */
  ready: OutboundPallet[][];
  /** Seconds packers waited for a pallet place (orders packed after the warm-up), and count. */
  blockedS: number;
  ordersStaged: number;
  /** Called when a new pallet is ready for a loader (set by shipping). */
  onPallet(pallet: OutboundPallet): void;
  /** Places a packed order in its carrier's lane, waiting for a place if the lane is full. */
  stage(worker: Worker, order: Order): ProcessGenerator<void>;
  /** A loader takes the oldest pallet of carrier `c`: its place frees. */
  take(c: number): OutboundPallet | undefined;
}

/**
 * Builds the departure bay: carrier c uses the outbound door `c mod doors` and that door's
 * lane `floor(c / doors) mod lanes`. Lane capacity: `outbound.staging.lanePallets`, else the
 * layout's lane capacity, else DEFAULT_LANE_PALLETS at a door without lanes.
 */
export function createDepartureBay(world: World): DepartureBay {
  const { sim, site, scenario } = world;
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
  if (world.warmupS > 0) {
    sim.process(
      (function* () {
        yield world.warmupS;
        for (const lane of lanes) lane.places.reset();
      })(),
    );
  }
  const open: (OutboundPallet | undefined)[] = carriers.map(() => undefined);
  const bay: DepartureBay = {
    lanes,
    ready: carriers.map(() => []),
    blockedS: 0,
    ordersStaged: 0,
    onPallet: () => {},
    *stage(worker, order) {
      const c = order.carrier;
      const pallet = open[c];
      if (pallet && pallet.orders.length < carriers[c].ordersPerTrip) {
        pallet.orders.push(order);
      } else {
        const lane = laneOf[c];
        const request = lanes[lane].places.put(1);
        const fromS = sim.now;
        if (!request.triggered) {
          worker.setState("waiting", sim.now, "staging");
          traceBlocked(world, lanes[lane], ++lanes[lane].blocked);
          yield request;
          traceBlocked(world, lanes[lane], --lanes[lane].blocked);
        } else yield request;
        if (order.createdS >= world.warmupS) bay.blockedS += sim.now - fromS;
        traceLane(world, lanes[lane]);
        const fresh: OutboundPallet = { lane, carrier: c, orders: [order] };
        open[c] = fresh;
        bay.ready[c].push(fresh);
        bay.onPallet(fresh);
      }
      if (order.createdS >= world.warmupS) bay.ordersStaged++;
    },
    take(c) {
      const pallet = bay.ready[c].shift();
      if (!pallet) return undefined;
      if (open[c] === pallet) open[c] = undefined;
      const lane = lanes[pallet.lane];
      lane.places.get(1);
      traceLane(world, lane);
      return pallet;
    },
  };
  return bay;
}

/**
 * The departure bay's KPIs: `waitStagingS`, the mean seconds a packed order's packer waited
 * for a pallet place; `stagingOccupancy`, the mean share of the lanes' pallet places in use
 * (time-weighted from the warm-up to the lanes' last change).
 */
export function departureBayKpis(bay: DepartureBay): Record<string, number> {
  let used = 0;
  let places = 0;
  for (const lane of bay.lanes) {
    used += lane.places.meanLevel();
    places += lane.places.capacity;
  }
  return {
    waitStagingS: bay.ordersStaged > 0 ? bay.blockedS / bay.ordersStaged : 0,
    stagingOccupancy: places > 0 ? used / places : 0,
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
