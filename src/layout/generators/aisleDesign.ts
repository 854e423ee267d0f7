/**
 * Shared machinery of the Gue & Meller aisle designs (fishbone, flying-V): pack rack bays
 * along straight picking aisles wherever they clear the building walls and the cross-aisle
 * corridors, and size the building so it holds at least a given number of floor positions.
 */
import type { FishboneSpec, FlyingVSpec } from "../spec.ts";
import type { Aisle, Dock, Layout, Location, Rack, XY, Zone } from "../types.ts";
import { withFrontArea } from "./designFrontArea.ts";
import { aisleOf } from "./shared.ts";

/** A straight picking aisle to fill with bays on both sides. */
export interface AisleLine {
  id: string;
  start: XY;
  /** Unit direction. */
  dir: XY;
  lengthM: number;
  /** Region tag handed to `fits` (which side of a diagonal the racks must stay on). */
  region: string;
  /** Keep the full centre line (it connects at its far end) rather than cut after the last bay. */
  throughAisle: boolean;
}

/** The corridor-free test: may a rack footprint with these corners be placed? */
export type Fits = (corners: readonly XY[], region: string) => boolean;

/** Geometry of one design at one building size. */
export interface DesignGeometry {
  lines: AisleLine[];
  fits: Fits;
  crossAisles: Aisle[];
  pd: XY;
  /** The design's own front cross aisle (at y = cross-aisle width ÷ 2), if it has one. */
  frontAisle?: string;
}

export type DesignSpec = FishboneSpec | FlyingVSpec;

/** Distance from p to segment a–b. */
export function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

const STEP_M = 0.05;

/** One rack bay: on `side` (1 left, -1 right) of `line`, from `t` along it; `bay` counts per side. */
interface Bay {
  line: AisleLine;
  side: 1 | -1;
  t: number;
  bay: number;
}

/** A point `t` along `line` and `off` to its left. */
function pointAt(line: AisleLine, t: number, off: number): XY {
  const [ux, uy] = line.dir;
  return [line.start[0] + ux * t - uy * off, line.start[1] + uy * t + ux * off];
}

/** Every bay that fits, line by line, left side then right, in order along the line. */
function placeBays(spec: DesignSpec, geometry: DesignGeometry): Bay[] {
  const aw = spec.aisleWidthM;
  const rd = spec.rackDepthM;
  const bw = spec.bayWidthM;
  const bays: Bay[] = [];
  for (const line of geometry.lines) {
    for (const side of [1, -1] as const) {
      const near = (side * aw) / 2;
      const far = side * (aw / 2 + rd);
      let bay = 0;
      for (let t = 0; t + bw <= line.lengthM + 1e-9; ) {
        const corners = [
          pointAt(line, t, near),
          pointAt(line, t + bw, near),
          pointAt(line, t + bw, far),
          pointAt(line, t, far),
        ];
        if (!geometry.fits(corners, line.region)) {
          t += STEP_M;
          continue;
        }
        bay++;
        bays.push({ line, side, t, bay });
        t += bw;
      }
    }
  }
  return bays;
}

/** The `count` bays nearest the P&D point (centre of the bay's aisle side), as a set. */
function forwardBays(bays: readonly Bay[], pd: XY, count: number, bw: number): Set<Bay> {
  const distance = (b: Bay) => {
    const [x, y] = pointAt(b.line, b.t + bw / 2, 0);
    return Math.hypot(x - pd[0], y - pd[1]);
  };
  const ranked = bays.map((b, i) => ({ b, i, d: distance(b) }));
  ranked.sort((p, q) => p.d - q.d || p.i - q.i);
  return new Set(ranked.slice(0, count).map((r) => r.b));
}

/** Racking of a bay: the reserve's, or the forward area's for a forward bay. */
interface Racking {
  zone: "reserve" | "forward";
  type: Location["type"];
  levels: number;
  levelHeightM: number;
  slots: number;
  capacity: Location["capacity"];
}

