import { describe, expect, it } from "vitest";
import type { Aisle } from "../../src/layout/types.ts";
import {
  aisleIdOf,
  aisleSegments,
  alongPolyline,
  subPolyline,
} from "../../web/src/draw/aisleSegments.ts";
import { createTraceParser } from "../../web/src/trace/traceParser.ts";

const aisle = (id: string, points: [number, number][]): Aisle => ({
  id,
  kind: "picking",
  points,
  widthM: 2,
  oneWay: false,
  narrow: true,
  lengthM: 0,
});

describe("alongPolyline(), subPolyline()", () => {
  const path: [number, number][] = [
    [0, 0],
    [0, 10],
    [6, 10],
  ];
  it("measures the distance along the line to the nearest point", () => {
    expect(alongPolyline(path, 0.4, 3)).toBeCloseTo(3, 9);
    expect(alongPolyline(path, 4, 11)).toBeCloseTo(14, 9);
    expect(alongPolyline(path, -5, -5)).toBe(0);
  });
  it("cuts the piece between two distances, across a corner", () => {
    expect(subPolyline(path, 8, 12)).toEqual([
      [0, 8],
      [0, 10],
      [2, 10],
    ]);
    expect(subPolyline(path, 0, 5)).toEqual([
      [0, 0],
      [0, 5],
    ]);
  });
});

describe("aisleSegments()", () => {
  // A 12 m aisle in 5 m pieces: [0, 5), [5, 10), [10, 12].
  const layout = {
    aisles: [
      aisle("A1", [
        [2, 0],
        [2, 12],
      ]),
    ],
    crossAisles: [],
  };
  it("sums values per piece of the aisle they happened on", () => {
    const segs = aisleSegments(
      layout,
      [
        { x: 2, y: 1, value: 3, aisle: "A1" },
        { x: 2.5, y: 4.9, value: 1, aisle: "A1" },
        { x: 2, y: 7, value: 2, aisle: "A1:2" },
        { x: 2, y: 12, value: 4, aisle: "A1" },
        { x: 2, y: 30, value: 5, aisle: "A1" },
        { x: 2, y: 1, value: 9, aisle: "B7" },
        { x: Number.NaN, y: 1, value: 9, aisle: "A1" },
      ],
      5,
    );
    expect(segs.map((s) => [s.key, s.value])).toEqual([
      ["A1#0", 4],
      ["A1#1", 2],
      // 12 m and the point past the end both fall on the last, 2 m piece.
      ["A1#2", 9],
    ]);
    expect(segs[2].points).toEqual([
      [2, 10],
      [2, 12],
    ]);
  });
  it("aisleIdOf() prefers the exact id, then the head of a segment key, then the longest prefix", () => {
    const ids = new Set(["A1", "A10", "X-front"]);
    expect(aisleIdOf("A10", ids)).toBe("A10");
    expect(aisleIdOf("A1#3", ids)).toBe("A1");
    expect(aisleIdOf("A10-seg2", ids)).toBe("A10");
    expect(aisleIdOf("Z", ids)).toBeUndefined();
  });
});

describe("congestion events in the trace index", () => {
  it("places each wait where the waiting worker stood when it ended", () => {
    const p = createTraceParser();
    const lines = [
      { kind: "header", version: 1, workers: [{ id: "W1", role: "picker" }] },
      {
        t: 0,
        kind: "move",
        id: "W1",
        path: [
          [0, 0],
          [0, 8],
        ],
        untilT: 8,
      },
      { t: 20, kind: "congestion", aisle: "A1", worker: "W1", waitS: 12 },
      { t: 21, kind: "congestion", aisle: "A1", worker: "W9", waitS: 1 },
    ];
    p.push(`${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const ev = p.finish().congestionEvents;
    expect(Array.from(ev.t)).toEqual([20, 21]);
    expect([ev.x[0], ev.y[0], ev.waitS[0]]).toEqual([0, 8, 12]);
    // A worker without moves has no known position.
    expect(ev.x[1]).toBeNaN();
    expect(ev.aisle).toEqual(["A1", "A1"]);
  });
});
