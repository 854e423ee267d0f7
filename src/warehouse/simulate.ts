/**
 * simulate(): one replication of a scenario. Builds the layout and the site, generates the
 * SKUs, places the initial stock, installs every process (inbound, putaway, replenishment,
 * reorders, orders, picking, packing, shipping, crews), runs to the horizon and returns
 * KPIs, the time breakdown and the conservation balance as plain data.
 */
import { type DistSpec, distMean, Simulation, Tally, TimeWeighted } from "../engine/index.ts";
import { StockLedger } from "../inventory/index.ts";
import { buildLayout, createTravelModel, type Layout } from "../layout/index.ts";
import { type EquippedTask, ROLES, type Scenario } from "../scenario/index.ts";
import { startInbound } from "./inbound/inbound.ts";
import { installPutaway } from "./inbound/putaway.ts";
import { checkConservation } from "./measure/conservation.ts";
import { startDailyCounts } from "./measure/dailyCounts.ts";
import { computeKpis } from "./measure/kpis.ts";
import { Tracer } from "./measure/trace.ts";
import { traceInitialStock } from "./measure/traceInitialStock.ts";
import { installOperations, type OperationsHandle } from "./operations/installOperations.ts";
import { carrierDepartures, startOrders } from "./outbound/orders.ts";
import { installPacking } from "./outbound/packing.ts";
import { installPicking } from "./outbound/picking.ts";
import { installShipping } from "./outbound/shipping.ts";
import { checkRemovalData } from "./storage/putawaySetup.ts";
import { startReorders } from "./storage/reorder.ts";
import { installReplenishment } from "./storage/replenishment.ts";
import { buildSite, type Site } from "./storage/site.ts";
import { generateSkus } from "./storage/skuMaster.ts";
import {
  createPutawayRule,
  createSkuStates,
  placeInitialStock,
  slotContents,
} from "./storage/storage.ts";
import type { RunResult, SimulateOptions } from "./types.ts";
import { buildAisleTraffic, widestBodyM } from "./workforce/aisleTraffic.ts";
import { DAY_S } from "./workforce/calendar.ts";
import { startCrews } from "./workforce/crews.ts";
import { createPools, equipmentForTasks, walkingMotions } from "./workforce/equipment.ts";
import { TaskQueue } from "./workforce/workforce.ts";
import type { Stats, World } from "./world.ts";

/** Mean of a count distribution after rounding to an integer >= 1 (estimated on a fixed grid). */
function meanCount(spec: DistSpec): number {
  if (spec.dist === "geometric" || spec.dist === "constant") return Math.max(1, distMean(spec));
  return Math.max(1, distMean(spec));
}

function emptyStats(sim: Simulation): Stats {
  return {
    ordersCreated: 0,
    ordersShipped: 0,
    ordersOnTime: 0,
    linesLate: 0,
    ordersDue: 0,
    openCreatedSumS: 0,
    backlogShipped: 0,
    backlogInWindowS: 0,
    linesCreated: 0,
    linesFilled: 0,
    linesShipped: 0,
    unitsShipped: 0,
    linesPicked: 0,
    pickTravelM: 0,
    stockoutLines: 0,
    cycleS: new Tally(),
    phases: {
      waitRelease: 0,
      waitPicker: 0,
      travel: 0,
      congestion: 0,
      pick: 0,
      consolidate: 0,
      waitPack: 0,
      pack: 0,
      waitTrailer: 0,
    },
    dockToStockS: new Tally(),
    trailerTurnaroundS: new Tally(),
    inboundTrailers: 0,
    yardWaitS: new Tally(),
    inboundDoorS: new Tally(),
    congestionWaits: new Tally(),
    congestionLostS: 0,
    wip: new TimeWeighted(sim, 0),
    stockUnits: new TimeWeighted(sim, 0),
    occupiedLocations: new TimeWeighted(sim, 0),
    total: {
      unitsInitial: 0,
      unitsReceived: 0,
      unitsShipped: 0,
      ordersCreated: 0,
      ordersShipped: 0,
      trailersIn: 0,
      palletsReceived: 0,
      purchaseOrders: 0,
      replenishments: 0,
      pickTours: 0,
      linesPicked: 0,
      trailersOut: 0,
    },
  };
}

/** Builds the scenario's layout (throws InputError if the layout is invalid). */
export function scenarioLayout(scenario: Scenario, file = "<scenario>"): Layout {
  return buildLayout(
    scenario.layout,
    scenario.layoutFile ?? file,
    scenario.layoutFile ? "" : "layout",
  );
}

/** Pick zones of the scenario (1 unless zone picking). */
function pickZones(scenario: Scenario): number {
  return scenario.outbound.picking.method === "zone" ? scenario.outbound.picking.zones : 1;
}

/**
 * Builds the layout, its travel model and the site of `scenario` (throws InputError if the
 * layout cannot serve it). A run only reads the site, so replications of one scenario may
 * share it: see scenarioSiteKey().
 */
