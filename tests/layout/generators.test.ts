import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { avgSingleCommandDistanceM, layoutStats } from "../../src/layout/layoutStats.ts";
import { buildLayout, loadLayout } from "../../src/layout/loadLayout.ts";
import type { LayoutSpecInput } from "../../src/layout/spec.ts";
import { createTravelModel } from "../../src/layout/travelModel.ts";

const loaded = new Map<string, ReturnType<typeof loadLayout>>();
/** Loads a shipped layout once per test file. */
const load = (name: string) => {
  let layout = loaded.get(name);
  if (!layout) {
    layout = loadLayout(readFileSync(`layouts/${name}`, "utf8"), name);
    loaded.set(name, layout);
  }
  return layout;
};

describe("buildLayout({ generator: 'traditional' })", () => {
  const layout = buildLayout({
    generator: "traditional",
    name: "t",
    aisles: 3,
    baysPerAisle: 4,
    levels: 2,
    docks: { inbound: 0, outbound: 0 },
  });

  it("places 3 aisles × 2 sides × 4 bays × 2 levels × 2 slots = 96 locations", () => {
    expect(layout.locations).toHaveLength(96);
    expect(new Set(layout.locations.map((l) => l.id)).size).toBe(96);
  });

  it("spaces aisles by aisle width + two rack depths and puts access points on the centre line", () => {
    const xs = layout.aisles.map((a) => a.points[0][0]);
    [2.6, 7.8, 13].forEach((x, i) => {
      expect(xs[i]).toBeCloseTo(x, 9);
    });
    for (const l of layout.locations) {
      const aisle = layout.aisles.find((a) => a.id === l.aisle)!;
      expect(l.access.x).toBe(aisle.points[0][0]);
      expect(Math.abs(l.x - l.access.x)).toBeCloseTo(1.5 + 0.55, 9);
      expect(l.access.positionM).toBeCloseTo(l.access.y - aisle.points[0][1], 9);
      expect(l.heightM).toBeCloseTo((l.level - 1) * 1.5, 9);
    }
  });

  it("adds k middle cross aisles and records the pick grid", () => {
    const t = buildLayout({
      generator: "traditional",
      name: "t",
      aisles: 4,
      baysPerAisle: 9,
      crossAisles: 2,
    });
    expect(t.crossAisles.filter((a) => a.id.startsWith("X-middle"))).toHaveLength(2);
    expect(t.pickGrid?.middleYsM).toHaveLength(2);
    expect(t.pickGrid?.aisles).toEqual(["A01", "A02", "A03", "A04"]);
  });

  it("puts arrival doors on the front (U), back (I) or left wall (L)", () => {
    for (const [flow, check] of [
      ["U", (d: { x: number; y: number }) => d.y === 0],
      ["I", (d: { x: number; y: number }, depth: number) => d.y === depth],
      ["L", (d: { x: number; y: number }) => d.x === 0],
    ] as const) {
      const t = buildLayout({
        generator: "traditional",
        name: flow,
        aisles: 6,
        baysPerAisle: 10,
        docks: { flow, inbound: 2, outbound: 2 },
      });
      const inbound = t.docks.filter((d) => d.kind === "inbound");
      expect(inbound).toHaveLength(2);
      for (const d of inbound) expect(check(d, t.depthM)).toBe(true);
      for (const d of t.docks.filter((x) => x.kind === "outbound")) expect(d.y).toBe(0);
      expect(t.stagingLanes).toHaveLength(4);
    }
  });

  it("builds a forward pick area of shelving in the first aisles", () => {
    const t = load("default.yaml");
    const stats = layoutStats(t, createTravelModel(t));
    expect(Object.keys(stats.byZone).sort()).toEqual([
      "forward",
      "quarantine",
      "reserve",
      "returns",
    ]);
    expect(stats.byZone.returns.locations).toBe(8);
    expect(stats.byZone.quarantine.locations).toBe(4);
    expect(stats.byType.shelf.locations).toBe(3 * 2 * 24 * 5 * 4);
    expect(stats.byType.pallet.locations).toBe(9 * 2 * 24 * 4 * 2);
    expect(stats.packStations).toBe(6);
    expect(stats.docks).toEqual({ inbound: 3, outbound: 3 });
  });
});

