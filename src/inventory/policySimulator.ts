/**
 * A one-SKU inventory policy simulator on the engine: random demand, a supplier with a
 * (fixed or random) lead time and a reorder policy, with backorders or lost sales. Reports
 * fill rate, cycle service level, average on-hand and backorders and orders placed, each
 * with a 95 % confidence interval and, where theory is exact, the theoretical value.
 */
import { InputError } from "../common/inputError.ts";
import { confidenceInterval, type RandomStream, Simulation, sampler } from "../engine/index.ts";
import { checkInventoryPolicyOptions } from "./checkPolicyOptions.ts";
import { approxFor, type KpiValues, theoryFor } from "./policyTheory.ts";
import {
  DAY_S,
  type InventoryPolicyOptions,
  type InventoryPolicyResult,
  type KpiEstimate,
} from "./policyTypes.ts";
import { reorderRule } from "./reorder/index.ts";
import type { ReorderPolicy } from "./reorder/types.ts";

export { checkInventoryPolicyOptions } from "./checkPolicyOptions.ts";
export * from "./policyTypes.ts";

/** Per-period sums one run collects (one period per batch, or the whole run). */
interface PeriodSums {
  demand: number;
  filled: number;
  lost: number;
  cycles: number;
  stockoutCycles: number;
  orders: number;
  onHandArea: number;
  backorderArea: number;
}

const emptySums = (): PeriodSums => ({
  demand: 0,
  filled: 0,
  lost: 0,
  cycles: 0,
  stockoutCycles: 0,
  orders: 0,
  onHandArea: 0,
  backorderArea: 0,
});

function policyTop(policy: ReorderPolicy): number {
  switch (policy.kind) {
    case "sQ":
      return Math.max(0, policy.s + policy.Q);
    case "sS":
      return policy.S;
    case "RS":
      return policy.S;
    case "minMax":
      return policy.max;
  }
}

/** The options one replication runs with (defaults resolved). */
type RunOptions = Required<
  Omit<InventoryPolicyOptions, "initialOnHand" | "batches" | "replications">
> & {
  initialOnHand: number;
};

/** One replication's state: stock, backorders, stock on order and the sums per period. */
class PolicyRun {
  readonly sim: Simulation;
  readonly demandStream: RandomStream;
  readonly sums: PeriodSums[];
  readonly rule: ReturnType<typeof reorderRule>;
  readonly endS: number;
  private readonly warmS: number;
  private readonly periodS: number;
  private readonly backorder: boolean;
  private readonly drawLead: () => number;
  private onHand: number;
  private backorders = 0;
  private onOrder = 0;
  private lastS = 0;
  private cycleShort = false;

  constructor(
    options: RunOptions,
    replication: number,
    private readonly periods: number,
  ) {
    this.sim = new Simulation({ seed: options.seed, replication });
    this.demandStream = this.sim.random("demand");
    this.drawLead = leadTimeDraw(options.leadTimeS, this.sim.random("leadTime"));
    this.rule = reorderRule(options.policy);
    this.backorder = options.shortage === "backorder";
    this.warmS = options.warmupDays * DAY_S;
    this.periodS = (options.days * DAY_S) / periods;
    this.endS = this.warmS + options.days * DAY_S;
    this.sums = Array.from({ length: periods }, emptySums);
    this.onHand = options.initialOnHand;
  }

  /** The period a time falls in; -1 in the warm-up and after the end. */
  periodAt(t: number): number {
    return t < this.warmS || t >= this.endS
      ? -1
      : Math.min(this.periods - 1, Math.floor((t - this.warmS) / this.periodS));
  }

  /** Adds the areas under on-hand and backorders from the last update to t, split at period edges. */
  advance(t: number): void {
    let from = Math.max(this.lastS, this.warmS);
    const to = Math.min(t, this.endS);
    while (from < to) {
      const p = this.periodAt(from);
      const edge = Math.min(to, this.warmS + (p + 1) * this.periodS);
      this.sums[p].onHandArea += this.onHand * (edge - from);
      this.sums[p].backorderArea += this.backorders * (edge - from);
      from = edge;
    }
    this.lastS = t;
  }

  /** Inventory position: on hand, less backorders, plus on order. */
  position(): number {
    return this.onHand - this.backorders + this.onOrder;
  }

