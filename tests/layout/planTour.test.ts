import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/engine/index.ts";
import { buildLayout, loadLayout } from "../../src/layout/loadLayout.ts";
import { planTour } from "../../src/layout/routing/planTour.ts";
import { routeLength } from "../../src/layout/routing/routeLength.ts";
import { routingPolicies } from "../../src/layout/routing/types.ts";
import { createTravelModel, type TravelModel } from "../../src/layout/travelModel.ts";
import type { XY } from "../../src/layout/types.ts";

/** Shortest tour by trying every order (independent of the routing code). */
function bruteForce(travel: TravelModel, start: string, end: string, stops: string[]): number {
  let best = Number.POSITIVE_INFINITY;
  const permute = (rest: string[], at: string, sofar: number) => {
    if (sofar >= best) return;
    if (rest.length === 0) {
      best = Math.min(best, sofar + travel.distanceM(at, end));
      return;
    }
    rest.forEach((s, i) => {
      permute([...rest.slice(0, i), ...rest.slice(i + 1)], s, sofar + travel.distanceM(at, s));
    });
  };
  permute(stops, start, 0);
  return best;
}

const length = (path: readonly XY[]) =>
  path.slice(1).reduce((s, p, k) => s + Math.hypot(p[0] - path[k][0], p[1] - path[k][1]), 0);

describe("planTour(travel, { start, end, stops, policy }) on a parallel-aisle layout", () => {
  const layout = buildLayout({
    generator: "traditional",
    name: "t",
    aisles: 8,
    baysPerAisle: 12,
    crossAisles: 1,
  });
  const travel = createTravelModel(layout);
  const rng = createStream(11, "tours");
  const orders = Array.from({ length: 40 }, () =>
    Array.from(
      { length: rng.integer(1, 7) },
      () => layout.locations[rng.integer(0, layout.locations.length - 1)].id,
    ),
  );

  it("optimal equals the best order of all stops over travel distances", () => {
    for (const stops of orders) {
      const tour = planTour(travel, { start: "PD", stops, policy: "optimal" });
      expect(tour.method).toBe("grid");
      expect(tour.distanceM).toBeCloseTo(bruteForce(travel, "PD", "PD", [...new Set(stops)]), 6);
    }
  });

  it("every policy visits each distinct stop once, along a path as long as its distance, never below optimal", () => {
    for (const stops of orders) {
      const best = planTour(travel, { start: "PD", stops, policy: "optimal" }).distanceM;
      for (const policy of routingPolicies) {
        const tour = planTour(travel, { start: "PD", end: "OUT1", stops, policy });
        expect([...tour.sequence].sort()).toEqual([...new Set(stops)].sort());
        expect([...tour.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i));
        expect(tour.order.map((i) => stops[i]).filter((s, k, all) => all.indexOf(s) === k)).toEqual(
          tour.sequence,
        );
        expect(length(tour.path)).toBeCloseTo(tour.distanceM, 6);
        const closed = planTour(travel, { start: "PD", stops, policy });
        expect(closed.distanceM).toBeGreaterThanOrEqual(best - 1e-9);
      }
    }
  });
});

describe("planTour() on a grid layout agrees with routeLength() on the same block", () => {
  it("every policy gives the kernel's distance when the P&D point is the front of the first aisle", () => {
    // 6 aisles, 12 bays in 2 blocks of 6: cross-aisle rows every 6 · 2.7 + 3.5 = 19.7 m.
    const layout = buildLayout({
      generator: "traditional",
      name: "g",
      aisles: 6,
      baysPerAisle: 12,
      crossAisles: 1,
      pd: "left",
    });
    const travel = createTravelModel(layout);
    const grid = layout.pickGrid!;
    const block = { aisles: 6, aisleLengthM: 2 * 19.7, aisleSpacingM: 5.2, crossAisles: 1 };
    expect(grid.backYM - grid.frontYM).toBeCloseTo(block.aisleLengthM, 9);
    const rng = createStream(13, "grid-vs-kernel");
    for (let t = 0; t < 30; t++) {
      const stops = Array.from(
        { length: rng.integer(1, 12) },
        () => layout.locations[rng.integer(0, layout.locations.length - 1)].id,
      );
      const unique = [...new Set(stops)];
      const picks = unique.map((id) => {
        const loc = layout.locations.find((l) => l.id === id)!;
        return { aisle: grid.aisles.indexOf(loc.aisle), positionM: loc.access.y - grid.frontYM };
      });
      for (const policy of routingPolicies) {
        const planned = planTour(travel, { start: "PD", stops: unique, policy });
        expect(planned.distanceM).toBeCloseTo(routeLength(block, picks, policy).distanceM, 6);
      }
    }
  });
});

