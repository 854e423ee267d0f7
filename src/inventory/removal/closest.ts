/** Closest location first: the least travel from the P&D point. */
import { locationDistanceM } from "../location.ts";
import { byIdThenLot, takeInOrder, usable } from "./takeInOrder.ts";
import type { RemovalRuleFactory } from "./types.ts";

/** Takes from the nearest location first (locations missing from the setup come last). */
export const closest: RemovalRuleFactory = (setup = {}) => {
  const distance = new Map(
    (setup.locations ?? []).map((l) => [l.id, locationDistanceM(l, setup)] as const),
  );
  const d = (id: string) => distance.get(id) ?? Number.POSITIVE_INFINITY;
  return (request, stock) =>
    takeInOrder(
      request,
      usable(request, stock).sort(
        (a, b) =>
          d(a.locationId) - d(b.locationId) || a.receivedS - b.receivedS || byIdThenLot(a, b),
      ),
    );
};
