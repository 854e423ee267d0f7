/**
 * Accumulates trace records (after the header) into growable arrays, one method per record
 * kind, and turns them into a TraceIndex. The line splitting and the header live in
 * traceParser.ts.
 */
import { FloorRecords } from "./floorRecords.ts";
import { GrowF32, GrowF64, GrowU32 } from "./growable.ts";
import { OrderCycleBuilder } from "./orderCycles.ts";
import { positionAt } from "./playbackQuery.ts";
import type {
  AisleCongestion,
  LocationPicks,
  StepSeries,
  TraceIndex,
  TraceIssue,
  WorkerTrack,
} from "./traceIndex.ts";
import { stateCode, type TraceHeader } from "./traceTypes.ts";
import { travelDensity } from "./travelDensity.ts";

/** Records problems with the line they were met on. */
export type IssueSink = (message: string) => void;

interface TrackBuilder {
  id: string;
  role: string;
  equipment: string | null;
  moveT: GrowF64;
  moveUntilT: GrowF64;
  moveFirst: GrowU32;
  moveCount: GrowU32;
  stateT: GrowF64;
  stateCode: number[];
  liftT: number[];
  liftUntilT: number[];
  liftHeightM: number[];
}

interface SampleBuilder {
  t: number[];
  wip: number[];
  stockUnits: number[];
  queues: Record<string, number[]>;
  utilization: Record<string, number[]>;
}

type Steps = Map<string, { t: number[]; v: number[] }>;

/** Options of TraceBuilder.finish. */
export interface FinishOptions {
  floor?: { widthM: number; depthM: number };
  cellM: number;
}

function newTrack(id: string, role: string, equipment: string | null): TrackBuilder {
  return {
    id,
    role,
    equipment,
    moveT: new GrowF64(64),
    moveUntilT: new GrowF64(64),
    moveFirst: new GrowU32(64),
    moveCount: new GrowU32(64),
    stateT: new GrowF64(64),
    stateCode: [],
    liftT: [],
    liftUntilT: [],
    liftHeightM: [],
  };
}

/** Appends (t, v) to the step series `key` of `map`. */
function pushStep(map: Steps, key: string, t: number, v: number): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = { t: [], v: [] }));
  s.t.push(t);
  s.v.push(v);
}

type RecordHandler = (b: TraceBuilder, rec: any, t: number) => void;

/** What each record kind adds to the index. */
const RECORD_KINDS = new Map<string, RecordHandler>([
  ["move", (b, rec, t) => b.move(rec, t)],
  ["lift", (b, rec, t) => b.lift(rec, t)],
  ["state", (b, rec, t) => b.state(rec, t)],
  ["queue", (b, rec, t) => b.queue(rec, t)],
  ["pick", (b, rec, t) => b.pick(rec, t)],
  ["stock", (b, rec, t) => b.stockChange(rec, t)],
  ["congestion", (b, rec, t) => b.congestionWait(rec, t)],
  ["order", (b, rec, t) => b.order(rec, t)],
  ["task", (b, rec) => b.task(rec)],
  ["sample", (b, rec, t) => b.sample(rec, t)],
  ["door", (b, rec, t) => b.floor.door(rec, t)],
  ["trailer", (b, rec, t) => b.floor.load(rec, t, String(rec.id))],
  ["load", (b, rec, t) => b.floor.load(rec, t, String(rec.trailer))],
  ["station", (b, rec, t) => b.floor.station(rec, t)],
  ["block", (b, rec, t) => b.floor.block(rec, t)],
]);

