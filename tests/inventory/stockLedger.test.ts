import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StockLedger } from "../../src/inventory/stockLedger.ts";
import { LedgerError, type TransactionInput } from "../../src/inventory/transaction.ts";

function refused(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error("expected a LedgerError");
}

describe("StockLedger", () => {
  it("receive() then putaway() then pick() then ship() keeps on-hand by location, SKU and total", () => {
    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "dock", quantity: 10 });
    ledger.receive({ timeS: 1, sku: "B", to: "dock", quantity: 4 });
    ledger.putaway({ timeS: 2, sku: "A", from: "dock", to: "R1", quantity: 10 });
    ledger.pick({ timeS: 3, sku: "A", from: "R1", quantity: 3 });
    expect(ledger.onHand({ locationId: "R1" })).toBe(7);
    expect(ledger.onHand({ locationId: "picked" })).toBe(3);
    expect(ledger.onHand({ sku: "A" })).toBe(10);
    ledger.ship({ timeS: 4, sku: "A", quantity: 3 });
    expect(ledger.onHand({ sku: "A" })).toBe(7);
    expect(ledger.onHand()).toBe(11);
    expect(ledger.onHand({ locationId: "dock", sku: "B" }, "physical")).toBe(4);
    expect(ledger.transactions.map((t) => t.kind)).toEqual([
      "receipt",
      "receipt",
      "putaway",
      "pick",
      "ship",
    ]);
    expect(ledger.flows("physical")).toMatchObject({ received: 14, shipped: 3 });
  });

  it("pick() beyond the record is refused with the quantity and what is there", () => {
    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "R1", quantity: 2 });
    const error = refused(() => ledger.pick({ timeS: 1, sku: "A", from: "R1", quantity: 5 }));
    expect(error.code).toBe("insufficientRecord");
    expect(error.message).toContain("quantity 5");
    expect(error.message).toContain("holds only 2");
    expect(ledger.onHand()).toBe(2);
    expect(ledger.transactions).toHaveLength(1);
  });

  it("apply() refuses bad quantity, missing location, time going backwards and unknown SKU", () => {
    const ledger = new StockLedger({
      skus: [{ id: "A", unitCubeM3: 0.01, unitWeightKg: 1, unitLoad: "each" }],
    });
    expect(refused(() => ledger.receive({ timeS: 0, sku: "A", to: "R", quantity: -1 })).code).toBe(
      "badQuantity",
    );
    expect(refused(() => ledger.receive({ timeS: 0, sku: "A", quantity: 1 })).code).toBe(
      "missingLocation",
    );
    expect(
      refused(() => ledger.receive({ timeS: 0, sku: "Z", to: "R", quantity: 1 })).message,
    ).toContain('"Z"');
    ledger.receive({ timeS: 5, sku: "A", to: "R", quantity: 1 });
    const late = refused(() => ledger.receive({ timeS: 4, sku: "A", to: "R", quantity: 1 }));
    expect(late.code).toBe("badTime");
    expect(late.message).toContain("timeS 4");
    expect(
      refused(() => ledger.apply({ kind: "teleport" as never, timeS: 6, sku: "A", quantity: 1 }))
        .code,
    ).toBe("badKind");
  });

  it("a mispick from the wrong location makes record and physical drift; count() corrects it", () => {
    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "L1", quantity: 5 });
    ledger.receive({ timeS: 0, sku: "A", to: "L2", quantity: 5 });
    // The system says L1, the picker took from L2.
    ledger.pick({
      timeS: 1,
      sku: "A",
      from: "L1",
      quantity: 2,
      actual: { from: "L2" },
      cause: "mispick",
    });
    expect(ledger.onHand({ locationId: "L1" }, "record")).toBe(3);
    expect(ledger.onHand({ locationId: "L1" }, "physical")).toBe(5);
    expect(ledger.onHand({ locationId: "L2" }, "record")).toBe(5);
    expect(ledger.onHand({ locationId: "L2" }, "physical")).toBe(3);
    expect(ledger.recordAccuracy(["L1", "L2", "picked"])).toBeCloseTo(1 / 3, 12);
    const result = ledger.count({ timeS: 2, locationId: "L1" });
    expect(result.differences).toEqual([
      { sku: "A", lot: "", record: 3, physical: 5, variance: 2 },
    ]);
    expect(ledger.recordAccuracy(["L1", "L2", "picked"])).toBeCloseTo(2 / 3, 12);
    expect(ledger.count({ timeS: 3, locationId: "L2" }).differences[0].variance).toBe(-2);
    expect(ledger.recordAccuracy(["L1", "L2", "picked"])).toBe(1);
    expect(ledger.countStats()).toEqual({ counts: 2, withVariance: 2 });
    expect(ledger.flows("record").adjusted).toBe(0);
  });

  it("a misplaced putaway leaves the record at the planned slot and the stock at the actual one", () => {
    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "dock", quantity: 8 });
    ledger.putaway({
      timeS: 1,
      sku: "A",
      from: "dock",
      to: "R1",
      quantity: 8,
      actual: { to: "R2" },
    });
    expect(ledger.contentsOf("R1")).toEqual([{ sku: "A", lot: "", quantity: 8 }]);
    expect(ledger.contentsOf("R1", "physical")).toEqual([]);
    expect(ledger.contentsOf("R2", "physical")).toEqual([{ sku: "A", lot: "", quantity: 8 }]);
    // The picker finds nothing physically at R1: a pick of it is refused.
    const error = refused(() => ledger.pick({ timeS: 2, sku: "A", from: "R1", quantity: 1 }));
    expect(error.code).toBe("insufficientPhysical");
    expect(error.message).toContain("physically only 0");
  });

  it("shrink() lowers only the physical stock, and the record balance holds without it", () => {
    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "R1", quantity: 10 });
    ledger.shrink({ timeS: 1, sku: "A", from: "R1", quantity: 4 });
    expect(ledger.onHand({}, "record")).toBe(10);
    expect(ledger.onHand({}, "physical")).toBe(6);
    expect(ledger.flows("physical").shrunk).toBe(4);
    expect(ledger.imbalance("record")).toBe(0);
    expect(ledger.imbalance("physical")).toBe(0);
    expect(refused(() => ledger.shrink({ timeS: 2, sku: "A", from: "R1", quantity: 7 })).code).toBe(
      "insufficientPhysical",
    );
  });

  it("reserve() holds units back: available drops and unreserved picks cannot take them", () => {
    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "R1", quantity: 10 });
    const r = ledger.reserve({ locationId: "R1", sku: "A", quantity: 7, ref: "order-1" });
    expect(ledger.available("R1", "A")).toBe(3);
    expect(ledger.reserved({ sku: "A" })).toBe(7);
    expect(refused(() => ledger.pick({ timeS: 1, sku: "A", from: "R1", quantity: 4 })).code).toBe(
      "unavailable",
    );
    ledger.pick({ timeS: 1, sku: "A", from: "R1", quantity: 5, reservationId: r.id });
    expect(ledger.reservation(r.id)?.quantity).toBe(2);
    expect(ledger.available("R1", "A")).toBe(3);
    ledger.release(r.id);
    expect(ledger.available("R1", "A")).toBe(5);
    expect(refused(() => ledger.reserve({ locationId: "R1", sku: "A", quantity: 6 })).code).toBe(
      "unavailable",
    );
  });

  it("receive() of a lot sets its expiry from the SKU shelf life; stockOf() reports lot dates", () => {
    const ledger = new StockLedger({
      skus: [{ id: "M", unitCubeM3: 0.001, unitWeightKg: 1, unitLoad: "case", shelfLifeS: 100 }],
    });
    ledger.receive({ timeS: 10, sku: "M", lot: "L1", to: "R1", quantity: 3 });
    ledger.receive({ timeS: 20, sku: "M", lot: "L2", to: "R2", quantity: 4, expiryS: 60 });
    const stock = ledger.stockOf("M").sort((a, b) => a.receivedS - b.receivedS);
    expect(stock.map((s) => [s.locationId, s.lot, s.receivedS, s.expiryS])).toEqual([
      ["R1", "L1", 10, 110],
      ["R2", "L2", 20, 60],
    ]);
    expect(
      refused(() =>
        ledger.receive({ timeS: 30, sku: "M", lot: "L2", to: "R2", quantity: 1, expiryS: 99 }),
      ).code,
    ).toBe("lotConflict");
  });

  it("adjust() changes the record only and is counted as an adjustment", () => {
    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "R1", quantity: 3 });
    ledger.adjust({ timeS: 1, sku: "A", at: "R1", quantity: -1 });
    expect(ledger.onHand({}, "record")).toBe(2);
    expect(ledger.onHand({}, "physical")).toBe(3);
    expect(ledger.flows("record").adjusted).toBe(-1);
    expect(refused(() => ledger.adjust({ timeS: 2, sku: "A", at: "R1", quantity: -3 })).code).toBe(
      "insufficientRecord",
    );
  });
});

