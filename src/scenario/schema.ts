/**
 * The scenario schema: everything a warehouse run needs (horizon, layout, SKUs and demand,
 * inbound, outbound, storage rules, workforce, equipment, costs), with every default
 * documented in `.describe()` so `docs/scenarios.md` and the JSON Schema agree with the code.
 */
import { z } from "zod";
import { type PutawayRuleName, putawayRules } from "../inventory/putaway/index.ts";
import { type RemovalRuleName, removalRules } from "../inventory/removal/index.ts";
import {
  EQUIPPED_TASKS,
  type EquippedTask,
  MOTION_FIELDS,
  type Motion,
} from "../layout/equipment/equipmentKind.ts";
import { EQUIPMENT_KINDS, type EquipmentKind } from "../layout/equipment/registry.ts";
import { type RoutingPolicy, routingPolicies } from "../layout/routing/types.ts";
import { layoutSpecSchema } from "../layout/spec.ts";
import { orderDataFields, skuDataFields } from "./csvSchema.ts";
import { constant, distSpec } from "./distSpec.ts";
import { DAY_S, HORIZON_MAX_DAYS, HORIZON_MAX_S, MAX_SKUS, MAX_UNITS } from "./limits.ts";
import { operationsSchema } from "./operationsSchema.ts";
import { slottingSchema } from "./slottingSchema.ts";

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day HH:MM")
  .describe("A time of day, HH:MM (24 h)");

/** Day names, Monday first; the simulation starts on a Monday at 00:00. */
export const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const day = z.enum(DAY_NAMES);
const weekdays = [...DAY_NAMES.slice(0, 5)] as (typeof DAY_NAMES)[number][];

/** The roles workers play: the core flow, then counters and returns clerks (operations). */
export const ROLES = [
  "receiver",
  "putaway",
  "replenisher",
  "picker",
  "packer",
  "loader",
  "counter",
  "returnsClerk",
] as const;
export { EQUIPMENT_KINDS, EQUIPPED_TASKS, type EquipmentKind, type EquippedTask };
export type Role = (typeof ROLES)[number];

const skusSchema = z
  .strictObject({
    count: z
      .number()
      .int()
      .min(1)
      .max(MAX_SKUS)
      .default(500)
      .describe("Number of SKUs (default 500)"),
    popularity: z
      .strictObject({
        topSkuShare: z
          .number()
          .gt(0)
          .lt(1)
          .default(0.2)
          .describe(
            "Share of SKUs (the most popular) that receive `lineShare` of the lines (default 0.2)",
          ),
        lineShare: z
          .number()
          .gt(0)
          .lt(1)
          .default(0.8)
          .describe("Share of order lines those SKUs receive (default 0.8): 20/80"),
      })
      .prefault({})
      .describe(
        "SKU popularity skew on Bender's ABC curve G(x) = (1+A)x/(A+x) through (topSkuShare, lineShare); lineShare <= topSkuShare means uniform",
      ),
    unitCubeM3: distSpec({ min: 1e-6, max: 10 })
      .default({ dist: "uniform", min: 0.002, max: 0.02 })
      .describe("Volume of one unit in m³ (default uniform 0.002–0.02)"),
    unitsPerCase: distSpec({ min: 1, max: MAX_UNITS })
      .default({ dist: "constant", value: 6 })
      .describe(
        "Units in one case (the outer carton), drawn per SKU on the stream `skus.cases` and rounded to a whole number >= 1; a case's cube is unitsPerCase × unitCubeM3 (default 6)",
      ),
    palletLoadCubeM3: z
      .number()
      .positive()
      .max(10)
      .default(1.2)
      .describe(
        "Goods on one pallet, m³: units per pallet = floor(palletLoadCubeM3 / unitCubeM3), at least 1 (default 1.2)",
      ),
    densityKgPerM3: z
      .number()
      .positive()
      .max(20_000)
      .default(250)
      .describe("Goods density, kg/m³, giving unit weights (default 250)"),
    shelfLifeDays: z
      .number()
      .positive()
      .max(36_500)
      .optional()
      .describe(
        "Shelf life from receipt, days, of every SKU without its own (sets pallet expiry for `storage.removal: fefo`; default none)",
      ),
    ...skuDataFields,
  })
  .prefault({})
  .describe("Generated SKU master: every SKU's attributes drawn from these distributions");

