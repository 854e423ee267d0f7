/**
 * The scenario parameters the in-browser what-if changes, read from and applied to a
 * resolved scenario (a plain-data copy; the input is never mutated).
 */
import type { Scenario } from "../../../src/scenario/index.ts";

/** What the user can change. */
export interface WhatIfParams {
  /** Picker headcount per shift name. */
  pickersByShift: Record<string, number>;
  /** Mean customer orders per day. */
  ordersPerDay: number;
  /** Picker routing policy name (sShape, return, midpoint, largestGap, combined, optimal). */
  routing: string;
  /** Simulated days; the warm-up is one day shorter at most. */
  horizonDays: number;
}

/** The parameters as the scenario sets them. */
export function paramsOf(scenario: Scenario): WhatIfParams {
  const crews = scenario.workforce.roles.picker?.crews ?? [];
  const pickersByShift: Record<string, number> = {};
  for (const c of crews) pickersByShift[c.shift] = (pickersByShift[c.shift] ?? 0) + c.headcount;
  return {
    pickersByShift,
    ordersPerDay: scenario.outbound.ordersPerDay,
    routing: scenario.outbound.picking.routing,
    horizonDays: scenario.horizonDays,
  };
}

/** A copy of `scenario` with `params` applied. */
export function applyParams(scenario: Scenario, params: WhatIfParams): Scenario {
  const s = structuredClone(scenario) as Scenario;
  const picker = s.workforce.roles.picker;
  if (picker) {
    const seen = new Set<string>();
    picker.crews = picker.crews
      .map((c) => {
        // One crew per shift carries the shift's headcount; later crews of the same shift go.
        if (seen.has(c.shift)) return null;
        seen.add(c.shift);
        return { ...c, headcount: params.pickersByShift[c.shift] ?? c.headcount };
      })
      .filter((c): c is NonNullable<typeof c> => c !== null && c.headcount > 0);
  }
  s.outbound.ordersPerDay = params.ordersPerDay;
  (s.outbound.picking as { routing: string }).routing = params.routing;
  s.horizonDays = params.horizonDays;
  s.warmupDays = Math.min(s.warmupDays, Math.max(0, params.horizonDays - 1));
  return s;
}
