/**
 * Annual cost of the facility a layout needs: racking per location by type (annualised
 * over its life) and the building over the layout's footprint.
 */
import type { Layout } from "../../layout/index.ts";
import { equivalentAnnualCost } from "./equivalentAnnualCost.ts";

/** Racking of one location type (the scenario's `costs.racking.<type>`). */
export interface RackingCostSpec {
  pricePerLocation: number;
  lifeYears: number;
}

/** Annual racking cost of the layout's locations; a type without a price costs nothing. */
export function annualRackingCost(
  locations: Layout["locations"],
  racking: Partial<Record<string, RackingCostSpec>>,
  rate: number,
): number {
  const counts = new Map<string, number>();
  for (const l of locations) counts.set(l.type, (counts.get(l.type) ?? 0) + 1);
  let cost = 0;
  for (const [type, n] of counts) {
    const spec = racking[type];
    if (spec) cost += n * equivalentAnnualCost(spec.pricePerLocation, spec.lifeYears, rate);
  }
  return cost;
}

/** Annual building cost: the footprint (width × depth) at a price per m² per year. */
export function annualSpaceCost(
  layout: Pick<Layout, "widthM" | "depthM">,
  perM2Year: number,
): number {
  return layout.widthM * layout.depthM * perM2Year;
}
