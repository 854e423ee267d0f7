import { describe, expect, it } from "vitest";
import { lastAtOrBefore, positionAt, stateAt, valueAt } from "../../web/src/trace/playbackQuery.ts";
import { createTraceParser } from "../../web/src/trace/traceParser.ts";
import { stateCode } from "../../web/src/trace/traceTypes.ts";
import { travelDensity } from "../../web/src/trace/travelDensity.ts";

const header = {
  kind: "header",
  version: 1,
  horizonS: 200,
  workers: [
    { id: "W1", role: "picker", equipment: "cart" },
    { id: "W2", role: "packer" },
  ],
};
const lines = [
  header,
  { t: 0, kind: "state", id: "W1", state: "idle" },
  { t: 100, kind: "state", id: "W1", state: "travelling" },
  {
    t: 100,
    kind: "move",
    id: "W1",
    path: [
      [0, 0],
      [10, 0],
      [10, 5],
    ],
    untilT: 115,
  },
  { t: 110, kind: "queue", name: "pack:PK1", length: 2 },
  { t: 115, kind: "state", id: "W1", state: "picking" },
  { t: 120, kind: "pick", location: "L1", sku: "S1", qty: 3, worker: "W1" },
  { t: 120, kind: "stock", location: "L1", sku: "S1", onHand: 7 },
  { t: 121, kind: "congestion", aisle: "A1", worker: "W1", waitS: 4.5 },
  {
    t: 130,
    kind: "sample",
    wip: 5,
    queues: { pack: 2 },
    utilization: { picker: 0.5 },
    stockUnits: 90,
  },
  {
    t: 140,
    kind: "sample",
    wip: 6,
    queues: { pack: 1, dock: 3 },
    utilization: { picker: 0.75 },
    stockUnits: 87,
  },
  {
    t: 150,
    kind: "move",
    id: "W1",
    path: [
      [10, 5],
      [10, 9],
    ],
    untilT: 154,
  },
  { t: 160, kind: "pick", location: "L1", sku: "S1", qty: 1, worker: "W1", short: true },
  { t: 170, kind: "order", id: "O1", event: "shipped" },
].map((r) => JSON.stringify(r));
const text = `${lines.join("\n")}\n`;

function parse(chunkSize: number) {
  const p = createTraceParser({ floor: { widthM: 12, depthM: 10 } });
  for (let i = 0; i < text.length; i += chunkSize) p.push(text.slice(i, i + chunkSize));
  return p.finish();
}

describe("createTraceParser()", () => {
  it("indexes the same trace whatever the chunk boundaries", () => {
    for (const size of [1, 7, 64, text.length]) {
      const index = parse(size);
      expect(index.records).toBe(lines.length - 1);
      expect(index.workers.map((w) => w.id)).toEqual(["W1", "W2"]);
      const w1 = index.workers[0];
      expect(Array.from(w1.moveT)).toEqual([100, 150]);
      expect(Array.from(w1.moveUntilT)).toEqual([115, 154]);
      expect(Array.from(w1.moveCount)).toEqual([3, 2]);
      expect(Array.from(w1.stateT)).toEqual([0, 100, 115]);
      expect(index.workers[1].moveT.length).toBe(0);
    }
  });

  it("totals picks, congestion and order events, and keeps the time range", () => {
    const index = parse(50);
    expect(index.picks.L1).toEqual({ count: 2, qty: 4, short: 1, sku: "S1" });
    expect(Array.from(index.pickEvents.t)).toEqual([120, 160]);
    expect(index.pickEvents.names).toEqual(["L1"]);
    expect(Array.from(index.pickEvents.location)).toEqual([0, 0]);
    expect(index.congestion.A1).toEqual({ waitS: 4.5, count: 1 });
    expect(index.orderEvents).toEqual({ shipped: 1 });
    expect(index.startT).toBe(0);
    expect(index.endT).toBe(170);
    expect(index.issueCount).toBe(0);
  });

  it("aligns sample columns, with NaN where a sample lacks a queue", () => {
    const s = parse(50).samples;
    expect(Array.from(s.t)).toEqual([130, 140]);
    expect(Array.from(s.wip)).toEqual([5, 6]);
    expect(Array.from(s.queues.pack)).toEqual([2, 1]);
    expect(s.queues.dock[0]).toBeNaN();
    expect(s.queues.dock[1]).toBe(3);
    expect(Array.from(s.utilization.picker)).toEqual([0.5, 0.75]);
  });

  it("reports bad lines with their numbers and keeps reading", () => {
    const p = createTraceParser();
    p.push(`${JSON.stringify(header)}\n{oops\n{"kind":"state","id":"W1","state":"idle"}\n`);
    p.push(`${JSON.stringify({ t: 5, kind: "state", id: "W1", state: "picking" })}\n`);
    const index = p.finish();
    expect(index.issues.map((i) => i.line)).toEqual([2, 3]);
    expect(index.issues[0].message).toMatch(/JSON/);
    expect(index.records).toBe(1);
  });

  it("reports a trace without a header", () => {
    const p = createTraceParser();
    p.push(`${JSON.stringify({ t: 1, kind: "state", id: "X", state: "idle" })}\n`);
    const index = p.finish();
    expect(index.issues[0].message).toMatch(/header/);
  });
});

