/**
 * What the floor draws at one time from a small hand-made trace: the marks of blocking waits
 * (a whole aisle, a P&D point, or the 3 m of aisle in front of a held pick face) and the
 * trailers at the doors with their fill.
 */
import { describe, expect, it } from "vitest";
import type { Layout } from "../../src/layout/types.ts";
import { blockedAt, blockPlaces, trailersAt } from "../../web/src/app/floorState.ts";
import { createTraceParser } from "../../web/src/trace/traceParser.ts";

const layout = {
  aisles: [
    {
      id: "A1",
      points: [
        [0, 0],
        [0, 20],
      ],
      widthM: 2,
    },
    {
      id: "A2",
      points: [
        [6, 0],
        [6, 20],
      ],
      widthM: 1.5,
    },
  ],
  crossAisles: [],
  pdPoints: [{ id: "PD", x: 3, y: -2 }],
  locations: [{ id: "L1", access: { x: 0, y: 10, positionM: 10 } }],
  docks: [
    { id: "OUT1", kind: "outbound", x: 3, y: 0, widthM: 3.5 },
    { id: "IN1", kind: "inbound", x: 9, y: 0, widthM: 3.5 },
  ],
} as unknown as Layout;

const records = [
  { kind: "header", version: 1, workers: ["P1", "P2", "P3"].map((id) => ({ id, role: "picker" })) },
  { t: 10, kind: "block", id: "P1", at: "A1", phase: "start", reason: "pickFace", location: "L1" },
  { t: 12, kind: "block", id: "P2", at: "PD", phase: "start", reason: "pdPoint" },
  { t: 13, kind: "block", id: "P3", at: "A2", phase: "start", reason: "aisle" },
  { t: 14, kind: "door", door: "OUT1", flow: "outbound", trailer: "out-1" },
  { t: 14, kind: "load", trailer: "out-1", door: "OUT1", pallets: 5, palletPlaces: 26 },
  { t: 20, kind: "block", id: "P1", at: "A1", phase: "end" },
  { t: 22, kind: "block", id: "P3", at: "A2", phase: "end" },
  { t: 30, kind: "block", id: "P2", at: "PD", phase: "end" },
];

function parse() {
  const parser = createTraceParser();
  for (const r of records) parser.pushRecord(r);
  return parser.finish();
}

/** P1 and P2 shown on the floor (P3 off shift: hidden). */
const dots = {
  count: 3,
  x: Float64Array.from([0.5, 3, 6]),
  y: Float64Array.from([10, -1, 4]),
  color: ["", "", ""],
  visible: Uint8Array.from([1, 1, 0]),
};

describe("blockedAt()", () => {
  it("marks the face's stretch of aisle, the P&D point and a narrow aisle while they wait", () => {
    const { now, draw } = blockedAt(parse(), blockPlaces(layout), 15, dots);
    expect(now.map((b) => `${b.worker}@${b.at}:${b.reason}:${b.location}`)).toEqual([
      "P1@A1:pickFace:L1",
      "P2@PD:pdPoint:",
      "P3@A2:aisle:",
    ]);
    expect(draw.marks).toEqual([
      // 3 m of A1 centred on L1's access point, 10 m along it.
      {
        points: [
          [0, 8.5],
          [0, 11.5],
        ],
        widthM: 2,
      },
      { points: [[3, -2]], widthM: 1.6 },
      {
        points: [
          [6, 0],
          [6, 20],
        ],
        widthM: 1.5,
      },
    ]);
    // Rings only for the waiting workers that are shown.
    expect(draw.waiting).toEqual([
      { x: 0.5, y: 10 },
      { x: 3, y: -1 },
    ]);
  });

  it("drops each mark when its wait ends", () => {
    const index = parse();
    const places = blockPlaces(layout);
    expect(blockedAt(index, places, 21, dots).draw.marks).toHaveLength(2);
    expect(blockedAt(index, places, 25, dots).now.map((b) => b.worker)).toEqual(["P2"]);
    expect(blockedAt(index, places, 30, dots)).toEqual({
      now: [],
      draw: { marks: [], waiting: [] },
    });
  });
});

describe("trailersAt()", () => {
  it("draws a trailer's fill over its door with a badge, and nothing at a free door", () => {
    const index = parse();
    expect(trailersAt(layout, index, 13)).toEqual({ boxes: [], badges: [] });
    const { boxes, badges } = trailersAt(layout, index, 15);
    expect(boxes).toEqual([{ x: 3, y: 0, widthM: 3.5, fill: 5 / 26 }]);
    expect(badges.map((b) => [b.text, b.fill])).toEqual([["OUT1 out-1 5/26", 5 / 26]]);
  });
});
