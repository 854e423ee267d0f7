import { describe, expect, it } from "vitest";
import type { Bucket, BucketAccess } from "../../src/inventory/ledger/bucketStore.ts";
import { ReservationBook } from "../../src/inventory/ledger/reservationBook.ts";
import { LedgerError, type Transaction } from "../../src/inventory/transaction.ts";

/** One bucket of 10 record units of sku A at L1; records which buckets were offered for dropping. */
function oneBucket(): { access: BucketAccess; bucket: Bucket; dropped: Bucket[] } {
  const bucket = {
    pair: 0,
    locationId: "L1",
    sku: "A",
    lot: "",
    record: 10,
    physical: 10,
    reserved: 0,
    firstInS: 0,
  } as Bucket;
  const dropped: Bucket[] = [];
  const access: BucketAccess = {
    find: (locationId, sku, lot) =>
      locationId === "L1" && sku === "A" && lot === "" ? bucket : undefined,
    dropIfEmpty: (b) => {
      dropped.push(b);
    },
  };
  return { access, bucket, dropped };
}

function pickTx(quantity: number, reservationId: number): Transaction {
  return { kind: "pick", seq: 0, timeS: 0, sku: "A", lot: "", from: "L1", quantity, reservationId };
}

describe("ReservationBook", () => {
  it("reserve() counts units on the bucket and refuses more than record − reserved", () => {
    const { access, bucket } = oneBucket();
    const book = new ReservationBook(access);
    const r = book.reserve({ locationId: "L1", sku: "A", quantity: 6 });
    expect(r).toMatchObject({ id: 1, lot: "", quantity: 6 });
    expect(bucket.reserved).toBe(6);
    expect(() => book.reserve({ locationId: "L1", sku: "A", quantity: 5 })).toThrow(
      "only 4 available",
    );
    expect(() => book.reserve({ locationId: "L2", sku: "A", quantity: 1 })).toThrow(LedgerError);
    expect(bucket.reserved).toBe(6);
  });

  it("consume() takes units off until none are left, then the reservation is gone", () => {
    const { access, bucket, dropped } = oneBucket();
    const book = new ReservationBook(access);
    const { id } = book.reserve({ locationId: "L1", sku: "A", quantity: 5 });
    book.checkUse("pick", pickTx(3, id));
    book.consume(id, 3);
    expect(book.get(id)?.quantity).toBe(2);
    expect(bucket.reserved).toBe(2);
    expect(() => book.checkUse("pick", pickTx(3, id))).toThrow("exceeds the 2 units left");
    book.consume(id, 2);
    expect(book.get(id)).toBeUndefined();
    expect(bucket.reserved).toBe(0);
    expect(dropped).toEqual([bucket, bucket]);
  });

  it("checkUse() refuses a receipt, another location and an unknown id", () => {
    const { access } = oneBucket();
    const book = new ReservationBook(access);
    const { id } = book.reserve({ locationId: "L1", sku: "A", quantity: 5 });
    expect(() => book.checkUse("receipt", pickTx(1, id))).toThrow("cannot consume");
    expect(() => book.checkUse("pick", { ...pickTx(1, id), from: "L2" })).toThrow(
      'at "L1", not sku "A" lot "" at "L2"',
    );
    expect(() => book.checkUse("pick", pickTx(1, 99))).toThrow("reservationId 99 does not exist");
  });

  it("release() frees the units and refuses a second release", () => {
    const { access, bucket } = oneBucket();
    const book = new ReservationBook(access);
    const { id } = book.reserve({ locationId: "L1", sku: "A", quantity: 4 });
    book.release(id);
    expect(bucket.reserved).toBe(0);
    expect(() => book.release(id)).toThrow("does not exist");
  });
});
