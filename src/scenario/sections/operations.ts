/**
 * The `operations` section of a scenario: the processes beyond the core flow — stock
 * errors and short picks, the count programme, cross-docking, quality sampling, customer
 * returns and packaging. Every part defaults to off, so a scenario without the section
 * runs the core flow unchanged.
 */
import { z } from "zod";
import { distSpec } from "../distSpec.ts";
import { DAY_S, MAX_SKUS, MAX_UNITS } from "../limits.ts";
import { clock, optionalName, runTime, weekdayList } from "./fields.ts";

const probability = z.number().min(0).max(1);

const stockErrorsSchema = z
  .strictObject({
    mispickProbability: probability
      .default(0)
      .describe("Probability that a pick line takes one unit too many or too few (default 0)"),
    misplacedPutawayProbability: probability
      .default(0)
      .describe(
        "Probability that a load put to a pick face lands in the neighbouring face (default 0)",
      ),
    shrinkageUnitsPerDay: z
      .number()
      .min(0)
      .max(100_000)
      .default(0)
      .describe("Units lost unrecorded per day over the pick faces, Poisson (default 0)"),
    shortPickSearchS: z
      .number()
      .min(0)
      .max(3600)
      .default(60)
      .describe("Seconds a picker searches before recording a short pick (default 60)"),
  })
  .prefault({})
  .describe("Record-vs-physical drift: mispicks, misplaced putaways, shrinkage (default none)");

const countsSchema = z
  .strictObject({
    countsPerYear: z
      .strictObject({
        A: z.number().min(0).max(8760).default(0),
        B: z.number().min(0).max(8760).default(0),
        C: z.number().min(0).max(8760).default(0),
      })
      .prefault({})
      .describe(
        "Cycle counts a year of each pick face by ABC class, at most hourly (default 0: no cycle counts)",
      ),
    classShares: z
      .strictObject({
        A: probability.default(0.2),
        B: probability.default(0.3),
      })
      .prefault({})
      .describe(
        "Share of SKUs by popularity rank in class A and class B; the rest are C (default 0.2, 0.3)",
      ),
    opportunity: z
      .enum(["none", "empty", "low", "short"])
      .default("none")
      .describe(
        "Opportunity counts: `short` after a short pick, `empty` also when the record says a face is empty, `low` also at or below lowUnits (default none)",
      ),
    lowUnits: z
      .number()
      .int()
      .min(0)
      .max(MAX_UNITS)
      .default(0)
      .describe("Record level that triggers a `low` opportunity count (default 0)"),
    countSPerLocation: z
      .number()
      .min(0)
      .max(3600)
      .default(60)
      .describe("Counting one location, s (default 60)"),
    fullInventory: z
      .array(
        z.strictObject({
          timeS: runTime("Start, s from the start (Monday 00:00)"),
          zone: optionalName("Layout zone id of the pick faces counted (default every zone)"),
        }),
      )
      .max(100)
      .default([])
      .describe(
        "Full physical inventories: every face (of the zone) counted; picking there waits until done (default none)",
      ),
  })
  .prefault({})
  .describe("The count programme, done by counters (workforce.roles.counter)");

const crossDockSchema = z
  .strictObject({
    suppliers: z
      .array(z.string().min(1))
      .max(1000)
      .default([])
      .describe("Suppliers whose pallets are always cross-docked (default none)"),
    share: probability
      .default(0)
      .describe(
        "Share of other inbound pallets already allocated to outbound demand and cross-docked (default 0)",
      ),
    sortS: z
      .number()
      .min(0)
      .max(3600)
      .default(60)
      .describe("Sorting a pallet to its destination door, s (default 60)"),
  })
  .prefault({})
  .describe("Cross-docking: pallets go from the arrival door to a departure door, never stored");

const qualitySchema = z
  .strictObject({
    sampleShare: probability
      .default(0)
      .describe("Share of received pallets inspected (default 0: no inspection)"),
    inspectS: z
      .number()
      .min(0)
      .max(DAY_S)
      .default(300)
      .describe("Inspecting one pallet, s (default 300)"),
    failProbability: probability
      .default(0.05)
      .describe("Probability an inspected pallet fails and is quarantined (default 0.05)"),
    holdS: z
      .number()
      .min(0)
      .max(90 * DAY_S)
      .default(86_400)
      .describe(
        "Time a failed pallet is held in quarantine before the decision, s (default 1 day)",
      ),
    releaseShare: probability
      .default(0.5)
      .describe(
        "Share of quarantined pallets released to storage; the rest go back to the supplier (default 0.5)",
      ),
  })
  .prefault({})
  .describe("Quality sampling of receipts with quarantine");

