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

/** What the store keeps per SKU: its state and its interned (sku, lot) pair ids. */
interface SkuEntry {
  state: SkuState;
  /** Pair id of the SKU with no lot (""), or -1 before it is interned. */
  noLotPair: number;
  /** Pair ids of the SKU's named lots. */
  lots: Map<string, number> | undefined;
}

/** The buckets, keyed by location and interned (sku, lot) pair. */
export class BucketStore implements BucketAccess {
  /** Units on hand in each view, over all buckets. */
  readonly totals: Record<StockView, number> = { record: 0, physical: 0 };
  /** Buckets per location, keyed by interned (sku, lot) pair id. */
  private readonly locations = new Map<string, Map<number, Bucket>>();
  /**
   * Per SKU (kept once made): totals and locations, and the interned (sku, lot) pairs
   * (numbers hash faster than joined strings).
   */
  private readonly skuEntries = new Map<string, SkuEntry>();
  private nextPairId = 0;
  /** The SKU looked up last and its entry: a transaction reads one SKU several times. */
  private lastSku: string | undefined;
  private lastEntry: SkuEntry | undefined;
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
    return this.entry(sku, false)?.state[view] ?? 0;
  }

  /** Ids of locations holding a bucket of the SKU. */
  locationsOf(sku: string): Iterable<string> {
    return this.entry(sku, false)?.state.where.keys() ?? [];
  }

  /** The id of a known (sku, lot) pair, or -1. */
  pairId(sku: string, lot: string): number {
    const entry = this.entry(sku, false);
    if (entry === undefined) return -1;
    return lot === "" ? entry.noLotPair : (entry.lots?.get(lot) ?? -1);
  }

  /** The id of a (sku, lot) pair, interning it if new. */
  internPair(sku: string, lot: string): number {
    return this.intern(this.entry(sku, true)!, lot);
  }

  private intern(entry: SkuEntry, lot: string): number {
    if (lot === "") {
      if (entry.noLotPair < 0) entry.noLotPair = this.nextPairId++;
      return entry.noLotPair;
    }
    entry.lots ??= new Map();
    let id = entry.lots.get(lot);
    if (id === undefined) entry.lots.set(lot, (id = this.nextPairId++));
    return id;
  }

  /** The entry of a SKU; made (with an empty state) when `create`, else undefined if none. */
  private entry(sku: string, create: boolean): SkuEntry | undefined {
    if (sku === this.lastSku) return this.lastEntry;
    let entry = this.skuEntries.get(sku);
    if (entry === undefined) {
      if (!create) return undefined;
      entry = {
        state: { record: 0, physical: 0, where: new Map() },
        noLotPair: -1,
        lots: undefined,
      };
      this.skuEntries.set(sku, entry);
    }
    this.lastSku = sku;
    this.lastEntry = entry;
    return entry;
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
    const entry = this.entry(sku, true)!;
    const pair = this.intern(entry, lot);
    let bucket = contents.get(pair);
    if (!bucket) {
      const state = entry.state;
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
