/**
 * carrierFor(): a cross-docked pallet goes to the carrier of the most urgent order waiting
 * for its SKU, whatever the pallet's id; without waiting orders, to the carrier whose next
 * cut-off comes first.
 */
import { describe, expect, it } from "vitest";
import { carrierFor } from "../../src/warehouse/operations/crossDock.ts";
import type { Order, Pallet, World } from "../../src/warehouse/world.ts";

/** Two carriers: 0 departs at 19:00 (cut-off 18:00), 1 at 12:00 (cut-off 11:00). */
function world(waiting: Partial<Order>[], nowS: number): World {
  return {
    sim: { now: nowS },
    skus: [{ waiting }, { waiting: [] }],
    departures: [
      { timesS: [68_400], cutoffsS: [64_800] },
      { timesS: [43_200], cutoffsS: [39_600] },
    ],
  } as unknown as World;
}

const pallet = (id: number): Pallet => ({ id, sku: 0, units: 10, arrivedS: 0, at: "dock:IN" });

describe("carrierFor()", () => {
  it("takes the carrier of the most urgent waiting order, for every pallet id", () => {
    const w = world(
      [
        { carrier: 1, dueS: 90_000 },
        { carrier: 0, dueS: 68_400 },
      ],
      0,
    );
    for (let id = 1; id <= 4; id++) expect(carrierFor(w, pallet(id))).toBe(0);
  });

  it("without waiting orders, takes the carrier whose next cut-off comes first", () => {
    expect(carrierFor(world([], 0), pallet(1))).toBe(1);
    expect(carrierFor(world([], 0), pallet(2))).toBe(1);
    // After carrier 1's cut-off (11:00) only carrier 0 still has a departure ahead.
    expect(carrierFor(world([], 40_000), pallet(1))).toBe(0);
  });
});
