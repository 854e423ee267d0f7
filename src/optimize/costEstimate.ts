/**
 * The analytic cost estimate that screens candidates before any simulation: building and
 * racking from the layout, plus the pick travel a year turned into labour — orders a year
 * × the mean pick tour of an order under the routing policy (tourEstimate.ts) ÷ walking
 * speed × the picker's rate; without a tour, lines a year × a single-command trip to a
 * random location (Gue & Meller's measure). The parts that do not depend on the layout
 * (handling, other roles) drop out of the comparison.
 */
import { type DistSpec, distMean } from "../engine/index.ts";
import type { Scenario } from "../scenario/index.ts";
import { annualSpaceCost, equivalentAnnualCost, roleRate } from "../warehouse/cost/index.ts";

/** What the estimate needs of a built layout. */
export interface EstimateLayout {
  widthM: number;
  depthM: number;
  /** Storage locations by type. */
  locationsByType: Record<string, number>;
  avgSingleCommandDistanceM: number;
  /** Mean pick tour of one order, metres (meanPickTourM()); replaces the single-command trip. */
  pickTourMPerOrder?: number;
}

/** The estimate by part, a year, in the scenario's currency. */
export interface CostEstimate {
  space: number;
  racking: number;
  pickTravelLabour: number;
  total: number;
}

/** Estimates the layout-dependent annual cost of `scenario` on `layout`. */
export function estimateAnnualCost(scenario: Scenario, layout: EstimateLayout): CostEstimate {
  const costs = scenario.costs;
  const space = annualSpaceCost(layout, costs.buildingPerM2Year);
  let racking = 0;
  for (const [type, n] of Object.entries(layout.locationsByType)) {
    const spec = (costs.racking as Record<string, { pricePerLocation: number; lifeYears: number }>)[
      type
    ];
    if (spec)
      racking +=
        n * equivalentAnnualCost(spec.pricePerLocation, spec.lifeYears, costs.interestRatePerYear);
  }
  const orders = scenario.outbound.ordersPerDay * 365;
  const travelM =
    layout.pickTourMPerOrder !== undefined
      ? orders * layout.pickTourMPerOrder
      : orders *
        Math.max(1, distMean(scenario.outbound.linesPerOrder as DistSpec)) *
        layout.avgSingleCommandDistanceM;
  const speed = scenario.workforce.roles.picker.speedMps;
  const hours = travelM / speed / 3600;
  const pickTravelLabour = hours * roleRate(costs, "picker");
  return { space, racking, pickTravelLabour, total: space + racking + pickTravelLabour };
}