const returnsSchema = z
  .strictObject({
    rate: probability
      .default(0)
      .describe("Share of shipped orders that come back (default 0: no returns)"),
    delayS: distSpec({ min: 0, max: 90 * DAY_S })
      .default({ dist: "exponential", mean: 259_200 })
      .describe("Time from shipping to the return's arrival, s (default exponential, mean 3 days)"),
    receiveSPerOrder: z
      .number()
      .min(0)
      .max(3600)
      .default(60)
      .describe("Receiving one returned order, s (default 60)"),
    inspectSPerUnit: z
      .number()
      .min(0)
      .max(3600)
      .default(30)
      .describe("Inspecting one returned unit, s (default 30)"),
    restockShare: probability
      .default(0.7)
      .describe("Share of returned units restocked as they are (default 0.7)"),
    refurbishShare: probability
      .default(0.2)
      .describe(
        "Share of returned units refurbished, then restocked; the rest are scrapped (default 0.2)",
      ),
    refurbishSPerUnit: z
      .number()
      .min(0)
      .max(DAY_S)
      .default(600)
      .describe("Refurbishing one unit, s (default 600)"),
  })
  .prefault({})
  .refine((r) => r.restockShare + r.refurbishShare <= 1, {
    message:
      "restockShare + refurbishShare at most 1; restockShare defaults to 0.7 and refurbishShare to 0.2",
  })
  .describe("Customer returns, handled by returns clerks (workforce.roles.returnsClerk)");

const cartonSchema = z.strictObject({
  name: z.string().min(1).describe("Packaging name"),
  cubeM3: z.number().positive().max(100).describe("Usable volume, m³"),
  packS: z.number().min(0).max(3600).describe("Time to make up and close this packaging, s"),
});

const packagingSchema = z
  .strictObject({
    types: z
      .array(cartonSchema)
      .max(100)
      .default([])
      .describe(
        "Cartons and pallets, any order; the smallest that holds the order's cube ÷ fillFactor is used, the largest (several of it) otherwise (default none: packing.baseS only)",
      ),
    fillFactor: z
      .number()
      .gt(0)
      .max(1)
      .default(0.8)
      .describe("Share of a packaging's volume goods may fill (default 0.8)"),
  })
  .prefault({})
  .describe("Packaging chosen by cube at the pack stations; material consumed is counted");

const productionLineSchema = z.strictObject({
  name: z.string().min(1).describe("Production line name"),
  intervalS: z
    .number()
    .min(1)
    .max(DAY_S)
    .default(3600)
    .describe("One line-feeding order every this many seconds while the line runs (default 3600)"),
  start: clock.default("06:00").describe("Daily start of feeding (default 06:00)"),
  end: clock.default("22:00").describe("Daily end of feeding (default 22:00)"),
  days: weekdayList("Days the line runs (default mon–fri)"),
  linesPerOrder: distSpec({ min: 0, max: 1000 })
    .default({ dist: "constant", value: 3 })
    .describe("Lines per feeding order, rounded, at least 1 (default 3)"),
  unitsPerLine: distSpec({ min: 0, max: 10_000 })
    .default({ dist: "constant", value: 4 })
    .describe("Units per line, rounded, at least 1 (default 4)"),
  skuFrom: z
    .number()
    .int()
    .min(1)
    .max(MAX_SKUS)
    .default(1)
    .describe("First SKU rank it consumes (default 1)"),
  skuTo: z
    .number()
    .int()
    .min(1)
    .max(MAX_SKUS)
    .optional()
    .describe("Last SKU rank it consumes (default the last SKU)"),
  leadS: z
    .number()
    .min(0)
    .max(7 * DAY_S)
    .default(1800)
    .describe("Due time after the order is created, s (default 1800)"),
});

const productionSupplySchema = z
  .strictObject({
    lines: z
      .array(productionLineSchema)
      .max(100)
      .default([])
      .describe("Production lines fed (default none)"),
    priority: z
      .enum(["first", "due"])
      .default("first")
      .describe(
        "Picking priority: `first` ahead of every customer order, `due` by due time among them (default first)",
      ),
    deliverSPerOrder: z
      .number()
      .min(0)
      .max(3600)
      .default(60)
      .describe("Handing a feeding order over at the line, s (default 60)"),
  })
  .prefault({})
  .describe(
    "Line-feeding orders to production lines: picked like customer orders, then delivered by a replenisher to the line (the last departure door), not packed or shipped by carrier",
  );

/** The operations section; every part off by default. */
export const operationsSchema = z
  .strictObject({
    stockErrors: stockErrorsSchema,
    counts: countsSchema,
    crossDock: crossDockSchema,
    quality: qualitySchema,
    returns: returnsSchema,
    packaging: packagingSchema,
    productionSupply: productionSupplySchema,
  })
  .prefault({})
  .describe("Operations beyond the core flow (all off by default)");
