/**
 * The optimizer's validation cases with known answers, shared by the tests and
 * bench/optimizeValidation.ts: the S-shape travel of two-pick orders with and without a
 * middle cross aisle from the routing formulas of REFERENCES.md, derived here on their own
 * (not from the simulator's routing code), and the runs that measure it.
 */
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { type Estimate, estimate } from "../../src/experiment/statistics.ts";
import { runWarehouse } from "../../src/experiment/warehouseRunner.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { type OptimizationResult, optimizeLayout } from "../../src/optimize/layoutSearch.ts";
import { parseOptimizeSpec } from "../../src/optimize/optimizeSpec.ts";
import type { Scenario } from "../../src/scenario/index.ts";

/** The constructed pick area: S-shape, two lines an order, one SKU per location. */
export const CROSS_AISLE_DC = new URL("./fixtures/cross-aisle-dc.yaml", import.meta.url).pathname;

/** The geometry the formulas need, from the traditional layout's spec (metres). */
export interface AisleBlock {
  aisles: number;
  baysPerAisle: number;
  aisleWidthM: number;
  rackDepthM: number;
  bayWidthM: number;
  crossAisleWidthM: number;
  /** Middle cross aisles: 0 or 1. */
  crossAisles: number;
}

/** The block of a scenario's traditional layout (one slot a bay, one level). */
export function blockOf(scenario: Scenario): AisleBlock {
  const l = scenario.layout as unknown as Record<string, number>;
  return {
    aisles: l.aisles,
    baysPerAisle: l.baysPerAisle,
    aisleWidthM: l.aisleWidthM,
    rackDepthM: l.rackDepthM,
    bayWidthM: l.bayWidthM,
    crossAisleWidthM: l.crossAisleWidthM,
    crossAisles: l.crossAisles,
  };
}

/** E[R] = (n−1) − Σ_{j=1}^{n−1} (j/n)^m, the expected farthest aisle index (REFERENCES.md). */
export function expectedFarthestAisle(n: number, m: number): number {
  let sum = 0;
  for (let j = 1; j < n; j++) sum += (j / n) ** m;
  return n - 1 - sum;
}

/** E[max] of two independent draws from the equally likely values `ys`. */
function expectedMaxOfTwo(ys: readonly number[]): number {
  const sorted = [...ys].sort((a, b) => a - b);
  const k = sorted.length;
  // P(max = y_(i)) = (2i − 1) / k² for the i-th smallest (1-based).
  return sorted.reduce((sum, y, i) => sum + (y * (2 * i + 1)) / (k * k), 0);
}

/**
 * Pick positions along an aisle from the front cross aisle's centre line, by block: bay
 * centres, the blocks separated by a cross aisle; and the cross-aisle centre lines.
 */
function aislePositions(b: AisleBlock): { blocks: number[][]; rows: number[] } {
  const nBlocks = b.crossAisles + 1;
  const blocks: number[][] = [];
  const rows = [0];
  let y = b.crossAisleWidthM / 2;
  for (let j = 0; j < nBlocks; j++) {
    const bays = Math.floor(b.baysPerAisle / nBlocks) + (j < b.baysPerAisle % nBlocks ? 1 : 0);
    blocks.push(Array.from({ length: bays }, (_, i) => y + (i + 0.5) * b.bayWidthM));
    y += bays * b.bayWidthM;
    rows.push(y + b.crossAisleWidthM / 2);
    y += b.crossAisleWidthM;
  }
  return { blocks, rows };
}

/**
 * Expected S-shape tour of two independent uniform picks, depot at the front of aisle 0,
 * metres. Horizontal: 2w·E[R] with m = 2. Vertical, both picks in one aisle (probability
 * 1/n): a return trip, 2·E[max y]. In two aisles, one block: both traversed, 2L. With one
 * middle cross aisle (Roodbergen & de Koster's multi-block S-shape): the right pick in the
 * far block → up the left aisle to the back and down the right one, 2L; both in the near
 * block → up to the middle cross aisle and down, 2h; the left pick far and the right one
 * near → a return to the left pick, then down the right aisle from the middle, 2·y_left.
 */
