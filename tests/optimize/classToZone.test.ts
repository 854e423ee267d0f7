import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classToZone } from "../../src/optimize/classToZone.ts";

describe("classToZone()", () => {
  it("classToZone() puts the densest class in the cheapest zone (hand-solved)", () => {
    // A: 100 picks in 10 slots, B: 10 picks in 10 slots; near zone 10 slots at 1 s/pick,
    // far zone 20 slots at 3 s/pick. Optimum: A near (100·1) + B far (10·3) = 130.
    const r = classToZone(
      [
        { id: "A", picksPerDay: 100, space: 10 },
        { id: "B", picksPerDay: 10, space: 10 },
      ],
      [
        { id: "near", capacity: 10, costPerPick: 1 },
        { id: "far", capacity: 20, costPerPick: 3 },
      ],
    );
    expect(r.status).toBe("optimal");
    expect(r.costPerDay).toBeCloseTo(130, 9);
    expect(r.allocation).toEqual({ A: { near: 10 }, B: { far: 10 } });
  });

  it("classToZone() splits a class over zones when the near zone is too small (hand-solved)", () => {
    // A: 60 picks in 6 slots (10/slot), near holds 4 → 4 slots near (40·1), 2 far (20·2),
    // B: 5 picks in 5 slots (1/slot) far (5·2). Total 40 + 40 + 10 = 90.
    const r = classToZone(
      [
        { id: "A", picksPerDay: 60, space: 6 },
        { id: "B", picksPerDay: 5, space: 5 },
      ],
      [
        { id: "near", capacity: 4, costPerPick: 1 },
        { id: "far", capacity: 10, costPerPick: 2 },
      ],
    );
    expect(r.status).toBe("optimal");
    expect(r.costPerDay).toBeCloseTo(90, 9);
    expect(r.allocation.A.near).toBeCloseTo(4, 9);
    expect(r.allocation.A.far).toBeCloseTo(2, 9);
  });

  it("classToZone() respects eligible zones", () => {
    // B may only use near: it takes near (10·1) and A goes far (100·3) = 310.
    const r = classToZone(
      [
        { id: "A", picksPerDay: 100, space: 10 },
        { id: "B", picksPerDay: 10, space: 10, zones: ["near"] },
      ],
      [
        { id: "near", capacity: 10, costPerPick: 1 },
        { id: "far", capacity: 20, costPerPick: 3 },
      ],
    );
    expect(r.costPerDay).toBeCloseTo(310, 9);
  });

  it("classToZone() reports infeasible when the classes do not fit", () => {
    const r = classToZone(
      [{ id: "A", picksPerDay: 1, space: 31 }],
      [
        { id: "near", capacity: 10, costPerPick: 1 },
        { id: "far", capacity: 20, costPerPick: 3 },
      ],
    );
    expect(r.status).toBe("infeasible");
    const orphan = classToZone(
      [{ id: "A", picksPerDay: 1, space: 1, zones: ["none"] }],
      [{ id: "near", capacity: 10, costPerPick: 1 }],
    );
    expect(orphan.status).toBe("infeasible");
  });

  it("classToZone(): adding zone capacity never raises the optimal cost (property)", () => {
    const arb = fc.record({
      classes: fc.array(
        fc.record({
          picks: fc.integer({ min: 0, max: 500 }),
          space: fc.integer({ min: 1, max: 30 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      zones: fc.array(
        fc.record({
          capacity: fc.integer({ min: 0, max: 60 }),
          cost: fc.integer({ min: 1, max: 20 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      extra: fc.integer({ min: 1, max: 40 }),
      which: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ classes, zones, extra, which }) => {
        const cls = classes.map((c, i) => ({ id: `c${i}`, picksPerDay: c.picks, space: c.space }));
        const zs = zones.map((z, i) => ({
          id: `z${i}`,
          capacity: z.capacity,
          costPerPick: z.cost,
        }));
        const tight = classToZone(cls, zs);
        const k = which % zs.length;
        const loose = classToZone(
          cls,
          zs.map((z, i) => (i === k ? { ...z, capacity: z.capacity + extra } : z)),
        );
        if (tight.status === "optimal") {
          expect(loose.status).toBe("optimal");
          expect(loose.costPerDay).toBeLessThanOrEqual(tight.costPerDay + 1e-6);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
