/**
 * SKUs from a given SKU master (`skus.list`, e.g. read from CSV), most popular first: line
 * shares from the list's `lineShare` weights (normalised) or else the scenario's popularity
 * curve by rank; suppliers by name or else spread by rank over the suppliers' `skuShare`.
 */
import { InputError } from "../../common/inputError.ts";
import { type DistSpec, distMean } from "../../engine/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { benderA, popularityShare } from "./popularity.ts";
import type { SkuInfo } from "./skuMaster.ts";

/** `{ shelfLifeS }` for a shelf life in days, or nothing when there is none. */
export function shelfLife(days: number | undefined): { shelfLifeS?: number } {
  return days === undefined ? {} : { shelfLifeS: days * 86_400 };
}

/** Builds the SkuInfo of every listed SKU. Throws InputError if `skus.count` disagrees. */
export function skusFromList(scenario: Scenario): SkuInfo[] {
  const list = scenario.skus.list ?? [];
  const n = list.length;
  if (scenario.skus.count !== n) {
    throw new InputError({
      file: "<scenario>",
      path: "skus.count",
      value: scenario.skus.count,
      expected: `the number of SKUs in skus.list (${n})`,
    });
  }
  const a = benderA(scenario.skus.popularity.topSkuShare, scenario.skus.popularity.lineShare);
  const weights = list.every((s) => s.lineShare !== undefined)
    ? list.map((s) => s.lineShare ?? 0)
    : undefined;
  const weightSum = weights ? weights.reduce((x, y) => x + y, 0) : 0;
  const suppliers = scenario.inbound.suppliers;
  const shareSum = suppliers.reduce((x, s) => x + s.skuShare, 0);
  const caseUnits = Math.max(1, Math.round(distMean(scenario.skus.unitsPerCase as DistSpec)));
  return list.map((row, rank) => {
    let supplier = row.supplier ? suppliers.findIndex((s) => s.name === row.supplier) : -1;
    if (supplier < 0) {
      let u = ((rank + 0.5) / n) * shareSum;
      supplier = 0;
      while (supplier < suppliers.length - 1 && u >= suppliers[supplier].skuShare) {
        u -= suppliers[supplier].skuShare;
        supplier++;
      }
    }
    return {
      rank,
      sku: {
        id: row.id,
        unitCubeM3: row.unitCubeM3,
        unitWeightKg: row.unitWeightKg,
        unitLoad: "pallet",
        unitsPerPallet: row.unitsPerPallet,
        ...shelfLife(row.shelfLifeDays ?? scenario.skus.shelfLifeDays),
      },
      unitsPerPallet: row.unitsPerPallet,
      unitsPerCase: row.unitsPerCase ?? caseUnits,
      lineShare: weights && weightSum > 0 ? weights[rank] / weightSum : popularityShare(rank, n, a),
      supplier,
    };
  });
}
