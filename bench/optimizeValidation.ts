/**
 * The optimizer's validation cases as tables: (a) S-shape travel with and without a middle
 * cross aisle, predicted by the routing formulas against simulated replications on common
 * random numbers; (b) the break-even rent between a compact and a spread-out layout and
 * the winner of `optimize` over a sweep of rents around it. The same cases are tests in
 * tests/optimize/crossAisleValidation.test.ts and tests/optimize/rentBreakEven.test.ts.
 *
 *   npx tsx bench/optimizeValidation.ts [replications, default 16] [rent factors, default 0.5,0.8,0.95,1.05,1.2,1.5]
 */
import type { Estimate } from "../src/experiment/statistics.ts";
import {
  breakEvenRent,
  crossAisleCase,
  optimizeAtRent,
  type PairedMeasure,
} from "../tests/optimize/validationCases.ts";

const replications = Number(process.argv[2] ?? 16);
const factors = (process.argv[3] ?? "0.5,0.8,0.95,1.05,1.2,1.5").split(",").map(Number);

const fmt = (x: number, digits: number) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const withCi = (e: Estimate, digits: number) => `${fmt(e.mean, digits)} ± ${fmt(e.ci95, digits)}`;

/** One table row: predicted and simulated for both layouts, the difference and the ratio. */
function row(name: string, m: PairedMeasure, digits: number, scale = 1): string {
  const s = (e: Estimate): Estimate => ({ ...e, mean: e.mean * scale, ci95: e.ci95 * scale });
  const p = m.predicted;
  return `| ${name} | ${fmt(p.none * scale, digits)} | ${withCi(s(m.simulated.none), digits)} | ${fmt(p.one * scale, digits)} | ${withCi(s(m.simulated.one), digits)} | ${fmt(p.difference * scale, digits)} | ${withCi(s(m.simulated.difference), digits)} | ${fmt(p.ratio, 3)} | ${withCi(m.simulated.ratio, 3)} |`;
}

function crossAisleTable(): void {
  const t0 = performance.now();
  const c = crossAisleCase(replications);
  console.log(
    `\n(a) S-shape, two-line orders, 8 aisles × 20 bays, depot at aisle 1; ${replications} replications a layout, 95 % intervals\n`,
  );
  console.log(
    "| measure | no cross aisle: formula | simulated | one cross aisle: formula | simulated | difference: formula | simulated | ratio: formula | simulated |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(row("pick travel per line, m", c.metresPerLine, 2));
  console.log(row("picker travel per order, s", c.travelSPerOrder, 1));
  console.log(row("pick travel labour per 1,000 orders, h", c.travelSPerOrder, 2, 1000 / 3600));
  console.log(`\n(${fmt((performance.now() - t0) / 1000, 1)} s)`);
}

async function rentTable(): Promise<void> {
  const t0 = performance.now();
  const be = breakEvenRent(Math.min(replications, 8));
  const r = be.rent;
  console.log(
    `\n(b) break-even rent: labour difference ${withCi(be.labourDifference, 0)} a year (compact with 3 pickers − spread-out with 2) ÷ footprint difference ${fmt(be.areaDifferenceM2, 1)} m² = ${fmt(r.mean, 1)} per m²·yr [${fmt(r.low, 1)}, ${fmt(r.high, 1)}]\n`,
  );
  console.log(
    "| rent per m²·yr | ÷ break-even | winner | switch point from the optimizer's comparison | replications |",
  );
  console.log("|---|---|---|---|---|");
  for (const f of factors) {
    const o = await optimizeAtRent(r.mean * f, be.areaDifferenceM2);
    const w = o.winner
      ? `${o.winner.crossAisles === 1 ? "spread-out (cross aisle)" : "compact"}, ${o.winner.pickers} pickers`
      : "none";
    const s = o.switchRent;
    const sw = s ? `${fmt(s.mean, 1)} [${fmt(s.low, 1)}, ${fmt(s.high, 1)}]` : "-";
    console.log(`| ${fmt(o.rent, 1)} | ${fmt(f, 2)} | ${w} | ${sw} | ${o.evaluations} |`);
  }
  console.log(`\n(${fmt((performance.now() - t0) / 1000, 1)} s)`);
}

crossAisleTable();
await rentTable();