export function twoPickSShapeTourM(b: AisleBlock): number {
  if (b.crossAisles > 1) throw new RangeError("the formula covers 0 or 1 middle cross aisles");
  const n = b.aisles;
  const w = b.aisleWidthM + 2 * b.rackDepthM;
  const { blocks, rows } = aislePositions(b);
  const all = blocks.flat();
  const length = rows[rows.length - 1];
  const sameAisle = 2 * expectedMaxOfTwo(all);
  let twoAisles = 2 * length;
  if (b.crossAisles === 1) {
    const near = blocks[0].length / all.length;
    const far = 1 - near;
    const farMeanY = blocks[1].reduce((s, y) => s + y, 0) / blocks[1].length;
    twoAisles = far * 2 * length + near * near * 2 * rows[1] + near * far * 2 * farMeanY;
  }
  return 2 * w * expectedFarthestAisle(n, 2) + sameAisle / n + (1 - 1 / n) * twoAisles;
}

/**
 * Expected pick travel per line, metres: a tour ÷ the lines of a two-line order (the same
 * SKU twice, probability 1/skus, makes one line).
 */
export function predictedTravelMPerLine(b: AisleBlock, skus: number): number {
  return twoPickSShapeTourM(b) / (2 - 1 / skus);
}

/** The scenario's pick area at `size`, every location a pick face of its own SKU. */
function resized(base: Scenario, size?: { aisles: number; baysPerAisle: number }): Scenario {
  if (!size) return base;
  const s = structuredClone(base) as Scenario;
  Object.assign(s.layout, size);
  s.skus.count = size.aisles * 2 * size.baysPerAisle;
  return s;
}

/** The scenario with `crossAisles` middle cross aisles (and optionally other changes). */
export function withCrossAisles(base: Scenario, crossAisles: number): Scenario {
  return { ...base, layout: { ...base.layout, crossAisles } } as Scenario;
}

/** What a replication measured of the pickers' travel. */
interface TravelMeasure {
  /** Pick travel per line, metres (`pickTravelMPerLine`). */
  mPerLine: number;
  /** Picker time travelling per order, s (the `travel` phase of the order breakdown). */
  sPerOrder: number;
}

/** The pick travel of replications 0..n−1 of a scenario, seed 1. */
function travelByReplication(scenario: Scenario, n: number): TravelMeasure[] {
  return Array.from({ length: n }, (_, r) => {
    const out = runWarehouse(scenario, { seed: 1, replication: r });
    return { mPerLine: out.kpis.pickTravelMPerLine, sPerOrder: out.breakdown?.order.travel ?? NaN };
  });
}

/** Predicted and simulated values of one measure for both layouts. */
export interface PairedMeasure {
  predicted: { none: number; one: number; difference: number; ratio: number };
  simulated: { none: Estimate; one: Estimate; difference: Estimate; ratio: Estimate };
}

function paired(
  predicted: [number, number],
  a: readonly number[],
  b: readonly number[],
): PairedMeasure {
  const [p0, p1] = predicted;
  return {
    predicted: { none: p0, one: p1, difference: p1 - p0, ratio: p1 / p0 },
    simulated: {
      none: estimate(a),
      one: estimate(b),
      difference: estimate(b.map((v, r) => v - a[r])),
      ratio: estimate(b.map((v, r) => v / a[r])),
    },
  };
}

/** The constructed case: travel per line (m) and picker travel time per order (s). */
export interface CrossAisleCase {
  metresPerLine: PairedMeasure;
  travelSPerOrder: PairedMeasure;
}

/**
 * Runs the constructed case on `replications` common-random-number pairs; `size` resizes
 * the pick area (one SKU a location throughout).
 */