export function buildScenarioSite(scenario: Scenario): Site {
  const layout = scenarioLayout(scenario);
  const travel = createTravelModel(layout);
  const file = scenario.layoutFile ?? "<scenario>";
  return buildSite(layout, travel, scenario.skus.count, pickZones(scenario), file);
}

/** The inputs buildScenarioSite() reads, as a string: equal keys build equal sites. */
export function scenarioSiteKey(scenario: Scenario): string {
  return JSON.stringify([
    scenario.layoutFile ?? null,
    scenario.layout,
    scenario.skus.count,
    pickZones(scenario),
  ]);
}

/**
 * Builds the world of one replication: site, SKUs, pools, queues, the putaway rule and the
 * initial stock, before any process is installed. Throws InputError when the scenario and
 * layout cannot run together (a rule without its data, a reserve too small).
 */
export function createWorld(scenario: Scenario, options: SimulateOptions = {}): World {
  const sim = new Simulation({
    seed: options.seed ?? scenario.seed,
    replication: options.replication ?? 0,
  });
  const zones = pickZones(scenario);
  const site = options.site ?? buildScenarioSite(scenario);
  const tracer = new Tracer(options.trace);
  const infos = generateSkus(scenario, sim.random("skus"));
  const skus = createSkuStates(
    scenario,
    site,
    infos,
    meanCount(scenario.outbound.linesPerOrder as DistSpec),
    meanCount(scenario.outbound.unitsPerLine as DistSpec),
  );

  const pools = createPools(sim, scenario);
  const queues = {} as World["queues"];
  const workers = {} as World["workers"];
  for (const role of ROLES) {
    queues[role] = new TaskQueue(sim, `${role}Tasks`, tracer);
    workers[role] = [];
  }
  const world: World = {
    sim,
    scenario,
    site,
    ledger: new StockLedger({ skus: infos.map((i) => i.sku), keepLog: false }),
    skus,
    tracer,
    stats: emptyStats(sim),
    listeners: {
      faceRestocked: [],
      faceDrawn: [],
      slotFreed: [],
      palletChecked: [],
      orderPicked: [],
      orderPacked: [],
      orderShipped: [],
    },
    warmupS: scenario.warmupDays * DAY_S,
    horizonS: scenario.horizonDays * DAY_S,
    workers,
    queues,
    pickZoneQueues: Array.from(
      { length: zones },
      (_, z) => new TaskQueue(sim, `pickZone${z + 1}Tasks`, tracer),
    ),
    pools,
    equipmentFor: equipmentForTasks(scenario, pools),
    walkingMotion: walkingMotions(scenario),
    aisles: buildAisleTraffic(sim, site.layout.aisles, widestBodyM(scenario)),
    slotSku: new Int32Array(site.reserve.length).fill(-1),
    slotPallets: new Int32Array(site.reserve.length),
    putawayRule: undefined as never,
    stopOfSku: new Int32Array(skus.length).fill(-1),
    openOrders: 0,
    nextId: { order: 1, pallet: 1, task: 1 },
    startPutaway: () => {},
    checkFace: () => {},
    pickFace: undefined,
    packagingS: () => 0,
  };
  checkRemovalData(world, "<scenario>");
  world.putawayRule = createPutawayRule(world, "<scenario>");
  placeInitialStock(world, slotContents(world), scenario.layoutFile ?? "<scenario>");
  return world;
}

/**
 * Checks that `scenario` can run: builds its world as a replication would (throws InputError
 * listing what the scenario or layout lacks). `whsim validate` calls it.
 */
export function checkRunnable(scenario: Scenario): void {
  createWorld(scenario);
}

/** Runs one replication of `scenario` and returns its results. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunResult {
  const steps = simulateInChunks(scenario, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Chunks of simulated time a replication runs in (progress is reported after each). */
const CHUNKS = 50;

/**
 * One replication as a generator: it sets the world up, yields the fraction of the horizon
 * done after each of 50 chunks of simulated time, and returns the results. A caller may hand
 * the event loop back between chunks (so Ctrl-C is heard within a long replication) or stop;
 * simulate() runs it through. The same seed gives the same results either way.
 */
export function* simulateInChunks(
  scenario: Scenario,
  options: SimulateOptions = {},
): Generator<number, RunResult, void> {
  const world = createWorld(scenario, options);
  const { operations, dailyCounts } = installProcesses(world, options);
  let events = 0;
  for (let c = 1; c <= CHUNKS; c++) {
    events += runChunk(world.sim, (world.horizonS * c) / CHUNKS);
    options.onProgress?.(c / CHUNKS);
    yield c / CHUNKS;
  }
  return runResult(world, operations, dailyCounts.finish(), events);
}

