/**
 * Builds the world of one replication with every field set: the site, the SKUs and their
 * state, the ledger, empty statistics and listener lists, task queues and equipment pools.
 * Nothing runs yet; the operations install their processes on it (operationList.ts).
 */
import {
  type DistSpec,
  distMean,
  Simulation,
  sampler,
  Tally,
  TimeWeighted,
} from "../engine/index.ts";
import { StockLedger } from "../inventory/index.ts";
import { ROLES, type Scenario } from "../scenario/index.ts";
import { Tracer } from "./measure/trace.ts";
import { createDepartureBay } from "./outbound/departureBay.ts";
import { carrierDepartures } from "./outbound/departures.ts";
import { buildScenarioSite, pickZones } from "./scenarioSite.ts";
import { checkRemovalData } from "./storage/putawaySetup.ts";
import type { Site } from "./storage/site.ts";
import { generateSkus } from "./storage/skuMaster.ts";
import {
  createPutawayRule,
  createSkuStates,
  placeInitialStock,
  slotContents,
} from "./storage/storage.ts";
import type { SimulateOptions } from "./types.ts";
import { buildAisleTraffic, widestBodyM } from "./workforce/aisleTraffic.ts";
import { DAY_S } from "./workforce/calendar.ts";
import { createPools, equipmentForTasks, walkingMotions } from "./workforce/equipment.ts";
import { PlaceTraffic } from "./workforce/placeTraffic.ts";
import { activityVariations } from "./workforce/timeStandards.ts";
import { TaskQueue } from "./workforce/workforce.ts";
import type { Listeners, Stats, World } from "./world.ts";

/** Mean of a count distribution after rounding to an integer >= 1. */
function meanCount(spec: DistSpec): number {
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
      shortPick: 0,
      consolidate: 0,
      waitPack: 0,
      pack: 0,
      waitTrailer: 0,
    },
    dockToStockS: new Tally(),
    trailerTurnaroundS: new Tally(),
    palletsChecked: 0,
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

function emptyListeners(): Listeners {
  return {
    faceRestocked: [],
    faceDrawn: [],
    faceNeeded: [],
    faceCorrected: [],
    faceMoveAsked: [],
    faceMoved: [],
    slotFreed: [],
    palletChecked: [],
    palletForStorage: [],
    palletLeftDock: [],
    purchaseOrdered: [],
    orderReleased: [],
    orderPicked: [],
    orderPacked: [],
    orderShipped: [],
    outboundPalletReady: [],
  };
}

/**
 * Builds the world of one replication: site, SKUs, pools, queues, the putaway rule and the
 * initial stock, before any operation is installed. Throws InputError when the scenario and
 * layout cannot run together (a rule without its data, a reserve too small).
 */
export function createWorld(scenario: Scenario, options: SimulateOptions = {}): World {
  const sim = new Simulation({
    seed: options.seed ?? scenario.seed,
    replication: options.replication ?? 0,
  });
  const horizonS = scenario.horizonDays * DAY_S;
  const site = ownFaces(scenario, options.site ?? buildScenarioSite(scenario));
  const tracer = new Tracer(options.trace);
  const infos = generateSkus(scenario, sim.random("skus"), sim.random("skus.cases"));
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
  checkRemovalData({ scenario, skus }, "<scenario>");
  const putawayRule = createPutawayRule({ scenario, site, sim, skus }, "<scenario>");
  const world: World = {
    sim,
    scenario,
    site,
    ledger: new StockLedger({ skus: infos.map((i) => i.sku), keepLog: false }),
    skus,
    tracer,
    stats: emptyStats(sim),
    listeners: emptyListeners(),
    warmupS: scenario.warmupDays * DAY_S,
    horizonS,
    workers,
    queues,
    pickZoneQueues: Array.from(
      { length: pickZones(scenario) },
      (_, z) => new TaskQueue(sim, `pickZone${z + 1}Tasks`, tracer),
    ),
    pools,
    equipmentFor: equipmentForTasks(scenario, pools),
    walkingMotion: walkingMotions(scenario),
    palletVariation: palletVariation(sim, scenario),
    activityVariation: activityVariations(sim, scenario),
    aisles: buildAisleTraffic(sim, site.layout.aisles, widestBodyM(scenario)),
    places: new PlaceTraffic(sim, site.layout.locations.length),
    slotSku: new Int32Array(site.reserve.length).fill(-1),
    slotPallets: new Int32Array(site.reserve.length),
    stockedFaces: 0,
    putawayRule,
    departures: carrierDepartures({ scenario, horizonS }),
    bay: createDepartureBay({
      sim,
      scenario,
      site,
      warmupS: scenario.warmupDays * DAY_S,
      unitKg: Float64Array.from(skus, (s) => s.info.sku.unitWeightKg),
    }),
    stopOfSku: new Int32Array(skus.length).fill(-1),
    openOrders: 0,
    pickFace: undefined,
    packagingS: () => 0,
    nextId: { order: 1, pallet: 1, task: 1 },
  };
  placeInitialStock(world, slotContents(world), scenario.layoutFile ?? "<scenario>");
  return world;
}

/** Draws of `timeStandards.palletVariation` on the stream `handling.pallet`, if set. */
function palletVariation(sim: Simulation, scenario: Scenario): (() => number) | undefined {
  const spec = scenario.timeStandards.palletVariation;
  if (!spec) return undefined;
  const draw = sampler(spec as DistSpec);
  const stream = sim.random("handling.pallet");
  return () => Math.max(0, draw(stream));
}

/**
 * The site with face arrays of the replication's own when the scenario re-slots (faces
 * move during the run; the site itself is shared by the replications and only read).
 */
function ownFaces(scenario: Scenario, site: Site): Site {
  if (!scenario.storage.slotting.reslot) return site;
  return {
    ...site,
    faces: [...site.faces],
    faceZone: [...site.faceZone],
    facePlace: Int32Array.from(site.facePlace),
  };
}

/**
 * Checks that `scenario` can run: builds its world as a replication would (throws InputError
 * listing what the scenario or layout lacks). `whsim validate` calls it.
 */
export function checkRunnable(scenario: Scenario): void {
  createWorld(scenario);
}