const supplierSchema = z
  .strictObject({
    name: z.string().min(1).describe("Supplier name"),
    skuShare: z
      .number()
      .gt(0)
      .max(1e6)
      .default(1)
      .describe("Relative share of SKUs this supplier delivers (default 1)"),
    leadTimeDays: z
      .number()
      .min(0)
      .max(365)
      .default(2)
      .describe("Days from a reorder to delivery (default 2)"),
    arrivals: z
      .discriminatedUnion("mode", [
        z.strictObject({
          mode: z.literal("timetable"),
          times: z
            .array(clock)
            .min(1)
            .max(288)
            .default(["08:00"])
            .describe("Daily delivery slots (default 08:00)"),
          days: z
            .array(day)
            .min(1)
            .max(7)
            .default(weekdays)
            .describe("Delivery days (default mon–fri)"),
        }),
        z.strictObject({
          mode: z.literal("random"),
          delayS: distSpec({ min: 0, max: 30 * DAY_S })
            .default({ dist: "exponential", mean: 3600 })
            .describe("Delay after the due time, seconds (default exponential, mean 1 h)"),
        }),
      ])
      .default({ mode: "timetable", times: ["08:00"], days: weekdays })
      .describe(
        "How trailers arrive: `timetable` (orders due ride the next slot) or `random` (due time plus a random delay)",
      ),
    maxPalletsPerTrailer: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(26)
      .describe("Pallets per trailer; larger deliveries need more trailers (default 26)"),
  })
  .describe("A supplier: which SKUs, lead time and trailer arrivals");

const inboundSchema = z
  .strictObject({
    suppliers: z
      .array(supplierSchema)
      .min(1)
      .max(1000)
      .default([
        {
          name: "main",
          skuShare: 1,
          leadTimeDays: 2,
          arrivals: { mode: "timetable", times: ["08:00"], days: weekdays },
          maxPalletsPerTrailer: 26,
        },
      ])
      .describe("Suppliers (default one supplier `main`, 2 days lead time, daily 08:00 slot)"),
    deliveries: z
      .array(
        z.strictObject({
          timeS: z
            .number()
            .min(0)
            .max(HORIZON_MAX_S)
            .describe("Arrival time, s from the start (Monday 00:00)"),
          supplier: z
            .string()
            .min(1)
            .optional()
            .describe("Supplier name (default the first supplier)"),
          pallets: z
            .array(
              z.strictObject({
                sku: z
                  .number()
                  .int()
                  .min(1)
                  .max(MAX_SKUS)
                  .describe("SKU by popularity rank, 1 = most popular"),
                units: z.number().int().min(1).max(MAX_UNITS).describe("Units on the pallet"),
              }),
            )
            .min(1)
            .max(1000),
        }),
      )
      .default([])
      .describe("Scheduled trailers (advance shipping notices) beside the reorders (default none)"),
    dockingS: z
      .number()
      .min(0)
      .max(DAY_S)
      .default(300)
      .describe("Time to dock and open a trailer, s (default 300)"),
    stagingPalletsPerDoor: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(52)
      .describe(
        "Pallet places of the staging area at each arrival door where checked pallets wait; a full area stops unloading (default 52, two trailer loads)",
      ),
    unloadSPerPallet: distSpec({ min: 0, max: 3600 })
      .default(constant(60))
      .describe("Unloading one pallet, s (default 60)"),
    checkSPerPallet: distSpec({ min: 0, max: 3600 })
      .default(constant(30))
      .describe("Checking (counting) one pallet, s (default 30)"),
  })
  .prefault({})
  .describe("Arrival bay: suppliers, trailers, unloading and checking");

const carrierSchema = z
  .strictObject({
    name: z.string().min(1).describe("Carrier name"),
    share: z.number().gt(0).max(1e6).default(1).describe("Relative share of orders (default 1)"),
    departures: z.array(clock).min(1).max(288).describe("Daily departure times"),
    days: z
      .array(day)
      .min(1)
      .max(7)
      .default(weekdays)
      .describe("Days with departures (default mon–fri)"),
    cutoffMin: z
      .number()
      .min(0)
      .max(1440)
      .default(60)
      .describe("Orders must be staged this many minutes before departure (default 60)"),
    loadSPerOrder: z
      .number()
      .min(0)
      .max(3600)
      .default(20)
      .describe("Loading time per order, s (default 20)"),
    ordersPerTrip: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(12)
      .describe(
        "Orders on one outbound pallet in the staging lane, which a loader carries to the trailer in one trip (default 12)",
      ),
    trailerPallets: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(26)
      .describe("Pallet places of the carrier's trailer (default 26, a 53 ft or 13.6 m trailer)"),
    trailerKg: z
      .number()
      .positive()
      .max(100_000)
      .default(20_000)
      .describe("Payload of the carrier's trailer, kg (default 20,000)"),
  })
  .describe("An outbound carrier with its trailer departures, cut-off and trailer size");

