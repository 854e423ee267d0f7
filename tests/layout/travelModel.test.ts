import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/engine/index.ts";
import { avgSingleCommandDistanceM } from "../../src/layout/layoutStats.ts";
import { buildLayout, loadLayout } from "../../src/layout/loadLayout.ts";
import { createTravelModel, travelTimeS, verticalTimeS } from "../../src/layout/travelModel.ts";
import type { XY } from "../../src/layout/types.ts";

const small = buildLayout({
  generator: "traditional",
  name: "small",
  aisles: 3,
  baysPerAisle: 4,
  levels: 2,
  docks: { inbound: 0, outbound: 0 },
});

function polylineLength(path: readonly XY[]): number {
  let s = 0;
  for (let k = 1; k < path.length; k++) {
    s += Math.hypot(path[k][0] - path[k - 1][0], path[k][1] - path[k - 1][1]);
  }
  return s;
}

describe("createTravelModel(traditional layout)", () => {
  const travel = createTravelModel(small);

  it("distanceM() goes round through the front or back cross aisle (hand-worked: 24.7 m)", () => {
    // Aisles at x = 2.6, 7.8, 13.0; front cross aisle y = 13.75, back 28.05; bays from 15.5.
    expect(travel.distanceM("A01-L-001-1-1", "A03-R-004-2-2")).toBeCloseTo(24.7, 9);
  });

  it("distanceM() from the P&D point up an aisle is the walk along it (5.125 m)", () => {
    expect(travel.distanceM("PD", "A02-L-002-1-1")).toBeCloseTo(5.125, 9);
  });

  it("distanceM() is 0 between faces across one aisle and symmetric on two-way aisles", () => {
    expect(travel.distanceM("A02-L-003-1-2", "A02-R-003-2-2")).toBe(0);
    const rng = createStream(3, "pairs");
    for (let k = 0; k < 200; k++) {
      const a = small.locations[rng.integer(0, small.locations.length - 1)].id;
      const b = small.locations[rng.integer(0, small.locations.length - 1)].id;
      expect(travel.distanceM(a, b)).toBeCloseTo(travel.distanceM(b, a), 9);
    }
  });

  it("path() is a polyline from a to b as long as distanceM()", () => {
    const dc = loadLayout(readFileSync("layouts/default.yaml", "utf8"), "default.yaml");
    const t = createTravelModel(dc);
    const rng = createStream(4, "paths");
    const places = [...dc.locations.map((l) => l.id), "PD", "PACK1", "OUT1", "IN2"];
    for (let k = 0; k < 300; k++) {
      const a = places[rng.integer(0, places.length - 1)];
      const b = places[rng.integer(0, places.length - 1)];
      const path = t.path(a, b);
      expect(polylineLength(path)).toBeCloseTo(t.distanceM(a, b), 6);
      const start = t.anchor(a).place;
      const end = t.anchor(b).place;
      expect(path[0][0]).toBeCloseTo(start[0], 9);
      expect(path[path.length - 1][1]).toBeCloseTo(end[1], 9);
    }
  });

  it("pickGridFrame is the pick grid from its first aisle and front cross aisle", () => {
    const g = small.pickGrid;
    const frame = travel.pickGridFrame;
    expect(g).toBeDefined();
    if (!g || !frame) throw new Error("no pick grid");
    expect(frame.x0).toBe(g.aisleXsM[0]);
    expect(frame.xs).toEqual(g.aisleXsM.map((x) => x - g.aisleXsM[0]));
    expect(frame.xs[0]).toBe(0);
    expect(frame.lengthM).toBe(g.backYM - g.frontYM);
    expect(frame.rows).toEqual([0, ...g.middleYsM.map((y) => y - g.frontYM), frame.lengthM]);
  });

  it("anchor() rejects an unknown place id", () => {
    expect(() => travel.distanceM("PD", "NOPE")).toThrow(/unknown place/);
  });
});

describe("createTravelModel(explicit layout with a diagonal and a one-way aisle)", () => {
  const layout = loadLayout(
    readFileSync("layouts/explicit-small.yaml", "utf8"),
    "explicit-small.yaml",
  );
  const travel = createTravelModel(layout);

  it("uses the diagonal when it is shorter (10 + 10√2 m)", () => {
    expect(travel.distanceM("L2", "L3")).toBeCloseTo(10 + 10 * Math.SQRT2, 9);
    expect(travel.distanceM("L1", "L3")).toBeCloseTo(20, 9);
  });

  it("respects one-way aisles: in 9 m, out 51 m round the back", () => {
    expect(travel.distanceM("PD", "L3")).toBeCloseTo(9, 9);
    expect(travel.distanceM("L3", "PD")).toBeCloseTo(51, 9);
  });

  it("anchorDistanceM() equals distanceByIndexM() and the path length, one-way aisles included", () => {
    const ids = [...layout.locations.map((l) => l.id), "PD"];
    for (const a of ids) {
      for (const b of ids) {
        const d = travel.anchorDistanceM(travel.anchor(a), travel.anchor(b));
        expect(d).toBe(travel.distanceByIndexM(travel.placeIndex(a), travel.placeIndex(b)));
        expect(polylineLength(travel.path(a, b))).toBeCloseTo(d, 9);
      }
    }
    expect(travel.anchorDistanceM(travel.anchor("PD"), travel.anchor("L3"))).toBeCloseTo(9, 9);
    expect(travel.anchorDistanceM(travel.anchor("L3"), travel.anchor("PD"))).toBeCloseTo(51, 9);
  });

  it("avgSingleCommandDistanceM() is the mean round trip (hand-worked: 46 m)", () => {
    expect(avgSingleCommandDistanceM(travel)).toBeCloseTo(46, 9);
  });
});

describe("travelTimeS() and verticalTimeS()", () => {
  it("divides by speed without acceleration", () => {
    expect(travelTimeS(10, { speedMps: 2 })).toBe(5);
  });
  it("adds v/a for a trapezoidal profile, 2√(d/a) when cruise speed is never reached", () => {
    expect(travelTimeS(10, { speedMps: 2, accelMps2: 1 })).toBeCloseTo(7, 12);
    expect(travelTimeS(1, { speedMps: 2, accelMps2: 1 })).toBeCloseTo(2, 12);
    expect(travelTimeS(0, { speedMps: 2, accelMps2: 1 })).toBe(0);
  });
  it("verticalTimeS() is height over lift speed", () => {
    expect(verticalTimeS(3, { liftMps: 0.5 })).toBe(6);
    expect(verticalTimeS(0, { liftMps: 0.5 })).toBe(0);
  });
});
