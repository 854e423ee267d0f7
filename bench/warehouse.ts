/**
 * Warehouse benchmark: one replication of scenarios/large.yaml (10,000 SKUs, 21,120
 * locations, 117 workers, 30 days), reporting simulated days per second, engine events per
 * second and peak memory, beside an M/M/1 queue on the same engine as the yardstick
 * (events per second of the bare kernel). Wall and CPU time are both printed: on a shared
 * machine CPU time is the steadier of the two, and the load average says how shared.
 * Peak memory is the process's maximum resident set size.
 *
 *   npx tsx bench/warehouse.ts [scenario] [days]
 */
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { Resource, Simulation } from "../src/engine/index.ts";
import { readScenarioFile } from "../src/node/readScenarioFile.ts";
import { simulate } from "../src/warehouse/index.ts";

const file = resolve(
  process.argv[2] ?? new URL("../scenarios/large.yaml", import.meta.url).pathname,
);
const days = process.argv[3] ? Number(process.argv[3]) : undefined;

function clock<T>(run: () => T): { value: T; wallS: number; cpuS: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const cpu = process.cpuUsage(c0);
  return { value, wallS: (performance.now() - t0) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 };
}

/** M/M/1 (λ = 0.9, μ = 1) in the process style the warehouse uses; two events per customer. */
function mm1(customers: number): number {
  const sim = new Simulation({ seed: 1 });
  const arrivals = sim.random("arrivals");
  const service = sim.random("service");
  const server = new Resource(sim, { capacity: 1 });
  let served = 0;
  function* customer() {
    const request = server.request();
    yield request;
    yield sim.timeout(service.exponential(1));
    server.release(request);
    served++;
  }
  sim.process(function* source() {
    for (let i = 0; i < customers; i++) {
      yield sim.timeout(arrivals.exponential(1 / 0.9));
      sim.process(customer());
    }
  });
  sim.run();
  return served;
}

const MM1_CUSTOMERS = 500_000;
mm1(50_000); // warm the JIT
const yard = clock(() => mm1(MM1_CUSTOMERS));
const mm1EventsPerS = (2 * MM1_CUSTOMERS) / yard.cpuS;

const scenario = readScenarioFile(file);
if (days !== undefined) {
  scenario.horizonDays = days;
  scenario.warmupDays = Math.min(scenario.warmupDays, days / 2);
}
let peakRss = process.memoryUsage().rss;
const run = clock(() =>
  simulate(scenario, {
    replication: 0,
    onProgress: () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
  }),
);
// The kernel's high-water mark catches peaks between progress reports (maxRSS is in KiB).
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
const r = run.value;
const events = r.counts.events;
const fmt = (x: number, d = 1) => x.toFixed(d);

process.stdout.write(
  [
    `scenario ${scenario.name}: ${scenario.skus.count} SKUs, ${scenario.horizonDays} days, ${r.kpis.ordersShipped} orders shipped after warm-up`,
    `load average (1, 5, 15 min): ${loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")} on ${availableParallelism()} cores, node ${process.version}`,
    `yardstick M/M/1 ${MM1_CUSTOMERS} customers: ${fmt(yard.wallS, 2)} s wall, ${fmt(yard.cpuS, 2)} s CPU, ${fmt(mm1EventsPerS / 1e6, 2)} M events/s (CPU)`,
    `warehouse: ${fmt(run.wallS)} s wall, ${fmt(run.cpuS)} s CPU, ${events} engine events`,
    `  simulated days per second: ${fmt(scenario.horizonDays / run.wallS, 2)} (wall), ${fmt(scenario.horizonDays / run.cpuS, 2)} (CPU)`,
    `  events per second: ${fmt(events / run.wallS / 1e3)} k (wall), ${fmt(events / run.cpuS / 1e3)} k (CPU); ratio to M/M/1: ${fmt(events / run.cpuS / mm1EventsPerS, 3)}`,
    `  peak memory (RSS): ${fmt(peakRss / 2 ** 20, 0)} MiB`,
    `  target 30 days < 20 s and < 1 GiB: ${(run.cpuS * 30) / scenario.horizonDays < 20 ? "met" : "missed"} on CPU time (${fmt((run.cpuS * 30) / scenario.horizonDays)} s per 30 days), ${peakRss < 2 ** 30 ? "met" : "missed"} on memory`,
    "",
  ].join("\n"),
);