const outboundSchema = z
  .strictObject({
    ordersPerDay: z
      .number()
      .min(0)
      .max(1_000_000)
      .default(400)
      .describe("Mean customer orders per average day of the weekly pattern (default 400)"),
    hourlyPattern: z
      .array(z.number().min(0).max(1e6))
      .length(24)
      .default([0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0])
      .describe(
        "Relative order intake per hour of day, 24 weights (default 06:00–20:00, morning peak)",
      ),
    weeklyPattern: z
      .array(z.number().min(0).max(1e6))
      .length(7)
      .default([1.2, 1, 1, 1, 0.8, 0, 0])
      .describe(
        "Relative order intake per day, Monday first, 7 weights (default busy Monday, no weekend)",
      ),
    linesPerOrder: distSpec({ min: 0, max: 1000 })
      .default({ dist: "geometric", p: 0.4 })
      .describe("Lines per order, rounded, at least 1 (default geometric p = 0.4, mean 2.5)"),
    unitsPerLine: distSpec({ min: 0, max: 10_000 })
      .default({ dist: "geometric", p: 0.5 })
      .describe("Units per line, rounded, at least 1 (default geometric p = 0.5, mean 2)"),
    orderList: z
      .array(
        z.strictObject({
          timeS: z
            .number()
            .min(0)
            .max(HORIZON_MAX_S)
            .describe("Creation time, s from the start (Monday 00:00)"),
          carrier: z
            .string()
            .min(1)
            .optional()
            .describe("Carrier name (default the first carrier)"),
          lines: z
            .array(
              z.strictObject({
                sku: z
                  .number()
                  .int()
                  .min(1)
                  .max(MAX_SKUS)
                  .describe("SKU by popularity rank, 1 = most popular"),
                qty: z.number().int().min(1).max(MAX_UNITS).describe("Units"),
              }),
            )
            .min(1)
            .max(1000),
        }),
      )
      .default([])
      .describe("Given orders, created at their times beside the random ones (default none)"),
    ...orderDataFields,
    release: z
      .discriminatedUnion("mode", [
        z.strictObject({ mode: z.literal("continuous") }),
        z.strictObject({
          mode: z.literal("waves"),
          times: z.array(clock).min(1).max(288).describe("Wave release times each day"),
        }),
      ])
      .default({ mode: "continuous" })
      .describe("Order release: `continuous` (as soon as stock allows) or `waves` at fixed times"),
    picking: z
      .strictObject({
        method: z
          .enum(["single", "batch", "zone"])
          .default("single")
          .describe(
            "single-order, batch (several orders per tour, sorted at packing) or zone picking (default single)",
          ),
        batchSize: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(6)
          .describe("Orders per batch tour (default 6)"),
        zones: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(2)
          .describe("Pick zones for zone picking: the pick faces split by aisle (default 2)"),
        routing: z
          .enum(routingPolicies as [RoutingPolicy, ...RoutingPolicy[]])
          .default("sShape")
          .describe("Routing policy by name, from the layout's routing folder (default sShape)"),
        setupS: z
          .number()
          .min(0)
          .max(3600)
          .default(30)
          .describe("Per tour: pick list and cart at the depot, s (default 30)"),
        timePerLineS: z
          .number()
          .min(0)
          .max(3600)
          .default(10)
          .describe("Per line: find the location, s (default 10)"),
        timePerUnitS: z
          .number()
          .min(0)
          .max(600)
          .optional()
          .describe(
            "Per unit picked, s, for every unit and location alike (default: timeStandards.casePickS per full case and unitPickS per other unit, by the face's location type)",
          ),
        consolidationSPerOrder: z
          .number()
          .min(0)
          .max(3600)
          .default(20)
          .describe(
            "Sorting or consolidating one order after batch or zone picking, s (default 20)",
          ),
      })
      .prefault({})
      .describe("How released orders are picked"),
    packing: z
      .strictObject({
        baseS: z
          .number()
          .min(0)
          .max(3600)
          .default(30)
          .describe(
            "Per order: take the order, fill and close the carton, s, beside timeStandards.cartonErectS and labelS (default 30)",
          ),
        perItemS: z
          .number()
          .min(0)
          .max(600)
          .default(4)
          .describe("Per unit: place it in the carton, s, beside timeStandards.scanS (default 4)"),
        stations: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe("Pack stations in use (default: all the layout's pack stations)"),
      })
      .prefault({})
      .describe("Pack stations"),
    staging: z
      .strictObject({
        lanePallets: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe(
            "Pallet places of every outbound staging lane (default: the layout's lane capacity, `docks.stagingCapacityUnitLoads`; 26, one trailer load, at a door the layout draws no lane for)",
          ),
      })
      .prefault({})
      .describe(
        "Departure bay staging: each carrier's packed orders are built onto pallets (ordersPerTrip orders) in its door's lane; a full lane stops the packers who feed it",
      ),
    doors: z
      .strictObject({
        dockS: z
          .number()
          .min(0)
          .max(DAY_S)
          .default(300)
          .describe("Time to dock a trailer at an outbound door before loading, s (default 300)"),
        undockS: z
          .number()
          .min(0)
          .max(DAY_S)
          .default(180)
          .describe("Time to close and pull away a loaded trailer, s (default 180)"),
      })
      .prefault({})
      .describe("Outbound doors: a trailer holds a door from docking through loading to undocking"),
    carriers: z
      .array(carrierSchema)
      .min(1)
      .max(100)
      .default([
        {
          name: "parcel",
          share: 1,
          departures: ["12:00", "19:00"],
          days: weekdays,
          cutoffMin: 60,
          loadSPerOrder: 20,
          ordersPerTrip: 12,
          trailerPallets: 26,
          trailerKg: 20_000,
        },
      ])
      .describe("Outbound carriers (default one `parcel` carrier leaving 12:00 and 19:00 mon–fri)"),
  })
  .prefault({})
  .describe("Customer orders, release, picking, packing and shipping");

