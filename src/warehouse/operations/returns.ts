/**
 * Customer returns: a share of shipped orders comes back after a random delay to the
 * returns area, where a returns clerk receives the order, inspects each unit and restocks
 * it to its pick face, refurbishes it first, or scraps it. A face that re-slotting is
 * moving is waited for: units go back where the face stands.
 */
import { type DistSpec, type Event, type RandomStream, sampler } from "../../engine/index.ts";
import { ratio } from "../measure/ratio.ts";
import type { Operation } from "../operation.ts";
import { setFaceUnits } from "../storage/pickFace.ts";
import { handle, traceTask, travel } from "../workforce/activities.ts";
import { returnDueS } from "../workforce/dueTimes.ts";
import { requireRole } from "../workforce/requireRole.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, OrderLine, SkuState, World } from "../world.ts";

/** The pseudo-location returned goods wait in. */
export const RETURNS_LOCATION = "returns";

/** Returns statistics after the warm-up (arrivals by arrival time, dispositions when done). */
export interface ReturnStats {
  ordersReturned: number;
  unitsReturned: number;
  unitsRestocked: number;
  unitsRefurbished: number;
  unitsScrapped: number;
  /** Sum of arrival-to-disposition times of returned orders, s, and their count. */
  handlingS: number;
  handled: number;
}

/** What the returns process shares: the world, the spec, its stream and statistics. */
interface ReturnsDesk {
  world: World;
  spec: World["scenario"]["operations"]["returns"];
  stats: ReturnStats;
  random: RandomStream;
  /** Where returns arrive and are handled: the first inbound door. */
  dock: string;
  /** Fired when a SKU's face (by rank) has moved, for clerks waiting to put units back. */
  moves: Map<number, Event>;
}

/** Installs returns (nothing when the rate is 0). */
export function installReturns(world: World): ReturnStats {
  const { sim, scenario } = world;
  const spec = scenario.operations.returns;
  const stats: ReturnStats = {
    ordersReturned: 0,
    unitsReturned: 0,
    unitsRestocked: 0,
    unitsRefurbished: 0,
    unitsScrapped: 0,
    handlingS: 0,
    handled: 0,
  };
  if (spec.rate <= 0) return stats;
  requireRole(world, "returnsClerk", "at least one returns clerk when operations.returns.rate > 0");
  const random = sim.random("ops.returns");
  const delay = sampler(spec.delayS as DistSpec);
  const dock = world.site.inboundDocks[0];
  const desk: ReturnsDesk = { world, spec, stats, random, dock, moves: new Map() };
  world.listeners.faceMoved.push((sku) => {
    const moved = desk.moves.get(sku.info.rank);
    desk.moves.delete(sku.info.rank);
    moved?.succeed();
  });
  world.listeners.orderShipped.push((order) => {
    if (random.next() >= spec.rate) return;
    const atS = sim.now + Math.max(0, delay(random));
    if (atS >= world.horizonS) return;
    sim.process(returnAt(desk, order, atS));
  });
  return stats;
}

/** Brings a shipped order back to the returns area at `atS`. */
function* returnAt(desk: ReturnsDesk, order: Order, atS: number) {
  yield atS - desk.world.sim.now;
  arrive(desk, order);
}

/** A returned order arrives: its units are booked in and a clerk's task is queued. */
function arrive(desk: ReturnsDesk, order: Order): void {
  const { world, stats } = desk;
  const { sim, ledger, skus } = world;
  const lines = order.lines.filter((l) => l.qty > 0).map((l) => ({ sku: l.sku, qty: l.qty }));
  if (lines.length === 0) return;
  const arrivedS = sim.now;
  const after = arrivedS >= world.warmupS;
  for (const line of lines) {
    ledger.returnStock({
      timeS: sim.now,
      sku: skus[line.sku].id,
      to: RETURNS_LOCATION,
      quantity: line.qty,
      ref: `order ${order.id}`,
    });
    if (after) stats.unitsReturned += line.qty;
  }
  if (after) stats.ordersReturned++;
  world.queues.returnsClerk.push(
    {
      kind: "return",
      at: desk.dock,
      run: (worker) => handleReturn(desk, worker, order, lines, arrivedS),
    },
    returnDueS(world, arrivedS),
  );
}