describe("Gue & Meller aisle designs at equal storage, one central P&D point", () => {
  const traditional = load("traditional.yaml");
  const base = avgSingleCommandDistanceM(createTravelModel(traditional));
  const floor = (l: typeof traditional) => l.locations.filter((x) => x.level === 1).length;

  it("fishbone cuts expected single-command travel by 15–22 %", () => {
    const fishbone = load("fishbone.yaml");
    expect(floor(fishbone)).toBeGreaterThanOrEqual(floor(traditional));
    expect(floor(fishbone)).toBeLessThanOrEqual(floor(traditional) * 1.01);
    const gain = 1 - avgSingleCommandDistanceM(createTravelModel(fishbone)) / base;
    expect(gain).toBeGreaterThanOrEqual(0.15);
    expect(gain).toBeLessThanOrEqual(0.22);
  });

  it("flying-V cuts expected single-command travel by 8–15 %", () => {
    const flyingV = load("flying-v.yaml");
    expect(floor(flyingV)).toBeGreaterThanOrEqual(floor(traditional));
    expect(floor(flyingV)).toBeLessThanOrEqual(floor(traditional) * 1.01);
    const gain = 1 - avgSingleCommandDistanceM(createTravelModel(flyingV)) / base;
    expect(gain).toBeGreaterThanOrEqual(0.08);
    expect(gain).toBeLessThanOrEqual(0.15);
  });

  it("fishbone and flying-V racks stay inside the building and off the diagonal cross aisles", () => {
    for (const name of ["fishbone.yaml", "flying-v.yaml"]) {
      const l = load(name);
      const travel = createTravelModel(l);
      for (const r of l.racks) {
        for (const [x, y] of r.corners) {
          expect(x).toBeGreaterThanOrEqual(-1e-6);
          expect(x).toBeLessThanOrEqual(l.widthM + 1e-6);
          expect(y).toBeGreaterThanOrEqual(-1e-6);
          expect(y).toBeLessThanOrEqual(l.depthM + 1e-6);
        }
      }
      const positions = new Set(
        l.locations.filter((x) => x.level === 1).map((x) => `${x.x.toFixed(3)},${x.y.toFixed(3)}`),
      );
      expect(positions.size).toBe(floor(l));
      for (const loc of l.locations.filter((x) => x.level === 1)) {
        expect(Number.isFinite(travel.distanceM("PD", loc.id))).toBe(true);
      }
    }
  });
});

describe("aisle designs with docks and a forward area", () => {
  const cases = (["fishbone", "flyingV"] as const).flatMap((generator) =>
    (["U", "I", "L"] as const).map((flow) => ({ generator, flow })),
  );
  it.each(cases)(
    "$generator $flow-flow: doors, lanes and forward bays reachable",
    ({ generator, flow }) => {
      const layout = buildLayout({
        generator,
        name: "d",
        storageSlots: 300,
        packStations: 2,
        forward: { bays: 12 },
        docks: { flow, inbound: 2, outbound: 3, stagingLanesPerDoor: 2 },
      } as LayoutSpecInput);
      // Storage by type: 300 floor positions × 4 levels of pallets, 12 bays × 5 levels × 4 slots.
      const byType = new Map<string, number>();
      for (const l of layout.locations) byType.set(l.type, (byType.get(l.type) ?? 0) + 1);
      expect(byType.get("shelf")).toBe(12 * 5 * 4);
      expect(byType.get("pallet")).toBeGreaterThanOrEqual(1200);
      expect(byType.get("pallet")).toBeLessThan(1200 + 2 * 4 * 4);
      expect(layout.docks.filter((d) => d.kind === "inbound")).toHaveLength(2);
      expect(layout.docks.filter((d) => d.kind === "outbound")).toHaveLength(3);
      expect(layout.stagingLanes).toHaveLength(10);
      const wall = (d: { x: number; y: number }) =>
        d.y === 0 ? "front" : d.x === 0 ? "left" : d.y === layout.depthM ? "back" : "inside";
      const inboundWall = { U: "front", I: "back", L: "left" }[flow];
      for (const d of layout.docks)
        expect(wall(d)).toBe(d.kind === "inbound" ? inboundWall : "front");
      const travel = createTravelModel(layout);
      const places = [...layout.docks, ...layout.stagingLanes, ...layout.packStations];
      for (const l of layout.locations.filter((_, i) => i % 7 === 0))
        for (const p of places) expect(Number.isFinite(travel.distanceM(l.id, p.id))).toBe(true);
      // The forward bays are the nearest the P&D point.
      const fromPd = (zone: string) => {
        const ls = layout.locations.filter((l) => l.zone === zone);
        return ls.reduce((s, l) => s + travel.distanceM(l.id, "PD"), 0) / ls.length;
      };
      expect(fromPd("forward")).toBeLessThan(fromPd("reserve") / 2);
      for (const r of layout.racks)
        for (const [x, y] of r.corners) {
          expect(x).toBeGreaterThanOrEqual(-1e-9);
          expect(y).toBeGreaterThan(layout.stagingLanes[0].rect.depthM);
          expect(x).toBeLessThanOrEqual(layout.widthM + 1e-9);
        }
    },
  );
});

describe("layouts/*.yaml", () => {
  const files = readdirSync("layouts").filter((f) => f.endsWith(".yaml"));
  it("ships at least six layouts, including default.yaml", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(files).toContain("default.yaml");
  });
  it.each(files)("%s builds, every location reachable, and survives a JSON round trip", (file) => {
    const layout = load(file);
    expect(layout.locations.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
    const d = avgSingleCommandDistanceM(createTravelModel(layout));
    expect(Number.isFinite(d)).toBe(true);
    expect(d).toBeGreaterThan(0);
  });
});
