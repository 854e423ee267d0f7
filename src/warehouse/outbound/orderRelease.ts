/**
 * Order release: an order is released for picking when every line's pick face can serve it
 * (free face units cover the line); otherwise it waits on the first SKU that cannot, and asks
 * for that face's replenishment. Continuous release retries waiting orders as their faces are
 * restocked; wave release re-checks every order held at each wave time.
 */
import { dailyTimes } from "../workforce/calendar.ts";
import type { Order, SkuState, World } from "../world.ts";

/** The SKU rank whose face cannot serve its line of `order` now, or -1 when all can. */
export function releasable(world: World, order: Order): number {
  for (const line of order.lines) {
    const sku = world.skus[line.sku];
    if (sku.faceUnits - sku.faceAllocated < line.qty || sku.moving) return line.sku;
  }
  return -1;
}

/** Releases `order` for picking: allocates its face units and tells the listeners. */
export function release(world: World, order: Order): void {
  const { sim, skus } = world;
  for (const line of order.lines) skus[line.sku].faceAllocated += line.qty;
  order.releasedS = sim.now;
  order.waitingOn = -1;
  if (world.tracer.on)
    world.tracer.emit({ t: sim.now, kind: "order", id: order.id, event: "released" });
  for (const listener of world.listeners.orderReleased) listener(order);
  for (const line of order.lines) for (const l of world.listeners.faceDrawn) l(skus[line.sku]);
}

/** Queues `order` on the SKU of rank `rank` and asks for that face. */
function wait(world: World, order: Order, rank: number): void {
  const sku = world.skus[rank];
  order.waitingOn = rank;
  sku.waiting.push(order);
  for (const line of order.lines) if (line.sku === rank) sku.waitingUnits += line.qty;
  for (const listener of world.listeners.faceNeeded) listener(sku);
}

/** Takes a waiting order off its SKU's list (wave release re-checks it at each wave). */
function unwait(world: World, order: Order): void {
  const sku = world.skus[order.waitingOn];
  const i = sku.waiting.indexOf(order);
  if (i >= 0) sku.waiting.splice(i, 1);
  for (const line of order.lines) if (line.sku === order.waitingOn) sku.waitingUnits -= line.qty;
  order.waitingOn = -1;
}

/** Continuous release: try the order; if a face lacks stock, queue it on that SKU. */
export function tryRelease(world: World, order: Order): void {
  for (const line of order.lines) {
    if (world.skus[line.sku].waiting.length > 0) {
      wait(world, order, line.sku);
      return;
    }
  }
  const blocked = releasable(world, order);
  if (blocked < 0) release(world, order);
  else wait(world, order, blocked);
}

/** Continuous release: a restocked face releases its waiting orders, oldest first. */
export function releaseWaiting(world: World, sku: SkuState): void {
  while (sku.waiting.length > 0) {
    const order = sku.waiting[0];
    const blocked = releasable(world, order);
    if (blocked === sku.info.rank) break;
    sku.waiting.shift();
    for (const line of order.lines) if (line.sku === sku.info.rank) sku.waitingUnits -= line.qty;
    if (blocked < 0) release(world, order);
    else wait(world, order, blocked);
  }
}

/**
 * Wave release at the scenario's wave times: each wave releases the held orders every face
 * can serve; those left behind wait on a SKU (a backorder) and ask for urgent replenishment.
 * `pool` holds the orders created and not released, oldest first.
 */
export function* waves(world: World, times: readonly string[], pool: { orders: Order[] }) {
  const { sim } = world;
  const waveTimes = dailyTimes(
    times,
    [true, true, true, true, true, true, true],
    0,
    world.horizonS,
  );
  for (const t of waveTimes) {
    yield t - sim.now;
    const waiting = pool.orders;
    pool.orders = [];
    for (const order of waiting) if (order.waitingOn >= 0) unwait(world, order);
    for (const order of waiting) {
      if (releasable(world, order) < 0) release(world, order);
      else pool.orders.push(order);
    }
    for (const order of pool.orders) {
      const rank = releasable(world, order);
      if (rank >= 0) wait(world, order, rank);
    }
  }
}
