/**
 * A payback period in words with its 95 % interval, in the unit a planner reads it in:
 * days under a month, months under two years, years beyond; enough decimals that the
 * interval's ends differ when they do.
 */

/** A payback in years and its range from the saving's interval (null: not paid back). */
export interface PaybackYears {
  mean: number | null;
  low: number | null;
  high: number | null;
}

const DAYS_PER_YEAR = 365.25;

/** The unit of a payback of `years`, and how many of it make a year. */
function unitOf(years: number): { unit: string; perYear: number } {
  if (years < 1 / 12) return { unit: "days", perYear: DAYS_PER_YEAR };
  if (years < 2) return { unit: "months", perYear: 12 };
  return { unit: "years", perYear: 1 };
}

/** The fewest decimals (1 to 3; 0 from 10 up) at which values that differ read differently. */
function decimalsFor(values: readonly number[]): number {
  const first = Math.min(...values) >= 10 ? 0 : 1;
  for (let d = first; d < 3; d++) {
    if (new Set(values.map((v) => v.toFixed(d))).size === new Set(values).size) return d;
  }
  return 3;
}

/**
 * `7.4 months (95 % interval 7.1 to 7.8)`; `no payback` when the mean saving is not
 * positive; the mean alone, flagged, when the interval reaches no saving.
 */
export function paybackText(p: PaybackYears | undefined): string {
  if (!p || p.mean === null) return "no payback";
  const { unit, perYear } = unitOf(p.mean);
  const shown = [p.mean, p.low, p.high].filter((v): v is number => v !== null);
  const d = decimalsFor(shown.map((v) => v * perYear));
  const text = (years: number) => (years * perYear).toFixed(d);
  if (p.high === null)
    return `${text(p.mean)} ${unit} on the mean saving (the interval includes no saving)`;
  const low = p.low ?? p.mean;
  return `${text(p.mean)} ${unit} (95 % interval ${text(low)} to ${text(p.high)})`;
}
