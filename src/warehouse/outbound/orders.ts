/**
 * Customer orders: arrivals with the daily and weekly pattern (a Poisson process with a
 * piecewise-constant hourly rate), lines and units from the scenario's distributions, SKUs
 * by the popularity skew, and release — continuous (as soon as every line's pick face can
 * serve it) or in waves. Orders drawn only from `demand.*` streams, never from layout-
 * dependent ones, so two layouts see the same orders (common random numbers).
 */
import { type DistSpec, type RandomStream, sampler } from "../../engine/index.ts";
import type { Operation } from "../operation.ts";
import { benderA, rankForDraw } from "../storage/popularity.ts";
import { weekday } from "../workforce/calendar.ts";
import type { Order, OrderLine, SkuState, World } from "../world.ts";
import { dueDeparture } from "./departures.ts";
import { newOrder } from "./newOrder.ts";
import { releaseWaiting, tryRelease, waves } from "./orderRelease.ts";

/** Where orders come from in one replication: the demand streams and distributions. */
interface OrderSource {
  world: World;
  arrivals: RandomStream;
  linesStream: RandomStream;
  skuStream: RandomStream;
  unitsStream: RandomStream;
  carrierStream: RandomStream;
  linesOf: (stream: RandomStream) => number;
  unitsOf: (stream: RandomStream) => number;
  /** Bender's popularity parameter of the SKU draw. */
  a: number;
  /** Orders created but not released, oldest first (wave release; undefined: continuous). */
  pool: { orders: Order[] } | undefined;
}

/** Installs order arrivals and release; picking listens for each released order. */
export function startOrders(world: World): void {
  const { sim, scenario } = world;
  const out = scenario.outbound;
  const source: OrderSource = {
    world,
    arrivals: sim.random("demand.arrivals"),
    linesStream: sim.random("demand.lines"),
    skuStream: sim.random("demand.skus"),
    unitsStream: sim.random("demand.units"),
    carrierStream: sim.random("demand.carrier"),
    linesOf: sampler(out.linesPerOrder as DistSpec),
    unitsOf: sampler(out.unitsPerLine as DistSpec),
    a: benderA(scenario.skus.popularity.topSkuShare, scenario.skus.popularity.lineShare),
    pool: out.release.mode === "waves" ? { orders: [] } : undefined,
  };
  if (out.release.mode !== "waves") {
    world.listeners.faceRestocked.push((sku: SkuState) => releaseWaiting(world, sku));
  } else if (source.pool) {
    sim.process(waves(world, out.release.times, source.pool));
  }
  if (out.orderList.length > 0) sim.process(givenOrders(source));
  const hourSum = out.hourlyPattern.reduce((a, b) => a + b, 0);
  const weekMean = out.weeklyPattern.reduce((a, b) => a + b, 0) / 7;
  if (out.ordersPerDay <= 0 || hourSum <= 0 || weekMean <= 0) return;
  sim.process(randomOrders(source, hourSum, weekMean));
}

/** Draws a random order's lines (demand streams only). */
function drawLines(source: OrderSource): OrderLine[] {
  const { skus } = source.world;
  const lineCount = Math.max(1, Math.round(source.linesOf(source.linesStream)));
  const lines: OrderLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const rank = rankForDraw(source.skuStream.next(), skus.length, source.a);
    const sku = skus[rank];
    // A line never asks for more than its pick face holds.
    const qty = Math.min(
      sku.faceCapacity,
      Math.max(1, Math.round(source.unitsOf(source.unitsStream))),
    );
    const same = lines.find((l) => l.sku === rank);
    if (same) same.qty += Math.min(qty, sku.faceCapacity - same.qty);
    else lines.push({ sku: rank, qty });
  }
  return lines;
}

/** Counts the lines of a new order as filled or stocked out; true when some line stocks out. */
function countLines(world: World, lines: readonly OrderLine[]): boolean {
  const { skus, stats } = world;
  let stockout = false;
  for (const line of lines) {
    const sku = skus[line.sku];
    const available =
      sku.faceUnits - sku.faceAllocated + sku.faceIncoming + sku.reserveUnits - sku.waitingUnits;
    const filled = available >= line.qty;
    if (!filled) stockout = true;
    if (world.sim.now >= world.warmupS) {
      stats.linesCreated++;
      if (filled) stats.linesFilled++;
      else stats.stockoutLines++;
    }
  }
  return stockout;
}

/** Creates an order now for `carrier` and releases it (or holds it for the next wave). */
function createOrder(source: OrderSource, lines: OrderLine[], carrier: number): void {
  const { world } = source;
  const { stats } = world;
  const now = world.sim.now;
  const stockout = countLines(world, lines);
  const order = newOrder(world, {
    createdS: now,
    carrier,
    dueS: dueDeparture(world.departures[carrier], now),
    lines,
    stockout,
  });
  world.openOrders++;
  stats.total.ordersCreated++;
  if (now >= world.warmupS) {
    stats.ordersCreated++;
    stats.openCreatedSumS += now;
    if (order.dueS <= world.horizonS) stats.ordersDue++;
  }
  stats.wip.update(world.openOrders);
  if (world.tracer.on) {
    world.tracer.emit({ t: now, kind: "order", id: order.id, event: "created" });
    if (stockout) world.tracer.emit({ t: now, kind: "order", id: order.id, event: "backordered" });
  }
  if (source.pool) source.pool.orders.push(order);
  else tryRelease(world, order);
}

/** Given orders (a list in the scenario), at their times. */
function* givenOrders(source: OrderSource) {
  const { sim, scenario, horizonS } = source.world;
  const out = scenario.outbound;
  const given = [...out.orderList].sort((a, b) => a.timeS - b.timeS);
  for (const o of given) {
    if (o.timeS >= horizonS) break;
    yield o.timeS - sim.now;
    const carrier = Math.max(
      0,
      out.carriers.findIndex((c) => c.name === o.carrier),
    );
    createOrder(
      source,
      o.lines.map((l) => ({ sku: l.sku - 1, qty: l.qty })),
      carrier,
    );
  }
}

/** Arrivals: for each hour, Poisson(rate) orders at uniform times inside the hour. */
function* randomOrders(source: OrderSource, hourSum: number, weekMean: number) {
  const { sim, scenario, horizonS } = source.world;
  const out = scenario.outbound;
  const carrierShares = out.carriers.map((c) => c.share);
  for (let hour = 0; hour * 3600 < horizonS; hour++) {
    const startS = hour * 3600;
    const mean =
      (out.ordersPerDay *
        (out.weeklyPattern[weekday(startS)] / weekMean) *
        out.hourlyPattern[hour % 24]) /
      hourSum;
    if (mean <= 0) continue;
    const count = source.arrivals.poisson(mean);
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(startS + source.arrivals.next() * 3600);
    times.sort((a, b) => a - b);
    for (const t of times) {
      if (t >= horizonS) break;
      yield t - sim.now;
      const lines = drawLines(source);
      createOrder(
        source,
        lines,
        carrierShares.length === 1 ? 0 : source.carrierStream.weightedIndex(carrierShares),
      );
    }
  }
}

/** Customer orders: arrivals and release (at once or in waves). */
export const ordersOperation: Operation = {
  name: "orders",
  install(world) {
    startOrders(world);
    return {};
  },
};
