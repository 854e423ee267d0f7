/**
 * Customer orders: arrivals with the daily and weekly pattern (a Poisson process with a
 * piecewise-constant hourly rate), lines and units from the scenario's distributions, SKUs
 * by the popularity skew, and release — continuous (as soon as every line's pick face can
 * serve it) or in waves. Orders drawn only from `demand.*` streams, never from layout-
 * dependent ones, so two layouts see the same orders (common random numbers).
 */
import { type DistSpec, sampler } from "../../engine/index.ts";
import type { Operation } from "../operation.ts";
import { benderA, rankForDraw } from "../storage/popularity.ts";
import { clockS, DAY_S, dailyTimes, weekday } from "../workforce/calendar.ts";
import type { Order, OrderLine, SkuState, World } from "../world.ts";
import { newOrder } from "./newOrder.ts";

/** Carrier departures: times ascending and the cut-off of each, s. */
export interface Departures {
  timesS: number[];
  cutoffsS: number[];
}

/** Each carrier's departures over the horizon (and one day beyond, for due dates). */
export function carrierDepartures(world: Pick<World, "scenario" | "horizonS">): Departures[] {
  return world.scenario.outbound.carriers.map((c) => {
    const mask = [0, 1, 2, 3, 4, 5, 6].map((d) =>
      c.days.includes(["mon", "tue", "wed", "thu", "fri", "sat", "sun"][d] as never),
    );
    const timesS = dailyTimes(c.departures, mask, 0, world.horizonS + 8 * DAY_S);
    return { timesS, cutoffsS: timesS.map((t) => t - c.cutoffMin * 60) };
  });
}

/** The first departure whose cut-off is at or after `timeS` (Infinity if none). */
export function dueDeparture(departures: Departures, timeS: number): number {
  const { cutoffsS, timesS } = departures;
  let lo = 0;
  let hi = cutoffsS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cutoffsS[mid] >= timeS) hi = mid;
    else lo = mid + 1;
  }
  return lo < timesS.length ? timesS[lo] : Number.POSITIVE_INFINITY;
}

