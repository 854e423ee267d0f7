/** The (s,S) policy: whenever the inventory position is at or below s, order up to S. */
import type { ReorderRule } from "./types.ts";

/** Orders S − position when position ≤ s. */
export function sS(policy: { s: number; S: number }): ReorderRule {
  const { s, S } = policy;
  return {
    reviewPeriodS: 0,
    orderQuantity: (position) => (position > s ? 0 : S - position),
  };
}
