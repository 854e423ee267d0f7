/** Last in, first out: the newest receipt first (drive-in racks, non-perishables). */
import { byIdThenLot, takeInOrder, usable } from "./takeInOrder.ts";
import type { RemovalRuleFactory } from "./types.ts";

/** Takes from the latest `receivedS` first. */
export const lifo: RemovalRuleFactory = () => (request, stock) =>
  takeInOrder(
    request,
    usable(request, stock).sort((a, b) => b.receivedS - a.receivedS || byIdThenLot(a, b)),
  );
