/**
 * Clock arithmetic on simulated time: the run starts on a Monday at 00:00, time is in
 * seconds. Shift windows and daily timetables (departures, delivery slots, waves).
 */
import { DAY_NAMES } from "../../scenario/schema.ts";

/** Seconds in a day. */
export const DAY_S = 86_400;

/** "HH:MM" → seconds after midnight. */
export function clockS(text: string): number {
  const [h, m] = text.split(":").map(Number);
  return h * 3600 + m * 60;
}

/** Day of week of a time, 0 = Monday. */
export function weekday(timeS: number): number {
  return Math.floor(timeS / DAY_S) % 7;
}

/** Day names → a 7-entry mask, Monday first. */
export function dayMask(days: readonly string[]): boolean[] {
  return DAY_NAMES.map((d) => days.includes(d));
}

/**
 * Every occurrence in [fromS, toS) of the daily `times` on the days of `mask`, ascending.
 * `offsetS` is added to each time of day (e.g. a negative cut-off offset).
 */
export function dailyTimes(
  times: readonly string[],
  mask: readonly boolean[],
  fromS: number,
  toS: number,
): number[] {
  const out: number[] = [];
  const clocks = times.map(clockS).sort((a, b) => a - b);
  for (let day = Math.floor(fromS / DAY_S); day * DAY_S < toS; day++) {
    if (!mask[((day % 7) + 7) % 7]) continue;
    for (const c of clocks) {
      const t = day * DAY_S + c;
      if (t >= fromS && t < toS) out.push(t);
    }
  }
  return out;
}

/** One worked interval [startS, endS). */
export interface Window {
  startS: number;
  endS: number;
}

/**
 * The windows of a shift in [0, horizonS + 1 day): starting at `start` on each of its days,
 * ending at `end` (the next day when `end` <= `start`), cut by its breaks. A break with
 * `staggerGroups` g starts (`group` mod g) × its length later: the groups of a crew take it
 * one after another. Windows may overlap the horizon.
 */
export function shiftWindows(
  shift: {
    start: string;
    end: string;
    days: readonly string[];
    breaks?: readonly { start: string; minutes: number; staggerGroups?: number }[];
  },
  horizonS: number,
  group = 0,
): Window[] {
  const mask = dayMask(shift.days);
  const startC = clockS(shift.start);
  let lengthS = clockS(shift.end) - startC;
  if (lengthS <= 0) lengthS += DAY_S;
  const out: Window[] = [];
  for (let day = -1; day * DAY_S < horizonS; day++) {
    if (!mask[((day % 7) + 7) % 7]) continue;
    const startS = day * DAY_S + startC;
    const endS = startS + lengthS;
    if (endS <= 0) continue;
    // Breaks cut the shift into pieces (a break clock before the start is the next day).
    let from = startS;
    const cuts = (shift.breaks ?? [])
      .map((b) => {
        const offsetS = (group % (b.staggerGroups ?? 1)) * b.minutes * 60;
        let at = day * DAY_S + clockS(b.start) + offsetS;
        if (at < startS) at += DAY_S;
        return { at, until: Math.min(endS, at + b.minutes * 60) };
      })
      .filter((b) => b.at < endS)
      .sort((a, b) => a.at - b.at);
    for (const cut of cuts) {
      if (cut.at > from && cut.at > 0) out.push({ startS: Math.max(0, from), endS: cut.at });
      from = Math.max(from, cut.until);
    }
    if (endS > from && endS > 0) out.push({ startS: Math.max(0, from), endS });
  }
  return out;
}

/** Total length of windows clipped to [fromS, toS). */
export function overlapS(windows: readonly Window[], fromS: number, toS: number): number {
  let sum = 0;
  for (const w of windows) sum += Math.max(0, Math.min(w.endS, toS) - Math.max(w.startS, fromS));
  return sum;
}