const storageSchema = z
  .strictObject({
    putaway: z
      .enum(Object.keys(putawayRules) as [PutawayRuleName, ...PutawayRuleName[]])
      .default("closestOpen")
      .describe("Putaway rule by name, from the inventory putaway folder (default closestOpen)"),
    removal: z
      .enum(Object.keys(removalRules) as [RemovalRuleName, ...RemovalRuleName[]])
      .default("fifo")
      .describe(
        "Which reserve pallet replenishment takes: fifo (the oldest), lifo (the newest), fefo (the earliest expiry: needs skus.shelfLifeDays), closest (nearest the P&D point), fewestLocations (the smallest pallet) (default fifo)",
      ),
    abcCutoffs: z
      .array(z.number().gt(0).lt(1))
      .min(1)
      .max(5)
      .default([0.8, 0.95])
      .describe(
        "Velocity classes A, B, C… of the SKUs: ascending cumulative shares of forecast picks where each class ends (default [0.8, 0.95], the classic 80/15/5); classBased stores each class in its ABC zone",
      ),
    fixedSlots: z
      .record(z.string().min(1), z.array(z.string().min(1)).min(1))
      .optional()
      .describe(
        "Dedicated reserve locations per SKU id for `putaway: fixed` (default: every SKU in id order gets the nearest free positions for its largest stock, s + Q or the initial stock, in pallets)",
      ),
    faceCapacityPallets: z
      .number()
      .min(0.01)
      .max(100)
      .optional()
      .describe(
        "At most this many pallets of the SKU on its pick face, beside what the face's cube and weight hold in whole cases (default no limit)",
      ),
    slotting: slottingSchema,
    replenishAtFraction: z
      .number()
      .min(0)
      .lt(1)
      .default(0.3)
      .describe(
        "Replenish a pick face when it holds at most this share of its capacity (default 0.3)",
      ),
    reorderPointDays: z
      .number()
      .min(0)
      .max(365)
      .default(4)
      .describe(
        "Reorder when a SKU's inventory position falls to this many days of mean demand (default 4)",
      ),
    orderQuantityDays: z
      .number()
      .gt(0)
      .max(365)
      .default(5)
      .describe("Reorder quantity in days of mean demand, rounded up to whole pallets (default 5)"),
    reviewTime: clock
      .default("17:00")
      .describe("Daily time the reorder review runs (periodic review, R = 1 day; default 17:00)"),
    initialStockDays: z
      .number()
      .min(0)
      .max(365)
      .default(7)
      .describe(
        "Stock at the start, in days of mean demand per SKU, at least one pallet (or s + Q if less) (default 7)",
      ),
  })
  .prefault({})
  .describe("Storage, replenishment and reorder rules");

const crewSchema = z.strictObject({
  shift: z.string().min(1).describe("A shift name from workforce.shifts"),
  headcount: z.number().int().min(0).max(1000).describe("Workers in this crew"),
});

/** A role's individual handling-speed factors: one draw per worker. */
const handlingFactorField = distSpec({ min: 0.1, max: 10 })
  .optional()
  .describe(
    "Each worker's handling-time factor, drawn once per worker on the stream `workforce.handlingFactor` (e.g. normal mean 1, sd 0.1): 1.1 handles 10 % slower than the standard (default 1 for everyone)",
  );

const roleSchema = z
  .strictObject({
    crews: z.array(crewSchema).max(100).describe("Crews of this role, one per shift worked"),
    speedMps: z
      .number()
      .positive()
      .max(10)
      .default(1.2)
      .describe("Walking speed without equipment, m/s (default 1.2)"),
    crossTrained: z
      .array(z.enum(ROLES))
      .default([])
      .describe(
        "Other roles whose tasks these workers take when theirs are less urgent or none: the most urgent task they are trained for (default none)",
      ),
    interleave: z
      .boolean()
      .default(false)
      .describe(
        "Task interleaving: take, among the 5 most urgent tasks of the own and cross-trained queues, the one starting nearest (e.g. a replenishment near where a putaway ended) (default false)",
      ),
    handlingFactor: handlingFactorField,
  })
  .describe("A role: its crews (shift and headcount), walking speed, cross-training, interleaving");

