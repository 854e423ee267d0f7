/** Random storage: any location the load fits, each equally likely (needs `setup.random`). */
import { prepareSetup, randomFit } from "./capacity.ts";
import type { PutawayRuleFactory } from "./types.ts";

/** Puts each load in a uniformly random location it fits; `noSpace` when none. */
export const random: PutawayRuleFactory = (setup) => {
  const { locations, fits } = prepareSetup(setup);
  const stream = setup.random;
  if (!stream)
    throw new TypeError("putaway random: setup.random is missing (pass sim.random(name))");
  return (request, contentsOf) => {
    const hit = randomFit(locations, fits, request, contentsOf, stream);
    return hit ? { status: "placed", locationId: hit.id, overflow: false } : { status: "noSpace" };
  };
};