describe("positionAt()", () => {
  // Path (0,0) → (10,0) → (10,5): 15 m in 15 s, so 1 m/s.
  const index = parse(4096);
  const w1 = index.workers[0];
  const at = (t: number) => {
    const out = { x: Number.NaN, y: Number.NaN, moving: false };
    expect(positionAt(index, w1, t, out)).toBe(true);
    return out;
  };

  it("interpolates at constant speed along the polyline", () => {
    expect(at(105)).toEqual({ x: 5, y: 0, moving: true });
    const p = at(112);
    expect(p.x).toBeCloseTo(10, 5);
    expect(p.y).toBeCloseTo(2, 5);
    expect(at(152)).toEqual({ x: 10, y: 7, moving: true });
  });

  it("holds the last point after untilT and the first point before the first move", () => {
    expect(at(115)).toEqual({ x: 10, y: 5, moving: false });
    expect(at(140)).toEqual({ x: 10, y: 5, moving: false });
    expect(at(50)).toEqual({ x: 0, y: 0, moving: false });
    expect(at(1e9)).toEqual({ x: 10, y: 9, moving: false });
  });

  it("returns false for a worker that never moves", () => {
    expect(positionAt(index, index.workers[1], 100, { x: 0, y: 0, moving: false })).toBe(false);
  });
});

describe("stateAt(), valueAt(), lastAtOrBefore()", () => {
  const index = parse(4096);
  it("reads the step functions at a time", () => {
    const idle = stateCode("idle");
    const w1 = index.workers[0];
    expect(stateAt(w1, 99.9, idle)).toBe(stateCode("idle"));
    expect(stateAt(w1, 100, idle)).toBe(stateCode("travelling"));
    expect(stateAt(w1, 500, idle)).toBe(stateCode("picking"));
    expect(valueAt(index.queues["pack:PK1"], 109)).toBe(0);
    expect(valueAt(index.queues["pack:PK1"], 110)).toBe(2);
    expect(valueAt(index.stock.L1.S1, 125)).toBe(7);
    expect(lastAtOrBefore(Float64Array.from([1, 2, 2, 3]), 2)).toBe(2);
    expect(lastAtOrBefore(Float64Array.from([1, 2, 2, 3]), 0.5)).toBe(-1);
  });
});

describe("travelDensity()", () => {
  it("puts each metre travelled into the cell it passes through", () => {
    const p = createTraceParser();
    p.push(`${JSON.stringify(header)}\n`);
    // 3 m along row 0 from x = 0.5 to 3.5: half a metre in cells 0 and 3, a metre in 1 and 2.
    p.push(
      `${JSON.stringify({
        t: 0,
        kind: "move",
        id: "W1",
        path: [
          [0.5, 0.5],
          [3.5, 0.5],
        ],
        untilT: 3,
      })}\n`,
    );
    // 2 m up column 1 from y = 0 to 2.
    p.push(
      `${JSON.stringify({
        t: 5,
        kind: "move",
        id: "W2",
        path: [
          [1.5, 0],
          [1.5, 2],
        ],
        untilT: 7,
      })}\n`,
    );
    const index = p.finish();
    const grid = travelDensity(index, { floor: { widthM: 4, depthM: 3 }, cellM: 1 })!;
    expect([grid.cols, grid.rows]).toEqual([4, 3]);
    expect(Array.from(grid.metres)).toEqual([0.5, 2, 1, 0.5, 0, 1, 0, 0, 0, 0, 0, 0]);
  });
});
