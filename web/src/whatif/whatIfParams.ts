/**
 * The scenario parameters the in-browser what-if changes, read from and applied to a
 * resolved scenario (a plain-data copy; the input is never mutated).
 */
import type { Scenario } from "../../../src/scenario/index.ts";

/** Roles whose headcount per shift the what-if changes. */
export const CREW_ROLES = ["picker", "packer", "loader"] as const;

/** A role the what-if staffs. */
export type CrewRole = (typeof CREW_ROLES)[number];

/** What the user can change. */
export interface WhatIfParams {
  /** Headcount per role and shift name. */
  crews: Record<CrewRole, Record<string, number>>;
  /** Start and end (`HH:MM`) of each shift. */
  shifts: Record<string, { start: string; end: string }>;
  /** Order cut-off before departure per carrier name, min. */
  cutoffMin: Record<string, number>;
  /** Pack stations of a generated layout; null when the layout is explicit. */
  packStations: number | null;
  /** Mean customer orders per day. */
  ordersPerDay: number;
  /** Picker routing policy name (sShape, return, midpoint, largestGap, combined, optimal). */
  routing: string;
  /** Simulated days; the warm-up is one day shorter at most. */
  horizonDays: number;
}

function crewsOf(scenario: Scenario, role: CrewRole): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of scenario.workforce.roles[role]?.crews ?? []) {
    out[c.shift] = (out[c.shift] ?? 0) + c.headcount;
  }
  return out;
}

/** The generator layout's pack-station count, or null for an explicit layout. */
function packStationsOf(scenario: Scenario): number | null {
  const layout = scenario.layout as unknown as { generator?: string; packStations?: unknown };
  return typeof layout === "object" && layout?.generator && typeof layout.packStations === "number"
    ? layout.packStations
    : null;
}

/** The parameters as the scenario sets them. */
export function paramsOf(scenario: Scenario): WhatIfParams {
  const crews = Object.fromEntries(CREW_ROLES.map((r) => [r, crewsOf(scenario, r)])) as Record<
    CrewRole,
    Record<string, number>
  >;
  return {
    crews,
    shifts: Object.fromEntries(
      Object.entries(scenario.workforce.shifts).map(([name, s]) => [
        name,
        { start: s.start, end: s.end },
      ]),
    ),
    cutoffMin: Object.fromEntries(scenario.outbound.carriers.map((c) => [c.name, c.cutoffMin])),
    packStations: packStationsOf(scenario),
    ordersPerDay: scenario.outbound.ordersPerDay,
    routing: scenario.outbound.picking.routing,
    horizonDays: scenario.horizonDays,
  };
}

/** Sets a role's headcount per shift: one crew per shift carries it; crews of 0 go. */
function applyCrews(s: Scenario, role: CrewRole, byShift: Record<string, number>): void {
  const spec = s.workforce.roles[role];
  if (!spec) return;
  const seen = new Set<string>();
  const kept: typeof spec.crews = [];
  for (const c of spec.crews) {
    if (seen.has(c.shift)) continue;
    seen.add(c.shift);
    kept.push({ ...c, headcount: byShift[c.shift] ?? c.headcount });
  }
  // A shift the role did not work yet gets a crew when the user staffs it.
  for (const [shift, headcount] of Object.entries(byShift)) {
    if (!seen.has(shift) && headcount > 0) kept.push({ ...(kept[0] ?? {}), shift, headcount });
  }
  spec.crews = kept.filter((c) => c.headcount > 0);
}

/** A copy of `scenario` with `params` applied. */
export function applyParams(scenario: Scenario, params: WhatIfParams): Scenario {
  const s = structuredClone(scenario) as Scenario;
  for (const role of CREW_ROLES) applyCrews(s, role, params.crews[role] ?? {});
  for (const [name, shift] of Object.entries(params.shifts)) {
    const target = s.workforce.shifts[name];
    if (target) Object.assign(target, shift);
  }
  for (const c of s.outbound.carriers) c.cutoffMin = params.cutoffMin[c.name] ?? c.cutoffMin;
  if (params.packStations !== null && packStationsOf(s) !== null) {
    (s.layout as unknown as { packStations: number }).packStations = params.packStations;
  }
  s.outbound.ordersPerDay = params.ordersPerDay;
  (s.outbound.picking as { routing: string }).routing = params.routing;
  s.horizonDays = params.horizonDays;
  s.warmupDays = Math.min(s.warmupDays, Math.max(0, params.horizonDays - 1));
  return s;
}
