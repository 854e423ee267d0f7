/**
 * Outbound doors and trailers in whole runs: a trailer holds a door from docking to
 * undocking and no door ever holds two trailers (nor more trailers than doors dock at once);
 * a trailer never leaves with more pallets or weight than its carrier's trailer takes, and
 * what does not fit leaves on a later trailer (every order still ships or stays open).
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.ts";
import { simulate } from "../../src/warehouse/index.ts";

function run(outbound: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const trace: any[] = [];
  const result = simulate(
    loadScenario(
      JSON.stringify({
        name: "doors",
        horizonDays: 2,
        warmupDays: 0.5,
        seed: 11,
        layout: {
          generator: "traditional",
          name: "doors",
          aisles: 6,
          baysPerAisle: 10,
          levels: 3,
          packStations: 4,
          docks: { inbound: 1, outbound: 1 },
        },
        skus: { count: 60 },
        outbound: { ordersPerDay: 600, ...outbound },
        workforce: {
          roles: {
            packer: { crews: [{ shift: "day", headcount: 3 }] },
            loader: { crews: [{ shift: "day", headcount: 2 }] },
          },
        },
        ...extra,
      }),
      "doors.json",
    ),
    { trace: (r) => trace.push(r) },
  );
  return { result, trace };
}

describe("outbound doors", () => {
  it("two carriers share one door: never two trailers at it, and it is used", () => {
    const { result, trace } = run({
      carriers: [
        { name: "a", departures: ["12:00", "17:00"], ordersPerTrip: 4 },
        { name: "b", departures: ["13:00", "18:00"], ordersPerTrip: 4 },
      ],
      doors: { dockS: 600, undockS: 300 },
    });
    const holder = new Map<string, string | null>();
    let occupied = 0;
    let most = 0;
    for (const r of trace) {
      if (r.kind !== "door" || r.flow !== "outbound") continue;
      const before = holder.get(r.door) ?? null;
      // A door is taken only when free and freed only when taken.
      if (r.trailer !== null) expect(before).toBeNull();
      else expect(before).not.toBeNull();
      holder.set(r.door, r.trailer);
      occupied += r.trailer !== null ? 1 : -1;
      most = Math.max(most, occupied);
    }
    expect(most).toBe(1);
    const departed = trace.filter((r) => r.kind === "trailer" && r.event === "departed");
    expect(new Set(departed.map((r) => r.carrier))).toEqual(new Set(["a", "b"]));
    // Door time covers docking and undocking at least.
    expect(result.kpis.outboundDoorTimeS).toBeGreaterThan(900);
    expect(result.conservation.ok).toBe(true);
  });
});

describe("outbound trailers", () => {
  it("a trailer never carries more pallets or kg than its capacity; the rest waits", () => {
    const { result, trace } = run(
      {
        // About 100 kg an order, 230 kg a pallet of two.
        ordersPerDay: 150,
        unitsPerLine: { dist: "constant", value: 15 },
        carriers: [
          {
            name: "small",
            departures: ["12:00", "19:00"],
            ordersPerTrip: 2,
            trailerPallets: 3,
            trailerKg: 500,
          },
        ],
      },
      { storage: { initialStockDays: 3 } },
    );
    const departed = trace.filter((r) => r.kind === "trailer" && r.event === "departed");
    expect(departed.length).toBeGreaterThan(10);
    for (const r of departed) {
      expect(r.pallets).toBeLessThanOrEqual(3);
      // Only an order heavier than the whole payload may exceed it, alone on its trailer.
      if (!(r.pallets === 1 && r.orders === 1)) expect(r.kg).toBeLessThanOrEqual(500);
    }
    // Both limits bind: some trailers leave with all three places used, some full by weight.
    expect(departed.some((r) => r.pallets === 3)).toBe(true);
    expect(departed.some((r) => r.pallets < 3 && r.kg > 250)).toBe(true);
    expect(result.kpis.trailerFillShare).toBeGreaterThan(0);
    expect(result.kpis.trailerFillShare).toBeLessThanOrEqual(1);
    expect(result.conservation.ok).toBe(true);
  });
});

/** One carrier and one inbound delivery of three pallets (run once, shared). */
let traced: any[] | undefined;
function tracedRun(): any[] {
  const pallets = [1, 2, 3].map((sku) => ({ sku, units: 40 }));
  traced ??= run(
    { carriers: [{ name: "a", departures: ["12:00", "17:00"], ordersPerTrip: 4 }] },
    { inbound: { deliveries: [{ timeS: 30_000, pallets }] } },
  ).trace;
  return traced;
}

describe("trailer loads in the trace", () => {
  it("load records count pallets on each trailer while it holds its door", () => {
    const trace = tracedRun();
    const holder = new Map<string, string | null>();
    const onBoard = new Map<string, number>();
    const places = new Map<string, number>();
    for (const r of trace) {
      if (r.kind === "door") holder.set(r.door, r.trailer);
      if (r.kind === "trailer" && r.event === "docking") places.set(r.id, r.palletPlaces);
      if (r.kind === "trailer" && r.event === "departed")
        expect(onBoard.get(r.id) ?? 0).toBe(r.pallets);
      if (r.kind !== "load") continue;
      // The trailer holds the door the record names, and the count moves one pallet at a
      // time: up as loaders load an outbound trailer, down as receivers unload an inbound one.
      expect(holder.get(r.door)).toBe(r.trailer);
      const before = onBoard.get(r.trailer);
      const outbound = r.trailer.startsWith("out-");
      if (outbound) {
        expect(r.pallets).toBe((before ?? 0) + 1);
        expect(r.palletPlaces).toBe(places.get(r.trailer));
      } else if (before !== undefined) expect(r.pallets).toBe(before - 1);
      expect(r.pallets).toBeLessThanOrEqual(r.palletPlaces);
      onBoard.set(r.trailer, r.pallets);
    }
    const inbound = [...onBoard].filter(([id]) => id.startsWith("in-"));
    const outbound = [...onBoard].filter(([id]) => id.startsWith("out-"));
    expect(inbound.length).toBeGreaterThan(0);
    expect(outbound.length).toBeGreaterThan(0);
    // An inbound trailer leaves its door empty.
    const freed = new Set(
      trace.filter((r) => r.kind === "door" && r.trailer === null && r.flow === "inbound"),
    );
    expect(freed.size).toBeGreaterThan(0);
    for (const [id, n] of inbound) {
      const stillDocked = [...holder.values()].includes(id);
      if (!stillDocked) expect(n, id).toBe(0);
    }
  });

  it("station records alternate a packer and null at each pack station", () => {
    const trace = tracedRun();
    const holder = new Map<string, string | null>();
    let records = 0;
    let busy = 0;
    for (const r of trace) {
      if (r.kind !== "station") continue;
      records++;
      busy += r.worker !== null ? 1 : -1;
      // Three packers hold at most three stations at once.
      expect(busy).toBeLessThanOrEqual(3);
      const before = holder.get(r.station) ?? null;
      if (r.worker !== null) {
        expect(before).toBeNull();
        expect(r.worker).toMatch(/^packer-/);
      } else expect(before).not.toBeNull();
      holder.set(r.station, r.worker);
    }
    expect(records).toBeGreaterThan(10);
    // Stations of the layout (PACK1–PACK4) only.
    for (const id of holder.keys()) expect(["PACK1", "PACK2", "PACK3", "PACK4"]).toContain(id);
  });
});
