/**
 * Layout benchmark: distance queries per second on the default layout (precomputed table
 * vs a per-query Dijkstra over the same junction graph), and routing tours per second per
 * policy for 30 picks in 20 aisles, plus planTour on real layouts. Rates are per CPU second
 * of this process.
 * Run: npx tsx bench/layout.ts
 */
import { readFileSync } from "node:fs";
import { createStream } from "../src/engine/index.ts";
import { loadLayout } from "../src/layout/loadLayout.ts";
import { planTour } from "../src/layout/routing/planTour.ts";
import { routeLength } from "../src/layout/routing/routeLength.ts";
import { type Block, type Pick, routingPolicies } from "../src/layout/routing/types.ts";
import { createTravelModel, type TravelModel } from "../src/layout/travelModel.ts";

function timeIt(label: string, minMs: number, body: () => number): number {
  let n = 0;
  let sink = 0;
  // Warm up: at least 300 calls and a third of the time budget (JIT tiers).
  for (let w = performance.now(), c = 0; c < 300 || performance.now() - w < minMs / 3; c++)
    sink += body();
  // Rates use this process's CPU time, so a busy shared machine distorts them less.
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < minMs) {
    sink += body();
    n++;
  }
  const cpu = process.cpuUsage(c0);
  const perS = (n * 1e6) / (cpu.user + cpu.system);
  if (sink === -1) console.log(label);
  return perS;
}

/** Dijkstra from a place's edge ends on every query: the baseline the table replaces. */
function dijkstraDistance(travel: TravelModel, a: string, b: string): number {
  const { nodes, edges } = travel.graph;
  const pa = travel.anchor(a);
  const pb = travel.anchor(b);
  const dist = new Float64Array(nodes.length).fill(Number.POSITIVE_INFINITY);
  const ea = edges[pa.edge];
  dist[ea.to] = ea.lengthM - pa.offsetM;
  if (ea.twoWay) dist[ea.from] = pa.offsetM;
  const done = new Uint8Array(nodes.length);
  for (;;) {
    let u = -1;
    for (let i = 0; i < nodes.length; i++) if (!done[i] && (u < 0 || dist[i] < dist[u])) u = i;
    if (u < 0 || dist[u] === Number.POSITIVE_INFINITY) break;
    done[u] = 1;
    for (const e of edges) {
      if (e.from === u && dist[u] + e.lengthM < dist[e.to]) dist[e.to] = dist[u] + e.lengthM;
      if (e.twoWay && e.to === u && dist[u] + e.lengthM < dist[e.from])
        dist[e.from] = dist[u] + e.lengthM;
    }
  }
  const eb = edges[pb.edge];
  let d = dist[eb.from] + pb.offsetM;
  if (eb.twoWay) d = Math.min(d, dist[eb.to] + eb.lengthM - pb.offsetM);
  return d + pa.snapM + pb.snapM;
}

const rng = createStream(1, "bench-layout");
const layout = loadLayout(readFileSync("layouts/default.yaml", "utf8"), "default.yaml");
const t0 = performance.now();
const travel = createTravelModel(layout);
const buildMs = performance.now() - t0;
const ids = layout.locations.map((l) => l.id);
const pairs = Array.from({ length: 4096 }, () => [
  ids[rng.integer(0, ids.length - 1)],
  ids[rng.integer(0, ids.length - 1)],
]);
for (const [a, b] of pairs) travel.anchor(a) && travel.anchor(b);
let k = 0;
const tableQps = timeIt("table", 1000, () => {
  const [a, b] = pairs[k++ & 4095];
  return travel.distanceM(a, b);
});
const idx = pairs.map(([a, b]) => [travel.placeIndex(a), travel.placeIndex(b)]);
k = 0;
const indexQps = timeIt("index", 1000, () => {
  const [a, b] = idx[k++ & 4095];
  return travel.distanceByIndexM(a, b);
});
k = 0;
const dijkstraQps = timeIt("dijkstra", 1000, () => {
  const [a, b] = pairs[k++ & 4095];
  return dijkstraDistance(travel, a, b);
});
console.log(
  `default.yaml: ${layout.locations.length} locations, ${travel.graph.nodes.length} junctions, travel model built in ${buildMs.toFixed(0)} ms`,
);
console.log(
  `distance queries/s: distanceM(id, id) ${tableQps.toExponential(2)}, distanceByIndexM ${indexQps.toExponential(2)}, per-query Dijkstra ${dijkstraQps.toExponential(2)} (ratio ${(tableQps / dijkstraQps).toFixed(0)}x)`,
);

const block: Block = { aisles: 20, aisleLengthM: 30, aisleSpacingM: 5.2 };
const orders: Pick[][] = Array.from({ length: 256 }, () =>
  Array.from({ length: 30 }, () => ({ aisle: rng.integer(0, 19), positionM: rng.uniform(0, 30) })),
);
const rates: Record<string, number> = {};
for (const policy of routingPolicies) {
  let j = 0;
  rates[policy] = timeIt(
    policy,
    700,
    () => routeLength(block, orders[j++ & 255], policy).distanceM,
  );
}
console.log("routeLength tours/s, 30 picks in 20 aisles (one block):");
for (const policy of routingPolicies) {
  console.log(
    `  ${policy.padEnd(10)} ${rates[policy].toFixed(0).padStart(8)} tours/s  ${(1000 / rates[policy]).toFixed(4)} ms/tour  (${(rates[policy] / rates.optimal).toFixed(1)}x optimal)`,
  );
}
const multi: Block = { ...block, crossAisles: 2 };
let j = 0;
const multiRate = timeIt(
  "multi",
  700,
  () => routeLength(multi, orders[j++ & 255], "optimal").distanceM,
);
console.log(
  `  optimal with 2 middle cross aisles: ${multiRate.toFixed(0)} tours/s, ${(1000 / multiRate).toFixed(3)} ms/tour`,
);

const tourStops = Array.from({ length: 64 }, () =>
  Array.from({ length: 30 }, () => ids[rng.integer(0, ids.length - 1)]),
);
console.log("planTour tours/s, 30 stops:");
for (const policy of ["sShape", "optimal"] as const) {
  let i = 0;
  const rate = timeIt(
    policy,
    700,
    () => planTour(travel, { start: "PD", stops: tourStops[i++ & 63], policy }).distanceM,
  );
  console.log(`  default.yaml ${policy.padEnd(8)} ${rate.toFixed(0)} tours/s`);
}
const fishbone = loadLayout(readFileSync("layouts/fishbone.yaml", "utf8"), "fishbone.yaml");
const fishTravel = createTravelModel(fishbone);
const fishIds = fishbone.locations.map((l) => l.id);
for (const m of [10, 30]) {
  const stops = Array.from({ length: 16 }, () =>
    Array.from({ length: m }, () => fishIds[rng.integer(0, fishIds.length - 1)]),
  );
  let i = 0;
  const rate = timeIt(
    `fish${m}`,
    700,
    () => planTour(fishTravel, { start: "PD", stops: stops[i++ & 15] }).distanceM,
  );
  console.log(
    `  fishbone.yaml ${m} stops (${m <= 12 ? "Held–Karp" : "NN + 2-opt/Or-opt"}): ${rate.toFixed(1)} tours/s`,
  );
}
