/**
 * The windows of the scenario's shifts in simulated time (s from Monday 00:00): each shift's
 * start to end on each of its days, a shift ending before it starts running past midnight.
 */

/** A shift as the resolved scenario holds it (`workforce.shifts.<name>`). */
export interface ShiftSpec {
  start: string;
  end: string;
  days: string[];
}

/** One occurrence of a shift. */
export interface ShiftWindow {
  shift: string;
  fromS: number;
  toS: number;
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function clockS(text: string): number {
  const [h, m] = text.split(":").map(Number);
  return h * 3600 + m * 60;
}

/** Every shift window that overlaps [fromS, toS), clipped to it, in time order. */
export function shiftWindows(
  shifts: Record<string, ShiftSpec>,
  fromS: number,
  toS: number,
): ShiftWindow[] {
  const out: ShiftWindow[] = [];
  for (const [shift, spec] of Object.entries(shifts)) {
    const start = clockS(spec.start);
    let end = clockS(spec.end);
    if (end <= start) end += 86_400;
    for (let day = Math.floor(fromS / 86_400) - 1; day * 86_400 < toS; day++) {
      if (day < 0 || !spec.days.includes(DAYS[day % 7])) continue;
      const a = Math.max(fromS, day * 86_400 + start);
      const b = Math.min(toS, day * 86_400 + end);
      if (b > a) out.push({ shift, fromS: a, toS: b });
    }
  }
  return out.sort((x, y) => x.fromS - y.fromS || x.shift.localeCompare(y.shift));
}
