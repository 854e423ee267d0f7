/**
 * The engine against queueing theory (REFERENCES.md): M/M/1 and M/M/c (Erlang C) waiting
 * times and queue lengths over independent replications, and Little's law. The default
 * run uses cases that converge fast; WHSIM_LONG=1 adds the tight M/M/1 at ρ = 0.9.
 */
import { describe, expect, it } from "vitest";
import {
  confidenceInterval,
  Resource,
  Simulation,
  Tally,
  TimeWeighted,
} from "../../src/engine/index.ts";

const LONG = Boolean(process.env.WHSIM_LONG);

interface Theory {
  pw: number;
  lq: number;
  wq: number;
  w: number;
}

/** Erlang C for M/M/c (REFERENCES.md). */
function erlangC(lambda: number, mu: number, c: number): Theory {
  const a = lambda / mu;
  const rho = a / c;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = term / (1 - rho); // a^c / (c! (1 − ρ))
  const pw = last / (sum + last);
  const lq = (pw * rho) / (1 - rho);
  return { pw, lq, wq: lq / lambda, w: lq / lambda + 1 / mu };
}

interface Replication {
  wq: number;
  w: number;
  pw: number;
  lq: number;
  l: number;
  lambdaObs: number;
}

/** One replication of M/M/c in process style; the first `warmup` customers are deleted. */
function mmc(
  seed: number,
  replication: number,
  lambda: number,
  mu: number,
  c: number,
  customers: number,
  warmup: number,
): Replication {
  const sim = new Simulation({ seed, replication });
  const arrivals = sim.random("arrivals");
  const service = sim.random("service");
  const servers = new Resource(sim, { capacity: c });
  const wq = new Tally();
  const w = new Tally();
  let waited = 0;
  const inSystem = new TimeWeighted(sim, 0);
  let startS = 0;
  function* customer(counted: boolean) {
    const arriveS = sim.now;
    inSystem.update(inSystem.current + 1);
    const req = servers.request();
    yield req;
    const delayS = sim.now - arriveS;
    yield sim.timeout(service.exponential(1 / mu));
    servers.release(req);
    inSystem.update(inSystem.current - 1);
    if (counted) {
      wq.add(delayS);
      if (delayS > 0) waited++;
      w.add(sim.now - arriveS);
    }
  }
  sim.process(function* source() {
    for (let i = 0; i < customers; i++) {
      yield sim.timeout(arrivals.exponential(1 / lambda));
      if (i === warmup) {
        servers.reset();
        inSystem.reset();
        startS = sim.now;
      }
      sim.process(customer(i >= warmup));
    }
  });
  sim.run();
  const durationS = sim.now - startS;
  return {
    wq: wq.mean,
    w: w.mean,
    pw: waited / wq.count,
    lq: servers.meanQueueLength(),
    l: inSystem.mean(),
    lambdaObs: w.count / durationS,
  };
}

/** Pass when |mean − exact| ≤ max(2 % of exact, 3 standard errors), as REFERENCES.md asks. */
function expectNear(values: number[], exact: number): void {
  const ci = confidenceInterval(values);
  const se = ci.stdDev / Math.sqrt(ci.n);
  const tolerance = Math.max(0.02 * Math.abs(exact), 3 * se);
  expect(
    Math.abs(ci.mean - exact),
    `mean ${ci.mean} ± ${ci.halfWidth} vs ${exact}`,
  ).toBeLessThanOrEqual(tolerance);
}

function replicate(n: number, f: (r: number) => Replication): Replication[] {
  return Array.from({ length: n }, (_, r) => f(r));
}

describe("queueing theory", () => {
  it("erlangC() reproduces the REFERENCES.md table", () => {
    const mm1 = erlangC(0.9, 1, 1);
    expect(mm1.wq).toBeCloseTo(9, 10);
    expect(mm1.w).toBeCloseTo(10, 10);
    const mm4 = erlangC(4, 1.25, 4);
    expect(mm4.pw).toBeCloseTo(0.596432, 6);
    expect(mm4.lq).toBeCloseTo(2.38573, 5);
    expect(mm4.wq).toBeCloseTo(0.596432, 6);
  });

  it("M/M/1 at ρ = 0.5 (λ = 0.5, μ = 1): Wq = 1, W = 2, Lq = 0.5", () => {
    const theory = erlangC(0.5, 1, 1);
    const reps = replicate(10, (r) => mmc(11, r, 0.5, 1, 1, 30000, 1000));
    expectNear(
      reps.map((r) => r.wq),
      theory.wq,
    );
    expectNear(
      reps.map((r) => r.w),
      theory.w,
    );
    expectNear(
      reps.map((r) => r.lq),
      theory.lq,
    );
    expectNear(
      reps.map((r) => r.pw),
      theory.pw,
    );
  });

  it("M/M/4 (λ = 4, μ = 1.25): Wq = 0.596432, Lq = 2.385730, P_W = 0.596432", () => {
    const theory = erlangC(4, 1.25, 4);
    const reps = replicate(10, (r) => mmc(12, r, 4, 1.25, 4, 40000, 2000));
    expectNear(
      reps.map((r) => r.wq),
      0.596432,
    );
    expectNear(
      reps.map((r) => r.lq),
      2.38573,
    );
    expectNear(
      reps.map((r) => r.pw),
      0.596432,
    );
    expectNear(
      reps.map((r) => r.w),
      theory.w,
    );
  });

  it("Little's law: the time-average number in system equals λ·W on each path", () => {
    for (const rep of [mmc(13, 0, 0.8, 1, 1, 20000, 500), mmc(13, 1, 4, 1.25, 4, 20000, 500)]) {
      expect(Math.abs(rep.l - rep.lambdaObs * rep.w) / rep.l).toBeLessThan(0.005);
    }
  });

  if (LONG)
    it("M/M/1 at ρ = 0.9 (λ = 0.9, μ = 1): Wq = 9, W = 10, Lq = 8.1 (WHSIM_LONG)", () => {
      const reps = replicate(20, (r) => mmc(14, r, 0.9, 1, 1, 250000, 10000));
      expectNear(
        reps.map((r) => r.wq),
        9,
      );
      expectNear(
        reps.map((r) => r.w),
        10,
      );
      expectNear(
        reps.map((r) => r.lq),
        8.1,
      );
      expectNear(
        reps.map((r) => r.pw),
        0.9,
      );
    });
});

describe("determinism", () => {
  function tracedRun(seed: number): [string, number][] {
    const sim = new Simulation({ seed });
    const servers = new Resource(sim, { capacity: 2 });
    const arrivals = sim.random("arrivals");
    const service = sim.random("service");
    const log: [string, number][] = [];
    sim.process(function* () {
      for (let i = 0; i < 200; i++) {
        yield sim.timeout(arrivals.exponential(1));
        const name = `c${i}`;
        sim.process(function* () {
          log.push([`${name} arrives`, sim.now]);
          const req = servers.request({ priority: i % 3 });
          yield req;
          log.push([`${name} served`, sim.now]);
          yield sim.timeout(service.exponential(1.8));
          servers.release(req);
          log.push([`${name} leaves`, sim.now]);
        });
      }
    });
    sim.run();
    return log;
  }

  it("the same seed gives an identical [name, time] log; another seed a different one", () => {
    const a = tracedRun(99);
    expect(a).toHaveLength(600);
    expect(tracedRun(99)).toEqual(a);
    expect(tracedRun(100)).not.toEqual(a);
  });
});
