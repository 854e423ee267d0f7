/**
 * The (s,Q) policy with normally distributed lead-time demand: cycle service level,
 * expected shortage per cycle and fill rate (Silver, Pyke & Peterson, ch. 7).
 */
import { normalCdf, normalLoss } from "./normal.ts";

/** Lead-time demand N(mean, sd²) and the policy. */
export interface NormalSQInput {
  /** Mean demand over the lead time, units. */
  leadTimeDemandMean: number;
  /** Standard deviation of the lead-time demand, units (> 0). */
  leadTimeDemandSd: number;
  /** Reorder point s, units. */
  reorderPoint: number;
  /** Order quantity Q, units (> 0). */
  orderQuantity: number;
}

/** Theory of an (s,Q) policy under normal lead-time demand. */
export interface NormalSQResult {
  /** Safety factor k = (s − μL)/σL. */
  safetyFactor: number;
  /** Cycle service level Φ(k): the probability of no stockout in a replenishment cycle. */
  cycleServiceLevel: number;
  /** Expected units short per cycle, σL·G(k). */
  expectedShortagePerCycle: number;
  /** Fill rate 1 − ESC/Q. */
  fillRate: number;
  /** Safety stock s − μL, units. */
  safetyStock: number;
}

/** CSL, ESC and fill rate of (s,Q) under normal lead-time demand. */
export function normalSQ(input: NormalSQInput): NormalSQResult {
  const { leadTimeDemandMean: mu, leadTimeDemandSd: sd, reorderPoint: s, orderQuantity: q } = input;
  if (!(sd > 0)) throw new RangeError(`normalSQ: leadTimeDemandSd ${sd}: expected > 0`);
  if (!(q > 0)) throw new RangeError(`normalSQ: orderQuantity ${q}: expected > 0`);
  const k = (s - mu) / sd;
  const esc = sd * normalLoss(k);
  return {
    safetyFactor: k,
    cycleServiceLevel: normalCdf(k),
    expectedShortagePerCycle: esc,
    fillRate: 1 - esc / q,
    safetyStock: s - mu,
  };
}

/** The safety factor k with fill rate 1 − σL·G(k)/Q = target (bisection on the decreasing G). */
export function safetyFactorForFillRate(
  fillRate: number,
  orderQuantity: number,
  leadTimeDemandSd: number,
): number {
  if (!(fillRate > 0 && fillRate < 1))
    throw new RangeError(`fill rate ${fillRate}: expected 0 < p < 1`);
  const target = ((1 - fillRate) * orderQuantity) / leadTimeDemandSd;
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalLoss(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
