/** Min/max reordering: at or below min, order up to max, rounded up to a supplier multiple. */
import type { ReorderRule } from "./types.ts";

/** Orders max − position rounded up to `orderMultiple` (default 1) when position ≤ min. */
export function minMax(policy: { min: number; max: number; orderMultiple?: number }): ReorderRule {
  const { min, max } = policy;
  const multiple = policy.orderMultiple ?? 1;
  return {
    reviewPeriodS: 0,
    orderQuantity: (position) =>
      position > min ? 0 : Math.ceil((max - position) / multiple) * multiple,
  };
}
