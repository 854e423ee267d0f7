/**
 * The floor's doors, pack stations and blocking waits in the viewer's trace index: `door`,
 * `trailer`, `load`, `station` and `block` records parsed, and looked up by time (values
 * worked out by hand from the records below).
 */
import { describe, expect, it } from "vitest";
import { blocksAt, doorAt, heldShare, holderAt } from "../../web/src/trace/floorQuery.ts";
import { createTraceParser } from "../../web/src/trace/traceParser.ts";

const records = [
  {
    kind: "header",
    version: 1,
    workers: [
      { id: "P1", role: "picker" },
      { id: "P2", role: "picker" },
    ],
  },
  { t: 0, kind: "station", station: "PACK1", worker: "K1" },
  { t: 10, kind: "door", door: "OUT1", flow: "outbound", trailer: "out-1" },
  {
    t: 10,
    kind: "trailer",
    id: "out-1",
    door: "OUT1",
    event: "docking",
    pallets: 0,
    palletPlaces: 20,
  },
  { t: 20, kind: "block", id: "P1", at: "A1", phase: "start", reason: "aisle" },
  { t: 25, kind: "block", id: "P2", at: "PD", phase: "start", reason: "pdPoint" },
  { t: 30, kind: "load", trailer: "out-1", door: "OUT1", pallets: 1, palletPlaces: 20 },
  { t: 30, kind: "station", station: "PACK1", worker: null },
  { t: 35, kind: "block", id: "P1", at: "A1", phase: "end" },
  { t: 40, kind: "load", trailer: "out-1", door: "OUT1", pallets: 2, palletPlaces: 20 },
  { t: 50, kind: "station", station: "PACK1", worker: "K2" },
  { t: 60, kind: "door", door: "OUT1", flow: "outbound", trailer: null },
  { t: 70, kind: "door", door: "IN1", flow: "inbound", trailer: "in-1" },
  { t: 70, kind: "load", trailer: "in-1", door: "IN1", pallets: 3, palletPlaces: 26 },
  { t: 80, kind: "load", trailer: "in-9", door: "IN1", pallets: 2, palletPlaces: 26 },
  { t: 90, kind: "block", id: "P1", at: "C1", phase: "start", reason: "pickFace", location: "L7" },
  { t: 100, kind: "block", id: "P1", at: "C1", phase: "end" },
];

/** The index of `records`, fed as a simulation in the browser emits them (no JSON text). */
function parse() {
  const parser = createTraceParser();
  for (const r of records) parser.pushRecord(r);
  return parser.finish();
}

describe("doors in the trace index", () => {
  it("doorAt() gives the trailer at a door and its pallets, null when free", () => {
    const index = parse();
    const door = index.doors.OUT1;
    expect(door.flow).toBe("outbound");
    expect(doorAt(door, 5)).toBeNull();
    expect(doorAt(door, 15)).toEqual({ trailer: "out-1", pallets: 0, palletPlaces: 20 });
    expect(doorAt(door, 45)).toEqual({ trailer: "out-1", pallets: 2, palletPlaces: 20 });
    expect(doorAt(door, 60)).toBeNull();
    expect(doorAt(index.doors.IN1, 75)).toEqual({ trailer: "in-1", pallets: 3, palletPlaces: 26 });
  });

  it("a load record of a trailer not at its door is an issue and changes nothing", () => {
    const index = parse();
    expect(index.issues.map((i) => i.message)).toEqual([
      "load record of trailer in-9 not at door IN1",
    ]);
    expect(doorAt(index.doors.IN1, 85)?.pallets).toBe(3);
  });

  it("heldShare() is the held share of the time up to the clock", () => {
    const index = parse();
    // OUT1 is held 10–60: by 40 for 30 s of 40, by 100 for 50 s of 100.
    expect(heldShare(index.doors.OUT1, 0, 40)).toBeCloseTo(0.75, 12);
    expect(heldShare(index.doors.OUT1, 0, 100)).toBeCloseTo(0.5, 12);
    expect(heldShare(index.doors.OUT1, 20, 40)).toBeCloseTo(1, 12);
    expect(heldShare(undefined, 0, 40)).toBe(0);
    expect(heldShare(index.doors.OUT1, 0, 0)).toBeNaN();
  });
});

describe("pack stations in the trace index", () => {
  it("holderAt() and heldShare() follow the station records", () => {
    const station = parse().stations.PACK1;
    expect(holderAt(station, 10)).toBe("K1");
    expect(holderAt(station, 40)).toBe("");
    expect(holderAt(station, 55)).toBe("K2");
    // Held 0–30 and from 50: by 60, 40 s of 60.
    expect(heldShare(station, 0, 60)).toBeCloseTo(2 / 3, 12);
  });
});

describe("blocking waits in the trace index", () => {
  it("blocksAt() lists the waits going on at a time, and none after they end", () => {
    const index = parse();
    const b = index.blocks;
    const at = (t: number) => blocksAt(b, t).map((i) => `${b.worker[i]}@${b.at[i]}`);
    expect(at(19)).toEqual([]);
    expect(at(20)).toEqual(["P1@A1"]);
    expect(at(30)).toEqual(["P1@A1", "P2@PD"]);
    expect(at(35)).toEqual(["P2@PD"]);
    // P2's wait never ends in the trace: it lasts to the end.
    expect(at(95)).toEqual(["P2@PD", "P1@C1"]);
    expect(at(100)).toEqual(["P2@PD"]);
    const face = blocksAt(b, 95).at(-1)!;
    expect([b.reason[face], b.location[face]]).toEqual(["pickFace", "L7"]);
  });
});
