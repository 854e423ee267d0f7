/** The `inbound` section: suppliers with their trailer arrivals, scheduled deliveries, unloading. */
import { z } from "zod";
import { constant, distSpec } from "../distSpec.ts";
import { DAY_S, MAX_UNITS } from "../limits.ts";
import { clock, optionalName, runTime, skuRank, weekdayList, weekdays } from "./fields.ts";

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
          days: weekdayList("Delivery days (default mon–fri)"),
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

export const inboundSchema = z
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
          timeS: runTime("Arrival time, s from the start (Monday 00:00)"),
          supplier: optionalName("Supplier name (default the first supplier)"),
          pallets: z
            .array(
              z.strictObject({
                sku: skuRank(),
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
