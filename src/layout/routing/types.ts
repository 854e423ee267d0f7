/**
 * Shared types of the picker routing policies: a parallel-aisle block, picks in it, and the
 * tour a policy returns. Block coordinates: aisle `i` runs along x = i · aisleSpacingM, from
 * the front cross aisle (y = 0) to the back cross aisle (y = aisleLengthM).
 */

/** The routing policies, chosen by name. */
export type RoutingPolicy =
  | "sShape"
  | "return"
  | "midpoint"
  | "largestGap"
  | "combined"
  | "optimal";

/** Every routing policy name, in the order reports list them. */
export const routingPolicies: readonly RoutingPolicy[] = [
  "sShape",
  "return",
  "midpoint",
  "largestGap",
  "combined",
  "optimal",
];

/**
 * A parallel-aisle picking area: `aisles` aisles at centre spacing `aisleSpacingM`, each
 * `aisleLengthM` long between the front and back cross-aisle centre lines, with
 * `crossAisles` evenly spaced middle cross aisles (default 0: one block). The depot is at
 * the front end of aisle `depotAisle` (default 0, the first aisle).
 */
export interface Block {
  aisles: number;
  aisleLengthM: number;
  aisleSpacingM: number;
  crossAisles?: number;
  depotAisle?: number;
}

/** A pick: 0-based aisle index and distance from the front cross aisle, metres. */
export interface Pick {
  aisle: number;
  positionM: number;
}

/** A tour through a block. */
export interface Route {
  /** Total travel, metres (depot to depot). */
  distanceM: number;
  /**
   * Waypoints `[x, y]` in block coordinates, from the depot back to the depot; empty when
   * the policy was called with `withTour` false.
   */
  tour: [number, number][];
  /** Indices into `picks`, in the order the tour passes them. */
  order: number[];
}
