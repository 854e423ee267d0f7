/**
 * Production supply: line-feeding orders to production lines, a second kind of outbound
 * demand. Each running line creates an order at a fixed interval (SKUs uniform over its
 * rank range, due a lead time later); the order is released when its faces hold the
 * stock, picked like a customer order with its own priority, then a replenisher takes it to
 * the line (the last departure door), where its units leave the building.
 */
import { InputError } from "../../common/inputError.ts";
import { type DistSpec, type RandomStream, sampler } from "../../engine/index.ts";
import { ratio } from "../measure/ratio.ts";
import type { Operation } from "../operation.ts";
import { newOrder } from "../outbound/newOrder.ts";
import { handle, traceTask, travel } from "../workforce/activities.ts";
import { clockS, DAY_S, dayMask } from "../workforce/calendar.ts";
import type { Worker } from "../workforce/workforce.ts";
import type { Order, OrderLine, World } from "../world.ts";

/** Production-supply statistics after the warm-up (by delivery time). */
export interface ProductionStats {
  delivered: number;
  onTime: number;
  /** Sums of creation-to-delivery time and of lateness past the due time, s. */
  leadS: number;
  latenessS: number;
}

/** Priority offset that puts `first` orders ahead of every customer order's due time, s. */
const FIRST_OFFSET_S = 1e12;

type LineSpec = World["scenario"]["operations"]["productionSupply"]["lines"][number];

/** What line feeding shares: the world, the spec, its stream, statistics and waiting orders. */
interface LineFeeding {
  world: World;
  spec: World["scenario"]["operations"]["productionSupply"];
  out: ProductionStats;
  random: RandomStream;
  /** The door production lines are fed at: the last outbound door. */
  lineDoor: string;
  /** Each open order's real due time (a `first` order's priority is offset). */
  dueOf: Map<Order, number>;
  /** Orders waiting for face stock, oldest first. */
  waiting: Order[];
}

/** Installs line feeding; released orders go to picking like customer orders. */
export function installProductionSupply(world: World): ProductionStats {
  const { sim, site } = world;
  const spec = world.scenario.operations.productionSupply;
  const out: ProductionStats = { delivered: 0, onTime: 0, leadS: 0, latenessS: 0 };
  if (spec.lines.length === 0) return out;
  checkLines(world);
  const feeding: LineFeeding = {
    world,
    spec,
    out,
    random: sim.random("ops.production"),
    lineDoor: site.outboundDocks[site.outboundDocks.length - 1],
    dueOf: new Map<Order, number>(),
    waiting: [],
  };
  world.listeners.faceRestocked.push(() => releaseWaiting(feeding));
  world.listeners.orderPicked.push((order) => {
    if (order.production) deliver(feeding, order);
  });
  for (const line of spec.lines) startLine(feeding, line);
  return out;
}

/** Throws InputError for lines whose SKU range is outside the SKU count. */
function checkLines(world: World): void {
  const { scenario, skus } = world;
  const issues = scenario.operations.productionSupply.lines.flatMap((line, i) =>
    (line.skuTo ?? skus.length) > skus.length || line.skuFrom > (line.skuTo ?? skus.length)
      ? [
          {
            file: scenario.layoutFile ?? "<scenario>",
            path: `operations.productionSupply.lines[${i}]`,
            value: { skuFrom: line.skuFrom, skuTo: line.skuTo },
            expected: `1 <= skuFrom <= skuTo <= ${skus.length} (the SKU count)`,
          },
        ]
      : [],
  );
  if (issues.length > 0) throw new InputError(issues);
}

/** True when every line of `order` is free at its face. */
function releasable(world: World, order: Order): boolean {
  const { skus } = world;
  return order.lines.every((l) => skus[l.sku].faceUnits - skus[l.sku].faceAllocated >= l.qty);
}

/** Allocates the order's face stock and releases it to picking. */
function release(world: World, order: Order): void {
  const { skus } = world;
  for (const line of order.lines) skus[line.sku].faceAllocated += line.qty;
  order.releasedS = world.sim.now;
  for (const listener of world.listeners.orderReleased) listener(order);
  for (const line of order.lines) for (const l of world.listeners.faceDrawn) l(skus[line.sku]);
}

/** After a restock: releases the waiting orders that now can go, oldest first. */
function releaseWaiting(feeding: LineFeeding): void {
  if (feeding.waiting.length === 0) return;
  const still: Order[] = [];
  for (const order of feeding.waiting) {
    if (releasable(feeding.world, order)) release(feeding.world, order);
    else still.push(order);
  }
  feeding.waiting = still;
}

