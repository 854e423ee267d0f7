import { describe, expect, it } from "vitest";
import {
  checkDistSpec,
  createStream,
  type DistSpec,
  distMean,
  erfc,
  normalCdf,
  normalQuantile,
  type RandomStream,
  sampler,
} from "../../src/engine/index.ts";

const N = 40000;

function sample(f: (s: RandomStream) => number, name: string, n = N): number[] {
  const s = createStream(2024, name);
  return Array.from({ length: n }, () => f(s));
}

function moments(x: number[]): { mean: number; variance: number } {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1);
  return { mean, variance };
}

/** Checks the sample mean within 4 standard errors and the variance within 6 %. */
function expectMoments(x: number[], mean: number, variance: number): void {
  const m = moments(x);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / x.length));
  expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.06);
}

/** Kolmogorov–Smirnov: sqrt(n)·D below 1.73 (0.005 level). */
function expectKs(x: number[], cdf: (v: number) => number): void {
  const sorted = [...x].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  expect(Math.sqrt(n) * d).toBeLessThan(1.73);
}

/** Chi-square against a pmf on 0..K with the tail lumped; Wilson–Hilferty 0.999 critical value. */
function expectChiSquare(x: number[], pmf: (k: number) => number, maxK: number): void {
  const observed = new Array(maxK + 2).fill(0);
  for (const v of x) observed[Math.min(v, maxK + 1)]++;
  let chi2 = 0;
  let cells = 0;
  let tail = 1;
  for (let k = 0; k <= maxK + 1; k++) {
    const p = k <= maxK ? pmf(k) : tail;
    if (k <= maxK) tail -= p;
    const expected = p * x.length;
    if (expected < 5) {
      expect(observed[k]).toBeLessThan(30);
      continue;
    }
    chi2 += (observed[k] - expected) ** 2 / expected;
    cells++;
  }
  const df = cells - 1;
  const z = normalQuantile(0.999);
  const critical = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  expect(chi2).toBeLessThan(critical);
}

const logFactorial = (k: number): number => {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
};