const shiftSchema = z
  .strictObject({
    start: clock,
    end: clock.describe("End time; before start means the shift runs past midnight"),
    days: z
      .array(day)
      .min(1)
      .max(7)
      .default(weekdays)
      .describe("Days the shift starts on (default mon–fri)"),
    breaks: z
      .array(
        z.strictObject({
          start: clock,
          minutes: z.number().gt(0).max(720).describe("Length of the break, minutes"),
          staggerGroups: z
            .number()
            .int()
            .min(1)
            .max(50)
            .default(1)
            .describe(
              "Stagger the break within each crew: workers take it in this many groups, one after another, the i-th worker of a crew in group i mod staggerGroups (default 1: all at once)",
            ),
        }),
      )
      .max(24)
      .default([])
      .describe(
        "Unpaid breaks within the shift; a task under way is finished first (default none)",
      ),
  })
  .describe("A shift: start, end, days and breaks");

/** A role's default: crews of the given headcount on the day shift and, if given, the late one. */
const dayCrew = (headcount: number, late?: number) => ({
  crews:
    late === undefined
      ? [{ shift: "day", headcount }]
      : [
          { shift: "day", headcount },
          { shift: "late", headcount: late },
        ],
  speedMps: 1.2,
  crossTrained: [],
  interleave: false,
});

/** Seconds of a pallet handling by where the pallet is: a rack position, the floor, the dock. */
const palletStandard = (rack: number, floor: number, what: string) =>
  z
    .strictObject({
      pallet: z.number().min(0).max(3600).default(rack),
      shelf: z.number().min(0).max(3600).default(rack),
      flow: z.number().min(0).max(3600).default(rack),
      floor: z.number().min(0).max(3600).default(floor),
      staging: z.number().min(0).max(3600).default(floor),
      dock: z.number().min(0).max(3600).default(floor),
    })
    .prefault({})
    .describe(
      `Seconds to ${what} a pallet, by location type (\`dock\`: at a door) (defaults ${rack} in racking, ${floor} on the floor and at the dock), lift time excluded`,
    );

/**
 * Seconds of one case or unit handled at a location, by its type: at waist height in
 * shelving and flow rack, bending into a pallet, on the floor or at a dock.
 */
const pickStandard = (rack: number, low: number, what: string) =>
  z
    .strictObject({
      pallet: z.number().min(0).max(3600).default(low),
      shelf: z.number().min(0).max(3600).default(rack),
      flow: z.number().min(0).max(3600).default(rack),
      floor: z.number().min(0).max(3600).default(low),
      staging: z.number().min(0).max(3600).default(low),
      dock: z.number().min(0).max(3600).default(low),
    })
    .prefault({})
    .describe(
      `Seconds to ${what}, by location type (defaults ${rack} in shelving and flow rack, ${low} from a pallet, the floor or a dock; BasicMOST, see docs/scenarios.md)`,
    );

/** Seconds of an activity at a station (pack station or staging lane). */
const stationStandard = (seconds: number, what: string) =>
  z
    .number()
    .min(0)
    .max(3600)
    .default(seconds)
    .describe(`Seconds to ${what} (default ${seconds}; BasicMOST, see docs/scenarios.md)`);

/** Activities whose time may vary: a factor drawn per occurrence on `handling.<activity>`. */
const variationFields = Object.fromEntries(
  ["casePick", "unitPick", "scan", "label", "cartonErect", "wrap"].map((activity) => [
    activity,
    distSpec({ min: 0, max: 10 })
      .optional()
      .describe(
        `A factor on each ${activity} standard, drawn per occurrence on the stream \`handling.${activity}\` (default 1: the standard)`,
      ),
  ]),
);

const timeStandardsSchema = z
  .strictObject({
    palletPickUpS: palletStandard(20, 15, "pick up"),
    palletSetDownS: palletStandard(20, 15, "set down"),
    palletVariation: distSpec({ min: 0, max: 10 })
      .optional()
      .describe(
        "A factor on each pallet pick-up and set-down, drawn per handling on the stream `handling.pallet` (e.g. lognormal mean 1) (default 1: the standard)",
      ),
    casePickS: pickStandard(
      2.88,
      5.04,
      "take or put one case (picking full cases, case replenishment)",
    ),
    unitPickS: pickStandard(2.16, 3.24, "pick one unit (default of outbound.picking.timePerUnitS)"),
    scanS: stationStandard(1.8, "scan one unit at packing"),
    labelS: stationStandard(2.88, "apply the shipping label of an order"),
    cartonErectS: stationStandard(10.8, "erect and tape the carton of an order"),
    wrapS: stationStandard(40.68, "stretch-wrap an outbound pallet before loading"),
    variation: z
      .strictObject(variationFields)
      .prefault({})
      .describe("Optional distributions of the activity standards (factors of mean 1)"),
  })
  .prefault({})
  .describe("Handling time standards (see docs/scenarios.md, Time standards)");

