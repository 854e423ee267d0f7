/**
 * A one-SKU inventory policy simulator on the engine: random demand, a supplier with a
 * (fixed or random) lead time and a reorder policy, with backorders or lost sales. Reports
 * fill rate, cycle service level, average on-hand and backorders and orders placed, each
 * with a 95 % confidence interval and, where theory is exact, the theoretical value.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import {
  checkDistSpec,
  confidenceInterval,
  type DistSpec,
  type RandomStream,
  Simulation,
  sampler,
} from "../engine/index.ts";
import { reorderRule } from "./reorder/index.ts";
import type { ReorderPolicy } from "./reorder/types.ts";
import { normalSQ } from "./theory/normalSQ.ts";
import { poissonRS } from "./theory/poissonRS.ts";
import { poissonSQ } from "./theory/poissonSQ.ts";

/** Seconds per day. */
export const DAY_S = 86_400;

/** Daily demand of the SKU. */
export type DemandSpec =
  /** Unit demands in a Poisson process (continuous review sees every unit). */
  | { kind: "poisson"; ratePerDay: number }
  /** One demand per day, normal and truncated at 0 (not rounded). */
  | { kind: "normal"; meanPerDay: number; sdPerDay: number }
  /** One demand per day, drawn with replacement from these daily values (e.g. a CSV history). */
  | { kind: "empirical"; valuesPerDay: readonly number[] };

/** What to simulate. Only demand, leadTimeS, policy and days are required. */
export interface InventoryPolicyOptions {
  demand: DemandSpec;
  /** Supplier lead time, s: fixed, or a distribution (in seconds; negative draws count as 0). */
  leadTimeS: number | DistSpec;
  /** The reorder policy (quantities in units; the RS review period in seconds). */
  policy: ReorderPolicy;
  /** Days measured per replication, after the warm-up. */
  days: number;
  /** Days simulated before measuring. Defaults to max(10 lead times, 5 % of days), capped at days. */
  warmupDays?: number;
  /** Unmet demand waits ("backorder", the default) or is lost ("lostSales"). */
  shortage?: "backorder" | "lostSales";
  /** Master seed. Defaults to 0. */
  seed?: number;
  /** Independent replications. Defaults to 1: one long run, CIs by batch means. */
  replications?: number;
  /** Batches for batch means when replications = 1. Defaults to 20. */
  batches?: number;
  /** Units on hand at time 0. Defaults to the policy's top level (s + Q, S, or max). */
  initialOnHand?: number;
}

/** One KPI: its estimate, the 95 % half-width, the number of batches or replications, and theory. */
export interface KpiEstimate {
  mean: number;
  ci95: number;
  n: number;
  /** The exact long-run value, when theory covers this case. */
  theory?: number;
  /** A textbook approximation, when theory is not exact (normal demand: Silver, Pyke & Peterson). */
  approx?: number;
}

/** The result of `simulateInventoryPolicy`. */
export interface InventoryPolicyResult {
  kind: "inventoryPolicy";
  /** How the CIs were made. */
  method: "batchMeans" | "replications";
  seed: number;
  replications: number;
  days: number;
  warmupDays: number;
  shortage: "backorder" | "lostSales";
  kpis: {
    /** Share of demand units filled from stock on hand at once. */
    fillRate: KpiEstimate;
    /** Share of replenishment cycles (order receipt to order receipt) without a shortage. */
    cycleServiceLevel: KpiEstimate;
    /** Time-average units on hand. */
    averageOnHand: KpiEstimate;
    /** Time-average units backordered (0 with lost sales). */
    averageBackorders: KpiEstimate;
    /** Orders placed per day. */
    ordersPerDay: KpiEstimate;
    /** Orders placed in the measured period (per replication). */
    ordersPlaced: KpiEstimate;
    /** Share of demand units lost (lost sales only; 0 otherwise). */
    lostSalesRate: KpiEstimate;
  };
  /** Why theory is missing, when it is. */
  theoryNote?: string;
}

