/** The `storage` section: putaway and removal rules, ABC classes, pick faces and reorders. */
import { z } from "zod";
import { namesOf } from "../../common/registry.ts";
import { putawayRules } from "../../inventory/putaway/index.ts";
import { removalRules } from "../../inventory/removal/index.ts";
import { slottingSchema } from "../slottingSchema.ts";
import { clock } from "./fields.ts";

export const storageSchema = z
  .strictObject({
    putaway: z
      .enum(namesOf(putawayRules))
      .default("closestOpen")
      .describe("Putaway rule by name, from the inventory putaway folder (default closestOpen)"),
    removal: z
      .enum(namesOf(removalRules))
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
