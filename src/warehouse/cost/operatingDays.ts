/**
 * Working days in the measured window, the unit by which a window's costs and volumes are
 * scaled to a year: a day counts (pro rata to its part inside the window) when any shift
 * of the scenario starts on that weekday.
 */
import { DAY_S, dayMask } from "../workforce/calendar.ts";

/** Working days (fractional at the window's edges) in [fromS, toS) for the given shifts. */
export function operatingDaysIn(
  shifts: readonly { days: readonly string[] }[],
  fromS: number,
  toS: number,
): number {
  const masks = shifts.map((s) => dayMask(s.days));
  let days = 0;
  for (let day = Math.floor(fromS / DAY_S); day * DAY_S < toS; day++) {
    const weekday = ((day % 7) + 7) % 7;
    if (!masks.some((m) => m[weekday])) continue;
    const overlap = Math.min(toS, (day + 1) * DAY_S) - Math.max(fromS, day * DAY_S);
    days += Math.max(0, overlap) / DAY_S;
  }
  return days;
}

/** The factor that scales a window's amount to a year: working days a year ÷ in the window. */
export function annualFactor(operatingDaysPerYear: number, windowOperatingDays: number): number {
  return windowOperatingDays > 0 ? operatingDaysPerYear / windowOperatingDays : Number.NaN;
}
