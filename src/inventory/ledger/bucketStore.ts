/**
 * The ledger's bucket store: one bucket per location × SKU × lot holding the record and the
 * physical quantity (and the units reserved), with per-SKU totals and whereabouts so queries
 * by SKU skip the rest of the warehouse. Buckets appear on first use and go when empty.
 */

import type { StockView } from "../types.ts";
import type { Delta } from "./deltaList.ts";

/** Per-SKU totals and where the SKU is. */
export interface SkuState {
  /** Units on hand in each view. */
  record: number;
  physical: number;
  /**
   * Locations holding a bucket of the SKU, with the number of such buckets there (so
   * per-SKU queries skip the rest, and emptying a bucket needs no scan of the location).
   */
  where: Map<string, number>;
}

/** Stock of one lot of one SKU at one location, units. */
export interface Bucket {
  /** Interned (sku, lot) pair id. */
  pair: number;
  /** The SKU's state, the bucket's location and that location's contents map. */
  state: SkuState;
  locationId: string;
  contents: Map<number, Bucket>;
  sku: string;
  lot: string;
  record: number;
  physical: number;
  reserved: number;
  /** When the record last went from empty to non-empty, s. */
  firstInS: number;
}

/** What reservations need of the store: find a bucket, and let it go once empty. */
export interface BucketAccess {
  /** The bucket of a lot at a location, if it holds or reserves anything. */
  find(locationId: string, sku: string, lot: string): Bucket | undefined;
  /** Drops the bucket when its record, physical and reserved units are all 0. */
  dropIfEmpty(bucket: Bucket): void;
}

/** The buckets, keyed by location and interned (sku, lot) pair. */
export class BucketStore implements BucketAccess {
  /** Units on hand in each view, over all buckets. */
  readonly totals: Record<StockView, number> = { record: 0, physical: 0 };
  /** Buckets per location, keyed by interned (sku, lot) pair id. */
  private readonly locations = new Map<string, Map<number, Bucket>>();
  /** Interned (sku, lot) pairs: sku → lot → pair id (numbers hash faster than joined strings). */
  private readonly pairIds = new Map<string, Map<string, number>>();
  private nextPairId = 0;
  /** Totals and locations per SKU (kept once made). */
  private readonly skuStates = new Map<string, SkuState>();
  /**
   * The two buckets looked up last, most recent first: a transaction touches the same one
   * or two buckets several times (check, record change, physical change). A bucket leaves
   * these slots when it is dropped.
   */
  private recent0: Bucket | undefined;
  private recent1: Bucket | undefined;

  /** The bucket of a lot at a location, if there is one. */
  find(locationId: string, sku: string, lot: string): Bucket | undefined {
    return this.bucket(locationId, sku, lot, false, 0);
  }

  /** The bucket of a lot at a location, made empty at `timeS` (s) if there is none. */
  obtain(locationId: string, sku: string, lot: string, timeS: number): Bucket {
    return this.bucket(locationId, sku, lot, true, timeS)!;
  }

  /** Changes a bucket's record by the delta at `timeS`, s. */
  changeRecord(d: Delta, timeS: number): void {
    const amount = d.amount;
    if (amount === 0) return;
    const bucket = this.obtain(d.locationId, d.sku, d.lot, timeS);
    if (bucket.record <= 0 && amount > 0) bucket.firstInS = timeS;
    bucket.record += amount;
    this.totals.record += amount;
    bucket.state.record += amount;
    this.dropIfEmpty(bucket);
  }

  /** Changes a bucket's physical units by the delta at `timeS`, s. */
  changePhysical(d: Delta, timeS: number): void {
    const amount = d.amount;
    if (amount === 0) return;
    const bucket = this.obtain(d.locationId, d.sku, d.lot, timeS);
    bucket.physical += amount;
    this.totals.physical += amount;
    bucket.state.physical += amount;
    this.dropIfEmpty(bucket);
  }

