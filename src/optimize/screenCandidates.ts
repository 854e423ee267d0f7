/**
 * The screen: builds and measures each distinct layout, rejects constraint violations and
 * unequal storage, and keeps the layouts with the least analytic annual cost (cost
 * objectives) or single-command travel for simulation.
 */
import { isInputError } from "../common/inputError.ts";
import { buildLayout, createTravelModel, type LayoutSpecInput } from "../layout/index.ts";
import { avgSingleCommandDistanceM } from "../layout/layoutStats.ts";
import type { Scenario } from "../scenario/index.ts";
import { scenarioLayout, scenarioSiteKey } from "../warehouse/simulate.ts";
import { locationsByType, storageDifference } from "./convertGenerator.ts";
import { estimateAnnualCost } from "./costEstimate.ts";
import { type OptimizeSpec, objectiveKpi } from "./optimizeSpec.ts";
import type { LayoutMetrics, SearchCandidate } from "./searchCandidate.ts";
import { meanPickTourM } from "./tourEstimate.ts";

/** Why a converted layout's storage differs from its source layout's, if it does. */
function storageCheck(
  source: Record<string, unknown>,
  converted: LayoutMetrics,
  tolerance: number,
): string | undefined {
  try {
    const built = buildLayout(source as LayoutSpecInput);
    return storageDifference(locationsByType(built), converted.locationsByType, tolerance);
  } catch (error) {
    if (!isInputError(error)) throw error;
    return undefined; // the source is only a sizing step; the converted layout was built
  }
}

/** Builds the candidate's layout and measures it; an unbuildable layout is rejected. */
export function measureLayout(scenario: Scenario): LayoutMetrics {
  const layout = scenarioLayout(scenario);
  const travel = createTravelModel(layout);
  return {
    widthM: layout.widthM,
    depthM: layout.depthM,
    areaM2: layout.widthM * layout.depthM,
    locations: layout.locations.length,
    locationsByType: locationsByType(layout),
    avgSingleCommandDistanceM: avgSingleCommandDistanceM(travel),
  };
}

/**
 * Screens candidates: constraint violations and invalid layouts are rejected; of the rest,
 * the layouts with the least analytic single-command travel are kept (every policy variant
 * of a kept layout stays, since the estimate cannot tell policies apart).
 */
export function screenCandidates(
  candidates: SearchCandidate[],
  spec: OptimizeSpec,
): SearchCandidate[] {
  const c = spec.constraints;
  const feasible: SearchCandidate[] = [];
  const metricsByLayout = new Map<string, LayoutMetrics | string>();
  for (const cand of candidates) {
    if (cand.rejected) continue;
    const layoutKey = JSON.stringify(cand.scenario.layout);
    let m = metricsByLayout.get(layoutKey);
    if (m === undefined) {
      try {
        m = measureLayout(cand.scenario);
      } catch (error) {
        if (!isInputError(error)) throw error;
        m = `invalid layout: ${error.message.split("\n")[0]}`;
      }
      metricsByLayout.set(layoutKey, m);
    }
    if (typeof m === "string") {
      cand.rejected = m;
      continue;
    }
    cand.metrics = m;
    const broken: string[] = [];
    if (c.maxWidthM !== undefined && m.widthM > c.maxWidthM)
      broken.push(`width ${m.widthM.toFixed(1)} m > ${c.maxWidthM}`);
    if (c.maxDepthM !== undefined && m.depthM > c.maxDepthM)
      broken.push(`depth ${m.depthM.toFixed(1)} m > ${c.maxDepthM}`);
    if (c.maxAreaM2 !== undefined && m.areaM2 > c.maxAreaM2)
      broken.push(`area ${m.areaM2.toFixed(0)} m² > ${c.maxAreaM2}`);
    if (c.minStorageLocations !== undefined && m.locations < c.minStorageLocations) {
      broken.push(`${m.locations} locations < ${c.minStorageLocations}`);
    }
    const unequal = cand.storageFrom && storageCheck(cand.storageFrom, m, spec.storageTolerance);
    if (unequal) broken.push(`storage ${unequal}`);
    if (broken.length > 0) cand.rejected = `infeasible: ${broken.join(", ")}`;
    else feasible.push(cand);
  }
  // Cost objectives screen by the analytic cost estimate, others by single-command travel.
  const byCost = spec.model === "warehouse" && objectiveKpi(spec).startsWith("annualCost.");
  const score = scoreLayouts(feasible, byCost);
  const layouts = [...score.keys()].sort((a, b) => score.get(a)! - score.get(b)!);
  const kept: SearchCandidate[] = [];
  for (const layout of layouts) {
    const group = feasible.filter(
      (f) => !f.rejected && JSON.stringify(f.scenario.layout) === layout,
    );
    if (kept.length > 0 && kept.length + group.length > spec.screen.keep) {
      for (const g of group)
        g.rejected = byCost
          ? `screened out: higher analytic annual cost (${Math.round(score.get(layout)!)})`
          : "screened out: longer analytic single-command travel";
      continue;
    }
    kept.push(...group);
  }
  return kept;
}

/**
 * Each layout's screening score: the least analytic annual cost of its candidates (with
 * the mean pick tour of their orders under their routing policy), or its single-command
 * travel. A candidate whose orders cannot be placed on the layout is rejected.
 */
function scoreLayouts(feasible: readonly SearchCandidate[], byCost: boolean): Map<string, number> {
  const score = new Map<string, number>();
  const tours = new Map<string, number>();
  for (const f of feasible) {
    const key = JSON.stringify(f.scenario.layout);
    const m = f.metrics!;
    if (!byCost) {
      score.set(key, m.avgSingleCommandDistanceM);
      continue;
    }
    let tourM: number;
    try {
      tourM = pickTourOf(f.scenario, tours);
    } catch (error) {
      if (!isInputError(error)) throw error;
      f.rejected = `invalid: ${error.message.split("\n")[0]}`;
      continue;
    }
    f.costEstimate = estimateAnnualCost(f.scenario, { ...m, pickTourMPerOrder: tourM });
    score.set(key, Math.min(score.get(key) ?? Number.POSITIVE_INFINITY, f.costEstimate.total));
  }
  return score;
}

/** The mean pick tour of a candidate's orders, once per site, policy and order profile. */
function pickTourOf(scenario: Scenario, cache: Map<string, number>): number {
  const out = scenario.outbound;
  const key = JSON.stringify([
    scenarioSiteKey(scenario),
    scenario.skus.popularity,
    out.picking.routing,
    out.linesPerOrder,
  ]);
  let tourM = cache.get(key);
  if (tourM === undefined) {
    tourM = meanPickTourM(scenario);
    cache.set(key, tourM);
  }
  return tourM;
}
