/** Where a checked pallet goes: the `palletChecked` listeners in order, else storage. */
import { describe, expect, it } from "vitest";
import { offerPallet } from "../../src/warehouse/inbound/offerPallet.ts";
import type { Pallet, World } from "../../src/warehouse/world.ts";

const pallet: Pallet = { id: 1, sku: 0, units: 10, arrivedS: 0, at: "dock:D1" };

/** The parts of a world offerPallet() reads, with listeners that log their name. */
function world(nowS: number, takers: Record<string, boolean>) {
  const log: string[] = [];
  const w = {
    sim: { now: nowS },
    warmupS: 100,
    stats: { palletsChecked: 0 },
    listeners: {
      palletChecked: Object.entries(takers).map(([name, takes]) => () => {
        log.push(name);
        return takes;
      }),
      palletForStorage: [() => log.push("storage")],
    },
  };
  return { w: w as unknown as World, log };
}

describe("offerPallet()", () => {
  it("offerPallet(world, pallet) stops at the first listener that takes it", () => {
    const { w, log } = world(200, { quality: false, crossDock: true, last: true });
    offerPallet(w, pallet);
    expect(log).toEqual(["quality", "crossDock"]);
  });

  it("offerPallet(world, pallet) stores the pallet when no listener takes it", () => {
    const { w, log } = world(200, { quality: false, crossDock: false });
    offerPallet(w, pallet);
    expect(log).toEqual(["quality", "crossDock", "storage"]);
  });

  it("offerPallet(world, pallet, after) offers to the listeners after `after` only", () => {
    const { w, log } = world(200, { quality: true, crossDock: false });
    offerPallet(w, pallet, w.listeners.palletChecked[0]);
    expect(log).toEqual(["crossDock", "storage"]);
  });

  it("counts a pallet as checked once, on its first offer after the warm-up", () => {
    const before = world(50, { quality: false });
    offerPallet(before.w, pallet);
    expect(before.w.stats.palletsChecked).toBe(0);
    const after = world(200, { quality: false });
    offerPallet(after.w, pallet);
    offerPallet(after.w, pallet, after.w.listeners.palletChecked[0]);
    expect(after.w.stats.palletsChecked).toBe(1);
  });
});
