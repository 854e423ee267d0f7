/**
 * Distributions as plain data (`{ dist: "lognormal", mean: 30, cv: 0.5 }`), as scenario
 * files write them: validation with every problem listed, a sampler and the exact mean.
 */
import type { RandomStream } from "./randomStream.ts";
import { erfc } from "./special.ts";

/** A distribution written as plain data. Times are in seconds wherever used for durations. */
export type DistSpec =
  | { dist: "constant"; value: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "exponential"; mean: number }
  /** Normal, optionally truncated below at `min` (resampled, at most 100 tries, then `min`). */
  | { dist: "normal"; mean: number; sd: number; min?: number }
  /** Lognormal by the variate's own mean and either `sd` or `cv` (exactly one). */
  | { dist: "lognormal"; mean: number; sd?: number; cv?: number }
  | { dist: "triangular"; min: number; mode: number; max: number }
  | { dist: "gamma"; shape: number; scale: number }
  | { dist: "erlang"; k: number; mean: number }
  | { dist: "poisson"; mean: number }
  | { dist: "geometric"; p: number }
  /** Draws one of `values`, with probabilities proportional to `weights` (equal if absent). */
  | { dist: "empirical"; values: number[]; weights?: number[] };

/** A problem found in a spec: the path inside the input, the value and what was expected. */
export interface DistIssue {
  path: string;
  value: unknown;
  expected: string;
}

/** The names of the distributions. */
export const DIST_NAMES = [
  "constant",
  "uniform",
  "exponential",
  "normal",
  "lognormal",
  "triangular",
  "gamma",
  "erlang",
  "poisson",
  "geometric",
  "empirical",
] as const;

const FIELDS: Record<string, readonly string[]> = {
  constant: ["value"],
  uniform: ["min", "max"],
  exponential: ["mean"],
  normal: ["mean", "sd", "min"],
  lognormal: ["mean", "sd", "cv"],
  triangular: ["min", "mode", "max"],
  gamma: ["shape", "scale"],
  erlang: ["k", "mean"],
  poisson: ["mean"],
  geometric: ["p"],
  empirical: ["values", "weights"],
};

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const anyNumber = () => true;
const positive = (v: number) => v > 0;
const nonNegative = (v: number) => v >= 0;

/** The problems of one spec, collected field by field. */
class SpecIssues {
  readonly issues: DistIssue[] = [];
  constructor(
    readonly spec: Record<string, unknown>,
    private readonly path: string,
  ) {}

  /** Where `field` sits in the file. */
  at(field: string): string {
    return this.path ? `${this.path}.${field}` : field;
  }

  add(path: string, value: unknown, expected: string): void {
    this.issues.push({ path, value, expected });
  }

  /** Checks that `field` is a finite number passing `ok` (or absent, when `optional`). */
  need(field: string, ok: (v: number) => boolean, expected: string, optional = false): void {
    const v = this.spec[field];
    if (v === undefined && optional) return;
    if (!isNum(v) || !ok(v)) this.add(this.at(field), v, expected);
  }
}

/** The field checks of each distribution, beyond the shape every spec shares. */
const FIELD_CHECKS: Record<(typeof DIST_NAMES)[number], (c: SpecIssues) => void> = {
  constant: (c) => c.need("value", anyNumber, "a finite number"),
  uniform: (c) => {
    const { min, max } = c.spec;
    c.need("min", anyNumber, "a finite number");
    c.need("max", anyNumber, "a finite number");
    if (isNum(min) && isNum(max) && min > max) {
      c.add(c.at("max"), max, `a number >= min (${min})`);
    }
  },
  exponential: (c) => c.need("mean", positive, "a number > 0"),
  normal: (c) => {
    c.need("mean", anyNumber, "a finite number");
    c.need("sd", nonNegative, "a number >= 0");
    c.need("min", anyNumber, "a finite number", true);
  },
  lognormal: (c) => {
    c.need("mean", positive, "a number > 0");
    c.need("sd", nonNegative, "a number >= 0", true);
    c.need("cv", nonNegative, "a number >= 0", true);
    if ((c.spec.sd === undefined) === (c.spec.cv === undefined)) {
      c.add(c.at("sd"), c.spec.sd, "exactly one of sd or cv");
    }
  },
  triangular: (c) => {
    const { min, mode, max } = c.spec;
    c.need("min", anyNumber, "a finite number");
    c.need("mode", anyNumber, "a finite number");
    c.need("max", anyNumber, "a finite number");
    if (isNum(min) && isNum(mode) && isNum(max) && !(min <= mode && mode <= max)) {
      c.add(c.at("mode"), mode, `min <= mode <= max (${min}..${max})`);
    }
  },
  gamma: (c) => {
    c.need("shape", positive, "a number > 0");
    c.need("scale", positive, "a number > 0");
  },
  erlang: (c) => {
    c.need("k", (v) => Number.isInteger(v) && v >= 1, "an integer >= 1");
    c.need("mean", positive, "a number > 0");
  },
  poisson: (c) => c.need("mean", nonNegative, "a number >= 0"),
  geometric: (c) => c.need("p", (v) => v > 0 && v <= 1, "a probability in (0, 1]"),
  empirical: (c) => {
    checkEmpiricalValues(c);
    checkEmpiricalWeights(c);
  },
};

function checkEmpiricalValues(c: SpecIssues): void {
  const values = c.spec.values;
  if (!Array.isArray(values) || values.length === 0) {
    c.add(c.at("values"), values, "a non-empty array of numbers");
    return;
  }
  values.forEach((v, i) => {
    if (!isNum(v)) c.add(`${c.at("values")}[${i}]`, v, "a finite number");
  });
}

