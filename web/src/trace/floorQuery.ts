/**
 * Time lookups on the floor's doors, pack stations and blocking waits: who holds a door or
 * station at T, the share of time it was held up to T, and the waits going on at T.
 */
import { lastAtOrBefore } from "./playbackQuery.ts";
import type { BlockEvents, DoorSeries, HoldSeries } from "./traceIndex.ts";

/** The holder of `s` at time `t` ("" when free or before its first record). */
export function holderAt(s: HoldSeries | undefined, t: number): string {
  if (!s) return "";
  const i = lastAtOrBefore(s.t, t);
  return i < 0 ? "" : s.holder[i];
}

/** A door's trailer at `t` and its pallets and pallet places (NaN while unknown). */
export interface DoorState {
  trailer: string;
  pallets: number;
  palletPlaces: number;
}

/** The trailer at door `d` at time `t`, or null when the door is free. */
export function doorAt(d: DoorSeries | undefined, t: number): DoorState | null {
  if (!d) return null;
  const i = lastAtOrBefore(d.t, t);
  if (i < 0 || d.holder[i] === "") return null;
  return { trailer: d.holder[i], pallets: d.pallets[i], palletPlaces: d.palletPlaces[i] };
}

/**
 * The share of [fromT, t] during which `s` was held, 0..1; NaN for an empty span. A place
 * with no records was never held.
 */
export function heldShare(s: HoldSeries | undefined, fromT: number, t: number): number {
  if (!(t > fromT)) return Number.NaN;
  if (!s) return 0;
  let heldS = 0;
  for (let i = 0; i < s.t.length && s.t[i] < t; i++) {
    if (s.holder[i] === "") continue;
    const end = i + 1 < s.t.length ? Math.min(s.t[i + 1], t) : t;
    heldS += Math.max(0, end - Math.max(s.t[i], fromT));
  }
  return heldS / (t - fromT);
}

/** Indexes of the waits going on at time `t` (start ≤ t < end), in start order. */
export function blocksAt(b: BlockEvents, t: number): number[] {
  const out: number[] = [];
  const last = lastAtOrBefore(b.t, t);
  // Every wait going on at t started within the longest wait before it.
  for (let i = last; i >= 0 && b.t[i] >= t - b.maxS; i--) if (t < b.untilT[i]) out.push(i);
  return out.reverse();
}
