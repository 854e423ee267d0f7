/** The greedy core of the removal rules: take available units in a given order until done. */
import type { StockRecord } from "../types.ts";
import type { RemovalPlan, RemovalRequest } from "./types.ts";

/** Records of the requested SKU with available units (and not expired, if `keepExpired` is false). */
export function usable(
  request: RemovalRequest,
  stock: readonly StockRecord[],
  keepExpired = true,
): StockRecord[] {
  return stock.filter(
    (r) =>
      r.sku === request.sku &&
      r.available > 0 &&
      (keepExpired ||
        request.nowS === undefined ||
        r.expiryS === undefined ||
        r.expiryS > request.nowS),
  );
}

/** Takes from `ordered` front to back until the request is met. */
export function takeInOrder(request: RemovalRequest, ordered: readonly StockRecord[]): RemovalPlan {
  let need = request.quantity;
  const picks = [];
  for (const r of ordered) {
    if (need <= 0) break;
    const q = Math.min(need, r.available);
    picks.push({ locationId: r.locationId, lot: r.lot, quantity: q });
    need -= q;
  }
  return { picks, shortQuantity: Math.max(0, need) };
}

/** Ties broken by location id, then lot, so plans never depend on input order. */
export function byIdThenLot(a: StockRecord, b: StockRecord): number {
  if (a.locationId !== b.locationId) return a.locationId < b.locationId ? -1 : 1;
  return a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0;
}
