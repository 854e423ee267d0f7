/**
 * The scenario's layout and site: built once per scenario and shared by its replications,
 * which only read them.
 */
import { buildLayout, createTravelModel, type Layout } from "../layout/index.ts";
import type { Scenario } from "../scenario/index.ts";
import { buildSite, type Site } from "./storage/site.ts";
import { forecastSlotOrder } from "./storage/slotting.ts";

/** Builds the scenario's layout (throws InputError if the layout is invalid). */
export function scenarioLayout(scenario: Scenario, file = "<scenario>"): Layout {
  return buildLayout(
    scenario.layout,
    scenario.layoutFile ?? file,
    scenario.layoutFile ? "" : "layout",
  );
}

/** Pick zones of the scenario (1 unless zone picking). */
export function pickZones(scenario: Scenario): number {
  return scenario.outbound.picking.method === "zone" ? scenario.outbound.picking.zones : 1;
}

/**
 * Builds the layout, its travel model and the site of `scenario` (throws InputError if the
 * layout cannot serve it). A run only reads the site, so replications of one scenario may
 * share it: see scenarioSiteKey().
 */
export function buildScenarioSite(scenario: Scenario): Site {
  const layout = scenarioLayout(scenario);
  const travel = createTravelModel(layout);
  const file = scenario.layoutFile ?? "<scenario>";
  const slotOrder = forecastSlotOrder(scenario);
  return buildSite(layout, travel, scenario.skus.count, pickZones(scenario), file, slotOrder);
}

/** The inputs buildScenarioSite() reads, as a string: equal keys build equal sites. */
export function scenarioSiteKey(scenario: Scenario): string {
  return JSON.stringify([
    scenario.layoutFile ?? null,
    scenario.layout,
    scenario.skus.count,
    pickZones(scenario),
    forecastSlotOrder(scenario),
  ]);
}
