/**
 * The storage rules a scenario names, run in the warehouse: every putaway rule places the
 * initial stock and runs conserving stock; classBased uses ABC zones, fixed dedicated slots,
 * cubePerOrderIndex forecast picks; every removal rule takes the pallet its definition says.
 * A rule without its data is an input error naming the field.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { type InputError, isInputError } from "../../src/common/inputError.ts";
import { loadScenario, type Scenario } from "../../src/scenario/index.ts";
import { simulate } from "../../src/warehouse/index.ts";
import { createWorld } from "../../src/warehouse/simulate.ts";
import { installReplenishment } from "../../src/warehouse/storage/replenishment.ts";
import type { World } from "../../src/warehouse/world.ts";

/** A small traditional warehouse with 40 SKUs and 150 orders a day, 10 days of stock to start. */
function scenario(storage: Record<string, unknown>, extra: Record<string, unknown> = {}): Scenario {
  return loadScenario(
    JSON.stringify({
      name: "rules",
      horizonDays: 5,
      warmupDays: 0,
      seed: 3,
      layout: {
        generator: "traditional",
        name: "rules",
        aisles: 6,
        baysPerAisle: 10,
        levels: 3,
        packStations: 2,
        docks: { inbound: 1, outbound: 1 },
      },
      skus: {
        count: 40,
        palletLoadCubeM3: 0.3,
        unitsPerCase: { dist: "constant", value: 1 },
      },
      outbound: { ordersPerDay: 150 },
      storage: { initialStockDays: 10, faceCapacityPallets: 1.5, ...storage },
      ...extra,
    }),
    "rules.json",
  );
}

