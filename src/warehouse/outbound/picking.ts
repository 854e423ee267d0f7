/**
 * Picking: released orders become pick jobs — one order per tour (single), several orders
 * per tour sorted at packing (batch), or one part per pick zone consolidated at packing
 * (zone). A picker takes a cart, plans the tour with the routing policy, walks it stop by
 * stop, waits to enter a narrow aisle another worker holds or slows in a shared wide one
 * (congestion, aisleTraffic.ts), and picks each
 * line (time per line, and per case and unit by the time standards).
 */
import { type Motion, moveTimeS, type PlaceRef } from "../../layout/index.ts";
import type { Operation } from "../operation.ts";
import { plainPick } from "../storage/pickFace.ts";
import {
  acquire,
  aisleOf,
  aislePositionM,
  lift,
  motionOf,
  release,
  traceTask,
} from "../workforce/activities.ts";
import {
  awaitAisle,
  bookCongestion,
  clearWayAhead,
  enterAisleNow,
  leaveAisle,
  passingDelayS,
} from "../workforce/aisleTraffic.ts";
import { BoundTask } from "../workforce/boundTask.ts";
import { releaseCrossAisles, takeCrossAisles } from "../workforce/crossAisleTraffic.ts";
import { waitForPlace } from "../workforce/placeTraffic.ts";
import { locationStandardS } from "../workforce/timeStandards.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, OrderLine, SkuState, StopLine, World } from "../world.ts";
import { planPickTour } from "./tour.ts";

/** The lines of one order a pick job covers (all of them, or one zone's), and its queue. */
interface PickPart {
  order: Order;
  lines: OrderLine[];
  /** Index of the pick-zone queue (zone picking), else 0. */
  queue: number;
}

/** Installs picking; returns the function that hands a released order to the pickers. */
export function installPicking(world: World): (order: Order) => void {
  const { scenario, site } = world;
  const picking = scenario.outbound.picking;
  const method = picking.method;
  const perTour = method === "single" ? 1 : picking.batchSize;

  /** One pick task: its part, plus more parts of its queue up to the batch size. */
  function* pick(worker: Worker, part: PickPart) {
    const parts = [part];
    const queue = method === "zone" ? world.pickZoneQueues[part.queue] : world.queues.picker;
    while (parts.length < perTour) {
      const more = queue.take() as BoundTask<PickPart> | undefined;
      if (!more) break;
      parts.push(more.arg);
    }
    yield* runTour(world, worker, parts);
  }

  return (order: Order) => {
    if (method !== "zone") {
      order.partsLeft = 1;
      const part = { order, lines: order.lines, queue: 0 };
      world.queues.picker.push(new BoundTask("pick", pick, part), order.dueS);
      return;
    }
    const byZone = new Map<number, { sku: number; qty: number }[]>();
    for (const line of order.lines) {
      const zone = site.faceZone[line.sku];
      const list = byZone.get(zone);
      if (list) list.push(line);
      else byZone.set(zone, [line]);
    }
    order.partsLeft = byZone.size;
    for (const [zone, lines] of byZone) {
      const part = { order, lines, queue: zone };
      world.pickZoneQueues[zone].push(new BoundTask("pick", pick, part), order.dueS);
    }
  };
}

/**
 * The times one tour books on its orders, seconds. Kept in an object rather than in the
 * generator's locals: a double live across a `yield` is boxed anew at every suspension,
 * a field is updated in place.
 */
class TourTimes {
  travelS = 0;
  congestionS = 0;
  pickS = 0;
  shortS = 0;
}