// ---- property tests: conservation over random transaction sequences -----------------------

const SKUS = ["A", "B", "C"];
const LOCS = ["dock", "L1", "L2", "L3", "picked"];

interface RawTx {
  kind: TransactionInput["kind"];
  sku: string;
  otherSku: string;
  to: string;
  otherLoc: string;
  pickHeld: number;
  quantity: number;
  error: string;
  dt: number;
}

const rawArb: fc.Arbitrary<RawTx> = fc.record({
  kind: fc.constantFrom<TransactionInput["kind"]>(
    "receipt",
    "receipt",
    "putaway",
    "move",
    "replenishment",
    "pick",
    "pick",
    "ship",
    "adjustment",
    "return",
    "scrap",
    "shrinkage",
  ),
  sku: fc.constantFrom(...SKUS),
  otherSku: fc.constantFrom(...SKUS),
  to: fc.constantFrom(...LOCS),
  otherLoc: fc.constantFrom(...LOCS),
  pickHeld: fc.integer({ min: -1, max: 9 }),
  quantity: fc.integer({ min: -2, max: 6 }),
  error: fc.constantFrom("none", "none", "none", "wrongLocation", "wrongSku", "wrongQuantity"),
  dt: fc.integer({ min: -1, max: 5 }),
});

/** Turns a raw draw into a transaction, usually taking from a location that holds the SKU. */
function toTx(ledger: StockLedger, r: RawTx, timeS: number): TransactionInput {
  const held = ledger.stockOf(r.sku);
  const from =
    r.pickHeld >= 0 && held.length > 0 ? held[r.pickHeld % held.length].locationId : r.otherLoc;
  const tx: TransactionInput = {
    kind: r.kind,
    timeS,
    sku: r.sku,
    from,
    to: r.to,
    at: from,
    quantity: r.quantity,
  };
  if (r.kind !== "adjustment" && r.kind !== "shrinkage") {
    if (r.error === "wrongLocation") tx.actual = { from: r.otherLoc, to: r.otherLoc };
    if (r.error === "wrongSku") tx.actual = { sku: r.otherSku };
    if (r.error === "wrongQuantity") tx.actual = { quantity: Math.max(0, r.quantity - 1) };
  }
  return tx;
}

