/**
 * Plain-data types of the one-SKU inventory policy simulator: demand, options, and the
 * result with a confidence interval and (where exact) the theory beside each KPI.
 */
import type { DistSpec } from "../engine/index.ts";
import type { ReorderPolicy } from "./reorder/types.ts";

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
  /** The case simulated, as given (for reproducing it). */
  demand: DemandSpec;
  leadTimeS: number | DistSpec;
  policy: ReorderPolicy;
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