/** The index under construction. */
export class TraceBuilder {
  records = 0;
  private startT = Number.POSITIVE_INFINITY;
  private endT = Number.NEGATIVE_INFINITY;
  private readonly tracks = new Map<string, TrackBuilder>();
  private readonly px = new GrowF32(1 << 16);
  private readonly py = new GrowF32(1 << 16);
  private readonly pcum = new GrowF32(1 << 16);
  private readonly queues: Steps = new Map();
  private readonly samples: SampleBuilder = {
    t: [],
    wip: [],
    stockUnits: [],
    queues: {},
    utilization: {},
  };
  private readonly picks: Record<string, LocationPicks> = {};
  private readonly pickT = new GrowF64(1024);
  private readonly pickLoc = new GrowU32(1024);
  private readonly pickNames: string[] = [];
  private readonly pickIndex = new Map<string, number>();
  private readonly stock = new Map<string, Steps>();
  private readonly congestion: Record<string, AisleCongestion> = {};
  private readonly jam = { t: [] as number[], worker: [] as string[], waitS: [] as number[] };
  private readonly jamAisle: string[] = [];
  private readonly orderEvents: Record<string, number> = {};
  private readonly orderTimes = new Map<string, number[]>();
  private readonly orderCycles = new OrderCycleBuilder();
  private readonly tasks: Record<string, number> = {};
  /** Doors, pack stations and blocking waits. */
  readonly floor: FloorRecords;

  constructor(private readonly issue: IssueSink) {
    this.floor = new FloorRecords(issue);
  }

  /** Registers the header's workers, in header order. */
  addWorkers(header: TraceHeader): void {
    for (const w of header.workers) {
      this.tracks.set(String(w.id), newTrack(String(w.id), String(w.role), w.equipment ?? null));
    }
  }

  private track(id: string): TrackBuilder {
    let tr = this.tracks.get(id);
    if (!tr) {
      // A worker missing from the header still plays, with an unknown role.
      tr = newTrack(id, "unknown", null);
      this.tracks.set(id, tr);
    }
    return tr;
  }

  /** Adds one record; records without a numeric time are reported and skipped. */
  add(rec: any): void {
    const t = rec.t;
    if (typeof t !== "number" || !Number.isFinite(t)) {
      this.issue(`record without a numeric t (kind ${JSON.stringify(rec.kind)})`);
      return;
    }
    this.records++;
    if (t < this.startT) this.startT = t;
    if (t > this.endT) this.endT = t;
    // Unknown kinds are skipped: newer traces may carry more than this viewer draws.
    RECORD_KINDS.get(rec.kind)?.(this, rec, t);
  }

  state(rec: any, t: number): void {
    const tr = this.track(String(rec.id));
    tr.stateT.push(t);
    tr.stateCode.push(stateCode(String(rec.state)));
  }

  queue(rec: any, t: number): void {
    pushStep(this.queues, String(rec.name), t, +rec.length);
  }

  task(rec: any): void {
    if (rec.phase === "start")
      this.tasks[String(rec.task)] = (this.tasks[String(rec.task)] ?? 0) + 1;
  }

  move(rec: any, t: number): void {
    const path = rec.path;
    if (!Array.isArray(path) || path.length === 0 || typeof rec.untilT !== "number") {
      this.issue("move without a path or untilT");
      return;
    }
    const tr = this.track(String(rec.id));
    const first = this.px.length;
    let cum = 0;
    let lastX = 0;
    let lastY = 0;
    for (let i = 0; i < path.length; i++) {
      const x = +path[i][0];
      const y = +path[i][1];
      if (i > 0) cum += Math.hypot(x - lastX, y - lastY);
      this.px.push(x);
      this.py.push(y);
      this.pcum.push(cum);
      lastX = x;
      lastY = y;
    }
    if (rec.untilT > this.endT) this.endT = rec.untilT;
    tr.moveT.push(t);
    tr.moveUntilT.push(rec.untilT);
    tr.moveFirst.push(first);
    tr.moveCount.push(path.length);
  }

  lift(rec: any, t: number): void {
    const heightM = +rec.heightM;
    if (typeof rec.untilT !== "number" || !(heightM >= 0)) {
      this.issue("lift without an untilT or a height");
      return;
    }
    const tr = this.track(String(rec.id));
    tr.liftT.push(t);
    tr.liftUntilT.push(rec.untilT);
    tr.liftHeightM.push(heightM);
  }

