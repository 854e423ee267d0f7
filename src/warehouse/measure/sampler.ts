/**
 * The periodic sample: stock and occupied locations for the time-averaged KPIs and, when
 * tracing, a `sample` record with queues, utilisation and the operations' own fields.
 */
import { ROLES } from "../../scenario/index.ts";
import type { Measures } from "../operation.ts";
import type { World } from "../world.ts";

/** Locations holding stock now: faces with units and reserve positions with pallets. */
function occupiedLocations(world: World): number {
  let occupied = world.stockedFaces;
  for (let i = 0; i < world.slotPallets.length; i++) if (world.slotPallets[i] > 0) occupied++;
  return occupied;
}

/** Emits the `sample` trace record of now. */
function traceSample(world: World, stockUnits: number, measures: readonly Measures[]): void {
  const utilization: Record<string, number> = {};
  const queues: Record<string, number> = {};
  for (const role of ROLES) {
    const ws = world.workers[role];
    const on = ws.filter((w) => w.state !== "offShift").length;
    utilization[role] = on > 0 ? ws.filter((w) => w.busy).length / on : 0;
  }
  for (const role of ROLES) queues[role] = world.queues[role].length;
  const extra: Record<string, number> = {};
  for (const m of measures) if (m.sample) Object.assign(extra, m.sample());
  world.tracer.emit({
    t: world.sim.now,
    kind: "sample",
    wip: world.openOrders,
    queues,
    utilization,
    stockUnits,
    ...extra,
  });
}

/** Starts the sampling process, every `scenario.sampleIntervalS` seconds from time 0. */
export function startSampler(world: World, measures: readonly Measures[]): void {
  const { sim, scenario, stats, ledger } = world;
  sim.process(
    (function* () {
      for (;;) {
        const stockUnits = ledger.onHand({}, "physical");
        stats.stockUnits.update(stockUnits);
        stats.occupiedLocations.update(occupiedLocations(world));
        if (world.tracer.on) traceSample(world, stockUnits, measures);
        yield scenario.sampleIntervalS;
      }
    })(),
  );
}
