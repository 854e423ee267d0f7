/**
 * Fixed (dedicated) slots: each SKU goes to its assigned locations, in order; when they are
 * full the load overflows to the nearest location dedicated to no SKU.
 */
import { byDistance } from "../location.ts";
import { ownThenOverflow, prepareSetup } from "./capacity.ts";
import type { PutawayRuleFactory } from "./types.ts";

/** Reads `setup.assignment` (SKU id → location ids). */
export const fixed: PutawayRuleFactory = (setup) => {
  const { locations, fits } = prepareSetup(setup);
  const byId = new Map(locations.map((l) => [l.id, l]));
  const assignment = setup.assignment ?? {};
  const dedicated = new Set(Object.values(assignment).flat());
  const overflow = byDistance(
    locations.filter((l) => !dedicated.has(l.id)),
    setup,
  );
  return (request, contentsOf) => {
    const own = (assignment[request.sku.id] ?? [])
      .map((id) => byId.get(id))
      .filter((l) => l !== undefined);
    return ownThenOverflow(own, overflow, fits, request, contentsOf);
  };
};