describe("StockLedger conservation (property)", () => {
  let applied = 0;
  it("any sequence: both views stay non-negative and inflow − outflow = on-hand after every step", () => {
    fc.assert(
      fc.property(fc.array(rawArb, { minLength: 20, maxLength: 80 }), (txs) => {
        const ledger = new StockLedger();
        let t = 0;
        for (const raw of txs) {
          // dt = -1 now and then: a transaction dated in the past, which must be refused.
          const timeS = raw.dt < 0 ? t - 1 : (t += raw.dt);
          const input = toTx(ledger, raw, timeS);
          const beforeRecord = ledger.onHand({}, "record");
          const beforePhysical = ledger.onHand({}, "physical");
          const beforeCount = ledger.transactions.length;
          try {
            if (raw.kind === "ship" && raw.pickHeld === 9) {
              ledger.shipAll({ timeS, from: raw.to });
            } else {
              ledger.apply(input);
            }
          } catch (error) {
            // A refused transaction changes nothing.
            expect(error).toBeInstanceOf(LedgerError);
            expect(ledger.onHand({}, "record")).toBe(beforeRecord);
            expect(ledger.onHand({}, "physical")).toBe(beforePhysical);
            expect(ledger.transactions.length).toBe(beforeCount);
          }
          expect(ledger.imbalance("record")).toBe(0);
          expect(ledger.imbalance("physical")).toBe(0);
          let lowest = 0;
          for (const view of ["record", "physical"] as const) {
            for (const loc of ledger.locationIds()) {
              for (const c of ledger.contentsOf(loc, view)) lowest = Math.min(lowest, c.quantity);
            }
          }
          expect(lowest).toBe(0);
          // Physical identity from the log: receipts + returns − ships − scrap − shrinkage.
          const f = ledger.flows("physical");
          expect(f.received + f.returned - f.shipped - f.scrapped - f.shrunk).toBe(
            ledger.onHand({}, "physical"),
          );
        }
        applied += ledger.transactions.length;
        // The per-SKU index agrees with a scan of every location.
        for (const view of ["record", "physical"] as const) {
          for (const sku of SKUS) {
            const scan = ledger
              .locationIds()
              .flatMap((loc) =>
                ledger
                  .contentsOf(loc, view)
                  .filter((c) => c.sku === sku && c.quantity > 0)
                  .map((c) => `${loc}/${c.lot}/${c.quantity}`),
              )
              .sort();
            const indexed = ledger
              .stockOf(sku, view)
              .map((r) => `${r.locationId}/${r.lot}/${r.quantity}`)
              .sort();
            expect(indexed).toEqual(scan);
          }
        }
        // Per SKU, recomputed from the log alone.
        for (const sku of SKUS) {
          let net = 0;
          for (const tx of ledger.transactions) {
            const psku = tx.actual?.sku ?? tx.sku;
            const pq = tx.actual?.quantity ?? tx.quantity;
            if (psku !== sku) continue;
            if (tx.kind === "receipt" || tx.kind === "return") net += pq;
            if (tx.kind === "ship" || tx.kind === "scrap" || tx.kind === "shrinkage") net -= pq;
          }
          expect(net).toBe(ledger.onHand({ sku }, "physical"));
        }
      }),
      { numRuns: 150 },
    );
    // The generator must exercise real stock movements, not only refusals.
    expect(applied).toBeGreaterThan(150 * 5);
  });

  it("counting every location makes the record equal the physical stock (accuracy 1)", () => {
    fc.assert(
      fc.property(fc.array(rawArb, { minLength: 10, maxLength: 50 }), (txs) => {
        const ledger = new StockLedger();
        let t = 0;
        for (const raw of txs) {
          t += Math.max(0, raw.dt);
          try {
            ledger.apply(toTx(ledger, raw, t));
          } catch {
            // refused: fine
          }
        }
        for (const loc of LOCS) ledger.count({ timeS: t, locationId: loc });
        expect(ledger.recordAccuracy(LOCS)).toBe(1);
        for (const sku of SKUS) {
          expect(ledger.onHand({ sku }, "record")).toBe(ledger.onHand({ sku }, "physical"));
        }
        expect(ledger.imbalance("record")).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