/** Problems in the options, each naming the field (empty when valid). */
export function checkInventoryPolicyOptions(
  options: InventoryPolicyOptions,
  file = "<options>",
): InputIssue[] {
  const issues: InputIssue[] = [];
  const bad = (path: string, value: unknown, expected: string) =>
    issues.push({ file, path, value, expected });
  const positive = (path: string, v: unknown) => {
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) bad(path, v, "a number > 0");
  };
  const nonNegative = (path: string, v: unknown) => {
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) bad(path, v, "a number >= 0");
  };
  const d = options.demand;
  if (d?.kind === "poisson") positive("demand.ratePerDay", d.ratePerDay);
  else if (d?.kind === "normal") {
    nonNegative("demand.meanPerDay", d.meanPerDay);
    nonNegative("demand.sdPerDay", d.sdPerDay);
  } else if (d?.kind === "empirical") {
    if (!Array.isArray(d.valuesPerDay) || d.valuesPerDay.length === 0) {
      bad("demand.valuesPerDay", d.valuesPerDay, "at least one daily value");
    } else {
      for (const [i, v] of d.valuesPerDay.entries()) nonNegative(`demand.valuesPerDay[${i}]`, v);
    }
  } else bad("demand.kind", (d as { kind?: unknown })?.kind, "poisson, normal or empirical");
  if (typeof options.leadTimeS === "number") nonNegative("leadTimeS", options.leadTimeS);
  else {
    for (const issue of checkDistSpec(options.leadTimeS, "leadTimeS")) {
      issues.push({ file, ...issue });
    }
  }
  const p = options.policy;
  switch (p?.kind) {
    case "sQ":
      if (!Number.isFinite(p.s)) bad("policy.s", p.s, "a number");
      positive("policy.Q", p.Q);
      break;
    case "sS":
      if (!Number.isFinite(p.s)) bad("policy.s", p.s, "a number");
      if (!(Number.isFinite(p.S) && p.S > p.s)) bad("policy.S", p.S, `a number > s (${p.s})`);
      break;
    case "RS":
      positive("policy.reviewPeriodS", p.reviewPeriodS);
      positive("policy.S", p.S);
      break;
    case "minMax":
      if (!Number.isFinite(p.min)) bad("policy.min", p.min, "a number");
      if (!(Number.isFinite(p.max) && p.max > p.min))
        bad("policy.max", p.max, `a number > min (${p.min})`);
      if (p.orderMultiple !== undefined) positive("policy.orderMultiple", p.orderMultiple);
      break;
    default:
      bad("policy.kind", (p as { kind?: unknown })?.kind, "sQ, sS, RS or minMax");
  }
  positive("days", options.days);
  if (options.warmupDays !== undefined) nonNegative("warmupDays", options.warmupDays);
  if (
    options.shortage !== undefined &&
    options.shortage !== "backorder" &&
    options.shortage !== "lostSales"
  ) {
    bad("shortage", options.shortage, "backorder or lostSales");
  }
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed))
    bad("seed", options.seed, "an integer");
  const r = options.replications;
  if (r !== undefined && !(Number.isSafeInteger(r) && r >= 1))
    bad("replications", r, "an integer >= 1");
  const b = options.batches;
  if (b !== undefined && !(Number.isSafeInteger(b) && b >= 2)) bad("batches", b, "an integer >= 2");
  if (options.initialOnHand !== undefined) nonNegative("initialOnHand", options.initialOnHand);
  return issues;
}

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