export function crossAisleCase(
  replications: number,
  size?: { aisles: number; baysPerAisle: number },
): CrossAisleCase {
  const base = resized(readScenarioFile(CROSS_AISLE_DC), size);
  const [none, one] = [0, 1].map((c) => withCrossAisles(base, c));
  const skus = base.skus.count;
  const speedMps = base.equipment.pools.cart?.speedMps ?? NaN;
  const tours = [none, one].map((s) => twoPickSShapeTourM(blockOf(s)));
  const [a, b] = [none, one].map((s) => travelByReplication(s, replications));
  return {
    metresPerLine: paired(
      [predictedTravelMPerLine(blockOf(none), skus), predictedTravelMPerLine(blockOf(one), skus)],
      a.map((m) => m.mPerLine),
      b.map((m) => m.mPerLine),
    ),
    // One order a tour at constant speed: a tour's travel time is its length ÷ the speed.
    travelSPerOrder: paired(
      [tours[0] / speedMps, tours[1] / speedMps],
      a.map((m) => m.sPerOrder),
      b.map((m) => m.sPerOrder),
    ),
  };
}

/** REFERENCES.md's pass rule: |mean − exact| ≤ max(relative tolerance, 3 standard errors). */
export function agrees(e: Estimate, exact: number, relative: number): boolean {
  const se = e.stdDev / Math.sqrt(e.n);
  return Math.abs(e.mean - exact) <= Math.max(relative * Math.abs(exact), 3 * se);
}

/** `whsim optimize` over `space` on the constructed pick area; spec fields override. */
export async function optimizeCrossAisleDc(spec: Record<string, unknown>, base?: Scenario) {
  const scenario = base ?? readScenarioFile(CROSS_AISLE_DC);
  const parsed = parseOptimizeSpec({ scenario: "cross-aisle-dc.yaml", ...spec }, "spec.yaml");
  return optimizeLayout(createInProcessExecutor(runWarehouse), scenario, parsed, { seed: 1 });
}

/** The one-shift operation priced by the year (rent-dc.yaml): layout × picker headcount. */
export const RENT_DC = new URL("./fixtures/rent-dc.yaml", import.meta.url).pathname;

/** The picker headcount path the rent case varies. */
export const PICKERS = "workforce.roles.picker.crews.0.headcount";

/** The on-time target of the rent case (the compact layout with two pickers misses it). */
export const ON_TIME_TARGET = { kpi: "onTimeShipRate", min: 0.96, tolerance: 0.015 };

/** The rent case's scenario with a layout, a picker headcount and a rent per m²·yr. */
export function rentVariant(
  base: Scenario,
  variant: { crossAisles: number; pickers: number; rent?: number },
): Scenario {
  const s = structuredClone(base) as Scenario;
  (s.layout as unknown as Record<string, number>).crossAisles = variant.crossAisles;
  s.workforce.roles.picker.crews[0].headcount = variant.pickers;
  if (variant.rent !== undefined) s.costs.buildingPerM2Year = variant.rent;
  return s;
}

/** The analytic break-even rent and what it rests on. */
export interface BreakEven {
  /** Annual labour, compact layout with three pickers − spread-out with two (paired). */
  labourDifference: Estimate;
  /** Footprint, spread-out − compact, m² (the model's space cost ÷ rent). */
  areaDifferenceM2: number;
  /** Break-even rent per m²·yr, with the 95 % interval of the labour difference. */
  rent: { mean: number; low: number; high: number };
}

/**
 * Break-even rent = (labour cost difference a year) ÷ (footprint difference), from paired
 * replications of the compact layout at three pickers and the spread-out one at two.
 */