const taskDueSchema = z
  .strictObject({
    unloadS: z
      .number()
      .min(0)
      .max(7 * 86_400)
      .default(3600)
      .describe("Unloading and inspection are due this long after docking, s (default 3600)"),
    putawayS: z
      .number()
      .min(0)
      .max(7 * 86_400)
      .default(14_400)
      .describe(
        "Putaway and cross-dock moves are due this long after the pallet arrived, s (default 14400: dock to stock within half a shift)",
      ),
    countS: z
      .number()
      .min(0)
      .max(365 * 86_400)
      .default(86_400)
      .describe(
        "Cycle counts are due this long after they are scheduled, s; opportunity counts in 1/24 of it (default 86400)",
      ),
    returnS: z
      .number()
      .min(0)
      .max(365 * 86_400)
      .default(86_400)
      .describe("Customer returns are due this long after they arrive, s (default 86400)"),
  })
  .prefault({})
  .describe(
    "Due times of tasks not tied to an order; every task queue takes the earliest due first (see docs/scenarios.md, Task priority)",
  );

const workforceSchema = z
  .strictObject({
    shifts: z
      .record(z.string().min(1), shiftSchema)
      .default({
        day: { start: "06:00", end: "14:30", days: weekdays, breaks: [] },
        late: { start: "14:00", end: "22:30", days: weekdays, breaks: [] },
      })
      .describe("Named shifts (default `day` 06:00–14:30 and `late` 14:00–22:30, mon–fri)"),
    roles: z
      .strictObject({
        receiver: roleSchema.default(dayCrew(2)),
        putaway: roleSchema.default(dayCrew(2)),
        replenisher: roleSchema.default(dayCrew(1, 1)),
        picker: roleSchema.default(dayCrew(5, 3)),
        packer: roleSchema.default(dayCrew(2, 2)),
        loader: roleSchema.default(dayCrew(1, 1)),
        counter: roleSchema.default({
          crews: [],
          speedMps: 1.2,
          crossTrained: [],
          interleave: false,
        }),
        returnsClerk: roleSchema.default({
          crews: [],
          speedMps: 1.2,
          crossTrained: [],
          interleave: false,
        }),
      })
      .prefault({})
      .describe("Headcount per role and shift"),
    taskDue: taskDueSchema,
  })
  .prefault({})
  .describe("Shifts and crews");

/** What each motion field means, with its unit (the kind's figure is the default). */
const MOTION_DESCRIPTIONS: Record<keyof Motion, string> = {
  speedMps: "Travel speed empty, m/s",
  loadedSpeedMps: "Travel speed loaded, m/s",
  accelMps2: "Acceleration from standstill, m/s² (0 = instant)",
  decelMps2: "Deceleration to standstill, m/s² (0 = instant)",
  turnS: "Time to turn into or out of a picking aisle, s",
  aisleTransferS: "Extra time to enter an aisle (aisle-bound trucks), s",
  liftLoadedMps: "Lift speed with a load, m/s (0 = no lift)",
  liftEmptyMps: "Lift speed without a load, m/s",
  lowerMps: "Lowering speed, m/s",
  maxLiftM: "Highest beam height it stores at or picks from, m",
  minAisleWidthM: "Narrowest aisle it works in, m",
};

/** Upper bounds of the motion fields: what a real truck or person can have. */
const MOTION_MAX: Record<keyof Motion, number> = {
  speedMps: 20,
  loadedSpeedMps: 20,
  accelMps2: 10,
  decelMps2: 10,
  turnS: 600,
  aisleTransferS: 600,
  liftLoadedMps: 5,
  liftEmptyMps: 5,
  lowerMps: 5,
  maxLiftM: 50,
  minAisleWidthM: 30,
};

/** Optional overrides of an equipment kind's motion figures. */
const motionFields = Object.fromEntries(
  MOTION_FIELDS.map((field) => [
    field,
    z
      .number()
      .min(0)
      .max(MOTION_MAX[field])
      .optional()
      .describe(`${MOTION_DESCRIPTIONS[field]} (default: the kind's figure)`),
  ]),
) as Record<keyof Motion, z.ZodOptional<z.ZodNumber>>;

