/**
 * KPIs and the time breakdown of one replication, measured after the warm-up. Names carry
 * their units (`S` seconds, `M` metres, `PerHour`, `Rate` 0..1); `kpiUnit` gives the unit.
 */
import type { Tally } from "../../engine/index.ts";
import { EQUIPMENT_KINDS, ROLES } from "../../scenario/index.ts";
import { COST_KPI_NAMES, computeCostKpis } from "../cost/index.ts";
import type { Breakdown, DailyCounts } from "../types.ts";
import type { World } from "../world.ts";

/** Units of the KPIs (patterns `utilization.*` are shares). */
export const KPI_UNITS: Record<string, string> = {
  ordersCreated: "orders",
  ordersShipped: "orders",
  backlogAtStartOrders: "orders",
  backlogInProcessOrders: "orders",
  demandOrdersPerHour: "orders/h",
  linesShipped: "lines",
  unitsShipped: "units",
  throughputOrdersPerHour: "orders/h",
  throughputLinesPerHour: "lines/h",
  orderCycleTimeS: "s",
  onTimeShipRate: "share",
  dockToStockS: "s",
  trailerTurnaroundS: "s",
  inboundTrailersPerHour: "trailers/h",
  yardWaitS: "s",
  inboundDoorTimeS: "s",
  pickTravelMPerLine: "m",
  fillRateLines: "share",
  stockoutLines: "lines",
  inventoryRecordAccuracy: "share",
  congestionWaitS: "s",
  waitStagingS: "s",
  stagingOccupancy: "share",
  unloadStoppedS: "s",
  dockStagingOccupancy: "share",
  outboundTrailers: "trailers",
  trailerFillShare: "share",
  outboundDoorTimeS: "s",
  congestionWaitsPerHour: "waits/h",
  ordersInProcess: "orders",
  backlogAtEndOrders: "orders",
  stockUnits: "units",
  spaceUtilization: "share",
  ...Object.fromEntries(COST_KPI_NAMES.map((name) => [name, "currency"])),
  labourHoursPerYear: "h",
  recordAccuracyFaces: "share",
  recordAccuracyMean: "share",
  shortPicks: "picks",
  shortPickUnits: "units",
  countsDone: "counts",
  countsWithVariance: "counts",
  countVarianceUnits: "units",
  fullInventoryS: "s",
  palletsInspected: "pallets",
  palletsQuarantined: "pallets",
  palletsRejected: "pallets",
  palletsReleased: "pallets",
  crossDockPallets: "pallets",
  crossDockUnits: "units",
  crossDockShare: "share",
  crossDockDwellS: "s",
  ordersReturned: "orders",
  unitsReturned: "units",
  unitsRestocked: "units",
  unitsRefurbished: "units",
  unitsScrappedReturns: "units",
  returnHandlingS: "s",
  productionOrdersDelivered: "orders",
  productionOnTimeRate: "share",
  productionLeadTimeS: "s",
  productionLatenessS: "s",
};

/** The unit of a KPI name; money is in `currency` (the scenario's code) when given. */
export function kpiUnit(name: string, currency = "currency"): string {
  if (name.startsWith("utilization.")) return "share";
  if (name.startsWith("packaging.")) return "pieces";
  if (name.startsWith("packagingPerHour.")) return "pieces/h";
  const unit = KPI_UNITS[name] ?? "";
  return unit === "currency" ? currency : unit;
}

const PHASES = [
  "waitRelease",
  "waitPicker",
  "travel",
  "congestion",
  "pick",
  "shortPick",
  "consolidate",
  "waitPack",
  "pack",
  "waitTrailer",
] as const;

