/**
 * The indexed form of a trace: per-worker typed arrays of moves and states sorted by time,
 * time series of queues and samples, and per-location / per-aisle totals for heatmaps.
 * Plain data (typed arrays and records) so it can cross from a Web Worker by transfer.
 */
import type { OrderCycles } from "./orderCycles.ts";
import type { TraceHeader } from "./traceTypes.ts";

/** The moves and states of one worker, sorted by time. */
export interface WorkerTrack {
  id: string;
  role: string;
  equipment: string | null;
  /** Start time of each move, s, ascending. */
  moveT: Float64Array;
  /** End time of each move, s. */
  moveUntilT: Float64Array;
  /** Index of each move's first point in the index's point arrays. */
  moveFirst: Uint32Array;
  /** Number of points of each move's path. */
  moveCount: Uint32Array;
  /** Time of each state change, s, ascending. */
  stateT: Float64Array;
  /** State code (index in WORKER_STATES) from stateT on. */
  stateCode: Uint8Array;
  /** Start and end time of each lift (a store or retrieve at a level), s, ascending. */
  liftT: Float64Array;
  liftUntilT: Float64Array;
  /** Height of each lift's level above the floor, m. */
  liftHeightM: Float32Array;
}

/** A step function of time: value v[i] holds from t[i] on. */
export interface StepSeries {
  t: Float64Array;
  v: Float64Array;
}

/** Periodic KPI samples (`sample` records). */
export interface SampleSeries {
  t: Float64Array;
  wip: Float64Array;
  stockUnits: Float64Array;
  /** Queue length per queue name, aligned with t (NaN where a sample lacked it). */
  queues: Record<string, Float64Array>;
  /** Utilisation share 0..1 per role, aligned with t. */
  utilization: Record<string, Float64Array>;
}

/** Picks at one location over the whole trace. */
export interface LocationPicks {
  /** Number of pick records. */
  count: number;
  /** Units picked. */
  qty: number;
  /** Pick records flagged short. */
  short: number;
  /** SKU of the last pick. */
  sku: string;
}

/** Every pick record in time order: its time and location (an index into `names`). */
export interface PickEvents {
  t: Float64Array;
  location: Uint32Array;
  names: string[];
}

/** Waits to enter one aisle segment over the whole trace. */
export interface AisleCongestion {
  /** Total wait, s. */
  waitS: number;
  /** Number of waits. */
  count: number;
}

/** Each congestion wait with where the worker stood (its position at the end of the wait). */
export interface CongestionEvents {
  /** End of the wait, s. */
  t: Float64Array;
  /** Worker position, m (NaN if the worker never moved). */
  x: Float32Array;
  y: Float32Array;
  waitS: Float32Array;
  /** Aisle (or aisle segment) key as the trace gives it. */
  aisle: string[];
}

/** Who holds a door or pack station: `holder[i]` ("" when free) from `t[i]` on, s. */
export interface HoldSeries {
  t: Float64Array;
  holder: string[];
}

/** A dock door: the trailer holding it and that trailer's pallets, from `t[i]` on. */
export interface DoorSeries extends HoldSeries {
  /** `inbound` or `outbound`. */
  flow: string;
  /** Pallets on the trailer (NaN while unknown or free). */
  pallets: Float64Array;
  /** The trailer's pallet places (NaN while unknown or free). */
  palletPlaces: Float64Array;
}

/** Waits for a held aisle, pick face, P&D point or cross aisle (`block` records), by start. */
export interface BlockEvents {
  /** Start and end of each wait, s (end Infinity when the trace ends first). */
  t: Float64Array;
  untilT: Float64Array;
  /** The waiting worker's id. */
  worker: string[];
  /** The aisle, cross aisle or P&D point id waited at. */
  at: string[];
  /** Why: `aisle`, `pickFace`, `pdPoint`, `crossAisle`. */
  reason: string[];
  /** The held pick face's location id ("" for other reasons). */
  location: string[];
  /** Longest wait that ends within the trace, s (open waits count up to the trace's end). */
  maxS: number;
}

/** Metres travelled per grid cell (travel density). */
export interface DensityGrid {
  /** Cell edge, m. */
  cellM: number;
  cols: number;
  rows: number;
  /** Metres travelled through each cell, row-major (row = floor(y / cellM)). */
  metres: Float32Array;
}

/** A trace line the parser could not use. */
export interface TraceIssue {
  /** 1-based line number in trace.ndjson. */
  line: number;
  message: string;
}

/** Everything the viewer needs from a trace, indexed for lookups by time. */
export interface TraceIndex {
  header: TraceHeader;
  /** Records read, header excluded. */
  records: number;
  /** First and last record time, s. */
  startT: number;
  endT: number;
  workers: WorkerTrack[];
  /** Path points of all moves, m. */
  px: Float32Array;
  py: Float32Array;
  /** Distance from the start of the point's own path, m. */
  pcum: Float32Array;
  queues: Record<string, StepSeries>;
  samples: SampleSeries;
  picks: Record<string, LocationPicks>;
  pickEvents: PickEvents;
  /** Physical on-hand per location and SKU after each change. */
  stock: Record<string, Record<string, StepSeries>>;
  congestion: Record<string, AisleCongestion>;
  congestionEvents: CongestionEvents;
  /** Dock doors by id (`door`, `trailer` and `load` records). */
  doors: Record<string, DoorSeries>;
  /** Pack stations by id (`station` records). */
  stations: Record<string, HoldSeries>;
  blocks: BlockEvents;
  /** Count of order events by kind (`created`, `shipped`, …). */
  orderEvents: Record<string, number>;
  /** Times of order events by kind, s. */
  orderTimes: Record<string, Float64Array>;
  /** Creation and shipping time of each order, paired by order id. */
  orderCycles: OrderCycles;
  /** Count of task starts by task type. */
  tasks: Record<string, number>;
  density: DensityGrid | null;
  /** The first problems met (at most 20), with the total in issueCount. */
  issues: TraceIssue[];
  issueCount: number;
}

/** The typed-array buffers of an index, for postMessage transfer lists. */
export function transferables(index: TraceIndex): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: { buffer: ArrayBufferLike }) => {
    if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  for (const w of index.workers) {
    for (const a of [w.moveT, w.moveUntilT, w.moveFirst, w.moveCount, w.stateT, w.stateCode]) {
      add(a);
    }
  }
  for (const a of [index.px, index.py, index.pcum]) add(a);
  for (const q of Object.values(index.queues)) {
    add(q.t);
    add(q.v);
  }
  const s = index.samples;
  for (const a of [s.t, s.wip, s.stockUnits, ...Object.values(s.queues)]) add(a);
  for (const a of Object.values(s.utilization)) add(a);
  for (const byLoc of Object.values(index.stock)) {
    for (const st of Object.values(byLoc)) {
      add(st.t);
      add(st.v);
    }
  }
  for (const a of Object.values(index.orderTimes)) add(a);
  add(index.orderCycles.createdT);
  add(index.orderCycles.shippedT);
  if (index.density) add(index.density.metres);
  add(index.pickEvents.t);
  add(index.pickEvents.location);
  const c = index.congestionEvents;
  for (const a of [c.t, c.x, c.y, c.waitS]) add(a);
  for (const d of Object.values(index.doors))
    for (const a of [d.t, d.pallets, d.palletPlaces]) add(a);
  for (const st of Object.values(index.stations)) add(st.t);
  add(index.blocks.t);
  add(index.blocks.untilT);
  return [...out];
}
