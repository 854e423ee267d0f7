/**
 * The scenario's slotting fields: which forecast assigns SKUs to pick faces at the start,
 * and the optional periodic re-slotting that moves faces as observed demand shifts.
 */
import { z } from "zod";

/** `storage.slotting`. */
export const slottingSchema = z
  .strictObject({
    forecast: z
      .enum(["expected", "history"])
      .default("expected")
      .describe(
        "What the faces are slotted by, most lines nearest the depot: `expected` (each SKU's expected line share: skus.list lineShare or the popularity curve) or `history` (the lines of the given orders, outbound.orderList and orderLinesCsv, created in the first historyWeeks) — never the run's own future demand (default expected)",
      ),
    historyWeeks: z
      .number()
      .gt(0)
      .max(520)
      .default(1)
      .describe(
        "Weeks at the start of the given order history that `forecast: history` counts (default 1)",
      ),
    reslot: z
      .strictObject({
        periodDays: z
          .number()
          .gt(0)
          .max(365)
          .describe("Days between re-slottings, the first one period after the start"),
        maxMoves: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(20)
          .describe("Most face moves one re-slotting makes (default 20)"),
      })
      .optional()
      .describe(
        "Periodic re-slotting by the lines released in the last period: replenishers move faces (a cold SKU out of a near face, a hot one in), as tasks that count in their labour (default none)",
      ),
  })
  .prefault({})
  .describe("Slotting: how SKUs get their pick faces (see docs/scenarios.md, Slotting)");