/** A replenisher takes a picked production order to the line door. */
function* feedLine(feeding: LineFeeding, worker: Worker, order: Order) {
  const { world, spec, out, dueOf } = feeding;
  const { sim, skus, stats, ledger, site } = world;
  traceTask(world, "lineFeed", worker, "start", order.id);
  yield* travel(world, worker, site.depot, { loaded: false, pool: undefined });
  yield* travel(world, worker, feeding.lineDoor, { loaded: true, pool: undefined });
  yield* handle(world, worker, spec.deliverSPerOrder);
  const units = new Map<number, number>();
  for (const l of order.lines) units.set(l.sku, (units.get(l.sku) ?? 0) + l.qty);
  for (const [sku, quantity] of units) {
    if (quantity > 0)
      ledger.ship({ timeS: sim.now, sku: skus[sku].id, quantity, cause: "lineFeed" });
  }
  order.shippedS = sim.now;
  world.openOrders--;
  stats.total.ordersShipped++;
  stats.total.unitsShipped += order.units;
  stats.wip.update(world.openOrders);
  const due = dueOf.get(order) ?? order.createdS;
  dueOf.delete(order);
  if (sim.now >= world.warmupS) {
    out.delivered++;
    if (sim.now <= due) out.onTime++;
    out.leadS += sim.now - order.createdS;
    out.latenessS += Math.max(0, sim.now - due);
  }
  if (world.tracer.on)
    world.tracer.emit({ t: sim.now, kind: "order", id: order.id, event: "shipped" });
  traceTask(world, "lineFeed", worker, "end", order.id);
}

/** Queues the delivery of a picked production order, by its due time. */
function deliver(feeding: LineFeeding, order: Order): void {
  feeding.world.queues.replenisher.push(
    { kind: "lineFeed", run: (worker) => feedLine(feeding, worker, order) },
    feeding.dueOf.get(order) ?? order.dueS,
  );
}

/** The lines of one production order: SKUs uniform over the line's range, merged by SKU. */
function drawLines(feeding: LineFeeding, line: LineSpec): OrderLine[] {
  const { world, random } = feeding;
  const { skus } = world;
  const from = line.skuFrom - 1;
  const to = (line.skuTo ?? skus.length) - 1;
  const count = Math.max(1, Math.round(sampler(line.linesPerOrder as DistSpec)(random)));
  const lines: OrderLine[] = [];
  for (let i = 0; i < count; i++) {
    const sku = random.integer(from, to);
    const qty = Math.min(
      skus[sku].faceCapacity,
      Math.max(1, Math.round(sampler(line.unitsPerLine as DistSpec)(random))),
    );
    const same = lines.find((l) => l.sku === sku);
    if (same) same.qty = Math.min(skus[sku].faceCapacity, same.qty + qty);
    else lines.push({ sku, qty });
  }
  return lines;
}

/** A production line asks for an order now: released at once if its faces hold the stock. */
function createOrder(feeding: LineFeeding, line: LineSpec): void {
  const { world, spec } = feeding;
  const { sim, skus, stats } = world;
  const lines = drawLines(feeding, line);
  const due = sim.now + line.leadS;
  const order = newOrder(world, {
    createdS: sim.now,
    carrier: 0,
    dueS: spec.priority === "first" ? due - FIRST_OFFSET_S : due,
    lines,
    stockout: false,
  });
  order.production = true;
  feeding.dueOf.set(order, due);
  world.openOrders++;
  stats.total.ordersCreated++;
  stats.wip.update(world.openOrders);
  if (world.tracer.on)
    world.tracer.emit({ t: sim.now, kind: "order", id: order.id, event: "created" });
  if (feeding.waiting.length === 0 && releasable(world, order)) release(world, order);
  else {
    feeding.waiting.push(order);
    for (const l of lines) for (const f of world.listeners.faceNeeded) f(skus[l.sku]);
  }
}

/** Runs a production line: an order every `intervalS` while it runs, on its days. */
function startLine(feeding: LineFeeding, line: LineSpec): void {
  const { sim, horizonS } = feeding.world;
  const mask = dayMask(line.days);
  const startC = clockS(line.start);
  let lengthS = clockS(line.end) - startC;
  if (lengthS <= 0) lengthS += DAY_S;
  sim.process(
    (function* () {
      for (let day = 0; day * DAY_S < horizonS; day++) {
        if (!mask[day % 7]) continue;
        const startS = day * DAY_S + startC;
        for (let t = startS; t < startS + lengthS && t < horizonS; t += line.intervalS) {
          if (t > sim.now) yield t - sim.now;
          createOrder(feeding, line);
        }
      }
    })(),
  );
}

/** Production supply: line-feeding orders picked and delivered to production lines. */
export const productionSupplyOperation: Operation = {
  name: "productionSupply",
  install(world) {
    const out = installProductionSupply(world);
    const kpis = (): Record<string, number> => ({
      productionOrdersDelivered: out.delivered,
      productionOnTimeRate: ratio(out.onTime, out.delivered),
      productionLeadTimeS: ratio(out.leadS, out.delivered),
      productionLatenessS: ratio(out.latenessS, out.delivered),
    });
    return world.scenario.operations.productionSupply.lines.length > 0 ? { kpis } : {};
  },
};