function rackingOf(spec: DesignSpec, forward: boolean): Racking {
  const f = forward ? spec.forward : undefined;
  if (!f) {
    return {
      zone: "reserve",
      type: spec.locationType,
      levels: spec.levels,
      levelHeightM: spec.levelHeightM,
      slots: spec.slotsPerBay,
      capacity: spec.capacity,
    };
  }
  return {
    zone: "forward",
    type: f.locationType,
    levels: f.levels,
    levelHeightM: f.levelHeightM,
    slots: f.slotsPerBay,
    capacity: f.capacity,
  };
}

interface Filled {
  aisles: Aisle[];
  racks: Rack[];
  locations: Location[];
}

/** The locations of one bay, level by level, slot by slot. */
function bayLocations(spec: DesignSpec, b: Bay, r: Racking, rack: string): Location[] {
  const out: Location[] = [];
  const { line, side, t, bay } = b;
  const sideName = side === 1 ? "L" : "R";
  const bw = spec.bayWidthM;
  for (let level = 1; level <= r.levels; level++) {
    for (let s = 1; s <= r.slots; s++) {
      const pos = t + ((s - 0.5) * bw) / r.slots;
      const [px, py] = pointAt(line, pos, side * (spec.aisleWidthM / 2 + spec.rackDepthM / 2));
      const [ax, ay] = pointAt(line, pos, 0);
      out.push({
        id: `${line.id}-${sideName}-${String(bay).padStart(3, "0")}-${level}-${s}`,
        x: px,
        y: py,
        zone: r.zone,
        type: r.type,
        address: { rack, bay, level, slot: s },
        capacity: { ...r.capacity },
        aisle: line.id,
        access: { x: ax, y: ay, positionM: pos },
        level,
        heightM: (level - 1) * r.levelHeightM,
      });
    }
  }
  return out;
}

/** A rack over a run of bays from `from` to `to` along the line. */
function rackOf(spec: DesignSpec, b: Bay, from: number, to: number, id: string, r: Racking): Rack {
  const near = (b.side * spec.aisleWidthM) / 2;
  const far = b.side * (spec.aisleWidthM / 2 + spec.rackDepthM);
  const c = [
    pointAt(b.line, from, near),
    pointAt(b.line, to, near),
    pointAt(b.line, to, far),
    pointAt(b.line, from, far),
  ];
  const corners = (b.side === 1 ? c : [c[0], c[3], c[2], c[1]]) as [XY, XY, XY, XY];
  return { id, zone: r.zone, aisle: b.line.id, corners, levels: r.levels };
}

/**
 * Racks, locations and picking aisles from the placed bays: a rack is a run of adjacent
 * bays of one racking on one side; rack numbers count per line over both sides.
 */
function fill(spec: DesignSpec, bays: readonly Bay[], forward: ReadonlySet<Bay>): Filled {
  const bw = spec.bayWidthM;
  const out: Filled = { aisles: [], racks: [], locations: [] };
  let i = 0;
  while (i < bays.length) {
    const line = bays[i].line;
    let rackCount = 0;
    let farthest = 0;
    for (; i < bays.length && bays[i].line === line; ) {
      const first = bays[i];
      const racking = rackingOf(spec, forward.has(first));
      const id = `${line.id}-${first.side === 1 ? "L" : "R"}${++rackCount}`;
      let to = first.t;
      for (
        ;
        i < bays.length &&
        bays[i].line === line &&
        bays[i].side === first.side &&
        Math.abs(bays[i].t - to) < 1e-9 &&
        forward.has(bays[i]) === forward.has(first);
        i++
      ) {
        const b = bays[i];
        farthest = Math.max(farthest, b.t + bw - bw / (2 * racking.slots));
        out.locations.push(...bayLocations(spec, b, racking, id));
        to = b.t + bw;
      }
      out.racks.push(rackOf(spec, first, first.t, to, id, racking));
    }
    const length = line.throughAisle ? line.lengthM : farthest;
    out.aisles.push(
      aisleOf(
        line.id,
        "picking",
        [line.start, pointAt(line, length, 0)],
        spec.aisleWidthM,
        spec.narrowAisles,
        "reserve",
      ),
    );
  }
  return out;
}

