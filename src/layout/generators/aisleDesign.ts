/**
 * Shared machinery of the Gue & Meller aisle designs (fishbone, flying-V): pack rack bays
 * along straight picking aisles wherever they clear the building walls and the cross-aisle
 * corridors, and size the building so it holds at least a given number of floor positions.
 */
import type { FishboneSpec, FlyingVSpec } from "../spec.ts";
import type { Aisle, Dock, Layout, Location, Rack, XY } from "../types.ts";
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

interface Filled {
  aisles: Aisle[];
  racks: Rack[];
  locations: Location[];
  floorSlots: number;
}

/** Packs bays along every aisle line; with `countOnly` only counts floor positions. */
function fill(spec: DesignSpec, geometry: DesignGeometry, countOnly: boolean): Filled {
  const aw = spec.aisleWidthM;
  const rd = spec.rackDepthM;
  const bw = spec.bayWidthM;
  const slots = spec.slotsPerBay;
  const out: Filled = { aisles: [], racks: [], locations: [], floorSlots: 0 };
  for (const line of geometry.lines) {
    const [ux, uy] = line.dir;
    // Left normal of the direction.
    const nx = -uy;
    const ny = ux;
    let farthest = 0;
    let bays = 0;
    let rackCount = 0;
    const at = (t: number, off: number): XY => [
      line.start[0] + ux * t + nx * off,
      line.start[1] + uy * t + ny * off,
    ];
    for (const side of [1, -1] as const) {
      const sideName = side === 1 ? "L" : "R";
      const near = (side * aw) / 2;
      const far = side * (aw / 2 + rd);
      let run: { from: number; to: number } | undefined;
      let bay = 0;
      const flush = () => {
        if (!run || countOnly) return;
        rackCount++;
        const id = `${line.id}-${sideName}${rackCount}`;
        const c = [at(run.from, near), at(run.to, near), at(run.to, far), at(run.from, far)];
        const corners = (side === 1 ? c : [c[0], c[3], c[2], c[1]]) as [XY, XY, XY, XY];
        out.racks.push({ id, zone: "reserve", aisle: line.id, corners, levels: spec.levels });
      };
      for (let t = 0; t + bw <= line.lengthM + 1e-9; ) {
        const corners = [at(t, near), at(t + bw, near), at(t + bw, far), at(t, far)];
        if (!geometry.fits(corners, line.region)) {
          t += STEP_M;
          continue;
        }
        bay++;
        bays++;
        out.floorSlots += slots;
        farthest = Math.max(farthest, t + bw - bw / (2 * slots));
        if (!countOnly) {
          if (run && Math.abs(run.to - t) < 1e-9) run.to = t + bw;
          else {
            flush();
            run = { from: t, to: t + bw };
          }
          const rackIndex = rackCount + 1;
          for (let level = 1; level <= spec.levels; level++) {
            for (let s = 1; s <= slots; s++) {
              const pos = t + ((s - 0.5) * bw) / slots;
              const [px, py] = at(pos, side * (aw / 2 + rd / 2));
              const [ax, ay] = at(pos, 0);
              out.locations.push({
                id: `${line.id}-${sideName}-${String(bay).padStart(3, "0")}-${level}-${s}`,
                x: px,
                y: py,
                zone: "reserve",
                type: spec.locationType,
                address: { rack: `${line.id}-${sideName}${rackIndex}`, bay, level, slot: s },
                capacity: { ...spec.capacity },
                aisle: line.id,
                access: { x: ax, y: ay, positionM: pos },
                level,
                heightM: (level - 1) * spec.levelHeightM,
              });
            }
          }
        }
        t += bw;
      }
      flush();
    }
    if (bays > 0 && !countOnly) {
      const length = line.throughAisle ? line.lengthM : farthest;
      out.aisles.push(
        aisleOf(line.id, "picking", [line.start, at(length, 0)], aw, spec.narrowAisles, "reserve"),
      );
    }
  }
  return out;
}

/**
 * Builds a design: at the given `widthM × depthM`, or at the smallest size of the given
 * aspect ratio that holds at least `storageSlots` floor positions.
 */
export function buildDesign(
  spec: DesignSpec,
  geometryAt: (widthM: number, depthM: number) => DesignGeometry,
): Layout {
  let widthM = spec.widthM ?? 0;
  let depthM = spec.depthM ?? 0;
  if (spec.widthM === undefined || spec.depthM === undefined) {
    const target = spec.storageSlots ?? 1;
    const ratio = spec.aspectRatio;
    const slotsAt = (w: number) => fill(spec, geometryAt(w, w / ratio), true).floorSlots;
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
    widthM = hi;
    depthM = hi / ratio;
  }
  const geometry = geometryAt(widthM, depthM);
  const filled = fill(spec, geometry, false);
  const [cx] = geometry.pd;
  const docks: Dock[] = [];
  for (let k = 0; k < spec.doorsPerSide; k++) {
    const off = 6 + k * (spec.bayWidthM * 2);
    docks.push({ id: `IN${k + 1}`, kind: "inbound", x: cx - off, y: 0, widthM: 3.5 });
    docks.push({ id: `OUT${k + 1}`, kind: "outbound", x: cx + off, y: 0, widthM: 3.5 });
  }
  return {
    name: spec.name,
    widthM,
    depthM,
    zones: [
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
    docks,
    stagingLanes: [],
    packStations: Array.from({ length: spec.packStations }, (_, k) => ({
      id: `PACK${k + 1}`,
      x: cx + (k - (spec.packStations - 1) / 2) * 3,
      y: 1,
    })),
    pdPoints: [{ id: "PD", x: geometry.pd[0], y: geometry.pd[1] }],
    parameters: { ...spec, widthM, depthM },
  };
}
