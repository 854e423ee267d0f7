/**
 * The bucket changes a transaction makes in each view, and the check that they leave no
 * bucket negative and take no units reserved for someone else.
 */
import { LedgerError, type Transaction } from "../transaction.ts";
import type { BucketStore } from "./bucketStore.ts";
import type { Delta, DeltaList } from "./deltaList.ts";

/** Appends the record and physical changes `tx` makes to the two lists. */
export function transactionDeltas(tx: Transaction, record: DeltaList, physical: DeltaList): void {
  const q = tx.quantity;
  const a = tx.actual;
  const psku = a?.sku ?? tx.sku;
  const plot = a?.lot ?? tx.lot;
  const pq = a?.quantity ?? q;
  const kind = tx.kind;
  if (kind === "adjustment") {
    record.push(tx.at!, tx.sku, tx.lot, q);
  } else if (kind === "shrinkage") {
    physical.push(tx.from!, tx.sku, tx.lot, -q);
  } else {
    if (tx.from !== undefined && kind !== "receipt" && kind !== "return") {
      record.push(tx.from, tx.sku, tx.lot, -q);
      physical.push(a?.from ?? tx.from, psku, plot, -pq);
    }
    if (tx.to !== undefined && kind !== "ship" && kind !== "scrap") {
      record.push(tx.to, tx.sku, tx.lot, q);
      physical.push(a?.to ?? tx.to, psku, plot, pq);
    }
  }
}

/**
 * Refuses (with `LedgerError`) changes that would leave a negative quantity in either view
 * or dip into others' reservations; an adjustment may take reserved record units.
 */
export function checkDeltas(
  tx: Transaction,
  record: DeltaList,
  physical: DeltaList,
  store: BucketStore,
): void {
  for (let i = 0; i < record.length; i++) {
    const d = record.items[i];
    if (d.amount >= 0) continue;
    const bucket = store.find(d.locationId, d.sku, d.lot);
    const have = bucket?.record ?? 0;
    if (have + d.amount < 0) {
      throw new LedgerError(
        "insufficientRecord",
        `${tx.kind}: quantity ${-d.amount} of sku ${JSON.stringify(d.sku)} lot ${JSON.stringify(d.lot)} at ${JSON.stringify(d.locationId)}: the record holds only ${have}`,
      );
    }
    if (tx.kind !== "adjustment") {
      const reserved = bucket?.reserved ?? 0;
      const own = tx.reservationId !== undefined ? -d.amount : 0;
      const free = have - reserved + own;
      if (-d.amount > free) {
        throw new LedgerError(
          "unavailable",
          `${tx.kind}: quantity ${-d.amount} of sku ${JSON.stringify(d.sku)} lot ${JSON.stringify(d.lot)} at ${JSON.stringify(d.locationId)}: only ${Math.max(0, free)} not reserved (pass the reservationId to take reserved units)`,
        );
      }
    }
  }
  // Physical deltas may hit the same bucket twice (a move onto itself): net them per
  // bucket, in order of first appearance, before checking.
  const items = physical.items;
  for (let i = 0; i < physical.length; i++) {
    const d = items[i];
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = sameBucket(items[j], d);
    if (seen) continue;
    let net = d.amount;
    for (let j = i + 1; j < physical.length; j++) {
      if (sameBucket(items[j], d)) net += items[j].amount;
    }
    if (net >= 0) continue;
    const have = store.find(d.locationId, d.sku, d.lot)?.physical ?? 0;
    if (have + net < 0) {
      throw new LedgerError(
        "insufficientPhysical",
        `${tx.kind}: quantity ${-net} of sku ${JSON.stringify(d.sku)} lot ${JSON.stringify(d.lot)} at ${JSON.stringify(d.locationId)}: physically only ${have} there`,
      );
    }
  }
}

/** Whether two deltas touch the same bucket (location, SKU and lot). */
function sameBucket(a: Delta, b: Delta): boolean {
  return a.locationId === b.locationId && a.sku === b.sku && a.lot === b.lot;
}
