import { describe, expect, it } from "vitest";
import { createStream } from "../../src/engine/index.ts";
import {
  checkStockErrorRates,
  drawMispick,
  drawMisplacedPutaway,
  nextShrinkageS,
  shrinkOneUnit,
} from "../../src/inventory/stockErrors.ts";
import { StockLedger } from "../../src/inventory/stockLedger.ts";

/** Always returns the values in turn (to force a branch). */
const fixed = (...values: number[]) => {
  let i = 0;
  return { next: () => values[i++ % values.length] };
};

function stocked(): StockLedger {
  const ledger = new StockLedger();
  ledger.receive({ timeS: 0, sku: "A", to: "F1", quantity: 10 });
  ledger.receive({ timeS: 0, sku: "B", to: "F2", quantity: 10 });
  return ledger;
}
const neighbours = (id: string) => (id === "F1" ? ["F2"] : ["F1"]);

describe("stock error processes", () => {
  it("drawMispick() with no mispick probability never errs", () => {
    const ledger = stocked();
    const r = createStream(1, "e");
    for (let i = 0; i < 100; i++) {
      expect(
        drawMispick({}, r, { sku: "A", from: "F1", quantity: 2 }, { ledger, neighbours }),
      ).toBeUndefined();
    }
  });

  it("drawMispick() wrong location takes the neighbour's SKU; the record keeps the planned pick", () => {
    const ledger = stocked();
    // next(): 0 → mispick (< p), 0 → wrong location (< share), 0 → first option.
    const actual = drawMispick(
      { mispickProbability: 0.1, wrongLocationShare: 0.5 },
      fixed(0),
      { sku: "A", from: "F1", quantity: 3 },
      { ledger, neighbours },
    );
    expect(actual).toEqual({ from: "F2", sku: "B", lot: "" });
    ledger.pick({ timeS: 1, sku: "A", from: "F1", to: "tote:1", quantity: 3, actual });
    expect(ledger.onHand({ locationId: "F1" }, "record")).toBe(7);
    expect(ledger.onHand({ locationId: "F1" }, "physical")).toBe(10);
    expect(ledger.onHand({ locationId: "F2", sku: "B" }, "physical")).toBe(7);
    expect(ledger.recordAccuracy(["F1", "F2", "tote:1"])).toBe(0);
    // shipAll() ships what is physically in the tote: 3 of B, while the record ships 3 of A.
    ledger.shipAll({ timeS: 2, from: "tote:1" });
    expect(ledger.onHand({ locationId: "tote:1" }, "physical")).toBe(0);
    expect(ledger.onHand({ locationId: "tote:1" }, "record")).toBe(0);
    expect(ledger.onHand({ sku: "B" }, "physical")).toBe(7);
    expect(ledger.onHand({ sku: "A" }, "record")).toBe(7);
    expect(ledger.imbalance("physical")).toBe(0);
    expect(ledger.imbalance("record")).toBe(0);
    ledger.count({ timeS: 3, locationId: "F1" });
    ledger.count({ timeS: 3, locationId: "F2" });
    expect(ledger.recordAccuracy(["F1", "F2", "tote:1"])).toBe(1);
  });

  it("drawMispick() wrong quantity: one more if physically there, else one fewer", () => {
    const ledger = stocked();
    const rates = { mispickProbability: 1, wrongLocationShare: 0 };
    // next(): mispick, not wrong location, then 0.2 → over.
    expect(
      drawMispick(
        rates,
        fixed(0.5, 0.5, 0.2),
        { sku: "A", from: "F1", quantity: 4 },
        { ledger, neighbours },
      ),
    ).toEqual({
      quantity: 5,
    });
    expect(
      drawMispick(
        rates,
        fixed(0.5, 0.5, 0.7),
        { sku: "A", from: "F1", quantity: 4 },
        { ledger, neighbours },
      ),
    ).toEqual({
      quantity: 3,
    });
    // Only 10 there: an over-pick of 10 is impossible, so it is an under-pick.
    expect(
      drawMispick(
        rates,
        fixed(0.5, 0.5, 0.2),
        { sku: "A", from: "F1", quantity: 10 },
        { ledger, neighbours },
      ),
    ).toEqual({
      quantity: 9,
    });
  });

  it("drawMispick() errs on about the given share of picks", () => {
    const ledger = stocked();
    const r = createStream(2, "e");
    let errors = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        drawMispick(
          { mispickProbability: 0.05 },
          r,
          { sku: "A", from: "F1", quantity: 1 },
          { ledger, neighbours },
        )
      )
        errors++;
    }
    // Binomial(10 000, 0.05): sd ≈ 21.8; allow 5 sd.
    expect(Math.abs(errors - 500)).toBeLessThan(110);
  });

  it("drawMisplacedPutaway() sends the load to a neighbour, never to the planned location", () => {
    const r = createStream(3, "e");
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const a = drawMisplacedPutaway({ misplacedPutawayProbability: 1 }, r, "R1", [
        "R1",
        "R2",
        "R3",
      ]);
      seen.add(a!.to!);
    }
    expect([...seen].sort()).toEqual(["R2", "R3"]);
    expect(
      drawMisplacedPutaway({ misplacedPutawayProbability: 1 }, r, "R1", ["R1"]),
    ).toBeUndefined();
  });

  it("nextShrinkageS() is exponential with mean 1 day / rate; shrinkOneUnit() hits units uniformly", () => {
    const r = createStream(4, "e");
    let sum = 0;
    for (let i = 0; i < 4000; i++) sum += nextShrinkageS({ shrinkageUnitsPerDay: 4 }, r);
    // Mean 21 600 s, sd of the mean 21 600/√4000 ≈ 342; allow 4 sd.
    expect(Math.abs(sum / 4000 - 21_600)).toBeLessThan(1400);
    expect(nextShrinkageS({}, r)).toBe(Number.POSITIVE_INFINITY);

    const ledger = new StockLedger();
    ledger.receive({ timeS: 0, sku: "A", to: "big", quantity: 900 });
    ledger.receive({ timeS: 0, sku: "B", to: "small", quantity: 100 });
    for (let i = 0; i < 500; i++) shrinkOneUnit(ledger, 1, r);
    const lostSmall = 100 - ledger.onHand({ locationId: "small" }, "physical");
    // Binomial(500, 0.1) roughly: mean 50, sd ≈ 6.7.
    expect(Math.abs(lostSmall - 50)).toBeLessThan(27);
    expect(ledger.onHand({}, "record")).toBe(1000);
    expect(ledger.flows("physical").shrunk).toBe(500);
    expect(shrinkOneUnit(new StockLedger(), 0, r)).toBeUndefined();
  });

  it("a day of picking with errors: accuracy falls, conservation holds, a full count restores it", () => {
    const ledger = new StockLedger();
    const faces = Array.from({ length: 20 }, (_, i) => `F${i}`);
    const nb = (id: string) => {
      const i = faces.indexOf(id);
      return [faces[(i + 1) % 20], faces[(i + 19) % 20]];
    };
    for (const [i, f] of faces.entries()) {
      ledger.receive({ timeS: 0, sku: `S${i}`, to: f, quantity: 500 });
    }
    const r = createStream(5, "errors");
    const rates = { mispickProbability: 0.05, misplacedPutawayProbability: 0.05 };
    let t = 0;
    for (let order = 0; order < 1000; order++) {
      t += 10;
      const i = Math.floor(r.next() * 20);
      const from = faces[i];
      const tote = `tote:${order}`;
      const q = 1 + Math.floor(r.next() * 3);
      if (ledger.available(from, `S${i}`) < q) continue;
      const actual = drawMispick(
        rates,
        r,
        { sku: `S${i}`, from, quantity: q },
        { ledger, neighbours: nb },
      );
      try {
        ledger.pick({ timeS: t, sku: `S${i}`, from, to: tote, quantity: q, actual });
      } catch {
        // The planned stock is not physically there (earlier errors): a short pick.
        continue;
      }
      ledger.shipAll({ timeS: t, from: tote });
      if (order % 50 === 0) shrinkOneUnit(ledger, t, r);
      expect(ledger.imbalance("physical")).toBe(0);
      expect(ledger.imbalance("record")).toBe(0);
    }
    const accuracy = ledger.recordAccuracy(faces);
    expect(accuracy).toBeLessThan(1);
    for (const f of faces) ledger.count({ timeS: t + 1, locationId: f });
    expect(ledger.recordAccuracy(faces)).toBe(1);
    expect(ledger.onHand({}, "record")).toBe(ledger.onHand({}, "physical"));
  });

  it("checkStockErrorRates() names bad rates", () => {
    expect(
      checkStockErrorRates(
        { mispickProbability: 1.5, shrinkageUnitsPerDay: -1 },
        "s.yaml",
        "errors",
      ),
    ).toEqual([
      {
        file: "s.yaml",
        path: "errors.mispickProbability",
        value: 1.5,
        expected: "a probability in [0, 1]",
      },
      { file: "s.yaml", path: "errors.shrinkageUnitsPerDay", value: -1, expected: "a number >= 0" },
    ]);
  });
});
