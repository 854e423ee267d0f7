/**
 * The plain-data results of one warehouse replication: KPIs, where time goes, the
 * conservation balance and raw counts. Everything here is JSON-serialisable.
 */
import type { Site } from "./storage/site.ts";

/** Worker states whose shares make up the worker breakdown. */
export type WorkerState = "travelLoaded" | "travelEmpty" | "handling" | "waiting" | "idle";

/** Order phases whose mean durations make up the order breakdown (they sum to the cycle time). */
export type OrderPhase =
  | "waitRelease"
  | "waitPicker"
  | "travel"
  | "congestion"
  | "pick"
  | "consolidate"
  | "waitPack"
  | "pack"
  | "waitTrailer";

/** Where time goes: mean seconds per order phase, share of on-shift time per worker state and role. */
export interface Breakdown {
  order: Record<string, number>;
  worker: Record<string, Record<string, number>>;
}

/**
 * The conservation balance at the end of a run (whole run, warm-up included), physical:
 * initial + received + returned = shipped + in locations + in process + scrapped + shrunk.
 */
export interface Conservation {
  /** Units in stock at time 0. */
  unitsInitial: number;
  /** Units received from suppliers. */
  unitsReceived: number;
  /** Units that left on outbound trailers. */
  unitsShipped: number;
  /** Units in storage locations (physical). */
  unitsInLocations: number;
  /** Units in the building but not in a location: at docks, on trucks and carts, at pack, staged. */
  unitsInProcess: number;
  /** Units returned by customers (0 in the core flow). */
  unitsReturned: number;
  /** Units scrapped (0 in the core flow). */
  unitsScrapped: number;
  /** Units physically lost without a record (shrinkage; 0 in the core flow). */
  unitsShrunk: number;
  /** Customer orders created. */
  ordersCreated: number;
  ordersShipped: number;
  /** Orders not yet shipped at the end. */
  ordersOpen: number;
  ordersCancelled: number;
  /** True when both balances hold. */
  ok: boolean;
}

/** Counts of the work done in a whole run (warm-up included). */
export interface WorkCounts {
  trailersIn: number;
  palletsReceived: number;
  purchaseOrders: number;
  replenishments: number;
  pickTours: number;
  linesPicked: number;
  trailersOut: number;
}

/** Raw counts of the whole run (warm-up included). */
export interface RunCounts extends WorkCounts {
  /** Engine events processed (steps). */
  events: number;
  traceRecords: number;
}

/**
 * Orders per simulated day over the whole run, warm-up included (day d covers
 * [d, d + 1) days; the last day may end early at the horizon): the warm-up check's data.
 */
export interface DailyCounts {
  createdOrders: number[];
  shippedOrders: number[];
  /** Orders open (created, not shipped) at each day's end. */
  backlogOrders: number[];
  /** Orders open at the end of the warm-up. */
  backlogAtWarmupOrders: number;
}

/** What `simulate()` returns for one replication. */
export interface RunResult {
  /** KPI name → value, measured after the warm-up (names carry units; see KPI_UNITS). */
  kpis: Record<string, number>;
  breakdown: Breakdown;
  conservation: Conservation;
  counts: RunCounts;
  daily: DailyCounts;
  /** Seconds simulated (the horizon) and discarded (the warm-up). */
  horizonS: number;
  warmupS: number;
}

/** Options of one replication. */
export interface SimulateOptions {
  /** Master seed (default: the scenario's seed). */
  seed?: number;
  /** 0-based replication index; selects independent random substreams (default 0). */
  replication?: number;
  /** Receives trace records in time order as they happen (never stored). */
  trace?: (record: TraceRecord) => void;
  /** Called with the simulated fraction 0..1 now and then. */
  onProgress?: (fraction: number) => void;
  /**
   * The scenario's site from buildScenarioSite(), shared by replications (a run only reads
   * it); built here when absent.
   */
  site?: Site;
}

/** A trace record as in docs/architecture.md (`header`, `move`, `state`, `task`, …). */
export interface TraceRecord {
  kind: string;
  [field: string]: unknown;
}
