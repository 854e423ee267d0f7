/** The (s,Q) policy: order a fixed batch Q whenever the inventory position is at or below s. */
import type { ReorderRule } from "./types.ts";

/** Orders the smallest multiple of Q that lifts the position above s (exactly Q under unit demand). */
export function sQ(policy: { s: number; Q: number }): ReorderRule {
  const { s, Q } = policy;
  return {
    reviewPeriodS: 0,
    orderQuantity: (position) => (position > s ? 0 : Math.ceil((s - position + 1) / Q) * Q),
  };
}
