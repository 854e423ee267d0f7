/**
 * A reference model for layout search: unit-load single-command travel (P&D point →
 * random location → P&D point) on a scenario's layout, the setting in which Gue & Meller
 * compare aisle designs. Requests draw a uniform number from their own stream, so every
 * layout sees the same request sequence (common random numbers).
 */

import { createStream } from "../engine/index.ts";
import type { RunnerResult } from "../experiment/types.ts";
import { createTravelModel } from "../layout/index.ts";
import type { Scenario } from "../scenario/index.ts";
import { scenarioLayout } from "../warehouse/simulate.ts";

/** Requests per replication. Defaults to 2000. */
export const UNIT_LOAD_REQUESTS = 2000;

/** Simulates single-command requests; KPI `travelMPerRequest` is the mean round trip in metres. */
export function runUnitLoadModel(
  scenario: Scenario & { unitLoadRequests?: number },
  options: { seed: number; replication: number },
): RunnerResult {
  const layout = scenarioLayout(scenario);
  const travel = createTravelModel(layout);
  const pd = travel.anchor(layout.pdPoints[0].id);
  const anchors = layout.locations.map((l) => travel.anchor(l.id));
  const requests = createStream(options.seed, "unitLoadRequests", options.replication);
  const n = scenario.unitLoadRequests ?? UNIT_LOAD_REQUESTS;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = anchors[Math.floor(requests.next() * anchors.length)];
    sum += travel.anchorDistanceM(pd, a) + travel.anchorDistanceM(a, pd);
  }
  return { kpis: { travelMPerRequest: sum / n, locations: anchors.length } };
}
