/** First expired, first out: the earliest expiry first; lots without expiry last, FIFO among ties. */
import { byIdThenLot, takeInOrder, usable } from "./takeInOrder.ts";
import type { RemovalRuleFactory } from "./types.ts";

/** Takes from the earliest `expiryS` first and skips lots already expired at `request.nowS`. */
export const fefo: RemovalRuleFactory = () => (request, stock) =>
  takeInOrder(
    request,
    usable(request, stock, false).sort(
      (a, b) =>
        (a.expiryS ?? Number.POSITIVE_INFINITY) - (b.expiryS ?? Number.POSITIVE_INFINITY) ||
        a.receivedS - b.receivedS ||
        byIdThenLot(a, b),
    ),
  );