/** Computes KPIs and the breakdown at the end of a run (the clock at the horizon). */
export function computeKpis(
  world: World,
  daily: DailyCounts,
): { kpis: Record<string, number>; breakdown: Breakdown } {
  const { stats, warmupS, horizonS } = world;
  const hours = (horizonS - warmupS) / 3600;
  const k: Record<string, number> = {};
  orderKpis(world, daily, k);
  k.dockToStockS = meanOf(stats.dockToStockS);
  k.trailerTurnaroundS = meanOf(stats.trailerTurnaroundS);
  k.inboundTrailersPerHour = stats.inboundTrailers / hours;
  k.yardWaitS = meanOf(stats.yardWaitS);
  k.inboundDoorTimeS = meanOf(stats.inboundDoorS);
  k.pickTravelMPerLine = stats.linesPicked > 0 ? stats.pickTravelM / stats.linesPicked : Number.NaN;
  k.fillRateLines = stats.linesCreated > 0 ? stats.linesFilled / stats.linesCreated : Number.NaN;
  k.stockoutLines = stats.stockoutLines;
  k.inventoryRecordAccuracy = world.ledger.recordAccuracy();
  k.congestionWaitS =
    stats.ordersShipped > 0 ? stats.congestionLostS / stats.ordersShipped : Number.NaN;
  k.congestionWaitsPerHour = stats.congestionWaits.count / hours;
  k.ordersInProcess = stats.wip.mean(horizonS);
  // Orders created and neither shipped nor cancelled when the run ends.
  k.backlogAtEndOrders = world.openOrders;
  k.stockUnits = stats.stockUnits.mean(horizonS);
  k.spaceUtilization =
    world.site.storageLocations > 0
      ? stats.occupiedLocations.mean(horizonS) / world.site.storageLocations
      : Number.NaN;
  const worker = workerBreakdown(world, k);
  for (const kind of EQUIPMENT_KINDS) {
    const pool = world.pools[kind];
    if (!pool) continue;
    k[`utilization.${kind}`] = pool.count > 0 ? pool.inUse.mean(horizonS) / pool.count : 0;
  }
  Object.assign(k, computeCostKpis(world));

  const order: Record<string, number> = {};
  for (const phase of PHASES)
    order[phase] = stats.ordersShipped > 0 ? stats.phases[phase] / stats.ordersShipped : 0;
  return { kpis: k, breakdown: { order, worker } };
}

const meanOf = (t: Tally) => (t.count > 0 ? t.mean : Number.NaN);

/**
 * The order KPIs, over the window's cohort: every order created after the warm-up, open
 * ones too. Throughput counts the cohort's orders shipped by the horizon (never the backlog
 * the warm-up leaves); cycle time censors open orders at the horizon; on-time counts the
 * cohort's orders due by the horizon, open ones as late.
 */
function orderKpis(world: World, daily: DailyCounts, k: Record<string, number>): void {
  const { stats, warmupS, horizonS } = world;
  const hours = (horizonS - warmupS) / 3600;
  const open = stats.ordersCreated - stats.ordersShipped;
  const censoredS = open * horizonS - stats.openCreatedSumS;
  k.ordersCreated = stats.ordersCreated;
  k.ordersShipped = stats.ordersShipped;
  k.linesShipped = stats.linesShipped;
  k.unitsShipped = stats.unitsShipped;
  k.throughputOrdersPerHour = stats.ordersShipped / hours;
  k.throughputLinesPerHour = stats.linesShipped / hours;
  k.demandOrdersPerHour = stats.ordersCreated / hours;
  k.orderCycleTimeS =
    stats.ordersCreated > 0 ? (stats.cycleS.sum + censoredS) / stats.ordersCreated : Number.NaN;
  k.onTimeShipRate = stats.ordersDue > 0 ? stats.ordersOnTime / stats.ordersDue : Number.NaN;
  k.backlogAtStartOrders = daily.backlogAtWarmupOrders;
  // The part of ordersInProcess the warm-up's backlog makes: its orders' time open in the window.
  const backlogOpenS =
    stats.backlogInWindowS +
    (daily.backlogAtWarmupOrders - stats.backlogShipped) * (horizonS - warmupS);
  k.backlogInProcessOrders = horizonS > warmupS ? backlogOpenS / (horizonS - warmupS) : 0;
}

/** Worker time shares per role; sets `utilization.<role>`. */
function workerBreakdown(world: World, k: Record<string, number>): Breakdown["worker"] {
  const worker: Breakdown["worker"] = {};
  for (const role of ROLES) {
    const workers = world.workers[role];
    if (workers.length === 0) continue;
    const sums = { travelLoaded: 0, travelEmpty: 0, handling: 0, waiting: 0, idle: 0 };
    const waitingFor: Record<string, number> = {};
    for (const w of workers) {
      w.book(world.horizonS);
      for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += w.stateS[key];
      for (const [reason, s] of Object.entries(w.waitingFor))
        waitingFor[reason] = (waitingFor[reason] ?? 0) + s;
    }
    const onShift = sums.travelLoaded + sums.travelEmpty + sums.handling + sums.waiting + sums.idle;
    const shares: Record<string, number> = {};
    for (const [key, value] of Object.entries(sums))
      shares[key] = onShift > 0 ? value / onShift : 0;
    // What the waiting was for, as shares of on-shift time: parts of `waiting`, never added to it.
    for (const reason of Object.keys(waitingFor).sort())
      shares[`waiting.${reason}`] = onShift > 0 ? waitingFor[reason] / onShift : 0;
    worker[role] = shares;
    k[`utilization.${role}`] = onShift > 0 ? 1 - sums.idle / onShift : 0;
  }
  return worker;
}
