/** checkConservation() throws when the run's counters and the ledger disagree. */
import { describe, expect, it } from "vitest";
import { StockLedger } from "../../src/inventory/index.ts";
import { ConservationError, checkConservation } from "../../src/warehouse/index.ts";

function fakeWorld(options: { received: number; shipped: number; open: number; created: number }) {
  const ledger = new StockLedger({ keepLog: false });
  ledger.receive({ timeS: 0, sku: "A", to: "F1", quantity: 10 });
  ledger.pick({ timeS: 1, sku: "A", from: "F1", quantity: 4 });
  ledger.ship({ timeS: 2, sku: "A", quantity: 3 });
  return {
    ledger,
    site: { faces: [{ id: "F1" }], reserve: [] },
    stats: {
      total: {
        unitsInitial: 0,
        unitsReceived: options.received,
        unitsShipped: options.shipped,
        ordersCreated: options.created,
        ordersShipped: 1,
      },
    },
    openOrders: options.open,
  } as never;
}

describe("checkConservation()", () => {
  it("returns the balance when units and orders add up", () => {
    // 10 received = 3 shipped + 6 at F1 + 1 picked, not yet shipped.
    const balance = checkConservation(fakeWorld({ received: 10, shipped: 3, open: 1, created: 2 }));
    expect(balance).toMatchObject({
      unitsInLocations: 6,
      unitsInProcess: 1,
      ordersOpen: 1,
      ok: true,
    });
  });
  it("throws ConservationError when a unit is unaccounted for", () => {
    expect(() =>
      checkConservation(fakeWorld({ received: 11, shipped: 3, open: 1, created: 2 })),
    ).toThrow(ConservationError);
  });
  it("throws ConservationError when an order is lost", () => {
    expect(() =>
      checkConservation(fakeWorld({ received: 10, shipped: 3, open: 0, created: 2 })),
    ).toThrow(ConservationError);
  });
});
