/**
 * Supplier reorder policies as plain data, and the protocol their rules follow: given the
 * inventory position (on hand + on order − backorders), how much to order now.
 */

/** A reorder policy. Quantities in units, times in seconds. */
export type ReorderPolicy =
  /** Continuous review: when the position falls to s or below, order Q (enough multiples of Q to rise above s). */
  | { kind: "sQ"; s: number; Q: number }
  /** Continuous review: when the position falls to s or below, order up to S. */
  | { kind: "sS"; s: number; S: number }
  /** Periodic review every reviewPeriodS: order up to S. */
  | { kind: "RS"; reviewPeriodS: number; S: number }
  /** Min/max (the practitioners' (s,S)): at or below min, order up to max, rounded up to orderMultiple. */
  | { kind: "minMax"; min: number; max: number; orderMultiple?: number };

/** A policy bound to its parameters. */
export interface ReorderRule {
  /** Review period, s; 0 for continuous review (check after every demand). */
  reviewPeriodS: number;
  /** Units to order now at this inventory position (0: none); `atReview` is true at a periodic review. */
  orderQuantity(inventoryPosition: number, atReview: boolean): number;
}
