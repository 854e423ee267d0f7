/**
 * Summary figures of a layout: location counts and capacity by zone and type, aisle counts,
 * and the expected single-command (P&D → location → P&D) travel under random storage.
 */
import type { TravelModel } from "./travelModel.ts";
import type { Layout } from "./types.ts";

/** Counts and capacity of a group of locations. */
export interface CapacityTotals {
  locations: number;
  cubeM3: number;
  weightKg: number;
  unitLoads: number;
}

/** What `whsim layout` reports. */
export interface LayoutStats {
  name: string;
  widthM: number;
  depthM: number;
  areaM2: number;
  locations: number;
  /** Floor-level positions (level 1). */
  floorPositions: number;
  byZone: Record<string, CapacityTotals>;
  byType: Record<string, CapacityTotals>;
  pickingAisles: number;
  crossAisles: number;
  docks: { inbound: number; outbound: number };
  stagingLanes: number;
  packStations: number;
  /** Mean round trip P&D → location → P&D over all locations (random storage), metres. */
  avgSingleCommandDistanceM: number;
  /** The P&D point used. */
  pdPoint: string;
}

/**
 * Mean single-command round trip from a P&D point to every location and back, metres
 * (random storage: every location equally likely). Defaults to the first P&D point.
 */
export function avgSingleCommandDistanceM(travel: TravelModel, pdPoint?: string): number {
  const layout = travel.layout;
  const pd = pdPoint ?? layout.pdPoints[0]?.id;
  if (pd === undefined || layout.locations.length === 0) return 0;
  const from = travel.anchor(pd);
  let sum = 0;
  for (const l of layout.locations) {
    const a = travel.anchor(l.id);
    sum += travel.anchorDistanceM(from, a) + travel.anchorDistanceM(a, from);
  }
  return sum / layout.locations.length;
}

/** Counts, capacities and the single-command distance of a layout. */
export function layoutStats(layout: Layout, travel: TravelModel): LayoutStats {
  const byZone: Record<string, CapacityTotals> = {};
  const byType: Record<string, CapacityTotals> = {};
  const add = (
    map: Record<string, CapacityTotals>,
    key: string,
    c: Layout["locations"][number],
  ) => {
    const t = (map[key] ??= { locations: 0, cubeM3: 0, weightKg: 0, unitLoads: 0 });
    t.locations++;
    t.cubeM3 += c.capacity.cubeM3;
    t.weightKg += c.capacity.weightKg;
    t.unitLoads += c.capacity.unitLoads;
  };
  for (const l of layout.locations) {
    add(byZone, l.zone, l);
    add(byType, l.type, l);
  }
  return {
    name: layout.name,
    widthM: layout.widthM,
    depthM: layout.depthM,
    areaM2: layout.widthM * layout.depthM,
    locations: layout.locations.length,
    floorPositions: layout.locations.filter((l) => l.level === 1).length,
    byZone,
    byType,
    pickingAisles: layout.aisles.length,
    crossAisles: layout.crossAisles.length,
    docks: {
      inbound: layout.docks.filter((d) => d.kind === "inbound").length,
      outbound: layout.docks.filter((d) => d.kind === "outbound").length,
    },
    stagingLanes: layout.stagingLanes.length,
    packStations: layout.packStations.length,
    avgSingleCommandDistanceM: avgSingleCommandDistanceM(travel),
    pdPoint: layout.pdPoints[0]?.id ?? "",
  };
}
