/**
 * Explicit layout: aisles, locations and doors given by hand. Each location's access point
 * is its projection onto the centre line of the aisle it names.
 */
import type { ExplicitSpec } from "../spec.ts";
import type { Layout, Location } from "../types.ts";
import { aisleOf } from "./shared.ts";

/** Projects (x, y) onto a polyline: foot point and distance along it from the first point. */
function projectOnPolyline(
  points: readonly [number, number][],
  x: number,
  y: number,
): { x: number; y: number; positionM: number; distanceM: number } {
  let best = {
    x: points[0][0],
    y: points[0][1],
    positionM: 0,
    distanceM: Number.POSITIVE_INFINITY,
  };
  let along = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    const t =
      len === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (len * len)));
    const fx = ax + t * dx;
    const fy = ay + t * dy;
    const d = Math.hypot(x - fx, y - fy);
    if (d < best.distanceM) best = { x: fx, y: fy, positionM: along + t * len, distanceM: d };
    along += len;
  }
  return best;
}

/** Builds a layout from explicit geometry. */
export function explicitLayout(spec: ExplicitSpec): Layout {
  const aisles = spec.aisles.map((a) =>
    aisleOf(a.id, "picking", a.points, a.widthM, a.narrow, a.zone, a.oneWay),
  );
  const crossAisles = spec.crossAisles.map((a) =>
    aisleOf(a.id, "cross", a.points, a.widthM, a.narrow, a.zone, a.oneWay),
  );
  const byId = new Map([...aisles, ...crossAisles].map((a) => [a.id, a]));
  const bayCount = new Map<string, number>();
  const locations: Location[] = spec.locations.map((l) => {
    const aisle = byId.get(l.aisle)!;
    const foot = projectOnPolyline(aisle.points, l.x, l.y);
    const bay = (bayCount.get(l.aisle) ?? 0) + 1;
    bayCount.set(l.aisle, bay);
    return {
      id: l.id,
      x: l.x,
      y: l.y,
      zone: l.zone,
      type: l.type,
      address: { rack: l.aisle, bay, level: l.level, slot: 1 },
      capacity: { ...l.capacity },
      aisle: l.aisle,
      access: { x: foot.x, y: foot.y, positionM: foot.positionM },
      level: l.level,
      heightM: l.heightM,
    };
  });
  return {
    name: spec.name,
    widthM: spec.widthM,
    depthM: spec.depthM,
    zones: spec.zones.map((z) => ({ ...z })),
    aisles,
    crossAisles,
    racks: [],
    locations,
    docks: spec.docks.map((d) => ({ ...d })),
    stagingLanes: [],
    packStations: spec.packStations.map((p) => ({ ...p })),
    pdPoints: spec.pdPoints.map((p) => ({ ...p })),
    parameters: { ...spec },
  };
}