/** Installs order arrivals and release; picking listens for each released order. */
export function startOrders(world: World): void {
  const { sim, scenario, skus, stats } = world;
  const out = scenario.outbound;
  const arrivals = sim.random("demand.arrivals");
  const linesStream = sim.random("demand.lines");
  const skuStream = sim.random("demand.skus");
  const unitsStream = sim.random("demand.units");
  const carrierStream = sim.random("demand.carrier");
  const linesOf = sampler(out.linesPerOrder as DistSpec);
  const unitsOf = sampler(out.unitsPerLine as DistSpec);
  const a = benderA(scenario.skus.popularity.topSkuShare, scenario.skus.popularity.lineShare);
  const n = skus.length;
  const hourSum = out.hourlyPattern.reduce((a, b) => a + b, 0);
  const weekMean = out.weeklyPattern.reduce((a, b) => a + b, 0) / 7;
  const carrierShares = out.carriers.map((c) => c.share);
  const waves = out.release.mode === "waves";
  /** Orders created but not released, oldest first (wave release). */
  let pool: Order[] = [];

  const releasable = (order: Order): number => {
    for (const line of order.lines) {
      const sku = skus[line.sku];
      if (sku.faceUnits - sku.faceAllocated < line.qty) return line.sku;
    }
    return -1;
  };

  const release = (order: Order) => {
    for (const line of order.lines) skus[line.sku].faceAllocated += line.qty;
    order.releasedS = sim.now;
    order.waitingOn = -1;
    if (world.tracer.on)
      world.tracer.emit({ t: sim.now, kind: "order", id: order.id, event: "released" });
    for (const listener of world.listeners.orderReleased) listener(order);
    for (const line of order.lines) for (const l of world.listeners.faceDrawn) l(skus[line.sku]);
  };

  const wait = (order: Order, rank: number) => {
    const sku = skus[rank];
    order.waitingOn = rank;
    sku.waiting.push(order);
    for (const line of order.lines) if (line.sku === rank) sku.waitingUnits += line.qty;
    for (const listener of world.listeners.faceNeeded) listener(sku);
  };

  /** Takes a waiting order off its SKU's list (wave release re-checks it at each wave). */
  const unwait = (order: Order) => {
    const sku = skus[order.waitingOn];
    const i = sku.waiting.indexOf(order);
    if (i >= 0) sku.waiting.splice(i, 1);
    for (const line of order.lines) if (line.sku === order.waitingOn) sku.waitingUnits -= line.qty;
    order.waitingOn = -1;
  };

  /** Continuous release: try the order; if a face lacks stock, queue it on that SKU. */
  const tryRelease = (order: Order) => {
    for (const line of order.lines) {
      if (skus[line.sku].waiting.length > 0) {
        wait(order, line.sku);
        return;
      }
    }
    const blocked = releasable(order);
    if (blocked < 0) release(order);
    else wait(order, blocked);
  };

  if (!waves) {
    world.listeners.faceRestocked.push((sku: SkuState) => {
      while (sku.waiting.length > 0) {
        const order = sku.waiting[0];
        const blocked = releasable(order);
        if (blocked === sku.info.rank) break;
        sku.waiting.shift();
        for (const line of order.lines)
          if (line.sku === sku.info.rank) sku.waitingUnits -= line.qty;
        if (blocked < 0) release(order);
        else wait(order, blocked);
      }
    });
  } else if (out.release.mode === "waves") {
    const waveTimes = dailyTimes(
      out.release.times,
      [true, true, true, true, true, true, true],
      0,
      world.horizonS,
    );
    sim.process(
      (function* () {
        for (const t of waveTimes) {
          yield t - sim.now;
          const waiting = pool;
          pool = [];
          for (const order of waiting) if (order.waitingOn >= 0) unwait(order);
          for (const order of waiting) {
            if (releasable(order) < 0) release(order);
            else pool.push(order);
          }
          // Orders left behind wait on a SKU (a backorder) and ask for urgent replenishment.
          for (const order of pool) {
            const rank = releasable(order);
            if (rank >= 0) wait(order, rank);
          }
        }
      })(),
    );
  }

  /** Draws a random order's lines (demand streams only). */
  const drawLines = (): OrderLine[] => {
    const lineCount = Math.max(1, Math.round(linesOf(linesStream)));
    const lines: OrderLine[] = [];
    for (let i = 0; i < lineCount; i++) {
      const rank = rankForDraw(skuStream.next(), n, a);
      const sku = skus[rank];
      // A line never asks for more than its pick face holds.
      const qty = Math.min(sku.faceCapacity, Math.max(1, Math.round(unitsOf(unitsStream))));
      const same = lines.find((l) => l.sku === rank);
      if (same) same.qty += Math.min(qty, sku.faceCapacity - same.qty);
      else lines.push({ sku: rank, qty });
    }
    return lines;
  };

  const createOrder = (lines: OrderLine[], carrier: number) => {
    let stockout = false;
    const now = sim.now;
    for (const line of lines) {
      const sku = skus[line.sku];
      const available =
        sku.faceUnits - sku.faceAllocated + sku.faceIncoming + sku.reserveUnits - sku.waitingUnits;
      const filled = available >= line.qty;
      if (!filled) stockout = true;
      if (now >= world.warmupS) {
        stats.linesCreated++;
        if (filled) stats.linesFilled++;
        else stats.stockoutLines++;
      }
    }
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
      if (stockout)
        world.tracer.emit({ t: now, kind: "order", id: order.id, event: "backordered" });
    }
    if (waves) pool.push(order);
    else tryRelease(order);
  };

  // Given orders (a list in the scenario), at their times.
  const given = [...out.orderList].sort((a, b) => a.timeS - b.timeS);
  if (given.length > 0) {
    sim.process(
      (function* () {
        for (const o of given) {
          if (o.timeS >= world.horizonS) break;
          yield o.timeS - sim.now;
          const carrier = Math.max(
            0,
            out.carriers.findIndex((c) => c.name === o.carrier),
          );
          createOrder(
            o.lines.map((l) => ({ sku: l.sku - 1, qty: l.qty })),
            carrier,
          );
        }
      })(),
    );
  }

  // Arrivals: for each hour, Poisson(rate) orders at uniform times inside the hour.
  if (out.ordersPerDay <= 0 || hourSum <= 0 || weekMean <= 0) return;
  sim.process(
    (function* () {
      for (let hour = 0; hour * 3600 < world.horizonS; hour++) {
        const startS = hour * 3600;
        const mean =
          (out.ordersPerDay *
            (out.weeklyPattern[weekday(startS)] / weekMean) *
            out.hourlyPattern[hour % 24]) /
          hourSum;
        if (mean <= 0) continue;
        const count = arrivals.poisson(mean);
        const times: number[] = [];
        for (let i = 0; i < count; i++) times.push(startS + arrivals.next() * 3600);
        times.sort((a, b) => a - b);
        for (const t of times) {
          if (t >= world.horizonS) break;
          yield t - sim.now;
          const lines = drawLines();
          createOrder(
            lines,
            carrierShares.length === 1 ? 0 : carrierStream.weightedIndex(carrierShares),
          );
        }
      }
    })(),
  );
  void clockS;
}

/** Customer orders: arrivals and release (at once or in waves). */
export const ordersOperation: Operation = {
  name: "orders",
  install(world) {
    startOrders(world);
    return {};
  },
};