const poolSchema = z
  .strictObject({
    count: z.number().int().min(0).max(1000).describe("Units in the pool"),
    ...motionFields,
    speedMps: z
      .number()
      .positive()
      .max(20)
      .optional()
      .describe("Travel speed empty, m/s (default: the kind's figure)"),
    loadedSpeedMps: z
      .number()
      .positive()
      .max(20)
      .optional()
      .describe("Travel speed loaded, m/s (default speedMps when given, else the kind's figure)"),
  })
  .describe(
    "An equipment pool: how many units, and any figure that differs from the kind's (its costs are under `costs.equipment`)",
  );

const taskEquipment = z.enum([...EQUIPMENT_KINDS, "none"] as unknown as [
  EquipmentKind | "none",
  ...(EquipmentKind | "none")[],
]);

const equipmentSchema = z
  .strictObject({
    pools: z
      .strictObject(
        Object.fromEntries(EQUIPMENT_KINDS.map((kind) => [kind, poolSchema.optional()])) as Record<
          EquipmentKind,
          z.ZodOptional<typeof poolSchema>
        >,
      )
      .default({
        reachTruck: { count: 3 },
        palletJack: { count: 3 },
        cart: { count: 10 },
      })
      .describe(
        `Equipment pools by kind (${EQUIPMENT_KINDS.join(", ")}) (default 3 reach trucks, 3 pallet jacks, 10 carts)`,
      ),
    walking: z
      .strictObject(
        Object.fromEntries(
          MOTION_FIELDS.filter((f) => f !== "speedMps" && f !== "loadedSpeedMps").map((f) => [
            f,
            motionFields[f],
          ]),
        ) as Record<keyof Motion, z.ZodOptional<z.ZodNumber>>,
      )
      .default({})
      .describe("Walking without equipment: overrides of the walking figures (speed is per role)"),
    tasks: z
      .strictObject({
        unload: taskEquipment.default("palletJack"),
        putaway: taskEquipment.default("reachTruck"),
        replenish: taskEquipment.default("reachTruck"),
        pick: taskEquipment.default("cart"),
        load: taskEquipment.default("palletJack"),
      })
      .prefault({})
      .describe(
        "Equipment each task needs, or `none` (defaults: unload and load palletJack, putaway and replenish reachTruck, pick cart); the kind must serve the task",
      ),
    traffic: z
      .strictObject({
        passingSlowdown: z
          .number()
          .min(0)
          .max(10)
          .default(0.15)
          .describe(
            "Extra fraction of travel time for a move into a wide aisle another worker is in (default 0.15, an assumption: passing costs a slow-down, not a stop)",
          ),
        pickFaceBlocking: z
          .boolean()
          .default(true)
          .describe(
            "A picker reaching a pick face another picker is picking from waits until it is free (default true: the pick-face blocking of wide aisles, Parikh & Meller 2009)",
          ),
        pdPointCapacity: z
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe(
            "Pickers that can set up a tour at the P&D point at once; the next one waits (default: no limit)",
          ),
        crossAisleCapacity: z
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe(
            "Workers that can move along one cross aisle at once; a move waits at its start until every cross aisle on its route has room (default: no limit)",
          ),
      })
      .prefault({})
      .describe(
        "Traffic: an aisle marked narrow, or narrower than two of the widest bodies (equipment or walking) of the scenario, lets no one pass — one worker at a time, or, when the layout marks it one-way, workers following each other; wide aisles let workers pass; pick faces and the P&D point hold a limited number of workers",
      ),
  })
  .prefault({})
  .describe("Equipment pools and which tasks need which");

/** An equipment kind's costs: capital annualised over its life, maintenance, running cost. */
const equipmentCostSchema = (
  purchase: number,
  lifeYears: number,
  maintenancePerYear: number,
  perOperatingHour: number,
) =>
  z
    .strictObject({
      purchase: z
        .number()
        .min(0)
        .max(10_000_000)
        .default(purchase)
        .describe(`Purchase price of one unit (default ${purchase})`),
      lifeYears: z
        .number()
        .gt(0)
        .max(100)
        .default(lifeYears)
        .describe(`Years of use over which the price is annualised (default ${lifeYears})`),
      maintenancePerYear: z
        .number()
        .min(0)
        .max(1_000_000)
        .default(maintenancePerYear)
        .describe(`Maintenance of one unit per year (default ${maintenancePerYear})`),
      perOperatingHour: z
        .number()
        .min(0)
        .max(10_000)
        .default(perOperatingHour)
        .describe(`Energy (or rental) per hour a unit is in use (default ${perOperatingHour})`),
    })
    .prefault({});

/** Racking of a location type: price per location annualised over its life. */
const rackingCostSchema = (pricePerLocation: number, lifeYears: number) =>
  z
    .strictObject({
      pricePerLocation: z
        .number()
        .min(0)
        .max(100_000)
        .default(pricePerLocation)
        .describe(`Installed racking per location (default ${pricePerLocation})`),
      lifeYears: z
        .number()
        .gt(0)
        .max(100)
        .default(lifeYears)
        .describe(`Years over which the racking is annualised (default ${lifeYears})`),
    })
    .prefault({});

