import { describe, expect, it } from "vitest";
import {
  batchMeans,
  confidenceInterval,
  deleteWarmup,
  mser5,
  resetAfterWarmup,
  Simulation,
  studentTQuantile,
  Tally,
  TimeWeighted,
  welchWarmup,
} from "../../src/engine/index.ts";

describe("statistics", () => {
  it("studentTQuantile(p, df) matches t tables", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736, 8);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.30265273, 8);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776445105, 8);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157163, 8);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642, 8);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812461123, 8);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157163, 8);
    expect(studentTQuantile(0.995, 1000)).toBeCloseTo(2.580754698, 6);
    expect(() => studentTQuantile(1, 3)).toThrow(/1/);
  });

  it("Tally.add() gives count, mean, sample variance, extremes and a t interval", () => {
    const t = new Tally();
    expect(t.mean).toBeNaN();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.add(x);
    expect(t.count).toBe(8);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(32 / 7, 12);
    expect(t.min).toBe(2);
    expect(t.max).toBe(9);
    expect(t.sum).toBe(40);
    expect(t.ci95()).toBeCloseTo(2.364624252 * Math.sqrt(32 / 7 / 8), 8);
    t.reset();
    expect(t.count).toBe(0);
  });

  it("TimeWeighted.update() integrates a level over time", () => {
    const tw = new TimeWeighted(0, 1);
    tw.update(3, 2); // 1 for 2 s
    tw.update(0, 5); // 3 for 3 s
    expect(tw.mean(10)).toBeCloseTo((2 + 9 + 0) / 10, 12);
    expect(tw.integral(10)).toBeCloseTo(11, 12);
    expect(tw.max).toBe(3);
    tw.reset(10);
    tw.update(4, 12);
    expect(tw.mean(14)).toBeCloseTo((0 * 2 + 4 * 2) / 4, 12);
    expect(() => tw.update(1, 11)).toThrow(/before the last update/);
  });

  it("TimeWeighted(sim) reads the simulation clock", () => {
    const sim = new Simulation();
    const tw = new TimeWeighted(sim, 0);
    sim.process(function* () {
      yield sim.timeout(1);
      tw.update(2);
      yield sim.timeout(3);
      tw.update(1);
    });
    sim.run({ until: 6 });
    expect(tw.mean()).toBeCloseTo((0 + 6 + 2) / 6, 12);
  });

  it("confidenceInterval(values) is mean ± t·s/√n", () => {
    const ci = confidenceInterval([10, 12, 14]);
    expect(ci.mean).toBe(12);
    expect(ci.stdDev).toBe(2);
    expect(ci.n).toBe(3);
    expect(ci.halfWidth).toBeCloseTo((4.30265273 * 2) / Math.sqrt(3), 8);
    expect(confidenceInterval([5]).halfWidth).toBe(0);
    expect(confidenceInterval([]).mean).toBeNaN();
    expect(confidenceInterval([1, 3], 0.9).halfWidth).toBeCloseTo(
      (6.313751515 * Math.SQRT2) / Math.SQRT2,
      6,
    );
  });

  it("batchMeans(values, batches) drops the earliest leftovers", () => {
    expect(batchMeans([100, 1, 2, 3, 4, 5, 6], 3)).toEqual([1.5, 3.5, 5.5]);
    expect(() => batchMeans([1], 2)).toThrow(/cannot fill/);
  });

  it("deleteWarmup() and mser5() remove an initial transient", () => {
    expect(deleteWarmup([1, 2, 3, 4], 1)).toEqual([2, 3, 4]);
    const values: number[] = [];
    for (let i = 0; i < 50; i++) values.push(100 - 2 * i); // transient from 100 down to 2
    for (let i = 0; i < 450; i++) values.push(i % 2 === 0 ? 0.5 : -0.5); // steady state around 0
    const d = mser5(values);
    expect(d).toBeGreaterThanOrEqual(45);
    expect(d).toBeLessThanOrEqual(60);
    expect(d % 5).toBe(0);
    expect(mser5(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 1 : -1)))).toBe(0);
  });

  it("resetAfterWarmup() restarts statistics at the warm-up time", () => {
    const sim = new Simulation();
    const tally = new Tally();
    const level = new TimeWeighted(sim, 10);
    sim.process(function* () {
      tally.add(1000);
      yield sim.timeout(5);
      level.update(2);
      yield sim.timeout(10);
      tally.add(3);
    });
    resetAfterWarmup(sim, 8, [tally, level]);
    sim.run({ until: 18 });
    expect(tally.count).toBe(1);
    expect(tally.mean).toBe(3);
    expect(level.mean()).toBeCloseTo(2, 12);
  });
});

describe("welchWarmup()", () => {
  it("averages replications, smooths with a centred window and suggests the transient length", () => {
    const reps = [0, 1, 2].map((r) =>
      Array.from(
        { length: 300 },
        (_, i) => (i < 40 ? 50 - i : 10) + (r - 1) * (i % 2 === 0 ? 1 : -1),
      ),
    );
    const w = welchWarmup(reps, 2);
    expect(w.averages).toHaveLength(300);
    expect(w.averages[0]).toBe(50);
    expect(w.averages[100]).toBe(10);
    // Centred moving average: index 0 alone, index 1 over 0..2, index 5 over 3..7.
    expect(w.smoothed[0]).toBe(50);
    expect(w.smoothed[1]).toBe(49);
    expect(w.smoothed[5]).toBe(45);
    expect(w.smoothed).toHaveLength(298);
    expect(w.warmupCount).toBeGreaterThanOrEqual(35);
    expect(w.warmupCount).toBeLessThanOrEqual(45);
    expect(() => welchWarmup([], 2)).toThrow(/no replications/);
  });
});
