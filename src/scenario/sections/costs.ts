/** The `costs` section: labour, equipment and racking (annualised), building, re-layout, late lines. */
import { z } from "zod";
import type { EquipmentCostDefaults } from "../../layout/equipment/equipmentKind.ts";
import {
  EQUIPMENT_KINDS,
  type EquipmentKind,
  equipmentKinds,
} from "../../layout/equipment/registry.ts";
import { ROLES } from "./workforce.ts";

/** An equipment kind's costs: capital annualised over its life, maintenance, running cost. */
const equipmentCostSchema = ({
  purchase,
  lifeYears,
  maintenancePerYear,
  perOperatingHour,
}: EquipmentCostDefaults) =>
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

export const costsSchema = z
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
      .strictObject(
        Object.fromEntries(
          EQUIPMENT_KINDS.map((kind) => [kind, equipmentCostSchema(equipmentKinds[kind].cost)]),
        ) as Record<EquipmentKind, ReturnType<typeof equipmentCostSchema>>,
      )
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
