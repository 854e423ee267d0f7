/**
 * Seeded random streams. Each stream is an sfc32 generator whose 128-bit state is derived
 * by hashing (seed, stream name, replication), so streams are independent and adding a
 * stream never shifts the numbers of another. Never Math.random.
 */
import { logGamma, normalQuantile } from "./special.ts";

const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;

/** MurmurHash3's 32-bit finalizer (Appleby, "fmix32"): a full-avalanche bijection. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3_x86_32 (Appleby) over 32-bit words, with `seed`. */
function murmur3Words(words: readonly number[], seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < words.length; i++) {
    let k = Math.imul(words[i] | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ (words.length * 4));
}

/** The words hashed for a stream (four hashes with seeds from the hex digits of π give the 128-bit state): seed (low, high), replication, name length, UTF-16 units. */
function streamWords(seed: number, name: string, replication: number): number[] {
  const high = Math.floor(seed / TWO_POW_32);
  const low = seed - high * TWO_POW_32;
  const words = [
    low >>> 0,
    high | 0,
    replication | 0,
    Math.floor(replication / TWO_POW_32) | 0,
    name.length,
  ];
  for (let i = 0; i < name.length; i++) words.push(name.charCodeAt(i));
  return words;
}

function checkFinite(what: string, values: Record<string, number>): void {
  for (const key in values) {
    if (!Number.isFinite(values[key])) {
      throw new RangeError(`${what}: ${key} must be a finite number: ${values[key]}`);
    }
  }
}

/**
 * A stream of random numbers: sfc32 ("Small Fast Counting", Chris Doty-Humphrey, from the
 * PractRand suite; passes PractRand and TestU01 BigCrush; period ≥ 2^32, 2^128 state).
 * Continuous variates take the mean and spread of the variate itself, in its own units.
 */
