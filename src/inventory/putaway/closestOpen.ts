/** Closest open location: the nearest location (to the P&D point) the load fits. */
import { byDistance } from "../location.ts";
import { firstFit, prepareSetup } from "./capacity.ts";
import type { PutawayRuleFactory } from "./types.ts";

/** Puts each load in the nearest location it fits; `noSpace` when none. */
export const closestOpen: PutawayRuleFactory = (setup) => {
  const { locations, fits } = prepareSetup(setup);
  const ordered = byDistance(locations, setup);
  return (request, contentsOf) => {
    const hit = firstFit(ordered, fits, request, contentsOf);
    return hit ? { status: "placed", locationId: hit.id, overflow: false } : { status: "noSpace" };
  };
};