/** Walks one pick tour for `parts` and books its times on each order. */
function* runTour(world: World, worker: Worker, parts: PickPart[]) {
  const { sim, site } = world;
  const equipment = yield* acquire(world, worker, "pick");
  const pool = world.equipmentFor.pick;
  startTour(world, worker, parts);
  const times = new TourTimes();
  const motion = motionOf(world, worker, pool);

  yield* setUpAtDepot(world, worker, motion, times);
  const { pickFaceBlocking: faceBlocking, crossAisleCapacity } = world.scenario.equipment.traffic;
  const crossAisles = crossAisleCapacity !== undefined;

  const plan = planStops(world, parts, motion);
  const { stops, stopLines, sequence, legs, backS } = plan;
  let prev: string = site.depot;
  let lineCount = 0;
  for (let k = 0; k < sequence.length; k++) {
    const i = sequence[k];
    const to = stops[i];
    const lines = stopLines[i];
    const face = site.faces[lines[0].sku];
    if (face.aisle !== worker.aisle?.id) leaveAisle(worker);
    if (world.aisles.get(face.aisle)?.follow)
      times.congestionS += yield* clearWayAhead(
        world,
        worker,
        face.aisle,
        aislePositionM(world, to),
      );
    const legS = legs[k];
    if (legS > 0) {
      const held = crossAisles ? yield* takeCrossAisles(world, worker, prev, to) : undefined;
      const slowS = passingDelayS(world, worker, face.aisle, legS);
      bookCongestion(world, worker, face.aisle, slowS, false);
      startLeg(world, worker, prev, to, legS + slowS);
      yield legS + slowS;
      if (held) releaseCrossAisles(world, held);
      times.travelS += legS;
      times.congestionS += slowS;
    }
    worker.pos = to;
    prev = to;
    // NOTE: the check stays here so that a stop makes no generator in the common case.
    if (face.aisle !== worker.aisle?.id) {
      const waitFor = enterAisleNow(world, worker, face.aisle);
      if (waitFor) times.congestionS += yield* awaitAisle(world, worker, waitFor);
    }
    const place = site.facePlace[lines[0].sku];
    if (faceBlocking && !world.places.tryTake(place, 1))
      times.congestionS += yield* waitForPlace(world, worker, place, 1, face.aisle, "pickFace");
    if (face.heightM > 0 && motion.lowerMps > 0) yield* lift(world, worker, pool, to, false);
    // Every line at a stop is of the face's one SKU: one pick transaction per stop.
    const sku = world.skus[lines[0].sku];
    const handleS = stopHandleS(world, sku, lines) * worker.handlingFactor;
    if (handleS > 0) {
      // Booked as handling; the trace shows the picker picking at the location.
      worker.setState("handling", sim.now, "other", "picking");
      yield handleS;
      times.pickS += handleS;
    }
    if (world.pickFace === undefined) plainPick(world, sku, lines);
    else times.shortS += yield* world.pickFace(worker, sku, lines);
    lineCount += lines.length;
    afterStop(world, worker, sku, lines);
    if (faceBlocking) world.places.release(place);
  }
  leaveAisle(worker);
  if (backS > 0) yield* walkBack(world, worker, prev, backS, times);
  worker.pos = site.depot;
  release(world, worker, "pick", equipment);
  traceTask(world, "pick", worker, "end", parts[0].order.id);
  bookTour(world, parts, times, lineCount, plan.distanceM);
}

/**
 * Goes back to the depot first if the worker is elsewhere, then sets the tour up there,
 * waiting for room at the P&D point when it has a capacity.
 */
function* setUpAtDepot(world: World, worker: Worker, motion: Motion, times: TourTimes) {
  const { sim, site } = world;
  if (worker.pos !== site.depot) {
    const d = site.travel.distanceM(worker.pos, site.depot);
    const legS = moveTimeS(motion, d, false, aisleOf(world, worker.pos), "");
    startLeg(world, worker, worker.pos, site.depot, legS);
    yield legS;
    times.travelS += legS;
    worker.pos = site.depot;
  }
  const setupS = world.scenario.outbound.picking.setupS * worker.handlingFactor;
  if (setupS <= 0) return;
  const capacity = world.scenario.equipment.traffic.pdPointCapacity;
  if (capacity !== undefined && !world.places.tryTake(site.depot, capacity)) {
    const depot = site.depot;
    times.congestionS += yield* waitForPlace(world, worker, depot, capacity, depot, "pdPoint");
  }
  worker.setState("handling", sim.now);
  yield setupS;
  times.pickS += setupS;
  if (capacity !== undefined) world.places.release(site.depot);
}

/** The tour's last leg, from the last stop `from` back to the depot. */
function* walkBack(world: World, worker: Worker, from: string, backS: number, times: TourTimes) {
  const depot = world.site.depot;
  const held =
    world.scenario.equipment.traffic.crossAisleCapacity === undefined
      ? undefined
      : yield* takeCrossAisles(world, worker, from, depot);
  startLeg(world, worker, from, depot, backS);
  yield backS;
  if (held) releaseCrossAisles(world, held);
  times.travelS += backS;
}

