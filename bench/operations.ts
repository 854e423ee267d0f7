/**
 * Cost of the operations: one replication of each operations what-if against the default
 * scenario, wall time and events per second, printed as ratios to the default (after one
 * warm-up run of the default, so the JIT is warm for all).
 * Run: npx tsx bench/operations.ts
 */
import { readScenarioFile } from "../src/node/readScenarioFile.ts";
import { simulate } from "../src/warehouse/index.ts";

const names = [
  "default",
  "counts",
  "cross-dock",
  "high-returns",
  "production-supply",
  "shifts-breaks",
];
const rows: { name: string; wallS: number; events: number }[] = [];
simulate(readScenarioFile(new URL("../scenarios/default.yaml", import.meta.url).pathname));
for (const name of names) {
  const scenario = readScenarioFile(new URL(`../scenarios/${name}.yaml`, import.meta.url).pathname);
  const start = performance.now();
  const result = simulate(scenario, { replication: 0 });
  rows.push({ name, wallS: (performance.now() - start) / 1000, events: result.counts.events });
}
const base = rows[0];
for (const r of rows) {
  process.stdout.write(
    `${r.name.padEnd(18)} ${r.wallS.toFixed(2).padStart(6)} s  ${(r.events / r.wallS / 1e3).toFixed(0).padStart(5)} k events/s  ×${(r.wallS / base.wallS).toFixed(2)} wall, ×${(r.events / base.events).toFixed(2)} events vs default\n`,
  );
}
