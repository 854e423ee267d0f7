/**
 * Activity time standards (`timeStandards` in the scenario): seconds per case or unit
 * handled at a location, by its type, and per scan, label, carton and wrap at a station,
 * each times a draw of the activity's variation when the scenario gives one. The worker's
 * own pace (handlingFactor) applies where the time is spent (activities.ts `handle`).
 */
import { type DistSpec, type Simulation, sampler } from "../../engine/index.ts";
import type { LocationType } from "../../layout/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { World } from "../world.ts";

/** Activities handled at a storage location, by its type. */
export type LocationActivity = "casePick" | "unitPick";
/** Activities at a pack station or staging lane. */
export type StationActivity = "scan" | "label" | "cartonErect" | "wrap";
/** Every activity with a standard beside the pallet moves. */
export type StandardActivity = LocationActivity | StationActivity;

/** A draw of each activity's variation factor; absent: the standard as it is. */
export type ActivityVariation = Partial<Record<StandardActivity, () => number>>;

const ACTIVITIES: readonly StandardActivity[] = [
  "casePick",
  "unitPick",
  "scan",
  "label",
  "cartonErect",
  "wrap",
];

/** The variation draws of the scenario, each on its stream `handling.<activity>`. */
export function activityVariations(sim: Simulation, scenario: Scenario): ActivityVariation {
  const out: ActivityVariation = {};
  for (const activity of ACTIVITIES) {
    const spec = scenario.timeStandards.variation[activity];
    if (!spec) continue;
    const draw = sampler(spec as DistSpec);
    const stream = sim.random(`handling.${activity}`);
    out[activity] = () => Math.max(0, draw(stream));
  }
  return out;
}

/** Seconds of `count` cases or units handled at a location of `type` (a dock when absent). */
export function locationStandardS(
  world: World,
  activity: LocationActivity,
  type: LocationType | undefined,
  count: number,
): number {
  if (count <= 0) return 0;
  const standards = world.scenario.timeStandards;
  const table = activity === "casePick" ? standards.casePickS : standards.unitPickS;
  const seconds = count * table[type ?? "dock"];
  const variation = world.activityVariation[activity];
  return variation ? seconds * variation() : seconds;
}

/** The time-standards field of each station activity (no key string built per call). */
const STATION_FIELD = {
  scan: "scanS",
  label: "labelS",
  cartonErect: "cartonErectS",
  wrap: "wrapS",
} as const satisfies Record<StationActivity, `${StationActivity}S`>;

/** Seconds of `count` occurrences of a station activity (one variation draw for them all). */
export function stationStandardS(world: World, activity: StationActivity, count = 1): number {
  if (count <= 0) return 0;
  const standards = world.scenario.timeStandards;
  const seconds = count * standards[STATION_FIELD[activity]];
  const variation = world.activityVariation[activity];
  return variation ? seconds * variation() : seconds;
}
