import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { buildLayout, loadLayout } from "../../src/layout/loadLayout.ts";
import { planTour } from "../../src/layout/routing/planTour.ts";
import { createTravelModel } from "../../src/layout/travelModel.ts";

describe("buildLayout() on generated input", () => {
  it("any generated spec either builds or throws an InputError, never anything else", () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 40 }),
      fc.double({ min: -3, max: 50, noNaN: true }),
      fc.string({ maxLength: 6 }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("U", "I", "L", "shelf", "pallet"),
    );
    const spec = fc.record(
      {
        generator: fc.constantFrom("traditional", "fishbone", "flyingV", "explicit", "bogus"),
        name: fc.oneof(fc.constant("x"), value),
        aisles: value,
        baysPerAisle: value,
        crossAisles: value,
        levels: value,
        storageSlots: fc.integer({ min: 1, max: 400 }),
        aisleWidthM: value,
        docks: fc.record({ flow: value, inbound: value, outbound: value }, { requiredKeys: [] }),
        extraKey: value,
      },
      { requiredKeys: ["generator"] },
    );
    fc.assert(
      fc.property(spec, (s) => {
        try {
          const layout = buildLayout(s as never, "gen.yaml");
          expect(layout.locations.length).toBeGreaterThan(0);
        } catch (error) {
          expect(isInputError(error)).toBe(true);
          for (const issue of (error as { issues: { file: string; expected: string }[] }).issues) {
            expect(issue.file).toBe("gen.yaml");
            expect(issue.expected.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it("any valid traditional layout has every location reachable and planTour visits every stop", () => {
    const spec = fc.record({
      aisles: fc.integer({ min: 1, max: 8 }),
      baysPerAisle: fc.integer({ min: 1, max: 10 }),
      crossAisles: fc.integer({ min: 0, max: 2 }),
      levels: fc.integer({ min: 1, max: 3 }),
      flow: fc.constantFrom("U", "I", "L"),
      pd: fc.constantFrom("center", "left"),
      packStations: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(spec, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (s, picks) => {
        // A narrow building may not fit the pack stations: that is a validation error.
        fc.pre(s.packStations * (1.5 + 1.3) + 3.75 <= s.aisles * 5.2 || s.packStations === 0);
        const layout = buildLayout({
          generator: "traditional",
          name: "p",
          aisles: s.aisles,
          baysPerAisle: s.baysPerAisle,
          crossAisles: Math.min(s.crossAisles, s.baysPerAisle - 1),
          levels: s.levels,
          pd: s.pd,
          packStations: s.packStations,
          returnsPositions: s.packStations,
          docks: { flow: s.flow, inbound: 1, outbound: 1 },
        });
        const travel = createTravelModel(layout);
        for (const l of layout.locations) {
          expect(
            Number.isFinite(travel.distanceM("PD", l.id) + travel.distanceM(l.id, "IN1")),
          ).toBe(true);
        }
        const stops = picks.map((k) => layout.locations[k % layout.locations.length].id);
        for (const policy of ["sShape", "largestGap", "optimal"] as const) {
          const tour = planTour(travel, { start: "PD", end: "OUT1", stops, policy });
          expect(new Set(tour.sequence)).toEqual(new Set(stops));
          expect(Number.isFinite(tour.distanceM)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 43 },
    );
  });

  it("loadLayout() never throws a raw parser error on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          loadLayout(text, "any.yaml");
        } catch (error) {
          expect(isInputError(error)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 44 },
    );
  });
});
