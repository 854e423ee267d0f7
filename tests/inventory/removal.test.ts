import { describe, expect, it } from "vitest";
import { removalRules } from "../../src/inventory/removal/index.ts";
import type { StockRecord } from "../../src/inventory/types.ts";

const rec = (
  locationId: string,
  lot: string,
  quantity: number,
  receivedS: number,
  expiryS?: number,
  reserved = 0,
): StockRecord => ({
  locationId,
  sku: "A",
  lot,
  quantity,
  reserved,
  available: quantity - reserved,
  receivedS,
  ...(expiryS === undefined ? {} : { expiryS }),
});

// R1 oldest, R3 newest; R2 expires first; R3 never expires.
const STOCK: StockRecord[] = [
  rec("R3", "L3", 10, 300),
  rec("R1", "L1", 4, 100, 900),
  rec("R2", "L2", 6, 200, 500),
  { ...rec("R9", "X", 50, 0), sku: "B" },
];

describe("removal rules", () => {
  it("fifo() takes the oldest receipt first and spills to the next", () => {
    expect(removalRules.fifo()({ sku: "A", quantity: 7 }, STOCK)).toEqual({
      picks: [
        { locationId: "R1", lot: "L1", quantity: 4 },
        { locationId: "R2", lot: "L2", quantity: 3 },
      ],
      shortQuantity: 0,
    });
  });

  it("lifo() takes the newest receipt first", () => {
    expect(removalRules.lifo()({ sku: "A", quantity: 12 }, STOCK).picks).toEqual([
      { locationId: "R3", lot: "L3", quantity: 10 },
      { locationId: "R2", lot: "L2", quantity: 2 },
    ]);
  });

  it("fefo() takes the earliest expiry first, lots without expiry last, and skips expired lots", () => {
    expect(removalRules.fefo()({ sku: "A", quantity: 8 }, STOCK).picks).toEqual([
      { locationId: "R2", lot: "L2", quantity: 6 },
      { locationId: "R1", lot: "L1", quantity: 2 },
    ]);
    // At t = 600 lot L2 has expired.
    expect(removalRules.fefo()({ sku: "A", quantity: 8, nowS: 600 }, STOCK).picks).toEqual([
      { locationId: "R1", lot: "L1", quantity: 4 },
      { locationId: "R3", lot: "L3", quantity: 4 },
    ]);
  });

  it("closest() takes the nearest location first", () => {
    const rule = removalRules.closest({
      locations: [
        { id: "R1", x: 30, y: 0 },
        { id: "R2", x: 20, y: 0 },
        { id: "R3", x: 0, y: 5 },
      ],
    });
    expect(rule({ sku: "A", quantity: 12 }, STOCK).picks.map((p) => p.locationId)).toEqual([
      "R3",
      "R2",
    ]);
  });

  it("fewestLocations() serves from one location if it can, the smallest that suffices", () => {
    const rule = removalRules.fewestLocations();
    // 5: R2 (6) and R3 (10) suffice; R2 is smaller.
    expect(rule({ sku: "A", quantity: 5 }, STOCK).picks).toEqual([
      { locationId: "R2", lot: "L2", quantity: 5 },
    ]);
    // 14: no single location; largest first (R3 10) then the smallest covering 4 (R1, emptied).
    expect(rule({ sku: "A", quantity: 14 }, STOCK).picks).toEqual([
      { locationId: "R3", lot: "L3", quantity: 10 },
      { locationId: "R1", lot: "L1", quantity: 4 },
    ]);
  });

  it("every rule takes only available (unreserved) units and reports the shortfall", () => {
    const stock = [rec("R1", "", 5, 0, undefined, 3), rec("R2", "", 2, 10)];
    for (const [name, factory] of Object.entries(removalRules)) {
      const plan = factory()({ sku: "A", quantity: 10 }, stock);
      const taken = Object.fromEntries(plan.picks.map((p) => [p.locationId, p.quantity]));
      expect(taken, name).toEqual({ R1: 2, R2: 2 });
      expect(plan.shortQuantity, name).toBe(6);
    }
  });
});
