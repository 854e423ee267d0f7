/**
 * The generated SKU master: attributes drawn from the scenario's distributions on a stream
 * of its own ("skus"), independent of the layout, so every layout sees the same SKUs.
 * SKU ids are ranked by popularity: `S00001` is the most popular.
 */
import { type DistSpec, type RandomStream, sampler } from "../../engine/index.ts";
import type { Sku } from "../../inventory/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { benderA, popularityShare } from "./popularity.ts";
import { shelfLife, skusFromList } from "./skuList.ts";

/** A generated SKU with what the simulation needs beside the master data. */
export interface SkuInfo {
  /** Popularity rank, 0 = most popular; also the index in every per-SKU array. */
  rank: number;
  sku: Sku;
  unitsPerPallet: number;
  /** Units in one case (the outer carton); a case's cube is unitsPerCase × unitCubeM3. */
  unitsPerCase: number;
  /** Share of order lines, 0..1. */
  lineShare: number;
  /** Supplier index in `scenario.inbound.suppliers`. */
  supplier: number;
}

/**
 * Generates the SKU master of a scenario: attributes from `stream`, case sizes from
 * `caseStream` (a stream of their own, so adding cases leaves every other draw as it was).
 */
export function generateSkus(
  scenario: Scenario,
  stream: RandomStream,
  caseStream: RandomStream,
): SkuInfo[] {
  if (scenario.skus.list) return skusFromList(scenario);
  const { count, popularity, unitCubeM3, palletLoadCubeM3, densityKgPerM3 } = scenario.skus;
  const a = benderA(popularity.topSkuShare, popularity.lineShare);
  const cube = sampler(unitCubeM3 as DistSpec);
  const caseUnits = sampler(scenario.skus.unitsPerCase as DistSpec);
  const suppliers = scenario.inbound.suppliers;
  const shareSum = suppliers.reduce((a, b) => a + b.skuShare, 0);
  const width = String(count).length;
  const out: SkuInfo[] = [];
  for (let rank = 0; rank < count; rank++) {
    const unitCube = Math.max(1e-6, cube(stream));
    const unitsPerPallet = Math.max(1, Math.floor(palletLoadCubeM3 / unitCube));
    let u = stream.next() * shareSum;
    let supplier = 0;
    while (supplier < suppliers.length - 1 && u >= suppliers[supplier].skuShare) {
      u -= suppliers[supplier].skuShare;
      supplier++;
    }
    out.push({
      rank,
      sku: {
        id: `S${String(rank + 1).padStart(Math.max(5, width), "0")}`,
        unitCubeM3: unitCube,
        unitWeightKg: unitCube * densityKgPerM3,
        unitLoad: "pallet",
        unitsPerPallet,
        ...shelfLife(scenario.skus.shelfLifeDays),
      },
      unitsPerPallet,
      unitsPerCase: Math.max(1, Math.round(caseUnits(caseStream))),
      lineShare: popularityShare(rank, count, a),
      supplier,
    });
  }
  return out;
}
