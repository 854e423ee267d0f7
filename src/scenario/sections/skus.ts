/** The `skus` section: the generated SKU master (count, popularity, sizes, shelf life). */
import { z } from "zod";
import { skuDataFields } from "../csvSchema.ts";
import { distSpec } from "../distSpec.ts";
import { MAX_SKUS, MAX_UNITS } from "../limits.ts";

export const skusSchema = z
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
