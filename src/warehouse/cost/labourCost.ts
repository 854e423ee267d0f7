/**
 * Labour cost of the measured window per role: scheduled shift hours at the role's rate
 * (breaks paid or not), plus overtime — time worked past a shift's end or into a break to
 * finish a task — at the rate times (1 + premium).
 */
import type { Role } from "../../scenario/schema.ts";
import { overlapS, shiftWindows, type Window } from "../workforce/calendar.ts";

/** A shift as the scenario gives it. */
export interface ShiftTimes {
  start: string;
  end: string;
  days: readonly string[];
  breaks?: readonly { start: string; minutes: number }[];
}

/** One worker's accounting: booked on-shift seconds and its (break-cut) shift windows. */
export interface WorkerTime {
  workedS: number;
  windows: readonly Window[];
}

/** Rates and rules of labour pay (the scenario's `costs`). */
export interface LabourRates {
  labourPerHour: number;
  roleLabourPerHour: Partial<Record<Role, number>>;
  overtimePremium: number;
  paidBreaks: boolean;
}

/** A role's labour in the window. */
export interface RoleLabour {
  paidH: number;
  overtimeH: number;
  cost: number;
}

/** The rate of a role: its own, else the common one. */
export function roleRate(rates: LabourRates, role: Role): number {
  return rates.roleLabourPerHour[role] ?? rates.labourPerHour;
}

/** Paid seconds of one worker on a shift in [fromS, toS): the shift's span, less unpaid breaks. */
export function paidShiftS(
  shift: ShiftTimes,
  paidBreaks: boolean,
  horizonS: number,
  fromS: number,
  toS: number,
): number {
  const windows = shiftWindows(paidBreaks ? { ...shift, breaks: [] } : shift, horizonS);
  return overlapS(windows, fromS, toS);
}

/**
 * Labour of one role: `crews` (shift and headcount) give the paid hours; `workers` give
 * the overtime, each worker's booked time beyond its scheduled windows.
 */
export function roleLabour(
  role: Role,
  crews: readonly { shift: ShiftTimes; headcount: number }[],
  workers: readonly WorkerTime[],
  rates: LabourRates,
  window: { fromS: number; toS: number; horizonS: number },
): RoleLabour {
  let paidS = 0;
  for (const crew of crews)
    paidS +=
      crew.headcount *
      paidShiftS(crew.shift, rates.paidBreaks, window.horizonS, window.fromS, window.toS);
  let overtimeS = 0;
  for (const w of workers)
    overtimeS += Math.max(0, w.workedS - overlapS(w.windows, window.fromS, window.toS));
  const rate = roleRate(rates, role);
  const paidH = paidS / 3600;
  const overtimeH = overtimeS / 3600;
  return { paidH, overtimeH, cost: paidH * rate + overtimeH * rate * (1 + rates.overtimePremium) };
}
