/**
 * A reference model for the experiment layer: an M/M/c queue on the engine behind the
 * same Runner shape as the warehouse's simulate(). Its theory is known (Erlang C), so
 * tests and benchmarks of replications, common random numbers, comparisons and racing can
 * check answers against it. Service times are drawn at arrival from their own stream, so
 * two candidates see the same customers whatever their number of servers.
 */
import { Resource, Simulation } from "../engine/index.ts";
import type { RunnerResult } from "./types.ts";

/** A queue "scenario": plain data, like a warehouse scenario. */
export interface QueueScenario {
  /** Arrival rate λ in customers per second. */
  arrivalRatePerS: number;
  /** Mean service time 1/μ in seconds. */
  serviceMeanS: number;
  /** Number of servers c. */
  servers: number;
  /** Simulated time in seconds. */
  horizonS: number;
  /** Statistics ignore customers arriving before this time (warm-up deletion). Defaults to 0. */
  warmupS?: number;
}

/**
 * Simulates one replication. KPIs: `waitS` (mean wait in queue), `sojournS`,
 * `throughputPerHour`, `served` and `utilization.server`, all after the warm-up.
 */
export function runQueueModel(
  scenario: QueueScenario,
  options: { seed: number; replication: number },
): RunnerResult {
  const sim = new Simulation({ seed: options.seed, replication: options.replication });
  const arrivals = sim.random("arrivals");
  const services = sim.random("service");
  const servers = new Resource(sim, { capacity: scenario.servers });
  const warmupS = scenario.warmupS ?? 0;
  let served = 0;
  let waitSum = 0;
  let serviceSum = 0;
  let busyS = 0;
  function* customer(serviceS: number, counted: boolean) {
    const arrivedS = sim.now;
    const request = servers.request();
    yield request;
    const startS = sim.now;
    yield sim.timeout(serviceS);
    servers.release(request);
    busyS += Math.max(0, sim.now - Math.max(startS, warmupS));
    if (counted) {
      served++;
      waitSum += startS - arrivedS;
      serviceSum += serviceS;
    }
  }
  sim.process(function* () {
    for (;;) {
      yield sim.timeout(arrivals.exponential(1 / scenario.arrivalRatePerS));
      const serviceS = services.exponential(scenario.serviceMeanS);
      sim.process(customer(serviceS, sim.now >= warmupS));
    }
  });
  sim.run({ until: scenario.horizonS });
  const observedS = scenario.horizonS - warmupS;
  const waitS = served > 0 ? waitSum / served : Number.NaN;
  const serviceS = served > 0 ? serviceSum / served : Number.NaN;
  const utilization = busyS / (observedS * scenario.servers);
  return {
    kpis: {
      waitS,
      sojournS: waitS + serviceS,
      throughputPerHour: (served / observedS) * 3600,
      served,
      "utilization.server": utilization,
    },
    breakdown: {
      order: { wait: waitS, service: serviceS },
      worker: { server: { handling: utilization, idle: 1 - utilization } },
    },
  };
}

/** Erlang C: the probability an arrival waits in an M/M/c queue (ρ = λ/(cμ) < 1). */
export function erlangC(arrivalRatePerS: number, serviceMeanS: number, servers: number): number {
  const a = arrivalRatePerS * serviceMeanS;
  const rho = a / servers;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / servers / (1 - rho);
  return last / (sum + last);
}

/** Mean wait in queue Wq of an M/M/c queue in seconds (Erlang C / (cμ − λ)). */
export function mmcWaitS(arrivalRatePerS: number, serviceMeanS: number, servers: number): number {
  return (
    erlangC(arrivalRatePerS, serviceMeanS, servers) / (servers / serviceMeanS - arrivalRatePerS)
  );
}