  pick(rec: any, t: number): void {
    const loc = String(rec.location);
    const p = (this.picks[loc] ??= { count: 0, qty: 0, short: 0, sku: "" });
    p.count++;
    p.qty += +rec.qty || 0;
    if (rec.short) p.short++;
    p.sku = String(rec.sku ?? "");
    let li = this.pickIndex.get(loc);
    if (li === undefined) {
      li = this.pickNames.length;
      this.pickIndex.set(loc, li);
      this.pickNames.push(loc);
    }
    this.pickT.push(t);
    this.pickLoc.push(li);
  }

  stockChange(rec: any, t: number): void {
    const loc = String(rec.location);
    let bySku = this.stock.get(loc);
    if (!bySku) this.stock.set(loc, (bySku = new Map()));
    pushStep(bySku, String(rec.sku ?? ""), t, +rec.onHand);
  }

  congestionWait(rec: any, t: number): void {
    const aisle = String(rec.aisle);
    const waitS = +rec.waitS || 0;
    const c = (this.congestion[aisle] ??= { waitS: 0, count: 0 });
    c.waitS += waitS;
    c.count++;
    this.jam.t.push(t);
    this.jam.worker.push(String(rec.worker));
    this.jam.waitS.push(waitS);
    this.jamAisle.push(aisle);
  }

  order(rec: any, t: number): void {
    const event = String(rec.event);
    this.orderEvents[event] = (this.orderEvents[event] ?? 0) + 1;
    let times = this.orderTimes.get(event);
    if (!times) this.orderTimes.set(event, (times = []));
    times.push(t);
    this.orderCycles.add(event, rec.id, t);
  }

  sample(rec: any, t: number): void {
    const s = this.samples;
    const n = s.t.length;
    s.t.push(t);
    s.wip.push(typeof rec.wip === "number" ? rec.wip : Number.NaN);
    s.stockUnits.push(typeof rec.stockUnits === "number" ? rec.stockUnits : Number.NaN);
    addColumns(s.queues, rec.queues, n);
    addColumns(s.utilization, rec.utilization, n);
  }

  /** The index without its issue count and density (the parser sets both last). */
  finish(header: TraceHeader, issues: TraceIssue[]): TraceIndex {
    const workers: WorkerTrack[] = [];
    for (const tr of this.tracks.values()) workers.push(finishTrack(tr, this.issue));
    const endT = Number.isFinite(this.endT) ? this.endT : 0;
    const index: TraceIndex = {
      header,
      records: this.records,
      startT: Number.isFinite(this.startT) ? this.startT : 0,
      endT,
      workers,
      px: this.px.toArray(),
      py: this.py.toArray(),
      pcum: this.pcum.toArray(),
      queues: toSeriesRecord(this.queues),
      samples: finishSamples(this.samples),
      picks: this.picks,
      pickEvents: sortedPicks(this.pickT.toArray(), this.pickLoc.toArray(), this.pickNames),
      stock: Object.fromEntries(
        [...this.stock].map(([loc, bySku]) => [loc, toSeriesRecord(bySku)] as const),
      ),
      congestion: this.congestion,
      congestionEvents: {
        t: Float64Array.from(this.jam.t),
        x: new Float32Array(this.jam.t.length),
        y: new Float32Array(this.jam.t.length),
        waitS: Float32Array.from(this.jam.waitS),
        aisle: this.jamAisle,
      },
      ...this.floor.finish(endT),
      orderEvents: this.orderEvents,
      orderTimes: Object.fromEntries(
        [...this.orderTimes].map(([k, v]) => [k, Float64Array.from(v)]),
      ),
      orderCycles: this.orderCycles.finish(),
      tasks: this.tasks,
      density: null,
      issues,
      issueCount: 0,
    };
    return index;
  }

  /** Sets the travel-density grid of a finished index. */
  addDensity(index: TraceIndex, options: FinishOptions): void {
    index.density = travelDensity(index, { floor: options.floor, cellM: options.cellM });
  }