/** Starts every process of a replication, in a fixed order (same-time events depend on it). */
function installProcesses(world: World, options: SimulateOptions) {
  const contents = slotContents(world);
  installPutaway(world, contents);
  installReplenishment(world);
  const inbound = startInbound(world);
  startReorders(world, inbound);
  const departures = carrierDepartures(world);
  const pick = installPicking(world);
  installPacking(world);
  installShipping(world, departures);
  startOrders(world, departures, pick);
  startCrews(world);
  const operations = installOperations(world, departures, pick);
  startSampler(world, operations);
  const dailyCounts = startDailyCounts(world);
  if (world.tracer.on) traceHeader(world, options);
  startWarmupReset(world);
  return { operations, dailyCounts };
}

/** The results of a finished replication: KPIs, breakdowns, conservation, counts. */
function runResult(
  world: World,
  operations: OperationsHandle,
  daily: ReturnType<ReturnType<typeof startDailyCounts>["finish"]>,
  events: number,
): RunResult {
  const { kpis, breakdown } = computeKpis(world, daily);
  operations.finish(kpis, breakdown);
  const conservation = checkConservation(world);
  const t = world.stats.total;
  return {
    kpis,
    breakdown,
    conservation,
    counts: {
      events,
      trailersIn: t.trailersIn,
      palletsReceived: t.palletsReceived,
      purchaseOrders: t.purchaseOrders,
      replenishments: t.replenishments,
      pickTours: t.pickTours,
      linesPicked: t.linesPicked,
      trailersOut: t.trailersOut,
      traceRecords: world.tracer.count,
    },
    daily,
    horizonS: world.horizonS,
    warmupS: world.warmupS,
  };
}

/** The trace's header record (scenario, seed, workers with their equipment) and initial stock. */
function traceHeader(world: World, options: SimulateOptions): void {
  const { scenario, workers } = world;
  world.tracer.emit({
    kind: "header",
    version: 1,
    scenario: scenario.name,
    seed: options.seed ?? scenario.seed,
    replication: options.replication ?? 0,
    horizonS: world.horizonS,
    workers: ROLES.flatMap((role) =>
      workers[role].map((w) => ({
        id: w.id,
        role,
        equipment:
          role === "packer" || role === "counter" || role === "returnsClerk"
            ? "none"
            : scenario.equipment.tasks[taskOfRole(role)],
      })),
    ),
  });
  traceInitialStock(world);
}

/** Warm-up deletion: time averages restart at the warm-up (counters check the time themselves). */
function startWarmupReset(world: World): void {
  const { sim, warmupS, pools } = world;
  sim.process(
    (function* () {
      if (warmupS > 0) yield warmupS;
      const s = world.stats;
      for (const stat of [s.wip, s.stockUnits, s.occupiedLocations]) stat.reset(sim.now);
      for (const pool of Object.values(pools)) pool?.inUse.reset(sim.now);
    })(),
  );
}

/**
 * Runs `sim` up to `until` seconds; returns the number of events stepped. A function of its
 * own so that the hot loop is optimised here (on-stack replacement) and not in the
 * replication's generator.
 */
function runChunk(sim: Simulation, until: number): number {
  let events = 0;
  while (sim.peek() < until) {
    sim.step();
    events++;
  }
  sim.run({ until });
  return events;
}

function taskOfRole(role: string): EquippedTask {
  switch (role) {
    case "receiver":
      return "unload";
    case "putaway":
      return "putaway";
    case "replenisher":
      return "replenish";
    case "picker":
      return "pick";
    case "loader":
      return "load";
    default:
      return "pick";
  }
}

/** Periodic sample: stock, occupied locations (for KPIs) and a `sample` trace record. */
function startSampler(world: World, operations: OperationsHandle): void {
  const { sim, scenario, stats, site, ledger } = world;
  const interval = scenario.sampleIntervalS;
  sim.process(
    (function* () {
      for (;;) {
        let occupied = 0;
        for (const sku of world.skus) if (sku.faceUnits > 0) occupied++;
        for (let i = 0; i < world.slotPallets.length; i++) if (world.slotPallets[i] > 0) occupied++;
        const stockUnits = ledger.onHand({}, "physical");
        stats.stockUnits.update(stockUnits);
        stats.occupiedLocations.update(occupied);
        if (world.tracer.on) {
          const utilization: Record<string, number> = {};
          for (const role of ROLES) {
            const ws = world.workers[role];
            const on = ws.filter((w) => w.state !== "offShift").length;
            utilization[role] = on > 0 ? ws.filter((w) => w.busy).length / on : 0;
          }
          const queues: Record<string, number> = {};
          for (const role of ROLES) queues[role] = world.queues[role].length;
          world.tracer.emit({
            t: sim.now,
            kind: "sample",
            wip: world.openOrders,
            queues,
            utilization,
            stockUnits,
            ...operations.sample(),
          });
        }
        void site;
        yield interval;
      }
    })(),
  );
}