/** One replication: returns the sums of each of `periods` equal periods after the warm-up. */
function runOnce(
  options: Required<Omit<InventoryPolicyOptions, "initialOnHand" | "batches" | "replications">> & {
    initialOnHand: number;
  },
  replication: number,
  periods: number,
): PeriodSums[] {
  const sim = new Simulation({ seed: options.seed, replication });
  const demandStream = sim.random("demand");
  const leadStream = sim.random("leadTime");
  const lead = options.leadTimeS;
  const drawLead =
    typeof lead === "number"
      ? () => lead
      : (
          (s: (r: RandomStream) => number) => () =>
            Math.max(0, s(leadStream))
        )(sampler(lead));
  const rule = reorderRule(options.policy);
  const backorder = options.shortage === "backorder";
  const warmS = options.warmupDays * DAY_S;
  const periodS = (options.days * DAY_S) / periods;
  const endS = warmS + options.days * DAY_S;
  const sums = Array.from({ length: periods }, emptySums);

  let onHand = options.initialOnHand;
  let backorders = 0;
  let onOrder = 0;
  let lastS = 0;
  let cycleShort = false;

  const periodAt = (t: number) =>
    t < warmS || t >= endS ? -1 : Math.min(periods - 1, Math.floor((t - warmS) / periodS));
  // Adds the areas under on-hand and backorders from lastS to t, split at period edges.
  const advance = (t: number) => {
    let from = Math.max(lastS, warmS);
    const to = Math.min(t, endS);
    while (from < to) {
      const p = periodAt(from);
      const edge = Math.min(to, warmS + (p + 1) * periodS);
      sums[p].onHandArea += onHand * (edge - from);
      sums[p].backorderArea += backorders * (edge - from);
      from = edge;
    }
    lastS = t;
  };

  const place = (quantity: number) => {
    if (quantity <= 0) return;
    onOrder += quantity;
    const p = periodAt(sim.now);
    if (p >= 0) sums[p].orders++;
    sim.process(receive(quantity, drawLead()));
  };

  function* receive(quantity: number, delayS: number) {
    yield sim.timeout(delayS);
    // A receipt at the same moment as a day's demand comes after it, so a lead time of
    // L days spans L days of demand (the convention of the textbook formulas).
    yield sim.timeout(0);
    advance(sim.now);
    // A replenishment cycle ends at each receipt.
    const p = periodAt(sim.now);
    if (p >= 0) {
      sums[p].cycles++;
      if (cycleShort) sums[p].stockoutCycles++;
    }
    onOrder -= quantity;
    onHand += quantity;
    const served = Math.min(backorders, onHand);
    backorders -= served;
    onHand -= served;
    cycleShort = backorders > 0;
  }

  const demand = (units: number) => {
    if (units <= 0) return;
    advance(sim.now);
    const filled = Math.min(onHand, units);
    onHand -= filled;
    const unmet = units - filled;
    if (unmet > 0) {
      cycleShort = true;
      if (backorder) backorders += unmet;
    }
    const p = periodAt(sim.now);
    if (p >= 0) {
      sums[p].demand += units;
      sums[p].filled += filled;
      if (!backorder) sums[p].lost += unmet;
    }
    if (rule.reviewPeriodS === 0) place(rule.orderQuantity(onHand - backorders + onOrder, false));
  };

  const d = options.demand;
  if (d.kind === "poisson") {
    const meanGapS = DAY_S / d.ratePerDay;
    sim.process(function* () {
      for (;;) {
        yield sim.timeout(demandStream.exponential(meanGapS));
        demand(1);
      }
    });
  } else {
    const draw =
      d.kind === "normal"
        ? () => Math.max(0, demandStream.normal(d.meanPerDay, d.sdPerDay))
        : () =>
            d.valuesPerDay[
              Math.min(
                d.valuesPerDay.length - 1,
                Math.floor(demandStream.next() * d.valuesPerDay.length),
              )
            ];
    sim.process(function* () {
      for (;;) {
        yield sim.timeout(DAY_S);
        demand(draw());
      }
    });
  }
  if (rule.reviewPeriodS > 0) {
    sim.process(function* () {
      for (;;) {
        place(rule.orderQuantity(onHand - backorders + onOrder, true));
        yield sim.timeout(rule.reviewPeriodS);
      }
    });
  } else {
    place(rule.orderQuantity(onHand - backorders + onOrder, false));
  }
  sim.run({ until: endS });
  advance(endS);
  return sums;
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
 * The normal approximation for (s,Q) under normal daily demand with a fixed lead time and
 * backorders: lead-time demand N(μL, σ²L), CSL = Φ(k), fill rate = 1 − σ√L·G(k)/Q. It
 * ignores the undershoot of daily lumps below s, so it is optimistic.
 */
function approxFor(
  options: InventoryPolicyOptions,
  shortage: string,
): Partial<Record<keyof InventoryPolicyResult["kpis"], number>> {
  const d = options.demand;
  const p = options.policy;
  if (d.kind !== "normal" || typeof options.leadTimeS !== "number" || shortage !== "backorder") {
    return {};
  }
  if (p.kind !== "sQ" || !(d.sdPerDay > 0) || !(options.leadTimeS > 0)) return {};
  const leadDays = options.leadTimeS / DAY_S;
  const r = normalSQ({
    leadTimeDemandMean: d.meanPerDay * leadDays,
    leadTimeDemandSd: d.sdPerDay * Math.sqrt(leadDays),
    reorderPoint: p.s,
    orderQuantity: p.Q,
  });
  return {
    fillRate: r.fillRate,
    cycleServiceLevel: r.cycleServiceLevel,
    ordersPerDay: d.meanPerDay / p.Q,
  };
}

/** Exact theory for the case, or a note on why there is none. */
function theoryFor(
  options: InventoryPolicyOptions,
  shortage: string,
): {
  values?: Partial<Record<keyof InventoryPolicyResult["kpis"], number>>;
  note?: string;
} {
  const d = options.demand;
  if (d.kind !== "poisson") return { note: "exact theory covers Poisson unit demand only" };
  if (typeof options.leadTimeS !== "number")
    return { note: "exact theory needs a fixed lead time" };
  if (shortage !== "backorder") return { note: "exact theory covers backorders only" };
  const leadDays = options.leadTimeS / DAY_S;
  const p = options.policy;
  // With unit demand the position hits the reorder level exactly, so (s,S) and min/max
  // with unit multiples order S − s every time: (s,Q) with Q = S − s.
  let sq: { s: number; Q: number } | undefined;
  if (p.kind === "sQ") sq = p;
  else if (p.kind === "sS") sq = { s: p.s, Q: p.S - p.s };
  else if (p.kind === "minMax" && (p.orderMultiple ?? 1) === 1) sq = { s: p.min, Q: p.max - p.min };
  if (sq) {
    if (!(Number.isInteger(sq.s) && Number.isInteger(sq.Q)))
      return { note: "exact theory needs integer levels" };
    const t = poissonSQ({
      demandRate: d.ratePerDay,
      leadTime: leadDays,
      reorderPoint: sq.s,
      orderQuantity: sq.Q,
    });
    return {
      values: {
        fillRate: t.fillRate,
        cycleServiceLevel: t.cycleServiceLevel,
        averageOnHand: t.averageOnHand,
        averageBackorders: t.averageBackorders,
        ordersPerDay: t.orderRate,
        ordersPlaced: t.orderRate * options.days,
        lostSalesRate: 0,
      },
    };
  }
  if (p.kind === "RS" && Number.isInteger(p.S)) {
    const t = poissonRS({
      demandRate: d.ratePerDay,
      leadTime: leadDays,
      reviewPeriod: p.reviewPeriodS / DAY_S,
      orderUpTo: p.S,
    });
    return {
      values: {
        fillRate: t.fillRate,
        averageOnHand: t.averageOnHand,
        averageBackorders: t.averageBackorders,
        ordersPerDay: t.orderRate,
        ordersPlaced: t.orderRate * options.days,
        lostSalesRate: 0,
      },
      note: "no exact cycle service level for (R,S) (cycles merge when a period has no demand)",
    };
  }
  return { note: "exact theory needs integer levels" };
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
  const shortage = options.shortage ?? "backorder";
  const seed = options.seed ?? 0;
  const replications = options.replications ?? 1;
  const batches = options.batches ?? 20;
  const meanLeadS = typeof options.leadTimeS === "number" ? options.leadTimeS : Number.NaN;
  const defaultWarm = Math.max(
    Number.isFinite(meanLeadS) ? (10 * meanLeadS) / DAY_S : 0,
    0.05 * options.days,
  );
  const warmupDays = options.warmupDays ?? Math.min(options.days, defaultWarm);
  const resolved = {
    demand: options.demand,
    leadTimeS: options.leadTimeS,
    policy: options.policy,
    days: options.days,
    warmupDays,
    shortage,
    seed,
    initialOnHand: options.initialOnHand ?? policyTop(options.policy),
  };
  const periods: PeriodSums[] = [];
  if (replications === 1) periods.push(...runOnce(resolved, 0, batches));
  else for (let r = 0; r < replications; r++) periods.push(...runOnce(resolved, r, 1));
  const periodDays = options.days / (replications === 1 ? batches : 1);
  const total = periods.reduce((acc, s) => {
    for (const k of Object.keys(acc) as (keyof PeriodSums)[]) acc[k] += s[k];
    return acc;
  }, emptySums());
  const periodS = periodDays * DAY_S;
  const measuredS = periodS * periods.length;
  const theory = theoryFor(options, shortage);
  const t = theory.values ?? {};
  const a = approxFor(options, shortage);
  const result: InventoryPolicyResult = {
    kind: "inventoryPolicy",
    method: replications === 1 ? "batchMeans" : "replications",
    seed,
    replications,
    days: options.days,
    warmupDays,
    shortage,
    kpis: {
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
        periods.map((s) => (s.orders / periodDays) * options.days),
        (total.orders / measuredS) * DAY_S * options.days,
        t.ordersPlaced,
      ),
      lostSalesRate: estimate(
        periods.map((s) => s.lost / s.demand),
        total.demand > 0 ? total.lost / total.demand : 0,
        t.lostSalesRate,
      ),
    },
  };
  if (theory.note) result.theoryNote = theory.note;
  return result;
}
