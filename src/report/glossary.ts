/**
 * Plain names for the internal names of order phases and worker states, so a report reads
 * "waiting for the trailer" where the results say `waitTrailer`.
 */

/** Internal name → plain words. */
export const GLOSSARY: Readonly<Record<string, string>> = {
  waitRelease: "waiting for release",
  waitPicker: "waiting for a picker",
  travel: "travel",
  congestion: "congestion",
  pick: "picking",
  shortPick: "short picks",
  consolidate: "consolidation",
  waitPack: "waiting for packing",
  pack: "packing",
  waitTrailer: "waiting for the trailer",
  travelLoaded: "travelling loaded",
  travelEmpty: "travelling empty",
  handling: "handling",
  waiting: "waiting",
  idle: "idle",
  onTimeShipRate: "on-time shipping",
  fillRateLines: "lines filled from stock",
  backlogAtEndOrders: "orders open at the end",
  orderCycleTimeS: "order cycle time",
  throughputOrdersPerHour: "orders shipped per hour",
  "annualCost.total": "annual cost",
};

/** The plain name of an internal name (the name itself when the glossary lacks it). */
export function plainName(name: string): string {
  return GLOSSARY[name] ?? name;
}

/** A record with its keys in plain names (order kept). */
export function withPlainNames(parts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [plainName(k), v]));
}
