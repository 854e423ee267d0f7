/**
 * Safety stock from a target cycle service level, with demand and lead time both
 * variable: SS = k·σ, σ² = (L + R)·σ_d² + μ_d²·σ_L², k = Φ⁻¹(CSL) (Silver, Pyke & Peterson §7).
 */
import { normalQuantile } from "../theory/normal.ts";

/** Inputs, per day (any time unit used consistently). */
export interface SafetyStockInput {
  /** Target cycle service level, 0 < p < 1. */
  serviceLevel: number;
  /** Mean demand per day, units. */
  demandMeanPerDay: number;
  /** Standard deviation of daily demand, units (independent days). */
  demandSdPerDay: number;
  /** Mean lead time, days. */
  leadTimeDays: number;
  /** Standard deviation of the lead time, days. Defaults to 0. */
  leadTimeSdDays?: number;
  /** Review period R for periodic review, days. Defaults to 0 (continuous). */
  reviewPeriodDays?: number;
}

/** Safety factor, protection-interval demand, safety stock and the reorder point (or order-up-to level). */
export interface SafetyStockResult {
  safetyFactor: number;
  /** Mean demand over L + R, units. */
  protectionDemandMean: number;
  /** Standard deviation of demand over L + R, units. */
  protectionDemandSd: number;
  safetyStock: number;
  /** Mean protection demand + safety stock: s for continuous review, S for (R,S). */
  reorderLevel: number;
}

/** Safety stock for a target cycle service level. */
export function safetyStock(input: SafetyStockInput): SafetyStockResult {
  const r = input.reviewPeriodDays ?? 0;
  const horizon = input.leadTimeDays + r;
  const sdL = input.leadTimeSdDays ?? 0;
  const k = normalQuantile(input.serviceLevel);
  const mean = input.demandMeanPerDay * horizon;
  const sd = Math.sqrt(
    horizon * input.demandSdPerDay ** 2 + input.demandMeanPerDay ** 2 * sdL ** 2,
  );
  return {
    safetyFactor: k,
    protectionDemandMean: mean,
    protectionDemandSd: sd,
    safetyStock: k * sd,
    reorderLevel: mean + k * sd,
  };
}