/** Marks the tour's orders as started (first tour only) and traces the task's start. */
function startTour(world: World, worker: Worker, parts: PickPart[]): void {
  const startS = world.sim.now;
  // Indexed loops throughout: hot code without iterator objects.
  for (let k = 0; k < parts.length; k++) {
    if (Number.isNaN(parts[k].order.pickStartS)) parts[k].order.pickStartS = startS;
  }
  traceTask(world, "pick", worker, "start", parts[0].order.id);
}

/** Books a tour leg's travelling and traces its move from `from` to `to`. */
function startLeg(world: World, worker: Worker, from: PlaceRef, to: PlaceRef, legS: number): void {
  const { sim, tracer } = world;
  worker.setState("travelLoaded", sim.now);
  if (tracer.on)
    tracer.emit({
      t: sim.now,
      kind: "move",
      id: worker.id,
      path: world.site.travel.path(from, to),
      untilT: sim.now + legS,
    });
}

/**
 * Handling time at a stop, s: per line, then per unit (`timePerUnitS`) or, by the time
 * standards of the face's location type, per full case of a line and per other unit.
 */
function stopHandleS(world: World, sku: SkuState, lines: readonly StopLine[]): number {
  const picking = world.scenario.outbound.picking;
  const lineS = lines.length * picking.timePerLineS;
  const perUnitS = picking.timePerUnitS;
  if (perUnitS !== undefined) {
    let units = 0;
    for (let j = 0; j < lines.length; j++) units += lines[j].qty;
    return lineS + units * perUnitS;
  }
  const perCase = sku.info.unitsPerCase;
  let cases = 0;
  let loose = 0;
  for (let j = 0; j < lines.length; j++) {
    const full = Math.floor(lines[j].qty / perCase);
    cases += full;
    loose += lines[j].qty - full * perCase;
  }
  const type = world.site.faces[sku.info.rank].type;
  return (
    lineS +
    locationStandardS(world, "casePick", type, cases) +
    locationStandardS(world, "unitPick", type, loose)
  );
}

/** After the picks at a stop: trace the picks and the face's stock, tell the listeners. */
function afterStop(world: World, worker: Worker, sku: SkuState, lines: readonly StopLine[]): void {
  const { sim, tracer } = world;
  if (tracer.on) {
    for (const line of lines) {
      tracer.emit({
        t: sim.now,
        kind: "pick",
        location: sku.face,
        sku: sku.id,
        qty: line.qty,
        worker: worker.id,
      });
    }
    tracer.emit({
      t: sim.now,
      kind: "stock",
      location: sku.face,
      sku: sku.id,
      onHand: world.ledger.onHand({ locationId: sku.face }, "physical"),
    });
  }
  const drawn = world.listeners.faceDrawn;
  for (let j = 0; j < drawn.length; j++) drawn[j](sku);
}

/** A tour's stops (one per face, with the lines picked there), their order and the legs. */
interface TourPlan {
  stops: string[];
  stopLines: StopLine[][];
  /** Stop indices in visiting order. */
  sequence: number[];
  /** Time of each leg in visiting order, s, and of the walk back to the depot. */
  legs: number[];
  backS: number;
  distanceM: number;
}

/**
 * Plans the tour for `parts` moved with `motion`: the stops, their order under the routing
 * policy, and the leg times (each leg from standstill to standstill, with the turns into
 * and out of aisles). A plain function, so that the tour's generator keeps
 * few locals (its frame is saved at every yield).
 */
function planStops(world: World, parts: PickPart[], motion: Motion): TourPlan {
  const { site, skus } = world;
  const picking = world.scenario.outbound.picking;
  // Stops: one per face (one face per SKU), with the lines picked there. The scratch index
  // is reset before the first yield, so tours planned at the same time never share it.
  // The arrays are sized once (at most one stop per line) and cut to the stops found.
  const stopOf = world.stopOfSku;
  let lineTotal = 0;
  for (let k = 0; k < parts.length; k++) lineTotal += parts[k].lines.length;
  const stops = new Array<string>(lineTotal);
  const stopSkus = new Array<number>(lineTotal);
  const stopPlaces = new Array<number>(lineTotal);
  const stopLines = new Array<StopLine[]>(lineTotal);
  let stopCount = 0;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    for (let j = 0; j < part.lines.length; j++) {
      const line = part.lines[j];
      const stopLine: StopLine = { part, sku: line.sku, qty: line.qty, line };
      const i = stopOf[line.sku];
      if (i >= 0) {
        stopLines[i].push(stopLine);
        continue;
      }
      stopOf[line.sku] = stopCount;
      stops[stopCount] = skus[line.sku].face;
      stopSkus[stopCount] = line.sku;
      stopPlaces[stopCount] = site.facePlace[line.sku];
      stopLines[stopCount] = [stopLine];
      stopCount++;
    }
  }
  stops.length = stopCount;
  stopSkus.length = stopCount;
  stopPlaces.length = stopCount;
  stopLines.length = stopCount;
  for (let k = 0; k < stopCount; k++) stopOf[stopSkus[k]] = -1;
  const tour = planPickTour(site.travel, {
    start: site.depot,
    end: site.depot,
    stops,
    stopPlaces,
    policy: picking.routing,
  });
  const sequence = tour.sequence;
  const legs = legTimes(world, stopSkus, sequence, tour.distanceM, motion);
  const backS = legs[sequence.length];
  return { stops, stopLines, sequence, legs, backS, distanceM: tour.distanceM };
}