export function breakEvenRent(replications: number): BreakEven {
  const base = readScenarioFile(RENT_DC);
  const compact = rentVariant(base, { crossAisles: 0, pickers: 3 });
  const spread = rentVariant(base, { crossAisles: 1, pickers: 2 });
  const runs = [compact, spread].map((s) =>
    Array.from({ length: replications }, (_, r) => runWarehouse(s, { seed: 1, replication: r })),
  );
  const labour = estimate(
    runs[0].map((out, r) => out.kpis["annualCost.labour"] - runs[1][r].kpis["annualCost.labour"]),
  );
  const space = (i: number) => runs[i][0].kpis["annualCost.space"];
  const areaDifferenceM2 = (space(1) - space(0)) / base.costs.buildingPerM2Year;
  return {
    labourDifference: labour,
    areaDifferenceM2,
    rent: {
      mean: labour.mean / areaDifferenceM2,
      low: (labour.mean - labour.ci95) / areaDifferenceM2,
      high: (labour.mean + labour.ci95) / areaDifferenceM2,
    },
  };
}

/** The settings of a rent-case candidate, for finding it in a ranking. */
function isVariant(
  settings: Record<string, unknown>,
  variant: { crossAisles: number; pickers: number },
): boolean {
  return (
    settings["layout.crossAisles"] === variant.crossAisles && settings[PICKERS] === variant.pickers
  );
}

/** What the optimizer chose at one rent, and the switch point its own comparison implies. */
export interface RentOutcome {
  rent: number;
  winner?: { crossAisles: number; pickers: number };
  /** Rent at which the spread-out layout (two pickers) and the compact one (three) cost the same. */
  switchRent?: { mean: number; low: number; high: number };
  evaluations: number;
  /** The optimization itself. */
  result: OptimizationResult;
}

/** The rent case's variant of a ranked candidate. */
export function variantOf(settings: Record<string, unknown>): {
  crossAisles: number;
  pickers: number;
} {
  return {
    crossAisles: settings["layout.crossAisles"] as number,
    pickers: settings[PICKERS] as number,
  };
}

/**
 * `optimize` over crossAisles [0, 1] × pickers [2, 3] at `rent` per m²·yr, cost objective,
 * on-time target; the switch point from the winner's paired comparison with the other
 * layout's right crew: r* = r ± (T_other − T_winner) ÷ Δfootprint.
 */
export async function optimizeAtRent(
  rent: number,
  areaDifferenceM2: number,
  targets: unknown[] = [ON_TIME_TARGET],
): Promise<RentOutcome> {
  const base = readScenarioFile(RENT_DC);
  base.costs.buildingPerM2Year = rent;
  const result = await optimizeCrossAisleDc(
    {
      scenario: "rent-dc.yaml",
      objective: "annualCost.total",
      targets,
      crew: { search: false },
      space: { "layout.crossAisles": [0, 1], [PICKERS]: [2, 3] },
      race: { initialReplications: 2, finalists: 2 },
      selection: { indifferenceZone: 1000, initialReplications: 4, maxReplications: 16 },
      sensitivity: { volumeReplications: 0 },
      budget: 100,
    },
    base,
  );
  const row = result.ranking.find((r) => r.id === result.winner);
  const winner = row
    ? {
        crossAisles: row.settings["layout.crossAisles"] as number,
        pickers: row.settings[PICKERS] as number,
      }
    : undefined;
  const other = winner
    ? { crossAisles: 1 - winner.crossAisles, pickers: winner.crossAisles === 1 ? 3 : 2 }
    : undefined;
  const vs = other && result.ranking.find((r) => isVariant(r.settings, other))?.versusWinner;
  // T_compact − T_spread = ΔX − r·ΔA is zero at r* = ΔX / ΔA.
  const sign = winner?.crossAisles === 1 ? 1 : -1;
  const switchRent = vs && {
    mean: rent + (sign * vs.mean) / areaDifferenceM2,
    low: rent + Math.min(sign * vs.low, sign * vs.high) / areaDifferenceM2,
    high: rent + Math.max(sign * vs.low, sign * vs.high) / areaDifferenceM2,
  };
  return { rent, winner, switchRent, evaluations: result.evaluations, result };
}
