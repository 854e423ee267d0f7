/**
 * The routing kernel researchers and tests call directly: one parallel-aisle block, a list
 * of picks and a policy name → the tour and its length.
 */
import { combinedRoute } from "./combined.ts";
import type { Grid } from "./grid.ts";
import { largestGapRoute } from "./largestGap.ts";
import { midpointRoute } from "./midpoint.ts";
import { optimalRoute } from "./optimal.ts";
import { returnRoute } from "./return.ts";
import { sShapeRoute } from "./sShape.ts";
import type { Block, Pick, Route, RoutingPolicy } from "./types.ts";

/**
 * Every policy's tour function, by name. `withTour` (default true) false leaves the route's
 * `tour` empty: the distance and the order are the same, without the waypoints' garbage.
 */
export const routeFunctions: Readonly<
  Record<RoutingPolicy, (block: Block | Grid, picks: readonly Pick[], withTour?: boolean) => Route>
> = {
  sShape: sShapeRoute,
  return: returnRoute,
  midpoint: midpointRoute,
  largestGap: largestGapRoute,
  combined: combinedRoute,
  optimal: optimalRoute,
};

/**
 * Tour through `picks` in `block` under `policy`, from the depot (front end of aisle
 * `block.depotAisle`, default the first) back to it. Returns `{ distanceM, tour, order }`
 * with the tour as block-coordinate waypoints (x = aisle · aisleSpacingM, y = position).
 * With middle cross aisles, S-shape, midpoint, largest gap and combined follow the
 * multi-block frame of Roodbergen & de Koster (2001) (see `multiBlock.ts`), return ignores
 * cross aisles, and `optimal` stays exact (up to 4 middle cross aisles).
 */
export function routeLength(block: Block, picks: readonly Pick[], policy: RoutingPolicy): Route {
  const route = routeFunctions[policy];
  if (!route) throw new RangeError(`unknown routing policy ${JSON.stringify(policy)}`);
  return route(block, picks);
}
