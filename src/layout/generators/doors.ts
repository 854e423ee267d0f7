/**
 * Dock doors and their staging lanes, placed by material flow: U (arrival and departure
 * doors on the front wall), I (arrival doors on the back wall) or L (arrival doors on the
 * left wall). Shared by every generator that takes a `docks` spec.
 */
import type { DocksSpec } from "../spec.ts";
import type { Dock, StagingLane, XY, Zone } from "../types.ts";

/** Where the doors go: the building's size and the span of the left wall's doors. */
export interface DoorFrame {
  docks: DocksSpec;
  widthM: number;
  depthM: number;
  /** Span (y from, y to) of the left wall the L-flow's arrival doors spread over. */
  sideFromY: number;
  sideToY: number;
}

type Wall = "front" | "back" | "left";

/** Adds door `n` of `kind` at `at` on `wall`, with its staging lanes. */
function addDoor(
  f: DoorFrame,
  out: { docks: Dock[]; stagingLanes: StagingLane[] },
  kind: "inbound" | "outbound",
  n: number,
  at: XY,
  wall: Wall,
): void {
  const d = f.docks;
  const id = `${kind === "inbound" ? "IN" : "OUT"}${n}`;
  out.docks.push({ id, kind, x: at[0], y: at[1], widthM: d.doorWidthM });
  for (let k = 0; k < d.stagingLanesPerDoor; k++) {
    const offset = (k - (d.stagingLanesPerDoor - 1) / 2) * d.doorWidthM;
    const lw = d.doorWidthM * 0.9;
    const rect =
      wall === "front"
        ? { x: at[0] + offset - lw / 2, y: 0, widthM: lw, depthM: d.stagingDepthM }
        : wall === "back"
          ? {
              x: at[0] + offset - lw / 2,
              y: f.depthM - d.stagingDepthM,
              widthM: lw,
              depthM: d.stagingDepthM,
            }
          : { x: 0, y: at[1] + offset - lw / 2, widthM: d.stagingDepthM, depthM: lw };
    out.stagingLanes.push({
      id: `${id}-S${k + 1}`,
      dock: id,
      kind,
      rect,
      x: rect.x + rect.widthM / 2,
      y: rect.y + rect.depthM / 2,
      capacityUnitLoads: d.stagingCapacityUnitLoads,
    });
  }
}

/** `count` positions spread evenly over [from, to], at the middle of equal parts. */
function row(count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, (_, k) => from + ((k + 0.5) * (to - from)) / count);
}

/** Doors and staging lanes by flow: U (all front), I (inbound at the back), L (inbound left). */
export function doorsOf(f: DoorFrame): { docks: Dock[]; stagingLanes: StagingLane[] } {
  const d = f.docks;
  const { widthM, depthM } = f;
  const out = { docks: [] as Dock[], stagingLanes: [] as StagingLane[] };
  const doors = (kind: "inbound" | "outbound", xs: number[], at: (v: number) => XY, wall: Wall) =>
    xs.forEach((v, k) => {
      addDoor(f, out, kind, k + 1, at(v), wall);
    });
  if (d.flow === "U") {
    const split = (widthM * d.outbound) / Math.max(1, d.outbound + d.inbound);
    doors("outbound", row(d.outbound, 0, split), (x) => [x, 0], "front");
    doors("inbound", row(d.inbound, split, widthM), (x) => [x, 0], "front");
    return out;
  }
  doors("outbound", row(d.outbound, 0, widthM), (x) => [x, 0], "front");
  if (d.flow === "I") doors("inbound", row(d.inbound, 0, widthM), (x) => [x, depthM], "back");
  else doors("inbound", row(d.inbound, f.sideFromY, f.sideToY), (y) => [0, y], "left");
  return out;
}

/** A staging zone around each kind's lanes (their bounding box, for drawing). */
export function stagingZones(zoneGroup: string, stagingLanes: readonly StagingLane[]): Zone[] {
  const zones: Zone[] = [];
  for (const kind of ["inbound", "outbound"] as const) {
    const lanes = stagingLanes.filter((s) => s.kind === kind);
    if (lanes.length === 0) continue;
    const x0 = Math.min(...lanes.map((l) => l.rect.x));
    const y0 = Math.min(...lanes.map((l) => l.rect.y));
    const x1 = Math.max(...lanes.map((l) => l.rect.x + l.rect.widthM));
    const y1 = Math.max(...lanes.map((l) => l.rect.y + l.rect.depthM));
    zones.push({
      id: `staging-${kind === "inbound" ? "in" : "out"}`,
      zoneGroup,
      kind: "staging",
      rect: { x: x0, y: y0, widthM: x1 - x0, depthM: y1 - y0 },
    });
  }
  return zones;
}

/** Width a row of front-wall doors with their lanes needs, metres. */
export function frontDoorsWidthM(d: DocksSpec): number {
  const lanePitch = Math.max(d.doorWidthM + 1.5, d.stagingLanesPerDoor * d.doorWidthM + 1);
  const frontDoors = d.outbound + (d.flow === "U" ? d.inbound : 0);
  return frontDoors * lanePitch + 2;
}
