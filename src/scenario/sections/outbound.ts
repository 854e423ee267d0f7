/** The `outbound` section: customer orders, release, picking, packing, staging and carriers. */
import { z } from "zod";
import { type RoutingPolicy, routingPolicies } from "../../layout/routing/types.ts";
import { orderDataFields } from "../csvSchema.ts";
import { distSpec } from "../distSpec.ts";
import { DAY_S, MAX_UNITS } from "../limits.ts";
import { clock, optionalName, runTime, skuRank, weekdayList, weekdays } from "./fields.ts";

const carrierSchema = z
  .strictObject({
    name: z.string().min(1).describe("Carrier name"),
    share: z.number().gt(0).max(1e6).default(1).describe("Relative share of orders (default 1)"),
    departures: z.array(clock).min(1).max(288).describe("Daily departure times"),
    days: weekdayList("Days with departures (default mon–fri)"),
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

export const outboundSchema = z
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
          timeS: runTime("Creation time, s from the start (Monday 00:00)"),
          carrier: optionalName("Carrier name (default the first carrier)"),
          lines: z
            .array(
              z.strictObject({
                sku: skuRank(),
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