describe("distributions", () => {
  it("normalQuantile() matches published percentage points", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(erfc(0)).toBeCloseTo(1, 6);
  });

  it("uniform(min, max): mean (a+b)/2, variance (b−a)²/12, KS", () => {
    const x = sample((s) => s.uniform(2, 5), "uniform");
    expectMoments(x, 3.5, 9 / 12);
    expectKs(x, (v) => (v - 2) / 3);
  });

  it("exponential(mean): mean m, variance m², KS", () => {
    const x = sample((s) => s.exponential(4), "exponential");
    expectMoments(x, 4, 16);
    expectKs(x, (v) => 1 - Math.exp(-v / 4));
  });

  it("normal(mean, sd): moments and KS", () => {
    const x = sample((s) => s.normal(10, 2), "normal");
    expectMoments(x, 10, 4);
    expectKs(x, (v) => normalCdf((v - 10) / 2));
  });

  it("lognormal(mean, sd) and lognormalCv(mean, cv): moments of the variate itself, KS", () => {
    const x = sample((s) => s.lognormal(30, 15), "lognormal", 200000);
    // Heavy right tail: check the mean within 4 SE and the variance within 10 %.
    const m = moments(x);
    expect(Math.abs(m.mean - 30)).toBeLessThan(4 * Math.sqrt(225 / x.length));
    expect(Math.abs(m.variance / 225 - 1)).toBeLessThan(0.1);
    const sigma = Math.sqrt(Math.log(1 + 0.25));
    const mu = Math.log(30) - (sigma * sigma) / 2;
    expectKs(x.slice(0, N), (v) => normalCdf((Math.log(v) - mu) / sigma));
    const y = sample((s) => s.lognormalCv(30, 0.5), "lognormal", 100);
    const z = sample((s) => s.lognormal(30, 15), "lognormal", 100);
    expect(y).toEqual(z);
  });

  it("triangular(min, mode, max): mean (a+b+c)/3, variance and KS", () => {
    const [a, c, b] = [1, 2, 6];
    const x = sample((s) => s.triangular(a, c, b), "triangular");
    expectMoments(x, (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    expectKs(x, (v) =>
      v <= c ? (v - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - v) ** 2 / ((b - a) * (b - c)),
    );
  });

  it("gamma(shape, scale): mean kθ, variance kθ²; shape 1/2 against the χ²₁ CDF", () => {
    expectMoments(
      sample((s) => s.gamma(2.5, 3), "gamma"),
      7.5,
      22.5,
    );
    const x = sample((s) => s.gamma(0.5, 2), "gamma-half");
    expectMoments(x, 1, 2);
    // Gamma(1/2, 2) is χ² with 1 degree of freedom: F(v) = erf(sqrt(v / 2)).
    expectKs(x, (v) => 1 - erfc(Math.sqrt(v / 2)));
  });

  it("erlang(k, mean): mean m, variance m²/k, KS against the Erlang CDF", () => {
    const k = 3;
    const mean = 6;
    const x = sample((s) => s.erlang(k, mean), "erlang");
    expectMoments(x, mean, (mean * mean) / k);
    const rate = k / mean;
    expectKs(x, (v) => {
      let sum = 0;
      let term = 1;
      for (let n = 0; n < k; n++) {
        sum += term;
        term *= (rate * v) / (n + 1);
      }
      return 1 - Math.exp(-rate * v) * sum;
    });
    expectMoments(
      sample((s) => s.erlang(40, 10), "erlang-large"),
      10,
      100 / 40,
    );
  });

  it("poisson(mean): mean = variance = λ and chi-square, for small and large λ", () => {
    for (const lambda of [3.5, 80]) {
      const x = sample((s) => s.poisson(lambda), `poisson-${lambda}`);
      expectMoments(x, lambda, lambda);
      expectChiSquare(
        x,
        (k) => Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k)),
        Math.ceil(lambda * 2 + 10),
      );
    }
  });

  it("geometric(p): trials until first success, mean 1/p, variance (1−p)/p², chi-square", () => {
    const p = 0.3;
    const x = sample((s) => s.geometric(p), "geometric");
    expect(Math.min(...x)).toBe(1);
    expectMoments(x, 1 / p, (1 - p) / (p * p));
    expectChiSquare(x, (k) => (k === 0 ? 0 : (1 - p) ** (k - 1) * p), 25);
  });

  it("weightedIndex(weights): frequencies proportional to weights (chi-square)", () => {
    const weights = [1, 0, 3, 6];
    const x = sample((s) => s.weightedIndex(weights), "weighted");
    expect(x.includes(1)).toBe(false);
    expectChiSquare(x, (k) => [0.1, 0, 0.3, 0.6][k] ?? 0, 3);
  });

  it("sampler(spec) draws each DistSpec with distMean(spec) as its mean", () => {
    const specs: DistSpec[] = [
      { dist: "constant", value: 4 },
      { dist: "uniform", min: 1, max: 3 },
      { dist: "exponential", mean: 2 },
      { dist: "normal", mean: 5, sd: 1 },
      { dist: "normal", mean: 1, sd: 2, min: 0 },
      { dist: "lognormal", mean: 30, cv: 0.5 },
      { dist: "lognormal", mean: 30, sd: 6 },
      { dist: "triangular", min: 0, mode: 1, max: 5 },
      { dist: "gamma", shape: 2, scale: 1.5 },
      { dist: "erlang", k: 2, mean: 4 },
      { dist: "poisson", mean: 7 },
      { dist: "geometric", p: 0.25 },
      { dist: "empirical", values: [1, 2, 10] },
      { dist: "empirical", values: [1, 2, 10], weights: [1, 1, 2] },
    ];
    const expectedMeans = [4, 2, 2, 5, NaN, 30, 30, 2, 3, 4, 7, 4, 13 / 3, 23 / 4];
    // Truncated normal N(1, 2²) at 0: mean = 1 + 2·φ(−0.5)/(1 − Φ(−0.5)) = 2.1410...
    expectedMeans[4] = 1 + (2 * Math.exp(-0.125)) / Math.sqrt(2 * Math.PI) / normalCdf(0.5);
    specs.forEach((spec, i) => {
      expect(checkDistSpec(spec, "x")).toEqual([]);
      expect(distMean(spec)).toBeCloseTo(expectedMeans[i], 5);
      const draw = sampler(spec);
      const x = sample(draw, `spec-${i}`, 20000);
      const m = moments(x);
      expect(Math.abs(m.mean - expectedMeans[i])).toBeLessThanOrEqual(
        4 * Math.sqrt(m.variance / x.length) + 1e-12,
      );
    });
  });

  it("checkDistSpec() lists every problem with its path and value", () => {
    expect(checkDistSpec({ dist: "lognormal", mean: -1, cv: 0.5 }, "pickTimeS")).toEqual([
      { path: "pickTimeS.mean", value: -1, expected: "a number > 0" },
    ]);
    expect(checkDistSpec({ dist: "lognormal", mean: 3 }, "t")).toEqual([
      { path: "t.sd", value: undefined, expected: "exactly one of sd or cv" },
    ]);
    expect(checkDistSpec({ dist: "lognorml", mean: 3 }, "t")[0]).toMatchObject({
      path: "t.dist",
      value: "lognorml",
    });
    expect(
      checkDistSpec({ dist: "uniform", min: 5, max: 1, step: 2 }, "u")
        .map((i) => i.path)
        .sort(),
    ).toEqual(["u.max", "u.step"]);
    expect(
      checkDistSpec({ dist: "empirical", values: [1, "a"], weights: [1] }, "e")
        .map((i) => i.path)
        .sort(),
    ).toEqual(["e.values[1]", "e.weights"]);
    expect(checkDistSpec(5, "d")).toHaveLength(1);
    expect(() => sampler({ dist: "exponential", mean: 0 })).toThrow(/mean/);
  });
});
