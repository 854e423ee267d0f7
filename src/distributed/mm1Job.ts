/**
 * The `mm1` job kind: an M/M/1 queue simulated by Lindley's recursion on seeded streams.
 * Workers run it to calibrate queue overhead and the test suite uses it as a small model
 * with a known answer (mean wait in queue Wq = ρ / (μ − λ)); its size is set in customers.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import { jobKey, scenarioHash } from "../experiment/hash.ts";
import type { ReplicationJob, RunnerResult } from "../experiment/types.ts";

/** The scenario of an `mm1` job. */
export interface Mm1Scenario {
  /** Arrival rate λ, customers per second. */
  arrivalRatePerS: number;
  /** Service rate μ, customers per second (μ > λ for a stable queue). */
  serviceRatePerS: number;
  /** Customers simulated per replication (job size: about 30 M per second of CPU). */
  customers: number;
}

/** Largest `customers` accepted, so a job cannot ask for unbounded work. */
export const MM1_MAX_CUSTOMERS = 2_000_000_000;

/** Checks an `mm1` scenario; throws InputError listing every problem. */
export function validateMm1Scenario(value: unknown, file = "job"): Mm1Scenario {
  const issues: InputIssue[] = [];
  const spec = (value ?? {}) as Record<string, unknown>;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError({ file, path: "scenario", value, expected: "an mm1 scenario object" });
  }
  for (const name of ["arrivalRatePerS", "serviceRatePerS"]) {
    const v = spec[name];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      issues.push({ file, path: `scenario.${name}`, value: v, expected: "a number > 0" });
    }
  }
  const c = spec.customers;
  if (typeof c !== "number" || !Number.isInteger(c) || c < 1 || c > MM1_MAX_CUSTOMERS) {
    issues.push({
      file,
      path: "scenario.customers",
      value: c,
      expected: `an integer from 1 to ${MM1_MAX_CUSTOMERS}`,
    });
  }
  const extra = Object.keys(spec).filter(
    (k) => !["arrivalRatePerS", "serviceRatePerS", "customers"].includes(k),
  );
  for (const k of extra) {
    issues.push({ file, path: `scenario.${k}`, value: spec[k], expected: "no such field" });
  }
  if (issues.length > 0) throw new InputError(issues);
  return spec as unknown as Mm1Scenario;
}

/** Builds an `mm1` job with its key (the experiment layer's `jobKey`). */
export function mm1Job(
  scenario: Mm1Scenario,
  candidate: string,
  replication: number,
  seed: number,
): ReplicationJob<Mm1Scenario> {
  const key = jobKey({ scenarioHash: scenarioHash(scenario), candidate, replication, seed });
  return { key, candidate, scenario, replication, seed };
}

/** A seeded uniform stream on (0, 1): sfc32 seeded through splitmix32. */
function stream(seed: number, replication: number, name: number): () => number {
  let s = (seed ^ Math.imul(replication + 1, 0x9e3779b9) ^ Math.imul(name, 0x85ebca6b)) >>> 0;
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1;
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    // (t + 0.5) / 2^32 is never 0 or 1, so -log(u) is finite.
    return (t + 0.5) / 4294967296;
  };
}

/**
 * Simulates one `mm1` replication (a Runner, like the warehouse's simulate()): arrivals and
 * services on separate streams, so candidates share them (common random numbers).
 */
export function runMm1(
  scenario: Mm1Scenario,
  options: { seed: number; replication: number },
): RunnerResult {
  const spec = validateMm1Scenario(scenario);
  const arrivals = stream(options.seed, options.replication, 1);
  const services = stream(options.seed, options.replication, 2);
  const meanInterarrivalS = 1 / spec.arrivalRatePerS;
  const meanServiceS = 1 / spec.serviceRatePerS;
  let waitS = 0; // Lindley: W(n+1) = max(0, W(n) + S(n) − A(n+1))
  let totalWaitS = 0;
  let totalServiceS = 0;
  let clockS = 0;
  for (let n = 0; n < spec.customers; n++) {
    const serviceS = -Math.log(services()) * meanServiceS;
    const interarrivalS = -Math.log(arrivals()) * meanInterarrivalS;
    totalWaitS += waitS;
    totalServiceS += serviceS;
    clockS += interarrivalS;
    waitS = Math.max(0, waitS + serviceS - interarrivalS);
  }
  const n = spec.customers;
  return {
    kpis: {
      customers: n,
      meanWaitS: totalWaitS / n,
      meanSystemS: (totalWaitS + totalServiceS) / n,
      utilization: totalServiceS / clockS,
    },
    breakdown: {
      order: { wait: totalWaitS / n, service: totalServiceS / n },
      worker: { server: { handling: totalServiceS / clockS, idle: 1 - totalServiceS / clockS } },
    },
  };
}
