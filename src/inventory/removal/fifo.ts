/** First in, first out: the oldest receipt first. */
import { byIdThenLot, takeInOrder, usable } from "./takeInOrder.ts";
import type { RemovalRuleFactory } from "./types.ts";

/** Takes from the earliest `receivedS` first. */
export const fifo: RemovalRuleFactory = () => (request, stock) =>
  takeInOrder(
    request,
    usable(request, stock).sort((a, b) => a.receivedS - b.receivedS || byIdThenLot(a, b)),
  );
