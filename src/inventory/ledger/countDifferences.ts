/**
 * What a count of a location finds: every lot whose record differs from the physical
 * stock. The ledger corrects each difference in the record as a "count" transaction.
 */
import type { BucketStore } from "./bucketStore.ts";

/** One difference a count found and corrected. */
export interface CountDifference {
  sku: string;
  lot: string;
  record: number;
  physical: number;
  /** physical − record. */
  variance: number;
}

/** What a count of one location found. */
export interface CountResult {
  locationId: string;
  /** Differences found (empty when the record was right). */
  differences: CountDifference[];
}

/** The differences at `locationId` (only of `sku` if given), in the location's bucket order. */
export function countDifferences(
  store: BucketStore,
  locationId: string,
  sku?: string,
): CountDifference[] {
  const differences: CountDifference[] = [];
  const contents = store.contents(locationId);
  if (!contents) return differences;
  for (const bucket of contents.values()) {
    if (sku !== undefined && bucket.sku !== sku) continue;
    if (bucket.record === bucket.physical) continue;
    differences.push({
      sku: bucket.sku,
      lot: bucket.lot,
      record: bucket.record,
      physical: bucket.physical,
      variance: bucket.physical - bucket.record,
    });
  }
  return differences;
}
