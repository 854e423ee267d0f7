/**
 * The read-only side of the stock ledger: on-hand, availability, reservations, contents,
 * lot dates and record accuracy, in either view (record or physical). `StockLedger`
 * extends it with the transactions that change stock.
 */
import type { LocationContent, StockRecord, StockView } from "../types.ts";
import { BucketStore } from "./bucketStore.ts";
import { LotDates } from "./lotDates.ts";

/** Queries over the ledger's buckets and lot dates; changes nothing. */
export class LedgerView {
  /** The buckets: record, physical and reserved units per location × SKU × lot. */
  protected readonly store = new BucketStore();
  /** Receipt and expiry dates of tracked lots. */
  protected readonly lots = new LotDates(this.store);

  /**
   * Units on hand in one view (default the record): at a location, of a SKU (and lot),
   * or in total, depending on which filters are given.
   */
  onHand(
    filter: { locationId?: string; sku?: string; lot?: string } = {},
    view: StockView = "record",
  ): number {
    const store = this.store;
    if (filter.locationId === undefined) {
      if (filter.sku === undefined) return store.totals[view];
      if (filter.lot === undefined) return store.skuTotal(filter.sku, view);
      let sum = 0;
      const pair = store.pairId(filter.sku, filter.lot);
      for (const id of store.locationsOf(filter.sku)) {
        sum += store.contents(id)?.get(pair)?.[view] ?? 0;
      }
      return sum;
    }
    const contents = store.contents(filter.locationId);
    if (!contents) return 0;
    let sum = 0;
    for (const bucket of contents.values()) {
      if (filter.sku !== undefined && bucket.sku !== filter.sku) continue;
      if (filter.lot !== undefined && bucket.lot !== filter.lot) continue;
      sum += bucket[view];
    }
    return sum;
  }

  /** Record units of a lot at a location not reserved (never below 0). */
  available(locationId: string, sku: string, lot = ""): number {
    const bucket = this.store.find(locationId, sku, lot);
    return bucket ? Math.max(0, bucket.record - bucket.reserved) : 0;
  }

  /** Units reserved: at a location for a SKU (all lots), or for a SKU everywhere. */
  reserved(filter: { locationId?: string; sku: string }): number {
    let sum = 0;
    const ids =
      filter.locationId !== undefined ? [filter.locationId] : this.store.locationsOf(filter.sku);
    for (const id of ids) {
      for (const bucket of this.store.contents(id)?.values() ?? []) {
        if (bucket.sku === filter.sku) sum += bucket.reserved;
      }
    }
    return sum;
  }

  /** Every location holding the SKU in the given view, with lot dates, for removal rules. */
  stockOf(sku: string, view: StockView = "record"): StockRecord[] {
    const out: StockRecord[] = [];
    for (const locationId of this.store.locationsOf(sku)) {
      for (const bucket of this.store.contents(locationId)!.values()) {
        if (bucket.sku !== sku || bucket[view] <= 0) continue;
        const lot = this.lots.ofPair(bucket.pair);
        const record: StockRecord = {
          locationId,
          sku,
          lot: bucket.lot,
          quantity: bucket[view],
          reserved: bucket.reserved,
          available: Math.max(0, bucket[view] - bucket.reserved),
          receivedS: lot ? lot.receivedS : bucket.firstInS,
        };
        if (lot?.expiryS !== undefined) record.expiryS = lot.expiryS;
        out.push(record);
      }
    }
    return out;
  }

  /** What a location holds in one view (non-zero contents only). */
  contentsOf(locationId: string, view: StockView = "record"): LocationContent[] {
    const contents = this.store.contents(locationId);
    if (!contents) return [];
    const out: LocationContent[] = [];
    for (const b of contents.values()) {
      if (b[view] !== 0) out.push({ sku: b.sku, lot: b.lot, quantity: b[view] });
    }
    return out;
  }

  /** Ids of locations that hold anything in either view. */
  locationIds(): string[] {
    const out: string[] = [];
    for (const [id, contents] of this.store.allContents()) if (contents.size > 0) out.push(id);
    return out;
  }

  /** The lot's receipt time and expiry, s, if the lot is known. */
  lotInfo(sku: string, lot: string): { receivedS: number; expiryS?: number } | undefined {
    const info = this.lots.get(sku, lot);
    if (!info) return undefined;
    return info.expiryS === undefined
      ? { receivedS: info.receivedS }
      : { receivedS: info.receivedS, expiryS: info.expiryS };
  }

  /** Whether a location's record equals its physical contents, lot by lot. */
  matches(locationId: string): boolean {
    const contents = this.store.contents(locationId);
    if (!contents) return true;
    for (const b of contents.values()) if (b.record !== b.physical) return false;
    return true;
  }

  /**
   * Inventory record accuracy: the share of locations whose record matches the physical
   * stock exactly. Over `locationIds` when given (empty locations count as matching), else
   * over every location holding anything in either view. 1 when there is none.
   */
  recordAccuracy(locationIds?: Iterable<string>): number {
    let n = 0;
    let ok = 0;
    for (const id of locationIds ?? this.locationIds()) {
      n++;
      if (this.matches(id)) ok++;
    }
    return n === 0 ? 1 : ok / n;
  }
}