  /** Places a replenishment order of `quantity` (none when not positive). */
  place(quantity: number): void {
    if (quantity <= 0) return;
    this.onOrder += quantity;
    const p = this.periodAt(this.sim.now);
    if (p >= 0) this.sums[p].orders++;
    this.sim.process(receive(this, quantity, this.drawLead()));
  }

  /** A receipt: ends a replenishment cycle, serves backorders first. */
  receive(quantity: number): void {
    this.advance(this.sim.now);
    const p = this.periodAt(this.sim.now);
    if (p >= 0) {
      this.sums[p].cycles++;
      if (this.cycleShort) this.sums[p].stockoutCycles++;
    }
    this.onOrder -= quantity;
    this.onHand += quantity;
    const served = Math.min(this.backorders, this.onHand);
    this.backorders -= served;
    this.onHand -= served;
    this.cycleShort = this.backorders > 0;
  }

  /** A demand of `units`: filled from stock, the rest backordered or lost. */
  demand(units: number): void {
    if (units <= 0) return;
    this.advance(this.sim.now);
    const filled = Math.min(this.onHand, units);
    this.onHand -= filled;
    const unmet = units - filled;
    if (unmet > 0) {
      this.cycleShort = true;
      if (this.backorder) this.backorders += unmet;
    }
    const p = this.periodAt(this.sim.now);
    if (p >= 0) {
      this.sums[p].demand += units;
      this.sums[p].filled += filled;
      if (!this.backorder) this.sums[p].lost += unmet;
    }
    if (this.rule.reviewPeriodS === 0) this.place(this.rule.orderQuantity(this.position(), false));
  }
}

/** Draws a lead time: the fixed one, or a draw of its distribution (at least 0). */
function leadTimeDraw(lead: RunOptions["leadTimeS"], stream: RandomStream): () => number {
  if (typeof lead === "number") return () => lead;
  const draw = sampler(lead);
  return () => Math.max(0, draw(stream));
}

function* receive(run: PolicyRun, quantity: number, delayS: number) {
  yield run.sim.timeout(delayS);
  // A receipt at the same moment as a day's demand comes after it, so a lead time of
  // L days spans L days of demand (the convention of the textbook formulas).
  yield run.sim.timeout(0);
  run.receive(quantity);
}

function* poissonDemand(run: PolicyRun, meanGapS: number) {
  for (;;) {
    yield run.sim.timeout(run.demandStream.exponential(meanGapS));
    run.demand(1);
  }
}

function* dailyDemand(run: PolicyRun, draw: () => number) {
  for (;;) {
    yield run.sim.timeout(DAY_S);
    run.demand(draw());
  }
}

function* periodicReview(run: PolicyRun) {
  for (;;) {
    run.place(run.rule.orderQuantity(run.position(), true));
    yield run.sim.timeout(run.rule.reviewPeriodS);
  }
}

/** A day's demand drawn from a normal (at least 0) or from the given daily values. */
function dailyDemandDraw(
  d: Exclude<RunOptions["demand"], { kind: "poisson" }>,
  stream: RandomStream,
): () => number {
  if (d.kind === "normal") return () => Math.max(0, stream.normal(d.meanPerDay, d.sdPerDay));
  const values = d.valuesPerDay;
  return () => values[Math.min(values.length - 1, Math.floor(stream.next() * values.length))];
}

/** One replication: returns the sums of each of `periods` equal periods after the warm-up. */
function runOnce(options: RunOptions, replication: number, periods: number): PeriodSums[] {
  const run = new PolicyRun(options, replication, periods);
  const d = options.demand;
  if (d.kind === "poisson") run.sim.process(poissonDemand(run, DAY_S / d.ratePerDay));
  else run.sim.process(dailyDemand(run, dailyDemandDraw(d, run.demandStream)));
  if (run.rule.reviewPeriodS > 0) run.sim.process(periodicReview(run));
  else run.place(run.rule.orderQuantity(run.position(), false));
  run.sim.run({ until: run.endS });
  run.advance(run.endS);
  return run.sums;
}

function estimate(
  values: number[],
  overall: number,
  theory?: number,
  approx?: number,
): KpiEstimate {
  const ci = confidenceInterval(values.filter((v) => Number.isFinite(v)));
  const out: KpiEstimate = { mean: overall, ci95: ci.halfWidth, n: ci.n };
  if (theory !== undefined) out.theory = theory;
  if (approx !== undefined) out.approx = approx;
  return out;
}