/**
 * Leg times of a tour in visiting order, s, and the walk back to the depot as the last
 * entry. Leg lengths follow shortest paths, scaled so they add up to the policy's tour
 * length `tourM`.
 */
function legTimes(
  world: World,
  stopSkus: readonly number[],
  sequence: readonly number[],
  tourM: number,
  motion: Motion,
): number[] {
  const { site } = world;
  const travelModel = site.travel;
  const n = sequence.length;
  // A plain array: a typed array's separate backing store costs more to make per tour.
  const lengths = new Array<number>(n + 1);
  let prevPlace = site.depotPlace;
  let legSum = 0;
  for (let k = 0; k < n; k++) {
    const place = site.facePlace[stopSkus[sequence[k]]];
    lengths[k] = travelModel.distanceByIndexM(prevPlace, place);
    legSum += lengths[k];
    prevPlace = place;
  }
  lengths[n] = travelModel.distanceByIndexM(prevPlace, site.depotPlace);
  legSum += lengths[n];
  const scale = legSum > 0 ? tourM / legSum : 0;
  let prevAisle = "";
  for (let k = 0; k <= n; k++) {
    const aisle = k < n ? site.faces[stopSkus[sequence[k]]].aisle : "";
    lengths[k] = moveTimeS(motion, lengths[k] * scale, false, prevAisle, aisle);
    prevAisle = aisle;
  }
  return lengths;
}

/** Books a walked tour on the statistics and its orders, and hands on the picked orders. */
function bookTour(
  world: World,
  parts: PickPart[],
  times: TourTimes,
  lineCount: number,
  distanceM: number,
): void {
  const { sim, stats, tracer } = world;
  stats.total.pickTours++;
  stats.total.linesPicked += lineCount;
  if (sim.now >= world.warmupS) {
    stats.linesPicked += lineCount;
    stats.pickTravelM += distanceM;
  }
  const { travelS, congestionS, pickS, shortS } = times;
  for (let k = 0; k < parts.length; k++) {
    const order = parts[k].order;
    // Once per order (a batch may hold two parts of one order): at its first part.
    let first = true;
    for (let j = 0; j < k && first; j++) if (parts[j].order === order) first = false;
    if (!first) continue;
    order.travelS += travelS;
    order.congestionS += congestionS;
    order.pickS += pickS;
    if (shortS > 0) order.shortPickS = (order.shortPickS ?? 0) + shortS;
  }
  for (let k = 0; k < parts.length; k++) {
    const order = parts[k].order;
    order.partsLeft--;
    if (order.partsLeft === 0) {
      order.pickEndS = sim.now;
      // Zone parts run in parallel: keep the tour times within the order's picking span.
      const span = order.pickEndS - order.pickStartS;
      const sum = order.travelS + order.congestionS + order.pickS;
      if (sum > span && sum > 0) {
        const f = span / sum;
        order.travelS *= f;
        order.congestionS *= f;
        order.pickS *= f;
      }
      if (tracer.on) tracer.emit({ t: sim.now, kind: "order", id: order.id, event: "picked" });
      const picked = world.listeners.orderPicked;
      for (let j = 0; j < picked.length; j++) picked[j](order);
    }
  }
}

/** The picking flow: released orders picked in tours. */
export const pickingOperation: Operation = {
  name: "picking",
  install(world) {
    world.listeners.orderReleased.push(installPicking(world));
    return {};
  },
};
