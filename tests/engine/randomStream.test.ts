import { describe, expect, it } from "vitest";
import { createStream, Simulation } from "../../src/engine/index.ts";

function draws(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

function correlation(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("RandomStream", () => {
  it("sim.random(name) is the same stream as createStream(seed, name, replication)", () => {
    const sim = new Simulation({ seed: 42, replication: 3 });
    const a = sim.random("arrivals");
    expect(sim.random("arrivals")).toBe(a);
    const b = createStream(42, "arrivals", 3);
    expect(draws(100, () => a.next())).toEqual(draws(100, () => b.next()));
  });

  it("the same (seed, name, replication) gives identical numbers; any change gives others", () => {
    const base = draws(50, createStream(7, "service").next.bind(createStream(7, "service")));
    const again = createStream(7, "service");
    expect(draws(50, () => again.next())).toEqual(base);
    for (const other of [
      createStream(8, "service"),
      createStream(7, "servicE"),
      createStream(7, "service", 1),
    ]) {
      const values = draws(50, () => other.next());
      expect(values).not.toEqual(base);
      expect(values.filter((v, i) => v === base[i]).length).toBe(0);
    }
  });

  it("adding a stream never shifts the numbers of another", () => {
    const sim1 = new Simulation({ seed: 5 });
    const x1 = draws(20, () => sim1.random("demand").next());
    const sim2 = new Simulation({ seed: 5 });
    const noise = sim2.random("breakdowns");
    draws(1000, () => noise.next());
    const x2 = draws(20, () => sim2.random("demand").next());
    expect(x2).toEqual(x1);
  });

  it("streams of different names, seeds and replications are uncorrelated", () => {
    const n = 20000;
    // |r| of independent samples has sd 1/sqrt(n) ≈ 0.007; 0.03 is over 4 sd.
    const pairs = [
      [createStream(1, "a"), createStream(1, "b")],
      [createStream(1, "a"), createStream(2, "a")],
      [createStream(1, "a", 0), createStream(1, "a", 1)],
      [createStream(0, "s1"), createStream(0, "s2")],
    ];
    for (const [s, t] of pairs) {
      const x = draws(n, () => s.next());
      const y = draws(n, () => t.next());
      expect(Math.abs(correlation(x, y))).toBeLessThan(0.03);
    }
  });

  it("next() is uniform on [0, 1): chi-square over 100 cells and lag-1 correlation", () => {
    const s = createStream(123, "uniformity");
    const n = 100000;
    const cells = new Array(100).fill(0);
    const x = draws(n, () => s.next());
    for (const v of x) {
      expect(v >= 0 && v < 1).toBe(true);
      cells[Math.floor(v * 100)]++;
    }
    const expected = n / 100;
    const chi2 = cells.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // χ²(99) 0.999 quantile ≈ 148.2.
    expect(chi2).toBeLessThan(148.2);
    expect(Math.abs(correlation(x.slice(1), x.slice(0, -1)))).toBeLessThan(0.015);
  });

  it("integer(), pick() and shuffle() cover their range", () => {
    const s = createStream(9, "ints");
    const counts = new Map<number, number>();
    for (let i = 0; i < 60000; i++) {
      const v = s.integer(-2, 3);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    for (const c of counts.values())
      expect(Math.abs(c - 10000)).toBeLessThan(4 * Math.sqrt(10000 * (5 / 6)));
    expect(["a", "b"]).toContain(s.pick(["a", "b"]));
    const arr = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = s.shuffle(arr);
    expect(shuffled).toBe(arr);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("bad parameters throw RangeError naming the value", () => {
    const s = createStream(0, "bad");
    expect(() => s.exponential(-1)).toThrow(/-1/);
    expect(() => s.uniform(3, 1)).toThrow(/min 3, max 1/);
    expect(() => s.normal(0, -2)).toThrow(/-2/);
    expect(() => s.lognormal(0, 1)).toThrow(/mean 0/);
    expect(() => s.triangular(0, 5, 3)).toThrow(/0, 5, 3/);
    expect(() => s.gamma(0, 1)).toThrow(/shape 0/);
    expect(() => s.erlang(1.5, 1)).toThrow(/1.5/);
    expect(() => s.poisson(Number.NaN)).toThrow(/NaN/);
    expect(() => s.geometric(0)).toThrow(/0/);
    expect(() => s.weightedIndex([0, 0])).toThrow(/positive sum/);
    expect(() => s.weightedIndex([1, -1])).toThrow(/-1/);
    expect(() => s.pick([])).toThrow(/empty/);
    expect(() => createStream(1.5, "x")).toThrow(/1.5/);
  });
});
