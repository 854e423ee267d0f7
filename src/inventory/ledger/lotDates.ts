/**
 * Lot dates: when each tracked lot (a non-empty lot id) was first received or returned,
 * and when it expires. Removal rules read them (FIFO, FEFO); untracked lots have none.
 */
import type { BucketStore } from "./bucketStore.ts";

/** A lot's receipt time and expiry, s. */
export interface LotInfo {
  receivedS: number;
  expiryS: number | undefined;
}

/** Lot dates, keyed by the store's interned (sku, lot) pairs. */
export class LotDates {
  private readonly byPairId = new Map<number, LotInfo>();

  constructor(private readonly store: BucketStore) {}

  /** The dates of a lot of a SKU, if the lot is known. */
  get(sku: string, lot: string): LotInfo | undefined {
    return this.byPairId.get(this.store.pairId(sku, lot));
  }

  /** The dates of an interned (sku, lot) pair, if known. */
  ofPair(pair: number): LotInfo | undefined {
    return this.byPairId.get(pair);
  }

  /** Registers a lot received at `receivedS` (s); a known lot keeps its first dates. */
  note(sku: string, lot: string, receivedS: number, expiryS: number | undefined): void {
    const key = this.store.internPair(sku, lot);
    if (!this.byPairId.has(key)) this.byPairId.set(key, { receivedS, expiryS });
  }
}