const costsSchema = z
  .strictObject({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR")
      .default("EUR")
      .describe("Currency code of every amount (ISO 4217, default EUR)"),
    operatingDaysPerYear: z
      .number()
      .gt(0)
      .max(366)
      .default(250)
      .describe(
        "Working days a year; costs and volumes of the measured window's working days are scaled to them (default 250)",
      ),
    interestRatePerYear: z
      .number()
      .min(0)
      .max(1)
      .default(0.06)
      .describe(
        "Interest rate for the equivalent annual cost of equipment and racking (default 0.06)",
      ),
    labourPerHour: z
      .number()
      .min(0)
      .max(10_000)
      .default(25)
      .describe("Paid rate per worker hour on shift (default 25)"),
    roleLabourPerHour: z
      .partialRecord(z.enum(ROLES), z.number().min(0).max(10_000))
      .default({})
      .describe("Per-role rate overriding labourPerHour"),
    overtimePremium: z
      .number()
      .min(0)
      .max(5)
      .default(0.25)
      .describe(
        "Extra share of the rate paid for work past the end of a shift or into a break (default 0.25)",
      ),
    paidBreaks: z
      .boolean()
      .default(false)
      .describe("Whether shift breaks are paid (default false)"),
    equipment: z
      .strictObject({
        forklift: equipmentCostSchema(30_000, 8, 2_500, 1.2),
        reachTruck: equipmentCostSchema(40_000, 8, 3_000, 1),
        palletJack: equipmentCostSchema(6_000, 6, 600, 0.3),
        cart: equipmentCostSchema(500, 5, 50, 0),
        turretTruck: equipmentCostSchema(120_000, 10, 8_000, 1.5),
        orderPicker: equipmentCostSchema(35_000, 8, 2_500, 0.8),
      })
      .prefault({})
      .describe("Costs per equipment kind, for every unit of its pool"),
    racking: z
      .strictObject({
        pallet: rackingCostSchema(90, 20),
        shelf: rackingCostSchema(40, 15),
        flow: rackingCostSchema(250, 15),
        floor: rackingCostSchema(0, 20),
        staging: rackingCostSchema(0, 20),
      })
      .prefault({})
      .describe("Racking per storage location type"),
    buildingPerM2Year: z
      .number()
      .min(0)
      .max(100_000)
      .default(70)
      .describe("Building rent (or cost) per m² of the layout's footprint per year (default 70)"),
    relayoutPerLocation: z
      .number()
      .min(0)
      .max(1_000_000)
      .default(50)
      .describe("One-time cost of moving one storage location in a re-layout (default 50)"),
    latePenaltyPerLine: z
      .number()
      .min(0)
      .max(1_000_000)
      .default(0)
      .describe("Penalty per order line shipped after its due time (default 0)"),
  })
  .prefault({})
  .describe("Costs: labour, equipment, racking, building, re-layout and late lines (see docs)");

/** Layout reference: a file path (relative to the scenario file) or an inline layout spec. */
export const layoutRefSchema = z
  .union([z.string().min(1), layoutSpecSchema])
  .describe(
    "The layout: a layout file path relative to the scenario, or an inline layout (see layouts/)",
  );

/** The scenario file as written (before the layout reference is resolved). */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe("JSON Schema reference for editors; ignored"),
    name: z.string().min(1).describe("Scenario name; also the default output folder"),
    description: z.string().default("").describe("Free text"),
    horizonDays: z
      .number()
      .gt(0)
      .max(HORIZON_MAX_DAYS)
      .default(5)
      .describe("Simulated days, warm-up included (default 5)"),
    warmupDays: z
      .number()
      .min(0)
      .max(HORIZON_MAX_DAYS)
      .default(1)
      .describe("Days discarded from statistics at the start (default 1)"),
    seed: z.number().int().min(0).default(1).describe("Master seed (default 1)"),
    replications: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(5)
      .describe("Replications (default 5)"),
    sampleIntervalS: z
      .number()
      .min(1)
      .max(DAY_S)
      .default(900)
      .describe("Interval of the periodic `sample` trace record, s (default 900)"),
    layout: layoutRefSchema,
    skus: skusSchema,
    inbound: inboundSchema,
    outbound: outboundSchema,
    storage: storageSchema,
    workforce: workforceSchema,
    timeStandards: timeStandardsSchema,
    equipment: equipmentSchema,
    costs: costsSchema,
    operations: operationsSchema,
  })
  .describe("A whsim scenario");

/** The scenario as parsed, defaults filled in, layout still a path or an inline spec. */
export type ScenarioFile = z.output<typeof scenarioSchema>;