/**
 * Simulates one SKU under a reorder policy. Throws InputError listing every bad option.
 * One replication: CIs from batch means over `batches` equal periods; several: across
 * replications (each a separate seeded substream). Point estimates of ratios (fill rate,
 * cycle service level) are totals over totals.
 */
export function simulateInventoryPolicy(options: InventoryPolicyOptions): InventoryPolicyResult {
  const issues = checkInventoryPolicyOptions(options);
  if (issues.length > 0) throw new InputError(issues);
  const resolved = resolveOptions(options);
  const { shortage, seed, warmupDays } = resolved;
  const replications = options.replications ?? 1;
  const batches = options.batches ?? 20;
  const periods: PeriodSums[] = [];
  if (replications === 1) periods.push(...runOnce(resolved, 0, batches));
  else for (let r = 0; r < replications; r++) periods.push(...runOnce(resolved, r, 1));
  const periodDays = options.days / (replications === 1 ? batches : 1);
  const theory = theoryFor(options, shortage);
  const result: InventoryPolicyResult = {
    kind: "inventoryPolicy",
    demand: options.demand,
    leadTimeS: options.leadTimeS,
    policy: options.policy,
    method: replications === 1 ? "batchMeans" : "replications",
    seed,
    replications,
    days: options.days,
    warmupDays,
    shortage,
    kpis: policyKpis(
      periods,
      periodDays,
      options.days,
      theory.values ?? {},
      approxFor(options, shortage),
    ),
  };
  if (theory.note) result.theoryNote = theory.note;
  return result;
}

/** The options with their defaults: backorders, seed 0, a warm-up of 10 lead times or 5 %. */
function resolveOptions(options: InventoryPolicyOptions): RunOptions {
  const meanLeadS = typeof options.leadTimeS === "number" ? options.leadTimeS : Number.NaN;
  const defaultWarm = Math.max(
    Number.isFinite(meanLeadS) ? (10 * meanLeadS) / DAY_S : 0,
    0.05 * options.days,
  );
  return {
    demand: options.demand,
    leadTimeS: options.leadTimeS,
    policy: options.policy,
    days: options.days,
    warmupDays: options.warmupDays ?? Math.min(options.days, defaultWarm),
    shortage: options.shortage ?? "backorder",
    seed: options.seed ?? 0,
    initialOnHand: options.initialOnHand ?? policyTop(options.policy),
  };
}

/** The KPIs from the periods' sums: per-period values for the CIs, totals for the means. */
function policyKpis(
  periods: readonly PeriodSums[],
  periodDays: number,
  days: number,
  t: KpiValues,
  a: KpiValues,
): InventoryPolicyResult["kpis"] {
  const total = periods.reduce((acc, s) => {
    for (const k of Object.keys(acc) as (keyof PeriodSums)[]) acc[k] += s[k];
    return acc;
  }, emptySums());
  const periodS = periodDays * DAY_S;
  const measuredS = periodS * periods.length;
  return {
    fillRate: estimate(
      periods.map((s) => s.filled / s.demand),
      total.filled / total.demand,
      t.fillRate,
      a.fillRate,
    ),
    cycleServiceLevel: estimate(
      periods.map((s) => 1 - s.stockoutCycles / s.cycles),
      1 - total.stockoutCycles / total.cycles,
      t.cycleServiceLevel,
      a.cycleServiceLevel,
    ),
    averageOnHand: estimate(
      periods.map((s) => s.onHandArea / periodS),
      total.onHandArea / measuredS,
      t.averageOnHand,
    ),
    averageBackorders: estimate(
      periods.map((s) => s.backorderArea / periodS),
      total.backorderArea / measuredS,
      t.averageBackorders,
    ),
    ordersPerDay: estimate(
      periods.map((s) => s.orders / periodDays),
      (total.orders / measuredS) * DAY_S,
      t.ordersPerDay,
      a.ordersPerDay,
    ),
    ordersPlaced: estimate(
      periods.map((s) => (s.orders / periodDays) * days),
      (total.orders / measuredS) * DAY_S * days,
      t.ordersPlaced,
    ),
    lostSalesRate: estimate(
      periods.map((s) => s.lost / s.demand),
      total.demand > 0 ? total.lost / total.demand : 0,
      t.lostSalesRate,
    ),
  };
}
