/**
 * The one-time cost of changing a layout into another: every location of the new layout
 * that has no location of the same type at the same place and level in the old one is
 * moved (built anew), at a price per moved location.
 */
import type { Layout } from "../../layout/index.ts";

/** A location's place: type, centre to the centimetre, level. */
function placeKey(l: Layout["locations"][number]): string {
  return `${l.type}|${Math.round(l.x * 100)}|${Math.round(l.y * 100)}|${l.level}`;
}

/** Locations of `next` without a same-type location at the same place and level in `current`. */
export function movedLocations(
  current: Pick<Layout, "locations">,
  next: Pick<Layout, "locations">,
): number {
  const left = new Map<string, number>();
  for (const l of current.locations) left.set(placeKey(l), (left.get(placeKey(l)) ?? 0) + 1);
  let moved = 0;
  for (const l of next.locations) {
    const key = placeKey(l);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else moved++;
  }
  return moved;
}

/** One-time cost of re-laying `current` out as `next`. */
export function relayoutCost(
  current: Pick<Layout, "locations">,
  next: Pick<Layout, "locations">,
  perLocation: number,
): number {
  return movedLocations(current, next) * perLocation;
}
