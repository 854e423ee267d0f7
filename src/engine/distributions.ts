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

/**
 * Checks a distribution spec; returns every problem (an empty array when valid).
 * `path` is where the spec sits in its file (`outbound.pickTimeS`).
 */
export function checkDistSpec(spec: unknown, path: string): DistIssue[] {
  const issues: DistIssue[] = [];
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    return [
      {
        path,
        value: spec,
        expected: `a distribution object such as { dist: "exponential", mean: 30 }`,
      },
    ];
  }
  const s = spec as Record<string, unknown>;
  const name = s.dist;
  if (typeof name !== "string" || !(name in FIELDS)) {
    return [{ path: at("dist"), value: name, expected: `one of ${DIST_NAMES.join(", ")}` }];
  }
  for (const key of Object.keys(s)) {
    if (key !== "dist" && !FIELDS[name].includes(key)) {
      issues.push({
        path: at(key),
        value: s[key],
        expected: `no such field for ${name} (fields: ${FIELDS[name].join(", ")})`,
      });
    }
  }
  const need = (field: string, ok: (v: number) => boolean, expected: string, optional = false) => {
    const v = s[field];
    if (v === undefined && optional) return;
    if (!isNum(v) || !ok(v)) issues.push({ path: at(field), value: v, expected });
  };
  switch (name) {
    case "constant":
      need("value", () => true, "a finite number");
      break;
    case "uniform":
      need("min", () => true, "a finite number");
      need("max", () => true, "a finite number");
      if (isNum(s.min) && isNum(s.max) && s.min > s.max) {
        issues.push({ path: at("max"), value: s.max, expected: `a number >= min (${s.min})` });
      }
      break;
    case "exponential":
      need("mean", (v) => v > 0, "a number > 0");
      break;
    case "normal":
      need("mean", () => true, "a finite number");
      need("sd", (v) => v >= 0, "a number >= 0");
      need("min", () => true, "a finite number", true);
      break;
    case "lognormal":
      need("mean", (v) => v > 0, "a number > 0");
      need("sd", (v) => v >= 0, "a number >= 0", true);
      need("cv", (v) => v >= 0, "a number >= 0", true);
      if ((s.sd === undefined) === (s.cv === undefined)) {
        issues.push({ path: at("sd"), value: s.sd, expected: "exactly one of sd or cv" });
      }
      break;
    case "triangular":
      need("min", () => true, "a finite number");
      need("mode", () => true, "a finite number");
      need("max", () => true, "a finite number");
      if (isNum(s.min) && isNum(s.mode) && isNum(s.max) && !(s.min <= s.mode && s.mode <= s.max)) {
        issues.push({
          path: at("mode"),
          value: s.mode,
          expected: `min <= mode <= max (${s.min}..${s.max})`,
        });
      }
      break;
    case "gamma":
      need("shape", (v) => v > 0, "a number > 0");
      need("scale", (v) => v > 0, "a number > 0");
      break;
    case "erlang":
      need("k", (v) => Number.isInteger(v) && v >= 1, "an integer >= 1");
      need("mean", (v) => v > 0, "a number > 0");
      break;
    case "poisson":
      need("mean", (v) => v >= 0, "a number >= 0");
      break;
    case "geometric":
      need("p", (v) => v > 0 && v <= 1, "a probability in (0, 1]");
      break;
    case "empirical": {
      const values = s.values;
      if (!Array.isArray(values) || values.length === 0) {
        issues.push({
          path: at("values"),
          value: values,
          expected: "a non-empty array of numbers",
        });
      } else {
        values.forEach((v, i) => {
          if (!isNum(v))
            issues.push({ path: `${at("values")}[${i}]`, value: v, expected: "a finite number" });
        });
      }
      const weights = s.weights;
      if (weights !== undefined) {
        if (!Array.isArray(weights)) {
          issues.push({
            path: at("weights"),
            value: weights,
            expected: "an array of numbers >= 0",
          });
        } else {
          if (Array.isArray(values) && weights.length !== values.length) {
            issues.push({
              path: at("weights"),
              value: weights,
              expected: `${values.length} weights, one per value`,
            });
          }
          weights.forEach((w, i) => {
            if (!isNum(w) || w < 0)
              issues.push({ path: `${at("weights")}[${i}]`, value: w, expected: "a number >= 0" });
          });
          if (weights.every((w) => isNum(w) && w >= 0) && !weights.some((w) => w > 0)) {
            issues.push({
              path: at("weights"),
              value: weights,
              expected: "at least one weight > 0",
            });
          }
        }
      }
      break;
    }
  }
  return issues;
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
    case "empirical": {
      const w = spec.weights ?? spec.values.map(() => 1);
      let sum = 0;
      let total = 0;
      for (let i = 0; i < spec.values.length; i++) {
        sum += spec.values[i] * w[i];
        total += w[i];
      }
      return sum / total;
    }
  }
}