describe("planTour() with a repeated stop", () => {
  it("visits the location once and lists both request indices side by side", () => {
    const layout = buildLayout({ generator: "traditional", name: "t", aisles: 4, baysPerAisle: 6 });
    const travel = createTravelModel(layout);
    const [a, b] = [layout.locations[3].id, layout.locations[150].id];
    const tour = planTour(travel, { start: "PD", stops: [a, b, a], policy: "sShape" });
    expect(tour.sequence).toHaveLength(2);
    const at = tour.order.indexOf(0);
    expect(Math.abs(tour.order.indexOf(2) - at)).toBe(1);
    expect(tour.distanceM).toBeCloseTo(
      planTour(travel, { start: "PD", stops: [a, b], policy: "sShape" }).distanceM,
      9,
    );
  });
});

describe("planTour() on a fishbone layout (travelling-salesman tours)", () => {
  const layout = loadLayout(readFileSync("layouts/fishbone.yaml", "utf8"), "fishbone.yaml");
  const travel = createTravelModel(layout);
  const rng = createStream(12, "fishbone-tours");
  const pick = () => layout.locations[rng.integer(0, layout.locations.length - 1)].id;

  it("is exact for small tours (Held–Karp) and starts and ends where asked", () => {
    for (let t = 0; t < 10; t++) {
      const stops = Array.from({ length: 6 }, pick);
      const tour = planTour(travel, { start: "PD", end: "OUT1", stops });
      expect(tour.method).toBe("tsp");
      expect(tour.distanceM).toBeCloseTo(bruteForce(travel, "PD", "OUT1", [...new Set(stops)]), 6);
      expect(length(tour.path)).toBeCloseTo(tour.distanceM, 6);
    }
  });

  it("uses the 2-opt heuristic for long tours: a valid tour no longer than nearest neighbour alone", () => {
    const stops = [...new Set(Array.from({ length: 30 }, pick))];
    const tour = planTour(travel, { start: "PD", stops });
    expect([...tour.sequence].sort()).toEqual([...stops].sort());
    expect(length(tour.path)).toBeCloseTo(tour.distanceM, 6);
    // Greedy nearest-neighbour tour for comparison.
    let at = "PD";
    let greedy = 0;
    const left = new Set(stops);
    while (left.size > 0) {
      let next = "";
      let d = Number.POSITIVE_INFINITY;
      for (const s of left) {
        const x = travel.distanceM(at, s);
        if (x < d) {
          d = x;
          next = s;
        }
      }
      greedy += d;
      left.delete(next);
      at = next;
    }
    greedy += travel.distanceM(at, "PD");
    expect(tour.distanceM).toBeLessThanOrEqual(greedy + 1e-9);
  });
});

describe("planTour(travel, { …, withPath: false })", () => {
  const grid = createTravelModel(
    buildLayout({ generator: "traditional", name: "t", aisles: 6, baysPerAisle: 10 }),
  );
  const fishbone = createTravelModel(
    loadLayout(readFileSync("layouts/fishbone.yaml", "utf8"), "fishbone.yaml"),
  );
  const rng = createStream(13, "no-path");

  it("plans the same distance, sequence and order as with the path, and leaves the path empty", () => {
    for (const travel of [grid, fishbone]) {
      const locations = travel.layout.locations;
      for (let t = 0; t < 12; t++) {
        const stops = Array.from(
          { length: rng.integer(1, 8) },
          () => locations[rng.integer(0, locations.length - 1)].id,
        );
        // A repeated stop: its indices must sit side by side in `order`.
        stops.push(stops[0]);
        for (const policy of routingPolicies) {
          const full = planTour(travel, { start: "PD", end: "OUT1", stops, policy });
          const lean = planTour(travel, {
            start: "PD",
            end: "OUT1",
            stops,
            policy,
            withPath: false,
          });
          expect(full.path.length).toBeGreaterThan(1);
          expect(lean.path).toEqual([]);
          expect(lean.distanceM).toBe(full.distanceM);
          expect(lean.sequence).toEqual(full.sequence);
          expect(lean.order).toEqual(full.order);
          expect([...lean.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i));
        }
      }
    }
  });
});