  /** Places each congestion wait at the worker's position when the wait ended. */
  placeCongestion(index: TraceIndex): void {
    const byId = new Map(index.workers.map((w) => [w.id, w] as const));
    const at = { x: 0, y: 0, moving: false };
    const ev = index.congestionEvents;
    for (let i = 0; i < ev.t.length; i++) {
      const w = byId.get(this.jam.worker[i]);
      const known = w ? positionAt(index, w, ev.t[i], at) : false;
      ev.x[i] = known ? at.x : Number.NaN;
      ev.y[i] = known ? at.y : Number.NaN;
    }
  }
}

function addColumns(target: Record<string, number[]>, values: unknown, row: number): void {
  if (values && typeof values === "object") {
    for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
      let col = target[k];
      if (!col) {
        col = target[k] = [];
        for (let i = 0; i < row; i++) col.push(Number.NaN);
      }
      col.push(typeof v === "number" ? v : Number.NaN);
    }
  }
  for (const col of Object.values(target)) if (col.length === row) col.push(Number.NaN);
}

function toSeriesRecord(map: Steps): Record<string, StepSeries> {
  const out: Record<string, StepSeries> = {};
  for (const [k, s] of map) out[k] = { t: Float64Array.from(s.t), v: Float64Array.from(s.v) };
  return out;
}

function finishSamples(s: SampleBuilder): TraceIndex["samples"] {
  const cols = (r: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Float64Array.from(v)]));
  return {
    t: Float64Array.from(s.t),
    wip: Float64Array.from(s.wip),
    stockUnits: Float64Array.from(s.stockUnits),
    queues: cols(s.queues),
    utilization: cols(s.utilization),
  };
}

function sortedPicks(t: Float64Array, location: Uint32Array, names: string[]) {
  if (isSorted(t)) return { t, location, names };
  const order = sortOrder(t);
  return {
    t: Float64Array.from(order, (i) => t[i]),
    location: Uint32Array.from(order, (i) => location[i]),
    names,
  };
}

function isSorted(a: Float64Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i] < a[i - 1]) return false;
  return true;
}

/** Indexes of `t` in ascending time (stable). */
function sortOrder(t: Float64Array): number[] {
  return Array.from(t.keys()).sort((a, b) => t[a] - t[b]);
}

function finishTrack(tr: TrackBuilder, issue: IssueSink): WorkerTrack {
  let moveT = tr.moveT.toArray();
  let moveUntilT = tr.moveUntilT.toArray();
  let moveFirst = tr.moveFirst.toArray();
  let moveCount = tr.moveCount.toArray();
  if (!isSorted(moveT)) {
    issue(`moves of worker ${tr.id} are not in time order; sorted`);
    const order = sortOrder(moveT);
    moveT = Float64Array.from(order, (i) => moveT[i]);
    moveUntilT = Float64Array.from(order, (i) => moveUntilT[i]);
    moveFirst = Uint32Array.from(order, (i) => moveFirst[i]);
    moveCount = Uint32Array.from(order, (i) => moveCount[i]);
  }
  let stateT = tr.stateT.toArray();
  let codes = Uint8Array.from(tr.stateCode);
  if (!isSorted(stateT)) {
    issue(`states of worker ${tr.id} are not in time order; sorted`);
    const order = sortOrder(stateT);
    stateT = Float64Array.from(order, (i) => stateT[i]);
    codes = Uint8Array.from(order, (i) => codes[i]);
  }
  return {
    id: tr.id,
    role: tr.role,
    equipment: tr.equipment,
    moveT,
    moveUntilT,
    moveFirst,
    moveCount,
    stateT,
    stateCode: codes,
    liftT: Float64Array.from(tr.liftT),
    liftUntilT: Float64Array.from(tr.liftUntilT),
    liftHeightM: Float32Array.from(tr.liftHeightM),
  };
}
