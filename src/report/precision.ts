/**
 * How sure a set of estimates is, in words: the widest 95 % interval relative to its mean,
 * and, for a mean near zero (where a relative width reads as ±300 %), the half-width in the
 * KPI's own unit.
 */
import { formatDifference } from "../common/units.ts";
import { baseUnit } from "./commonSections.ts";
import { formatValue } from "./format.ts";
import { kpiMeta } from "./kpiUnits.ts";
import type { Estimate } from "./resultSchemas.ts";

/** A relative half-width above this reads as noise, not precision: shown in the unit instead. */
export const MAX_RELATIVE_WIDTH = 1;
/** A mean below this share of the KPI's largest mean counts as near zero. */
export const NEAR_ZERO_SHARE = 0.01;

/** One KPI's estimate under a name (a grid point, a candidate). */
export type NamedEstimate = [kpi: string, e: Estimate];

/** True when an estimate's width is better read in its unit than relative to its mean. */
export function absoluteWidth(e: Estimate, largestMean: number): boolean {
  const mean = Math.abs(e.mean);
  return mean === 0 || e.ci95 / mean > MAX_RELATIVE_WIDTH || mean < NEAR_ZERO_SHARE * largestMean;
}

/** `±0.4 pp`, `±12 s`: a half-width in the KPI's unit. */
export function halfWidthInUnit(kpi: string, e: Estimate): string {
  return `±${formatDifference(e.ci95, baseUnit(kpi, e.unit)).replace(/^\+/, "")}`;
}

function largestMeans(estimates: readonly NamedEstimate[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, e] of estimates) out.set(k, Math.max(out.get(k) ?? 0, Math.abs(e.mean)));
  return out;
}

/** The widest estimate of each KPI by half-width (one entry per KPI). */
function widestPerKpi(estimates: readonly NamedEstimate[]): NamedEstimate[] {
  const out = new Map<string, Estimate>();
  for (const [k, e] of estimates) if (e.ci95 > (out.get(k)?.ci95 ?? -1)) out.set(k, e);
  return [...out];
}

/**
 * The precision of `estimates` (replicated, finite) in words: `within ±4.2 % of their means
 * (widest: order cycle time); near zero, in their units: congestion wait ±12 s`. Empty when
 * none is replicated.
 */
export function precisionText(estimates: readonly NamedEstimate[]): string {
  const usable = estimates.filter(([, e]) => e.n > 1 && Number.isFinite(e.ci95));
  const largest = largestMeans(usable);
  const absolute = usable.filter(([k, e]) => absoluteWidth(e, largest.get(k) ?? 0));
  const relative = usable.filter((x) => !absolute.includes(x));
  const parts: string[] = [];
  if (relative.length > 0) {
    const [k, e] = relative.reduce((a, b) =>
      b[1].ci95 / Math.abs(b[1].mean) > a[1].ci95 / Math.abs(a[1].mean) ? b : a,
    );
    const pct = formatValue((e.ci95 / Math.abs(e.mean)) * 100);
    parts.push(`within ±${pct} % of their means (widest: ${kpiMeta(k).label.toLowerCase()})`);
  }
  if (absolute.length > 0) {
    const widths = widestPerKpi(absolute).map(
      ([k, e]) => `${kpiMeta(k).label.toLowerCase()} ${halfWidthInUnit(k, e)}`,
    );
    parts.push(`near zero, so in their units: ${widths.join(", ")}`);
  }
  return parts.join("; ");
}
