/**
 * Orders created and shipped per simulated day, and the backlog (orders open) at each day's
 * end and at the warm-up's end, over the whole run: the data of a warm-up check (Welch plot).
 */
import type { DailyCounts } from "../types.ts";
import type { World } from "../world.ts";

const DAY_S = 86_400;

/** A snapshot of the run's whole-run order counters. */
interface Snapshot {
  created: number;
  shipped: number;
  open: number;
}

function snapshot(world: World): Snapshot {
  const t = world.stats.total;
  return { created: t.ordersCreated, shipped: t.ordersShipped, open: world.openOrders };
}

/** Records the daily counts as the run goes; `finish()` closes the last (maybe partial) day. */
export function startDailyCounts(world: World): { finish(): DailyCounts } {
  const { sim, warmupS, horizonS } = world;
  const marks: Snapshot[] = [snapshot(world)];
  let backlogAtWarmup = 0;
  sim.process(
    (function* () {
      if (warmupS > 0) yield warmupS;
      backlogAtWarmup = world.openOrders;
    })(),
  );
  sim.process(
    (function* () {
      for (let t = DAY_S; t < horizonS; t += DAY_S) {
        yield DAY_S;
        marks.push(snapshot(world));
      }
    })(),
  );
  return {
    finish(): DailyCounts {
      const all = [...marks, snapshot(world)];
      const counts: DailyCounts = {
        createdOrders: [],
        shippedOrders: [],
        backlogOrders: [],
        backlogAtWarmupOrders: backlogAtWarmup,
      };
      for (let d = 1; d < all.length; d++) {
        counts.createdOrders.push(all[d].created - all[d - 1].created);
        counts.shippedOrders.push(all[d].shipped - all[d - 1].shipped);
        counts.backlogOrders.push(all[d].open);
      }
      return counts;
    },
  };
}