/** Floor positions (bays × slots, one level) the reserve needs, forward bays included. */
function floorSlotsWanted(spec: DesignSpec): number {
  return (spec.storageSlots ?? 1) + (spec.forward?.bays ?? 0) * spec.slotsPerBay;
}

/** The storage size: the spec's, or the smallest of its aspect ratio that holds the storage. */
function designSize(
  spec: DesignSpec,
  geometryAt: (widthM: number, depthM: number) => DesignGeometry,
): { widthM: number; depthM: number } {
  if (spec.widthM !== undefined && spec.depthM !== undefined)
    return { widthM: spec.widthM, depthM: spec.depthM };
  const target = floorSlotsWanted(spec);
  const ratio = spec.aspectRatio;
  const slotsAt = (w: number) =>
    placeBays(spec, geometryAt(w, w / ratio)).length * spec.slotsPerBay;
  let lo = 1;
  let hi = 10;
  while (slotsAt(hi) < target) {
    lo = hi;
    hi *= 2;
  }
  for (let k = 0; k < 40 && hi - lo > 0.01; k++) {
    const mid = (lo + hi) / 2;
    if (slotsAt(mid) >= target) hi = mid;
    else lo = mid;
  }
  return { widthM: hi, depthM: hi / ratio };
}

/** The forward zone: the bounding box of the forward racks. */
function forwardZone(spec: DesignSpec, racks: readonly Rack[]): Zone[] {
  const corners = racks.filter((r) => r.zone === "forward").flatMap((r) => r.corners);
  if (corners.length === 0) return [];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return [
    {
      id: "forward",
      zoneGroup: spec.zoneGroup,
      kind: "forward",
      rect: { x, y, widthM: Math.max(...xs) - x, depthM: Math.max(...ys) - y },
    },
  ];
}

/**
 * Builds a design: at the given `widthM × depthM`, or at the smallest size of the given
 * aspect ratio that holds at least `storageSlots` floor positions (plus the forward bays).
 * With `docks`, a front area with doors, staging lanes and pack stations comes before it.
 */
export function buildDesign(
  spec: DesignSpec,
  geometryAt: (widthM: number, depthM: number) => DesignGeometry,
): Layout {
  const { widthM, depthM } = designSize(spec, geometryAt);
  const geometry = geometryAt(widthM, depthM);
  const bays = placeBays(spec, geometry);
  const forward = forwardBays(bays, geometry.pd, spec.forward?.bays ?? 0, spec.bayWidthM);
  const filled = fill(spec, bays, forward);
  const storage: Layout = {
    name: spec.name,
    widthM,
    depthM,
    zones: [
      ...forwardZone(spec, filled.racks),
      {
        id: "reserve",
        zoneGroup: spec.zoneGroup,
        kind: "reserve",
        rect: { x: 0, y: 0, widthM, depthM },
      },
    ],
    aisles: filled.aisles,
    crossAisles: geometry.crossAisles,
    racks: filled.racks,
    locations: filled.locations,
    docks: [],
    stagingLanes: [],
    packStations: [],
    pdPoints: [{ id: "PD", x: geometry.pd[0], y: geometry.pd[1] }],
    parameters: { ...spec, widthM, depthM },
  };
  if (spec.docks) return withFrontArea(storage, spec, spec.docks, geometry.frontAisle);
  return withWallDoors(storage, spec, geometry.pd[0]);
}

/** Doors either side of the P&D point on the front wall, pack stations beside it. */
function withWallDoors(storage: Layout, spec: DesignSpec, cx: number): Layout {
  const docks: Dock[] = [];
  for (let k = 0; k < spec.doorsPerSide; k++) {
    const off = 6 + k * (spec.bayWidthM * 2);
    docks.push({ id: `IN${k + 1}`, kind: "inbound", x: cx - off, y: 0, widthM: 3.5 });
    docks.push({ id: `OUT${k + 1}`, kind: "outbound", x: cx + off, y: 0, widthM: 3.5 });
  }
  return {
    ...storage,
    docks,
    packStations: Array.from({ length: spec.packStations }, (_, k) => ({
      id: `PACK${k + 1}`,
      x: cx + (k - (spec.packStations - 1) / 2) * 3,
      y: 1,
    })),
  };
}
