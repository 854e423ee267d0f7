/** The periodic-review (R,S) policy: every R seconds order up to S. */
import type { ReorderRule } from "./types.ts";

/** At each review orders S − position if positive; never between reviews. */
export function RS(policy: { reviewPeriodS: number; S: number }): ReorderRule {
  const { reviewPeriodS, S } = policy;
  return {
    reviewPeriodS,
    orderQuantity: (position, atReview) => (atReview && position < S ? S - position : 0),
  };
}
