/**
 * Incremental NDJSON parser that builds a TraceIndex from text chunks, so a large trace
 * is read as a stream (in a Web Worker or in Node) without holding the text in memory.
 */
import { GrowF32, GrowF64, GrowU32 } from "./growable.ts";
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

/** Options of createTraceParser. */
export interface TraceParserOptions {
  /** Floor size for the travel-density grid, m; defaults to the bounds of all paths. */
  floor?: { widthM: number; depthM: number };
  /** Density cell edge, m. Defaults to 1. */
  cellM?: number;
}

/** Feeds text with push(), then finish() returns the index. */
export interface TraceParser {
  push(chunk: string): void;
  /** Adds one already parsed record (as a simulation emits it), counted as one line. */
  pushRecord(record: object): void;
  finish(): TraceIndex;
  /** Records read so far. */
  readonly records: number;
}

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

const MAX_ISSUES = 20;

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

/** Creates a parser; lines may be split anywhere across chunks. */
export function createTraceParser(options: TraceParserOptions = {}): TraceParser {
  let rest = "";
  let lineNo = 0;
  let records = 0;
  let header: TraceHeader | null = null;
  let startT = Number.POSITIVE_INFINITY;
  let endT = Number.NEGATIVE_INFINITY;
  const tracks = new Map<string, TrackBuilder>();
  const px = new GrowF32(1 << 16);
  const py = new GrowF32(1 << 16);
  const pcum = new GrowF32(1 << 16);
  const queues = new Map<string, { t: number[]; v: number[] }>();
  const samples: SampleBuilder = { t: [], wip: [], stockUnits: [], queues: {}, utilization: {} };
  const picks: Record<string, LocationPicks> = {};
  const pickT = new GrowF64(1024);
  const pickLoc = new GrowU32(1024);
  const pickNames: string[] = [];
  const pickIndex = new Map<string, number>();
  const stock = new Map<string, Map<string, { t: number[]; v: number[] }>>();
  const congestion: Record<string, AisleCongestion> = {};
  const jam = {
    t: [] as number[],
    worker: [] as string[],
    waitS: [] as number[],
    aisle: [] as string[],
  };
  const orderEvents: Record<string, number> = {};
  const orderTimes = new Map<string, number[]>();
  const tasks: Record<string, number> = {};
  const issues: TraceIssue[] = [];
  let issueCount = 0;

  const issue = (message: string) => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ line: lineNo, message });
  };

  const track = (id: string): TrackBuilder => {
    let tr = tracks.get(id);
    if (!tr) {
      // A worker missing from the header still plays, with an unknown role.
      tr = newTrack(id, "unknown", null);
      tracks.set(id, tr);
    }
    return tr;
  };

  const handle = (rec: any) => {
    const t = rec.t;
    if (typeof t !== "number" || !Number.isFinite(t)) {
      issue(`record without a numeric t (kind ${JSON.stringify(rec.kind)})`);
      return;
    }
    records++;
    if (t < startT) startT = t;
    if (t > endT) endT = t;
    switch (rec.kind) {
      case "move": {
        const path = rec.path;
        if (!Array.isArray(path) || path.length === 0 || typeof rec.untilT !== "number") {
          issue("move without a path or untilT");
          return;
        }
        const tr = track(String(rec.id));
        const first = px.length;
        let cum = 0;
        let lastX = 0;
        let lastY = 0;
        for (let i = 0; i < path.length; i++) {
          const x = +path[i][0];
          const y = +path[i][1];
          if (i > 0) cum += Math.hypot(x - lastX, y - lastY);
          px.push(x);
          py.push(y);
          pcum.push(cum);
          lastX = x;
          lastY = y;
        }
        if (rec.untilT > endT) endT = rec.untilT;
        tr.moveT.push(t);
        tr.moveUntilT.push(rec.untilT);
        tr.moveFirst.push(first);
        tr.moveCount.push(path.length);
        return;
      }
      case "lift": {
        const heightM = +rec.heightM;
        if (typeof rec.untilT !== "number" || !(heightM >= 0)) {
          issue("lift without an untilT or a height");
          return;
        }
        const tr = track(String(rec.id));
        tr.liftT.push(t);
        tr.liftUntilT.push(rec.untilT);
        tr.liftHeightM.push(heightM);
        return;
      }
      case "state": {
        const tr = track(String(rec.id));
        tr.stateT.push(t);
        tr.stateCode.push(stateCode(String(rec.state)));
        return;
      }
      case "queue": {
        const name = String(rec.name);
        let q = queues.get(name);
        if (!q) queues.set(name, (q = { t: [], v: [] }));
        q.t.push(t);
        q.v.push(+rec.length);
        return;
      }
      case "pick": {
        const loc = String(rec.location);
        const p = (picks[loc] ??= { count: 0, qty: 0, short: 0, sku: "" });
        p.count++;
        p.qty += +rec.qty || 0;
        if (rec.short) p.short++;
        p.sku = String(rec.sku ?? "");
        let li = pickIndex.get(loc);
        if (li === undefined) {
          li = pickNames.length;
          pickIndex.set(loc, li);
          pickNames.push(loc);
        }
        pickT.push(t);
        pickLoc.push(li);
        return;
      }
      case "stock": {
        const loc = String(rec.location);
        let bySku = stock.get(loc);
        if (!bySku) stock.set(loc, (bySku = new Map()));
        const sku = String(rec.sku ?? "");
        let s = bySku.get(sku);
        if (!s) bySku.set(sku, (s = { t: [], v: [] }));
        s.t.push(t);
        s.v.push(+rec.onHand);
        return;
      }
      case "congestion": {
        const aisle = String(rec.aisle);
        const c = (congestion[aisle] ??= { waitS: 0, count: 0 });
        c.waitS += +rec.waitS || 0;
        c.count++;
        jam.t.push(t);
        jam.worker.push(String(rec.worker));
        jam.waitS.push(+rec.waitS || 0);
        jam.aisle.push(aisle);
        return;
      }
      case "order": {
        const ev = String(rec.event);
        orderEvents[ev] = (orderEvents[ev] ?? 0) + 1;
        let times = orderTimes.get(ev);
        if (!times) orderTimes.set(ev, (times = []));
        times.push(t);
        return;
      }
      case "task": {
        if (rec.phase === "start") {
          const task = String(rec.task);
          tasks[task] = (tasks[task] ?? 0) + 1;
        }
        return;
      }
      case "sample": {
        const n = samples.t.length;
        samples.t.push(t);
        samples.wip.push(typeof rec.wip === "number" ? rec.wip : Number.NaN);
        samples.stockUnits.push(typeof rec.stockUnits === "number" ? rec.stockUnits : Number.NaN);
        addColumns(samples.queues, rec.queues, n);
        addColumns(samples.utilization, rec.utilization, n);
        return;
      }
      default:
        // Unknown kinds are skipped: newer traces may carry more than this viewer draws.
        return;
    }
  };

  const record = (rec: any) => {
    if (header === null) {
      if (rec?.kind !== "header" || !Array.isArray(rec.workers)) {
        issue("first line is not a trace header with a workers list");
        header = { kind: "header", version: 0, workers: [] };
      } else {
        header = rec as TraceHeader;
        for (const w of header.workers) {
          tracks.set(String(w.id), newTrack(String(w.id), String(w.role), w.equipment ?? null));
        }
        return;
      }
    }
    handle(rec);
  };

  const line = (text: string) => {
    lineNo++;
    if (text.length === 0 || (text.length === 1 && text === "\r")) return;
    let rec: any;
    try {
      rec = JSON.parse(text);
    } catch {
      issue("not valid JSON");
      return;
    }
    record(rec);
  };

  return {
    get records() {
      return records;
    },
    pushRecord(rec: object) {
      lineNo++;
      record(rec);
    },
    push(chunk: string) {
      let start = 0;
      const text = rest.length > 0 ? rest + chunk : chunk;
      for (;;) {
        const nl = text.indexOf("\n", start);
        if (nl < 0) break;
        line(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
    },
    finish(): TraceIndex {
      if (rest.length > 0) {
        line(rest);
        rest = "";
      }
      const workers: WorkerTrack[] = [];
      for (const tr of tracks.values()) workers.push(finishTrack(tr, issue));
      const pointsX = px.toArray();
      const pointsY = py.toArray();
      const pointsCum = pcum.toArray();
      const index: TraceIndex = {
        header: header ?? { kind: "header", version: 0, workers: [] },
        records,
        startT: Number.isFinite(startT) ? startT : 0,
        endT: Number.isFinite(endT) ? endT : 0,
        workers,
        px: pointsX,
        py: pointsY,
        pcum: pointsCum,
        queues: toSeriesRecord(queues),
        samples: finishSamples(samples),
        picks,
        pickEvents: sortedPicks(pickT.toArray(), pickLoc.toArray(), pickNames),
        stock: Object.fromEntries(
          [...stock].map(([loc, bySku]) => [loc, toSeriesRecord(bySku)] as const),
        ),
        congestion,
        congestionEvents: {
          t: Float64Array.from(jam.t),
          x: new Float32Array(jam.t.length),
          y: new Float32Array(jam.t.length),
          waitS: Float32Array.from(jam.waitS),
          aisle: jam.aisle,
        },
        orderEvents,
        orderTimes: Object.fromEntries([...orderTimes].map(([k, v]) => [k, Float64Array.from(v)])),
        tasks,
        density: null,
        issues,
        issueCount,
      };
      if (header === null) issue("empty trace: no header line");
      // Where each wait happened: the worker's position when the wait ended.
      const byId = new Map(workers.map((w) => [w.id, w] as const));
      const at = { x: 0, y: 0, moving: false };
      const ev = index.congestionEvents;
      for (let i = 0; i < ev.t.length; i++) {
        const w = byId.get(jam.worker[i]);
        const known = w ? positionAt(index, w, ev.t[i], at) : false;
        ev.x[i] = known ? at.x : Number.NaN;
        ev.y[i] = known ? at.y : Number.NaN;
      }
      index.issueCount = issueCount;
      index.density = travelDensity(index, { floor: options.floor, cellM: options.cellM ?? 1 });
      return index;
    },
  };
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

function toSeriesRecord(
  map: Map<string, { t: number[]; v: number[] }>,
): Record<string, StepSeries> {
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
  const order = Array.from(t.keys()).sort((a, b) => t[a] - t[b]);
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

function finishTrack(tr: TrackBuilder, issue: (m: string) => void): WorkerTrack {
  let moveT = tr.moveT.toArray();
  let moveUntilT = tr.moveUntilT.toArray();
  let moveFirst = tr.moveFirst.toArray();
  let moveCount = tr.moveCount.toArray();
  if (!isSorted(moveT)) {
    issue(`moves of worker ${tr.id} are not in time order; sorted`);
    const order = Array.from(moveT.keys()).sort((a, b) => moveT[a] - moveT[b]);
    moveT = Float64Array.from(order, (i) => moveT[i]);
    moveUntilT = Float64Array.from(order, (i) => moveUntilT[i]);
    moveFirst = Uint32Array.from(order, (i) => moveFirst[i]);
    moveCount = Uint32Array.from(order, (i) => moveCount[i]);
  }
  let stateT = tr.stateT.toArray();
  let codes = Uint8Array.from(tr.stateCode);
  if (!isSorted(stateT)) {
    issue(`states of worker ${tr.id} are not in time order; sorted`);
    const order = Array.from(stateT.keys()).sort((a, b) => stateT[a] - stateT[b]);
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