  /** A location's buckets (live: do not change it while iterating a mutation). */
  contents(locationId: string): ReadonlyMap<number, Bucket> | undefined {
    return this.locations.get(locationId);
  }

  /** Every location ever used, with its buckets (empty maps for emptied locations). */
  allContents(): IterableIterator<[string, ReadonlyMap<number, Bucket>]> {
    return this.locations.entries();
  }

  /** Units of a SKU (all lots) in one view. */
  skuTotal(sku: string, view: StockView): number {
    return this.skuStates.get(sku)?.[view] ?? 0;
  }

  /** Ids of locations holding a bucket of the SKU. */
  locationsOf(sku: string): Iterable<string> {
    return this.skuStates.get(sku)?.where.keys() ?? [];
  }

  /** The id of a known (sku, lot) pair, or -1. */
  pairId(sku: string, lot: string): number {
    return this.pairIds.get(sku)?.get(lot) ?? -1;
  }

  /** The id of a (sku, lot) pair, interning it if new. */
  internPair(sku: string, lot: string): number {
    let bySku = this.pairIds.get(sku);
    if (!bySku) this.pairIds.set(sku, (bySku = new Map()));
    let id = bySku.get(lot);
    if (id === undefined) bySku.set(lot, (id = this.nextPairId++));
    return id;
  }

  dropIfEmpty(bucket: Bucket): void {
    if (bucket.record !== 0 || bucket.physical !== 0 || bucket.reserved > 0) return;
    const contents = bucket.contents;
    if (contents.get(bucket.pair) !== bucket) return;
    contents.delete(bucket.pair);
    if (this.recent0 === bucket) this.recent0 = undefined;
    if (this.recent1 === bucket) this.recent1 = undefined;
    const where = bucket.state.where;
    const left = (where.get(bucket.locationId) ?? 0) - 1;
    if (left > 0) where.set(bucket.locationId, left);
    else where.delete(bucket.locationId);
    // NOTE: an emptied location keeps its (empty) map: deleting and re-adding keys of a
    // large Map is slow in V8, and a tote or staging lane empties many times a day.
  }

  private bucket(
    locationId: string,
    sku: string,
    lot: string,
    create: boolean,
    timeS: number,
  ): Bucket | undefined {
    const r0 = this.recent0;
    if (r0 !== undefined && r0.locationId === locationId && r0.sku === sku && r0.lot === lot) {
      return r0;
    }
    const r1 = this.recent1;
    if (r1 !== undefined && r1.locationId === locationId && r1.sku === sku && r1.lot === lot) {
      this.recent1 = r0;
      this.recent0 = r1;
      return r1;
    }
    const found = this.lookUp(locationId, sku, lot, create, timeS);
    if (found !== undefined) {
      this.recent1 = r0;
      this.recent0 = found;
    }
    return found;
  }

  private lookUp(
    locationId: string,
    sku: string,
    lot: string,
    create: boolean,
    timeS: number,
  ): Bucket | undefined {
    let contents = this.locations.get(locationId);
    if (!contents) {
      if (!create) return undefined;
      contents = new Map();
      this.locations.set(locationId, contents);
    }
    if (!create) {
      const pair = this.pairId(sku, lot);
      return pair < 0 ? undefined : contents.get(pair);
    }
    const pair = this.internPair(sku, lot);
    let bucket = contents.get(pair);
    if (!bucket) {
      let state = this.skuStates.get(sku);
      if (!state) this.skuStates.set(sku, (state = { record: 0, physical: 0, where: new Map() }));
      bucket = {
        pair,
        state,
        locationId,
        contents,
        sku,
        lot,
        record: 0,
        physical: 0,
        reserved: 0,
        firstInS: timeS,
      };
      contents.set(pair, bucket);
      const where = state.where;
      where.set(locationId, (where.get(locationId) ?? 0) + 1);
    }
    return bucket;
  }
}