/** Input issues thrown by `f`, or fails. */
function issuesOf(f: () => unknown): InputError["issues"] {
  try {
    f();
  } catch (error) {
    if (isInputError(error)) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

/** Reserve positions holding each SKU (by id) after the initial stock. */
function slotsBySku(world: World): Map<string, number[]> {
  const out = new Map<string, number[]>();
  world.slotSku.forEach((rank, slot) => {
    if (rank < 0) return;
    const id = world.skus[rank].id;
    out.set(id, [...(out.get(id) ?? []), slot]);
  });
  return out;
}

describe("putaway rules in the warehouse", () => {
  for (const rule of ["closestOpen", "random", "classBased", "fixed", "cubePerOrderIndex"]) {
    it(`storage.putaway: ${rule} runs five days and conserves stock and orders`, () => {
      const r = simulate(scenario({ putaway: rule, initialStockDays: 2 }));
      expect(r.conservation.ok).toBe(true);
      expect(r.counts.palletsReceived).toBeGreaterThan(0);
      expect(r.counts.replenishments).toBeGreaterThan(0);
      expect(r.kpis.ordersShipped).toBeGreaterThan(400);
    });
  }

  it("classBased: SKUs of class A lie nearer the P&D point than class B", () => {
    const world = createWorld(scenario({ putaway: "classBased" }));
    const mean = (cls: string) => {
      const d: number[] = [];
      world.slotSku.forEach((rank, slot) => {
        if (rank >= 0 && world.skus[rank].info.sku.velocityClass === cls) {
          d.push(world.site.reserve[slot].distanceM);
        }
      });
      expect(d.length).toBeGreaterThan(0);
      return d.reduce((a, b) => a + b, 0) / d.length;
    };
    expect(mean("A")).toBeLessThan(mean("B"));
  });

  it("classBased: the layout's ABC zones (abcClass) hold their class; an unknown class is an input error", () => {
    const layout = (classes: [string, string]) => ({
      generator: "explicit",
      name: "abc",
      widthM: 30,
      depthM: 30,
      zones: [
        { id: "F", kind: "forward" },
        { id: "near", kind: "reserve", abcClass: classes[0] },
        { id: "far", kind: "reserve", abcClass: classes[1] },
      ],
      aisles: [
        {
          id: "A1",
          points: [
            [0, 0],
            [0, 30],
          ],
        },
      ],
      locations: [
        ...[2, 3].map((y) => ({ id: `F${y}`, x: 1, y, zone: "F", aisle: "A1" })),
        ...[6, 7, 8].map((y) => ({ id: `N${y}`, x: 1, y, zone: "near", aisle: "A1" })),
        ...[20, 21, 22].map((y) => ({ id: `R${y}`, x: 1, y, zone: "far", aisle: "A1" })),
      ],
      docks: [
        { id: "IN", kind: "inbound", x: 0, y: 0 },
        { id: "OUT", kind: "outbound", x: 0, y: 0 },
      ],
      packStations: [{ id: "P1", x: 0, y: 0 }],
      pdPoints: [{ id: "PD", x: 0, y: 0 }],
    });
    const s = (classes: [string, string]) =>
      loadScenario(
        JSON.stringify({
          name: "abc",
          horizonDays: 1,
          warmupDays: 0,
          layout: layout(classes),
          // 12 units a pallet; 6 and 4 units a day: 2 and 1 reserve pallets beside full faces.
          skus: {
            count: 2,
            popularity: { topSkuShare: 0.5, lineShare: 0.6 },
            unitCubeM3: { dist: "constant", value: 0.1 },
            unitsPerCase: { dist: "constant", value: 1 },
          },
          outbound: {
            ordersPerDay: 10,
            linesPerOrder: { dist: "constant", value: 1 },
            unitsPerLine: { dist: "constant", value: 1 },
          },
          storage: {
            putaway: "classBased",
            abcCutoffs: [0.5],
            initialStockDays: 5,
            faceCapacityPallets: 1,
          },
        }),
        "abc.json",
      );
    // The far zone is class A: the popular SKU's pallets go far, the other's near.
    const world = createWorld(s(["B", "A"]));
    const held = slotsBySku(world);
    const zoneOf = (slot: number) => world.site.reserve[slot].location.zone;
    expect(world.skus[0].info.sku.velocityClass).toBe("A");
    expect(held.get(world.skus[0].id)!.map(zoneOf)).toContain("far");
    expect(held.get(world.skus[0].id)!.map(zoneOf)).not.toContain("near");
    expect(held.get(world.skus[1].id)!.map(zoneOf)).toEqual(["near"]);
    const issues = issuesOf(() => createWorld(s(["C", "A"])));
    expect(issues[0].path).toBe("layout.zones[1].abcClass");
    expect(issues[0].value).toBe("C");
  });

  it("fixed: each SKU's reserve pallets stay in its own dedicated slots, SKUs in id order", () => {
    const world = createWorld(scenario({ putaway: "fixed" }));
    const held = slotsBySku(world);
    const ids = [...held.keys()].sort();
    // Slots are handed out nearest first in SKU id order, so the slot ranges never overlap.
    for (let i = 1; i < ids.length; i++) {
      expect(Math.max(...held.get(ids[i - 1])!)).toBeLessThan(Math.min(...held.get(ids[i])!));
    }
    const closest = createWorld(scenario({ putaway: "closestOpen" }));
    expect(slotsBySku(closest)).not.toEqual(held);
  });

  it("fixed: storage.fixedSlots places a SKU where it says; bad SKUs and locations are input errors", () => {
    const base = createWorld(scenario({ putaway: "closestOpen" }));
    const far = base.site.reserve.slice(-3).map((r) => r.location.id);
    const world = createWorld(scenario({ putaway: "fixed", fixedSlots: { S00001: far } }));
    const held = slotsBySku(world).get("S00001")!;
    expect(held.length).toBeGreaterThan(0);
    const inFar = held.filter((slot) => far.includes(world.site.reserve[slot].location.id));
    expect(inFar).toHaveLength(Math.min(3, held.length));
    const issues = issuesOf(() =>
      createWorld(scenario({ putaway: "fixed", fixedSlots: { S99999: ["nowhere"] } })),
    );
    expect(issues.map((i) => i.path)).toEqual([
      "storage.fixedSlots.S99999",
      "storage.fixedSlots.S99999[0]",
    ]);
  });

  it("fixed: a layout too small for every SKU's dedicated slots is an input error on storage.putaway", () => {
    const issues = issuesOf(() =>
      createWorld(
        scenario(
          { putaway: "fixed", initialStockDays: 40 },
          { layout: { ...scenario({}).layout, aisles: 2 } },
        ),
      ),
    );
    expect(issues[0].path).toBe("storage.putaway");
    expect(issues[0].value).toBe("fixed");
  });

  it("cubePerOrderIndex: SKUs get forecast picks per day; the lowest COI takes the nearest slot", () => {
    const world = createWorld(scenario({ putaway: "cubePerOrderIndex" }));
    const skus = world.skus.map((s) => s.info.sku);
    for (const sku of skus) expect(sku.picksPerDay).toBeGreaterThan(0);
    const coi = (i: number) => skus[i].storageCubeM3! / skus[i].picksPerDay!;
    const best = skus.map((_, i) => i).sort((a, b) => coi(a) - coi(b))[0];
    const sumPicks = skus.reduce((a, s) => a + s.picksPerDay!, 0);
    // Forecast lines per day: 150 orders × the mean lines per order (> 1).
    expect(sumPicks).toBeGreaterThan(150);
    expect(world.slotSku[0]).toBe(best);
  });
});

describe("removal rules in the warehouse", () => {
  /** The reserve slot replenishment takes for SKU 0, among five pallets laid out by hand. */
  function taken(removal: string): number {
    const world = createWorld(
      scenario(
        { removal, initialStockDays: 0 },
        { skus: { count: 40, palletLoadCubeM3: 0.3, shelfLifeDays: 30 } },
      ),
    );
    installReplenishment(world);
    const sku = world.skus[0];
    const full = sku.info.unitsPerPallet;
    const half = Math.max(1, Math.floor(full / 2));
    const slots = [1, 13, 25, 37, 49];
    const distances = slots.map((s) => world.site.reserve[s].distanceM);
    for (let i = 1; i < slots.length; i++) expect(distances[i]).toBeGreaterThan(distances[i - 1]);
    // Nearest: 1; oldest: 13; newest: 25; earliest expiry: 37; smallest: 49.
    sku.reserve = [
      { slot: 1, units: full, receivedS: 200, expiryS: 9000 },
      { slot: 13, units: full, receivedS: 100, expiryS: 8500 },
      { slot: 25, units: full, receivedS: 400, expiryS: 9500 },
      { slot: 37, units: full, receivedS: 300, expiryS: 7000 },
      { slot: 49, units: half, receivedS: 250, expiryS: 9900 },
    ];
    sku.reserveUnits = sku.reserve.reduce((a, p) => a + p.units, 0);
    sku.faceUnits = 0;
    sku.faceIncoming = 0;
    for (const check of world.listeners.faceNeeded) check(sku);
    expect(sku.reserve).toHaveLength(4);
    const left = new Set(sku.reserve.map((p) => p.slot));
    return slots.find((s) => !left.has(s))!;
  }

  it("fifo takes the oldest, lifo the newest, fefo the earliest expiry, closest the nearest, fewestLocations the smallest", () => {
    expect(taken("fifo")).toBe(13);
    expect(taken("lifo")).toBe(25);
    expect(taken("fefo")).toBe(37);
    expect(taken("closest")).toBe(1);
    expect(taken("fewestLocations")).toBe(49);
  });

  it("fefo runs with shelf lives and conserves; without them it is an input error on storage.removal", () => {
    const r = simulate(
      scenario(
        { removal: "fefo", initialStockDays: 2 },
        { skus: { count: 40, palletLoadCubeM3: 0.3, shelfLifeDays: 60 } },
      ),
    );
    expect(r.conservation.ok).toBe(true);
    const issues = issuesOf(() => createWorld(scenario({ removal: "fefo" })));
    expect(issues[0].path).toBe("storage.removal");
    expect(issues[0].expected).toContain("shelfLifeDays");
  });

  it("fefo without shelf lives stops whsim validate and run before any replication: exit 2 naming the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whsim-rules-"));
    const file = join(dir, "fefo.json");
    const spec = JSON.parse(JSON.stringify(scenario({ removal: "fefo" })));
    writeFileSync(file, JSON.stringify({ ...spec, layoutFile: undefined }));
    for (const command of [
      ["validate", file],
      ["run", file, "--out", join(dir, "out")],
    ]) {
      let err = "";
      const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: any) => {
        err += String(chunk);
        return true;
      });
      try {
        expect(await main(["node", "whsim", ...command])).toBe(2);
      } finally {
        spy.mockRestore();
        process.exitCode = undefined;
      }
      expect(err).toContain(`${file}: storage.removal: "fefo"`);
      expect(err).toContain("shelfLifeDays");
      expect(err).not.toMatch(/replication| {4}at /);
    }
    expect(existsSync(join(dir, "out"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const removal of ["lifo", "closest", "fewestLocations"]) {
    it(`storage.removal: ${removal} runs five days and conserves`, () => {
      expect(simulate(scenario({ removal, initialStockDays: 2 })).conservation.ok).toBe(true);
    });
  }
});