/** A returns clerk receives a returned order's lines and restocks, refurbishes or scraps each unit. */
function* handleReturn(
  desk: ReturnsDesk,
  worker: Worker,
  order: Order,
  lines: OrderLine[],
  arrivedS: number,
) {
  const { world, spec, stats, dock } = desk;
  traceTask(world, "return", worker, "start", order.id);
  yield* travel(world, worker, dock, { loaded: false, pool: undefined });
  let units = 0;
  for (const l of lines) units += l.qty;
  yield* handle(world, worker, spec.receiveSPerOrder + spec.inspectSPerUnit * units);
  for (const line of lines) yield* returnLine(desk, worker, line);
  yield* travel(world, worker, dock, { loaded: false, pool: undefined });
  if (world.sim.now >= world.warmupS) {
    stats.handlingS += world.sim.now - arrivedS;
    stats.handled++;
  }
  traceTask(world, "return", worker, "end", order.id);
}

/** One returned line: each unit restocked, refurbished or scrapped by a draw. */
function* returnLine(desk: ReturnsDesk, worker: Worker, line: OrderLine) {
  const { world, spec, stats, random } = desk;
  const { sim, ledger } = world;
  const sku = world.skus[line.sku];
  let restock = 0;
  let refurbish = 0;
  let scrap = 0;
  for (let u = 0; u < line.qty; u++) {
    const draw = random.next();
    if (draw < spec.restockShare) restock++;
    else if (draw < spec.restockShare + spec.refurbishShare) refurbish++;
    else scrap++;
  }
  if (scrap > 0) {
    ledger.scrap({
      timeS: sim.now,
      sku: sku.id,
      from: RETURNS_LOCATION,
      quantity: scrap,
      cause: "return",
    });
  }
  if (refurbish > 0) yield* handle(world, worker, spec.refurbishSPerUnit * refurbish);
  const back = restock + refurbish;
  if (back > 0) {
    yield* toFace(desk, worker, sku);
    ledger.move({
      timeS: sim.now,
      sku: sku.id,
      from: RETURNS_LOCATION,
      to: sku.face,
      quantity: back,
      cause: "return",
    });
    setFaceUnits(world, sku, sku.faceUnits + back);
    for (const l of world.listeners.faceCorrected) l(sku);
    for (const l of world.listeners.faceRestocked) l(sku);
  }
  if (sim.now >= world.warmupS) {
    stats.unitsRestocked += restock;
    stats.unitsRefurbished += refurbish;
    stats.unitsScrapped += scrap;
  }
}

/**
 * The clerk carries units to the SKU's face. A face being moved (re-slotting) is waited
 * for at the returns desk, out of the aisles the mover needs, and the clerk follows it, so
 * units go back only where the face stands.
 */
function* toFace(desk: ReturnsDesk, worker: Worker, sku: SkuState) {
  const { world } = desk;
  let at: string | undefined;
  while (at !== sku.face || sku.moving) {
    if (sku.moving) {
      if (at !== undefined)
        yield* travel(world, worker, desk.dock, { loaded: true, pool: undefined });
      worker.setState("waiting", world.sim.now, "faceMove");
      yield faceMoved(desk, sku);
    }
    at = sku.face;
    yield* travel(world, worker, at, { loaded: true, pool: undefined });
  }
}

/** The event fired when the SKU's face has moved (one per SKU, shared by waiting clerks). */
function faceMoved(desk: ReturnsDesk, sku: SkuState): Event {
  let moved = desk.moves.get(sku.info.rank);
  if (!moved) {
    moved = desk.world.sim.event();
    desk.moves.set(sku.info.rank, moved);
  }
  return moved;
}

/** Returns: shipped orders that come back, inspected and restocked, refurbished or scrapped. */
export const returnsOperation: Operation = {
  name: "returns",
  install(world) {
    const returns = installReturns(world);
    const kpis = (): Record<string, number> => ({
      ordersReturned: returns.ordersReturned,
      unitsReturned: returns.unitsReturned,
      unitsRestocked: returns.unitsRestocked,
      unitsRefurbished: returns.unitsRefurbished,
      unitsScrappedReturns: returns.unitsScrapped,
      returnHandlingS: ratio(returns.handlingS, returns.handled),
    });
    return world.scenario.operations.returns.rate > 0 ? { kpis } : {};
  },
};
