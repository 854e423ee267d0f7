/**
 * A reusable list of stock changes for the ledger's hot path: a transaction makes at most
 * two changes per view, so the ledger fills the same few objects again and again instead
 * of allocating new ones for every transaction.
 */

/** One change to one bucket of one view, units (signed). */
export interface Delta {
  locationId: string;
  sku: string;
  lot: string;
  amount: number;
}

/** A list of deltas whose entries are recycled by `clear()`. */
export class DeltaList {
  /** The entries; only the first `length` are live. */
  readonly items: Delta[] = [];
  /** Number of live entries. */
  length = 0;

  /** Empties the list (the entry objects are kept for reuse). */
  clear(): this {
    this.length = 0;
    return this;
  }

  /** Appends a delta, reusing a spare entry when there is one. */
  push(locationId: string, sku: string, lot: string, amount: number): void {
    const d = this.items[this.length];
    if (d) {
      d.locationId = locationId;
      d.sku = sku;
      d.lot = lot;
      d.amount = amount;
    } else {
      this.items.push({ locationId, sku, lot, amount });
    }
    this.length++;
  }
}
