/**
 * A one-SKU inventory policy simulator on the engine: random demand, a supplier with a
 * (fixed or random) lead time and a reorder policy, with backorders or lost sales. Reports
 * fill rate, cycle service level, average on-hand and backorders and orders placed, each
 * with a 95 % confidence interval and, where theory is exact, the theoretical value.
 */
import { InputError } from "../common/inputError.ts";
import { confidenceInterval, type RandomStream, Simulation, sampler } from "../engine/index.ts";
import { checkInventoryPolicyOptions } from "./checkPolicyOptions.ts";
import { approxFor, theoryFor } from "./policyTheory.ts";
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
    demand: options.demand,
    leadTimeS: options.leadTimeS,
    policy: options.policy,
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