function checkEmpiricalWeights(c: SpecIssues): void {
  const { values, weights } = c.spec;
  if (weights === undefined) return;
  if (!Array.isArray(weights)) {
    c.add(c.at("weights"), weights, "an array of numbers >= 0");
    return;
  }
  if (Array.isArray(values) && weights.length !== values.length) {
    c.add(c.at("weights"), weights, `${values.length} weights, one per value`);
  }
  weights.forEach((w, i) => {
    if (!isNum(w) || w < 0) c.add(`${c.at("weights")}[${i}]`, w, "a number >= 0");
  });
  if (weights.every((w) => isNum(w) && w >= 0) && !weights.some((w) => w > 0)) {
    c.add(c.at("weights"), weights, "at least one weight > 0");
  }
}

/**
 * Checks a distribution spec; returns every problem (an empty array when valid).
 * `path` is where the spec sits in its file (`outbound.pickTimeS`).
 */
export function checkDistSpec(spec: unknown, path: string): DistIssue[] {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    return [
      {
        path,
        value: spec,
        expected: `a distribution object such as { dist: "exponential", mean: 30 }`,
      },
    ];
  }
  const c = new SpecIssues(spec as Record<string, unknown>, path);
  const name = c.spec.dist;
  if (typeof name !== "string" || !(name in FIELDS)) {
    return [{ path: c.at("dist"), value: name, expected: `one of ${DIST_NAMES.join(", ")}` }];
  }
  for (const key of Object.keys(c.spec)) {
    if (key !== "dist" && !FIELDS[name].includes(key)) {
      c.add(
        c.at(key),
        c.spec[key],
        `no such field for ${name} (fields: ${FIELDS[name].join(", ")})`,
      );
    }
  }
  FIELD_CHECKS[name as keyof typeof FIELD_CHECKS](c);
  return c.issues;
}

function assertValid(spec: DistSpec): void {
  const issues = checkDistSpec(spec, "");
  if (issues.length > 0) {
    const text = issues
      .map((i) => `${i.path}: ${JSON.stringify(i.value)} (${i.expected})`)
      .join("; ");
    throw new RangeError(`invalid distribution ${JSON.stringify(spec)}: ${text}`);
  }
}

/** A function drawing from the distribution with a given stream. Throws RangeError on an invalid spec. */
export function sampler(spec: DistSpec): (stream: RandomStream) => number {
  assertValid(spec);
  switch (spec.dist) {
    case "constant": {
      const value = spec.value;
      return () => value;
    }
    case "uniform": {
      const { min, max } = spec;
      return (r) => r.uniform(min, max);
    }
    case "exponential": {
      const mean = spec.mean;
      return (r) => r.exponential(mean);
    }
    case "normal": {
      const { mean, sd, min } = spec;
      if (min === undefined) return (r) => r.normal(mean, sd);
      return (r) => {
        for (let i = 0; i < 100; i++) {
          const x = r.normal(mean, sd);
          if (x >= min) return x;
        }
        return min;
      };
    }
    case "lognormal": {
      const mean = spec.mean;
      const sd = spec.sd ?? mean * (spec.cv ?? 0);
      return (r) => r.lognormal(mean, sd);
    }
    case "triangular": {
      const { min, mode, max } = spec;
      return (r) => r.triangular(min, mode, max);
    }
    case "gamma": {
      const { shape, scale } = spec;
      return (r) => r.gamma(shape, scale);
    }
    case "erlang": {
      const { k, mean } = spec;
      return (r) => r.erlang(k, mean);
    }
    case "poisson": {
      const mean = spec.mean;
      return (r) => r.poisson(mean);
    }
    case "geometric": {
      const p = spec.p;
      return (r) => r.geometric(p);
    }
    case "empirical": {
      const values = spec.values.slice();
      const weights = spec.weights ? spec.weights.slice() : null;
      if (weights === null) return (r) => values[Math.floor(r.next() * values.length)];
      return (r) => values[r.weightedIndex(weights)];
    }
  }
}

/**
 * The exact mean of the distribution. For a normal truncated at `min` it is the mean of
 * the truncated normal. Throws RangeError on an invalid spec.
 */
export function distMean(spec: DistSpec): number {
  assertValid(spec);
  switch (spec.dist) {
    case "constant":
      return spec.value;
    case "uniform":
      return (spec.min + spec.max) / 2;
    case "exponential":
    case "lognormal":
    case "erlang":
    case "poisson":
      return spec.mean;
    case "normal": {
      if (spec.min === undefined || spec.sd === 0)
        return Math.max(spec.mean, spec.min ?? -Infinity);
      const alpha = (spec.min - spec.mean) / spec.sd;
      const pdf = Math.exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI);
      const tail = 0.5 * erfc(alpha / Math.SQRT2);
      return tail > 0 ? spec.mean + (spec.sd * pdf) / tail : spec.min;
    }
    case "triangular":
      return (spec.min + spec.mode + spec.max) / 3;
    case "gamma":
      return spec.shape * spec.scale;
    case "geometric":
      return 1 / spec.p;
    case "empirical":
      return empiricalMean(spec.values, spec.weights);
  }
}

/** The weighted mean of `values` (equal weights if none); 0 when the weights sum to 0. */
export function empiricalMean(values: readonly number[], weights?: readonly number[]): number {
  const w = weights ?? values.map(() => 1);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] * w[i];
    total += w[i];
  }
  return total > 0 ? sum / total : 0;
}
