/**
 * Scenario fields for data read from CSV files: the file references (`skus.csv`,
 * `outbound.orderLinesCsv`) and the SKU list they resolve into, so a resolved scenario stays
 * plain data that any process can run without the files.
 */
import { z } from "zod";
import { MAX_SKUS, MAX_UNITS } from "./limits.ts";

/** One SKU of a given SKU master, most popular first. */
const skuRowSchema = z.strictObject({
  id: z.string().min(1).describe("SKU id"),
  unitCubeM3: z.number().min(1e-6).max(10).describe("Volume of one unit, m³"),
  unitsPerPallet: z.number().int().min(1).max(MAX_UNITS).describe("Units on a full pallet"),
  unitWeightKg: z.number().min(0).max(2000).describe("Weight of one unit, kg"),
  unitsPerCase: z
    .number()
    .int()
    .min(1)
    .max(MAX_UNITS)
    .optional()
    .describe("Units in one case (default skus.unitsPerCase, its mean rounded)"),
  supplier: z.string().min(1).optional().describe("Supplier name (default by skuShare)"),
  shelfLifeDays: z
    .number()
    .positive()
    .max(36_500)
    .optional()
    .describe("Shelf life from receipt, days (default skus.shelfLifeDays)"),
  lineShare: z
    .number()
    .min(0)
    .max(1e12)
    .optional()
    .describe("Relative share of order lines (default the popularity curve by rank)"),
});

/** Fields added to `skus`. */
export const skuDataFields = {
  csv: z
    .string()
    .min(1)
    .optional()
    .describe(
      "SKU master CSV, relative to the scenario (columns sku, unitCubeM3 and optionally unitsPerPallet, unitsPerCase, unitWeightKg, supplier, lineShare, shelfLifeDays; most popular first); replaces the generated SKUs",
    ),
  list: z
    .array(skuRowSchema)
    .min(1)
    .max(MAX_SKUS)
    .optional()
    .describe(
      "The SKU master as data (filled in from `csv`; overrides count and the distributions)",
    ),
};

/** Fields added to `outbound`. */
export const orderDataFields = {
  orderLinesCsv: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Order-lines history CSV, relative to the scenario (columns order, timeS, sku, qty and optionally carrier), replayed beside orderList",
    ),
};

/** A SKU row as parsed. */
export type SkuRow = z.output<typeof skuRowSchema>;
