/**
 * Fewest locations: visit as few locations as possible, and empty small ones first. If one
 * location can serve the rest of the request, take the smallest such (it is emptied or left
 * with the least); otherwise take the largest and repeat. Largest-first gives the fewest
 * locations; smallest-sufficient last frees locations.
 */
import { byIdThenLot, usable } from "./takeInOrder.ts";
import type { RemovalPick, RemovalRuleFactory } from "./types.ts";

/** Minimises the number of locations visited, emptying partial locations where it can. */
export const fewestLocations: RemovalRuleFactory = () => (request, stock) => {
  const left = usable(request, stock).sort(
    (a, b) => b.available - a.available || a.receivedS - b.receivedS || byIdThenLot(a, b),
  );
  let need = request.quantity;
  const picks: RemovalPick[] = [];
  while (need > 0 && left.length > 0) {
    // Sorted largest first, so scanning from the end finds the smallest sufficient one;
    // none sufficient: the largest (index 0).
    let index = 0;
    for (let i = left.length - 1; i >= 0; i--) {
      if (left[i].available >= need) {
        index = i;
        break;
      }
    }
    const r = left[index];
    const q = Math.min(need, r.available);
    picks.push({ locationId: r.locationId, lot: r.lot, quantity: q });
    need -= q;
    left.splice(index, 1);
  }
  return { picks, shortQuantity: Math.max(0, need) };
};
