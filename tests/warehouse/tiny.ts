/** A tiny hand-checkable warehouse for tests: one aisle, explicit places, every worker on all day. */
import { loadScenario, type Scenario } from "../../src/scenario/index.ts";

const allDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Deep merge of plain objects (arrays and scalars replace). */
function merge(base: any, over: any): any {
  if (over === undefined) return base;
  if (typeof base !== "object" || base === null || Array.isArray(base)) return over;
  if (typeof over !== "object" || over === null || Array.isArray(over)) return over;
  const out: any = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

/**
 * The tiny warehouse: aisle A1 from (0,0) to (0,20); pick face L1 reached at (0,10) and
 * L2 at (0,12) (forward), reserve R1 at (0,15); P&D point, pack station and both doors at
 * (0,0). Walking 1 m/s, no equipment, one worker per role on a 24 h shift; motion at
 * constant speed (no acceleration, no turn time).
 */
/** Aisle A1 from (0,0) to (0,20) with the given properties (narrow, widthM, oneWay, …). */
export function tinyAisle(props: Record<string, unknown> = {}) {
  return {
    id: "A1",
    points: [
      [0, 0],
      [0, 20],
    ],
    ...props,
  };
}

/** A pick face of 2 m³ (200 units of 0.01 m³), within its 1000 kg. */
const faceCapacity = { cubeM3: 2, weightKg: 1000, unitLoads: 1 };

export function tinyScenario(overrides: Record<string, unknown> = {}): Scenario {
  const base = {
    name: "tiny",
    horizonDays: 1,
    warmupDays: 0,
    seed: 7,
    replications: 1,
    layout: {
      generator: "explicit",
      name: "tiny",
      widthM: 20,
      depthM: 20,
      zones: [
        { id: "F", kind: "forward" },
        { id: "R", kind: "reserve" },
      ],
      aisles: [tinyAisle({ narrow: true })],
      locations: [
        { id: "L1", x: 1, y: 10, zone: "F", aisle: "A1", capacity: faceCapacity },
        { id: "L2", x: 1, y: 12, zone: "F", aisle: "A1", capacity: faceCapacity },
        { id: "R1", x: 1, y: 15, zone: "R", aisle: "A1" },
      ],
      docks: [
        { id: "IN", kind: "inbound", x: 0, y: 0 },
        { id: "OUT", kind: "outbound", x: 0, y: 0 },
      ],
      packStations: [{ id: "P1", x: 0, y: 0 }],
      pdPoints: [{ id: "PD", x: 0, y: 0 }],
    },
    skus: {
      count: 1,
      unitCubeM3: { dist: "constant", value: 0.01 },
      unitsPerCase: { dist: "constant", value: 1 },
      palletLoadCubeM3: 1.2,
    },
    inbound: {
      suppliers: [
        { name: "s", arrivals: { mode: "random", delayS: { dist: "constant", value: 0 } } },
      ],
      dockingS: 300,
      unloadSPerPallet: { dist: "constant", value: 60 },
      checkSPerPallet: { dist: "constant", value: 30 },
    },
    outbound: {
      ordersPerDay: 0,
      picking: {
        method: "single",
        routing: "optimal",
        setupS: 30,
        timePerLineS: 10,
        timePerUnitS: 3,
      },
      packing: { baseS: 45, perItemS: 6 },
      carriers: [
        { name: "c", departures: ["12:00"], days: allDays, cutoffMin: 60, loadSPerOrder: 20 },
      ],
    },
    // Faces hold 1.5 pallets (180 units): 2 m³ of 0.01 m³ units, capped at 1.5 pallets.
    storage: { initialStockDays: 0, faceCapacityPallets: 1.5 },
    // Every pallet pick-up and set-down takes 20 s, wherever it is.
    timeStandards: {
      palletPickUpS: { pallet: 20, shelf: 20, flow: 20, floor: 20, staging: 20, dock: 20 },
      palletSetDownS: { pallet: 20, shelf: 20, flow: 20, floor: 20, staging: 20, dock: 20 },
      // Packing is its base and per-item time alone; loading does not wrap.
      cartonErectS: 0,
      labelS: 0,
      scanS: 0,
      wrapS: 0,
    },
    workforce: {
      shifts: { all: { start: "00:00", end: "00:00", days: allDays } },
      roles: Object.fromEntries(
        ["receiver", "putaway", "replenisher", "picker", "packer", "loader"].map((r) => [
          r,
          { crews: [{ shift: "all", headcount: 1 }], speedMps: 1 },
        ]),
      ),
    },
    equipment: {
      // Constant speeds, no turns: the hand-computed times are distance over speed.
      pools: {
        reachTruck: {
          count: 1,
          speedMps: 2,
          loadedSpeedMps: 1.5,
          accelMps2: 0,
          decelMps2: 0,
          turnS: 0,
        },
      },
      walking: { accelMps2: 0, decelMps2: 0, turnS: 0 },
      tasks: {
        unload: "none",
        putaway: "reachTruck",
        replenish: "reachTruck",
        pick: "none",
        load: "none",
      },
    },
  };
  return loadScenario(JSON.stringify(merge(base, overrides)), "tiny.json");
}
