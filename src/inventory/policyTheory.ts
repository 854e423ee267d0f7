/**
 * What theory says about a policy-simulator case: exact values for Poisson unit demand
 * with a fixed lead time and backorders ((s,Q), (s,S), unit min/max, (R,S)), the normal
 * approximation for normal daily demand under (s,Q), or a note on why there is none.
 */
import { DAY_S, type InventoryPolicyOptions, type InventoryPolicyResult } from "./policyTypes.ts";
import { normalSQ } from "./theory/normalSQ.ts";
import { poissonRS } from "./theory/poissonRS.ts";
import { poissonSQ } from "./theory/poissonSQ.ts";

/** KPI values by name. */
export type KpiValues = Partial<Record<keyof InventoryPolicyResult["kpis"], number>>;

/**
 * The normal approximation for (s,Q) under normal daily demand with a fixed lead time and
 * backorders: lead-time demand N(μL, σ²L), CSL = Φ(k), fill rate = 1 − σ√L·G(k)/Q. It
 * ignores the undershoot of daily lumps below s, so it is optimistic.
 */
export function approxFor(options: InventoryPolicyOptions, shortage: string): KpiValues {
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
export function theoryFor(
  options: InventoryPolicyOptions,
  shortage: string,
): {
  values?: KpiValues;
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