export class RandomStream {
  /** The stream's name. */
  readonly name: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream with the given 128-bit state; prefer `createStream()` or `sim.random()`. */
  constructor(name: string, a: number, b: number, c: number, d: number) {
    this.name = name;
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // Discard the first outputs so that close states diverge fully (as PractRand's seeding does).
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The next raw 32-bit output of sfc32, in [0, 2^32). */
  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const t = (((a + b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1) (32-bit resolution). */
  next(): number {
    // NOTE: the sfc32 step of `nextUint32` written out again: this is the call every draw makes.
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const t = (((a + b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) * INV_TWO_POW_32;
  }

  /** A uniform number in the open interval (0, 1), for inverse transforms. */
  private open(): number {
    return (this.nextUint32() + 0.5) * INV_TWO_POW_32;
  }

  /** Uniform on [min, max). */
  uniform(min: number, max: number): number {
    if (!(min <= max) || !Number.isFinite(max - min)) {
      throw new RangeError(`uniform: need finite min <= max, got min ${min}, max ${max}`);
    }
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, maxInclusive]. */
  integer(min: number, maxInclusive: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(maxInclusive) || min > maxInclusive) {
      throw new RangeError(
        `integer: need integers min <= max, got min ${min}, max ${maxInclusive}`,
      );
    }
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  /** Exponential with the given mean (mean >= 0; rate = 1 / mean). */
  exponential(mean: number): number {
    if (!(mean >= 0 && mean < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`exponential: mean must be a finite number >= 0: ${mean}`);
    }
    // 1 - u lies in (0, 1], so the log is finite.
    return -mean * Math.log(1 - this.next());
  }

  /** Normal with mean and standard deviation sd >= 0 (inverse transform, one uniform per variate). */
  normal(mean: number, sd: number): number {
    if (!(sd >= 0) || !Number.isFinite(mean) || !Number.isFinite(sd)) {
      throw new RangeError(`normal: need finite mean and sd >= 0, got mean ${mean}, sd ${sd}`);
    }
    return mean + sd * normalQuantile(this.open());
  }

  /** Lognormal with the mean and standard deviation of the variate itself (mean > 0, sd >= 0). */
  lognormal(mean: number, sd: number): number {
    if (!(mean > 0) || !(sd >= 0) || !Number.isFinite(mean) || !Number.isFinite(sd)) {
      throw new RangeError(`lognormal: need mean > 0 and sd >= 0, got mean ${mean}, sd ${sd}`);
    }
    const sigma2 = Math.log1p((sd * sd) / (mean * mean));
    const mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(mu + Math.sqrt(sigma2) * normalQuantile(this.open()));
  }

  /** Lognormal by mean and coefficient of variation (sd / mean). */
  lognormalCv(mean: number, cv: number): number {
    if (!(cv >= 0)) throw new RangeError(`lognormalCv: cv must be >= 0: ${cv}`);
    return this.lognormal(mean, mean * cv);
  }

  /** Triangular on [min, max] with the given mode (inverse transform). */
  triangular(min: number, mode: number, max: number): number {
    checkFinite("triangular", { min, mode, max });
    if (!(min <= mode && mode <= max)) {
      throw new RangeError(`triangular: need min <= mode <= max, got ${min}, ${mode}, ${max}`);
    }
    const range = max - min;
    if (range === 0) return min;
    const u = this.next();
    const split = (mode - min) / range;
    return u < split
      ? min + Math.sqrt(u * range * (mode - min))
      : max - Math.sqrt((1 - u) * range * (max - mode));
  }

  /**
   * Gamma with shape k > 0 and scale θ > 0 (mean kθ), by Marsaglia & Tsang (2000),
   * "A simple method for generating gamma variables", ACM TOMS 26(3); shape < 1 by
   * boosting: Gamma(k) = Gamma(k + 1)·U^(1/k).
   */
  gamma(shape: number, scale: number): number {
    if (!(shape > 0) || !(scale > 0) || !Number.isFinite(shape) || !Number.isFinite(scale)) {
      throw new RangeError(
        `gamma: need shape > 0 and scale > 0, got shape ${shape}, scale ${scale}`,
      );
    }
    if (shape < 1) return this.gamma(shape + 1, scale) * this.open() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normalQuantile(this.open());
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.open();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Erlang: the sum of k (integer >= 1) exponential phases, with total mean `mean`. */
  erlang(k: number, mean: number): number {
    if (!Number.isSafeInteger(k) || k < 1)
      throw new RangeError(`erlang: k must be an integer >= 1: ${k}`);
    if (!(mean >= 0 && mean < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`erlang: mean must be a finite number >= 0: ${mean}`);
    }
    if (k > 32) return mean === 0 ? 0 : this.gamma(k, mean / k);
    let product = 1;
    for (let i = 0; i < k; i++) product *= 1 - this.next();
    return (-mean / k) * Math.log(product);
  }

  /**
   * Poisson with the given mean (>= 0): multiplication of uniforms below 30, else the
   * transformed rejection PTRS of Hörmann (1993), "The transformed rejection method for
   * generating Poisson random variables", Insurance: Mathematics and Economics 12.
   */
  poisson(mean: number): number {
    if (!(mean >= 0 && mean < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`poisson: mean must be a finite number >= 0: ${mean}`);
    }
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.next();
      while (p > limit) {
        k++;
        p *= this.next();
      }
      return k;
    }
    const slam = Math.sqrt(mean);
    const logLam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.open();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -mean + k * logLam - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }

  /** Geometric: the number of Bernoulli(p) trials until the first success (>= 1), 0 < p <= 1. */
  geometric(p: number): number {
    if (!(p > 0 && p <= 1)) throw new RangeError(`geometric: p must be in (0, 1]: ${p}`);
    if (p === 1) return 1;
    return 1 + Math.floor(Math.log(this.open()) / Math.log1p(-p));
  }

  /** An index i with probability weights[i] / sum (weights >= 0, sum > 0). */
  weightedIndex(weights: readonly number[]): number {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0 && w < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`weightedIndex: weight ${i} must be a finite number >= 0: ${w}`);
      }
      sum += w;
    }
    if (!(sum > 0)) throw new RangeError("weightedIndex: weights must have a positive sum");
    let r = this.next() * sum;
    let last = 0;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        last = i;
        if (r < weights[i]) return i;
        r -= weights[i];
      }
    }
    return last;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick: the array is empty");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Shuffles the array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

/**
 * The stream `name` of (seed, replication): the same numbers as `sim.random(name)` in a
 * simulation with that seed and replication. Seeds are safe integers; replication >= 0.
 */
export function createStream(seed: number, name: string, replication = 0): RandomStream {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`createStream: seed must be an integer: ${seed}`);
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`createStream: replication must be an integer >= 0: ${replication}`);
  }
  if (typeof name !== "string") throw new TypeError(`createStream: name must be a string: ${name}`);
  const words = streamWords(seed, name, replication);
  return new RandomStream(
    name,
    murmur3Words(words, 0x243f6a88),
    murmur3Words(words, 0x85a308d3),
    murmur3Words(words, 0x13198a2e),
    murmur3Words(words, 0x03707344),
  );
}
