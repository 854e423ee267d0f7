/**
 * Picker blocking against the published direction of the effects. One picking aisle of
 * 20 faces, 2 m apart, that the pickers run through one way and leave round a wide loop
 * (the circular aisle of Gue, Meller & Skufca 2006); single-order tours that stop at each
 * face with probability `density` (one line of one unit, a fixed pick time), pickers always
 * busy (every order waits from the start). Blocking is the pickers' waiting for an aisle or
 * a pick face, as a share of their working (not idle) time.
 *
 * - Narrow aisle (no passing): blocking against pick density (the share of faces a tour
 *   stops at) at pick:walk 1:1 — it falls as the density rises towards 1.
 * - Wide aisle (passing allowed, one picker per face): blocking against the number of
 *   pickers and the pick:walk time ratio (Parikh & Meller 2009) — it rises with both.
 *
 * Means over replications with 95 % half-widths.
 *
 *   npx tsx bench/blocking.ts [replications]
 */
import { confidenceInterval, createStream } from "../src/engine/index.ts";
import { loadScenario } from "../src/scenario/index.ts";
import { simulate } from "../src/warehouse/index.ts";

const FACES = 20;
const SPACING_M = 2;
const WALK_MPS = 1;
const replications = Number(process.argv[2] ?? 5);
const allDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

interface Case {
  narrow: boolean;
  pickers: number;
  /** Chance that a tour stops at a face (at least one stop per tour). */
  density: number;
  /** Pick time per line over the walk time past one face. */
  pickToWalk: number;
}

/** The loop layout: aisle A1 up the faces, cross aisle C1 back down to the depot. */
function loopLayout(narrow: boolean) {
  const lengthM = (FACES + 1) * SPACING_M;
  const faces = Array.from({ length: FACES }, (_, i) => ({
    id: `F${i + 1}`,
    x: 1,
    y: (i + 1) * SPACING_M,
    zone: "F",
    aisle: "A1",
  }));
  const reserve = faces.map((f, i) => ({ ...f, id: `R${i + 1}`, x: -1, zone: "R" }));
  return {
    generator: "explicit",
    name: "loop",
    widthM: 10,
    depthM: lengthM + 2,
    zones: [
      { id: "F", kind: "forward" },
      { id: "R", kind: "reserve" },
    ],
    aisles: [
      {
        id: "A1",
        points: [
          [0, 0],
          [0, lengthM],
        ],
        oneWay: true,
        narrow,
        widthM: 3,
      },
    ],
    crossAisles: [
      {
        id: "C1",
        points: [
          [0, lengthM],
          [5, lengthM],
          [5, 0],
          [0, 0],
        ],
        widthM: 3,
      },
    ],
    locations: [...faces, ...reserve],
    docks: [
      { id: "IN", kind: "inbound", x: 0, y: 0 },
      { id: "OUT", kind: "outbound", x: 0, y: 0 },
    ],
    packStations: Array.from({ length: 10 }, (_, i) => ({ id: `P${i + 1}`, x: 0, y: 0 })),
    pdPoints: [{ id: "PD", x: 0, y: 0 }],
  };
}

/**
 * Orders, all at the start: each face picked with probability `c.density`, one unit; a
 * replication draws its own orders (the only randomness: walking and picking are fixed).
 */
function orderList(c: Case, replication: number) {
  const stream = createStream(11, `orders-${c.density}`, replication);
  return Array.from({ length: c.pickers * 1500 }, () => {
    const lines = [];
    for (let sku = 1; sku <= FACES; sku++)
      if (stream.next() < c.density) lines.push({ sku, qty: 1 });
    if (lines.length === 0) lines.push({ sku: stream.integer(1, FACES), qty: 1 });
    return { timeS: 0, lines };
  });
}

function scenarioOf(c: Case, replication: number) {
  const crew = (headcount: number) => ({
    crews: [{ shift: "all", headcount }],
    speedMps: WALK_MPS,
  });
  return loadScenario(
    JSON.stringify({
      name: "blocking",
      horizonDays: 1,
      warmupDays: 0,
      seed: 11,
      replications,
      layout: loopLayout(c.narrow),
      skus: {
        count: FACES,
        unitCubeM3: { dist: "constant", value: 0.00001 },
        palletLoadCubeM3: 1.2,
      },
      inbound: {
        suppliers: [
          { name: "s", arrivals: { mode: "random", delayS: { dist: "constant", value: 0 } } },
        ],
      },
      outbound: {
        ordersPerDay: 0,
        orderList: orderList(c, replication),
        picking: {
          method: "single",
          routing: "optimal",
          setupS: 0,
          timePerLineS: c.pickToWalk * (SPACING_M / WALK_MPS),
          timePerUnitS: 0,
        },
        carriers: [{ name: "c", departures: ["23:59"], days: allDays, cutoffMin: 1 }],
      },
      storage: { initialStockDays: 1 },
      workforce: {
        shifts: { all: { start: "00:00", end: "00:00", days: allDays } },
        roles: {
          receiver: crew(1),
          putaway: crew(1),
          replenisher: crew(1),
          picker: crew(c.pickers),
          packer: crew(10),
          loader: crew(1),
        },
      },
      equipment: {
        pools: {},
        walking: { accelMps2: 0, decelMps2: 0, turnS: 0 },
        tasks: { unload: "none", putaway: "none", replenish: "none", pick: "none", load: "none" },
        traffic: { passingSlowdown: 0 },
      },
    }),
    "blocking.json",
  );
}

/** Blocking share of picker time per replication: waiting for an aisle or a face. */
function blockingShares(c: Case): number[] {
  return Array.from({ length: replications }, (_, replication) => {
    const shares =
      simulate(scenarioOf(c, replication), { replication }).breakdown.worker.picker ?? {};
    const blocked = (shares["waiting.aisle"] ?? 0) + (shares["waiting.pickFace"] ?? 0);
    return blocked / (1 - (shares.idle ?? 0));
  });
}

function row(label: string, c: Case): string {
  const { mean, halfWidth } = confidenceInterval(blockingShares(c));
  return `| ${label} | ${(100 * mean).toFixed(2)} % ± ${(100 * halfWidth).toFixed(2)} |`;
}

function narrowTable(): void {
  console.log("\nNarrow aisle, one way, pick:walk 1:1 — blocking against pick density");
  for (const pickers of [2, 5]) {
    console.log(`\n| pickers ${pickers}: pick density | blocking (share of working time) |`);
    console.log("|---|---|");
    for (const density of [0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
      console.log(row(`${density}`, { narrow: true, pickers, density, pickToWalk: 1 }));
    }
  }
}

function wideTable(): void {
  console.log("\nWide aisle, pick density 0.25 — blocking against pickers and pick:walk");
  console.log("\n| pickers, pick:walk | blocking (share of working time) |");
  console.log("|---|---|");
  for (const pickToWalk of [1, 5, 10]) {
    for (const pickers of [2, 5, 10]) {
      const c = { narrow: false, pickers, density: 0.25, pickToWalk };
      console.log(row(`${pickers}, ${pickToWalk}:1`, c));
    }
  }
}

console.log(`bench/blocking.ts: ${FACES} faces, ${replications} replications of one day each`);
narrowTable();
wideTable();
