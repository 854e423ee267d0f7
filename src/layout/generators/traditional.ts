/**
 * Traditional layout: parallel vertical picking aisles between a front and a back cross
 * aisle, optional middle cross aisles, a forward pick area in the first aisles, and dock
 * doors with staging lanes for U-, I- (through) or L-flow.
 */
import type { TraditionalSpec } from "../spec.ts";
import type {
  Aisle,
  Dock,
  Layout,
  Location,
  PackStation,
  Rack,
  StagingLane,
  Zone,
} from "../types.ts";
import { doorsOf, frontDoorsWidthM, stagingZones } from "./doors.ts";
import { aisleOf, rectCorners } from "./shared.ts";

/** Floor positions (returns, quarantine) are 1.2 m squares at this pitch, metres. */
const FLOOR_PITCH_M = 1.3;
/** Pack stations take this much of the front row each, metres (at most, at least). */
const PACK_PITCH_M = 4;
const MIN_PACK_PITCH_M = 1.5;

/** Building width of a traditional layout, metres. */
export function traditionalWidthM(spec: TraditionalSpec): number {
  const d = spec.docks;
  const leftX0 = d.flow === "L" && d.inbound > 0 ? d.stagingDepthM + spec.crossAisleWidthM : 0;
  const storageW = spec.aisles * (spec.aisleWidthM + 2 * spec.rackDepthM);
  return Math.max(leftX0 + storageW, frontDoorsWidthM(d));
}

/** Room the front row needs for pack stations and floor positions, metres. */
export function frontRowNeedM(spec: TraditionalSpec): number {
  const d = spec.docks;
  const leftX0 = d.flow === "L" && d.inbound > 0 ? d.stagingDepthM + spec.crossAisleWidthM : 0;
  return (
    leftX0 +
    2 +
    spec.crossAisleWidthM / 2 +
    spec.packStations * MIN_PACK_PITCH_M +
    (spec.returnsPositions + spec.quarantinePositions) * FLOOR_PITCH_M
  );
}

/** The geometry every part of a traditional layout is placed by, metres. */
interface Frame {
  spec: TraditionalSpec;
  /** Aisle width, cross-aisle width, rack depth, bay width, aisle pitch. */
  aw: number;
  cw: number;
  rd: number;
  bw: number;
  pitch: number;
  /** Left edge of the storage (room for the side doors of an L-flow). */
  leftX0: number;
  storageW: number;
  widthM: number;
  depthM: number;
  /** Depth of the front area (staging and the front row). */
  frontD: number;
  /** Centre lines of the front and back cross aisles. */
  yF: number;
  yB: number;
  /** Blocks between cross aisles: bays in each, where each starts; every cross aisle's y. */
  blocks: number;
  baysInBlock: number[];
  blockStartY: number[];
  crossYs: number[];
  forwardAisles: number;
}

/** Builds a traditional parallel-aisle layout from a validated spec. */
export function traditionalLayout(spec: TraditionalSpec): Layout {
  const f = frameOf(spec);
  const zones = storageZones(f);
  const aisles: Aisle[] = [];
  const racks: Rack[] = [];
  const locations: Location[] = [];
  const aisleXs: number[] = [];
  for (let i = 0; i < spec.aisles; i++) {
    const aisle = pickingAisle(f, i);
    aisleXs.push(aisle.points[0][0]);
    aisles.push(aisle);
    aisleRacks(f, i, aisle, racks, locations);
  }
  const crossAisles = crossAislesOf(f, aisleXs);
  const { docks, stagingLanes } = docksOf(f);
  zones.push(...stagingZones(spec.zoneGroup, stagingLanes));
  const pack = packStationsOf(f);
  if (pack.zone) zones.push(pack.zone);
  floorPositions(f, crossAisles[0], pack.rowX, zones, locations);
  const pdX = spec.pd === "center" ? f.leftX0 + f.storageW / 2 : aisleXs[0];
  return {
    name: spec.name,
    widthM: f.widthM,
    depthM: f.depthM,
    zones,
    aisles,
    crossAisles,
    racks,
    locations,
    docks,
    stagingLanes,
    packStations: pack.stations,
    pdPoints: [{ id: "PD", x: pdX, y: f.yF }],
    pickGrid: {
      aisles: aisles.map((a) => a.id),
      aisleXsM: aisleXs,
      frontYM: f.yF,
      backYM: f.yB,
      middleYsM: f.crossYs.slice(1, -1),
    },
    parameters: { ...spec },
  };
}

/** The frame of a spec: widths, the front area, the blocks and the cross aisles' y. */
function frameOf(spec: TraditionalSpec): Frame {
  const aw = spec.aisleWidthM;
  const cw = spec.crossAisleWidthM;
  const rd = spec.rackDepthM;
  const bw = spec.bayWidthM;
  const pitch = aw + 2 * rd;
  const d = spec.docks;
  const leftX0 = d.flow === "L" && d.inbound > 0 ? d.stagingDepthM + cw : 0;
  const frontRow = spec.packStations + spec.returnsPositions + spec.quarantinePositions > 0;
  const frontD = d.stagingDepthM + (frontRow ? 4 : 2);
  const yF = frontD + cw / 2;
  // Split the bays over the blocks as evenly as possible.
  const blocks = spec.crossAisles + 1;
  const baysInBlock = Array.from(
    { length: blocks },
    (_, j) => Math.floor(spec.baysPerAisle / blocks) + (j < spec.baysPerAisle % blocks ? 1 : 0),
  );
  const blockStartY: number[] = [];
  const crossYs: number[] = [yF];
  let y = frontD + cw;
  for (let j = 0; j < blocks; j++) {
    blockStartY.push(y);
    y += baysInBlock[j] * bw;
    crossYs.push(y + cw / 2);
    y += cw;
  }
  const backD = d.flow === "I" && d.inbound > 0 ? d.stagingDepthM + 2 : 0;
  return {
    spec,
    aw,
    cw,
    rd,
    bw,
    pitch,
    leftX0,
    storageW: spec.aisles * pitch,
    widthM: traditionalWidthM(spec),
    depthM: y + backD,
    frontD,
    yF,
    yB: crossYs[crossYs.length - 1],
    blocks,
    baysInBlock,
    blockStartY,
    crossYs,
    forwardAisles: spec.forward ? Math.min(spec.forward.aisles, spec.aisles) : 0,
  };
}

/** The forward zone (the first aisles) and the reserve zone (the rest). */
function storageZones(f: Frame): Zone[] {
  const { spec, pitch, leftX0, frontD, cw, yB, yF, forwardAisles } = f;
  const zones: Zone[] = [];
  const g = spec.zoneGroup;
  if (forwardAisles > 0) {
    zones.push({
      id: "forward",
      zoneGroup: g,
      kind: "forward",
      rect: { x: leftX0, y: frontD + cw, widthM: forwardAisles * pitch, depthM: yB - yF - cw },
    });
  }
  if (forwardAisles < spec.aisles) {
    zones.push({
      id: "reserve",
      zoneGroup: g,
      kind: "reserve",
      rect: {
        x: leftX0 + forwardAisles * pitch,
        y: frontD + cw,
        widthM: (spec.aisles - forwardAisles) * pitch,
        depthM: yB - yF - cw,
      },
    });
  }
  return zones;
}

/** The id of picking aisle `i` (0-based): A01, A02… */
function aisleId(spec: TraditionalSpec, i: number): string {
  const width = Math.max(2, String(spec.aisles).length);
  return `A${String(i + 1).padStart(width, "0")}`;
}

/** Picking aisle `i` (0-based), front to back cross aisle. */
function pickingAisle(f: Frame, i: number): Aisle {
  const { spec, aw } = f;
  const x = f.leftX0 + f.rd + aw / 2 + i * f.pitch;
  const zone = i < f.forwardAisles && spec.forward ? "forward" : "reserve";
  return aisleOf(
    aisleId(spec, i),
    "picking",
    [
      [x, f.yF],
      [x, f.yB],
    ],
    aw,
    spec.narrowAisles,
    zone,
  );
}

/** The racks on both sides of picking aisle `i`, one per block, and their locations. */
function aisleRacks(f: Frame, i: number, aisle: Aisle, racks: Rack[], locations: Location[]): void {
  const { spec, aw, rd, bw } = f;
  const id = aisle.id;
  const x = aisle.points[0][0];
  const forward = i < f.forwardAisles && spec.forward ? spec.forward : undefined;
  const zone = forward ? "forward" : "reserve";
  const levels = forward ? forward.levels : spec.levels;
  const levelH = forward ? forward.levelHeightM : spec.levelHeightM;
  const slots = forward ? forward.slotsPerBay : spec.slotsPerBay;
  const type = forward ? forward.locationType : spec.locationType;
  const capacity = forward ? forward.capacity : spec.capacity;
  for (const side of ["L", "R"] as const) {
    const sign = side === "L" ? -1 : 1;
    const rackX0 = side === "L" ? x - aw / 2 - rd : x + aw / 2;
    let bay = 0;
    for (let j = 0; j < f.blocks; j++) {
      const rackId = `${id}-${side}${j + 1}`;
      racks.push({
        id: rackId,
        zone,
        aisle: id,
        corners: rectCorners(rackX0, f.blockStartY[j], rd, f.baysInBlock[j] * bw),
        levels,
      });
      for (let b = 0; b < f.baysInBlock[j]; b++) {
        bay++;
        for (let level = 1; level <= levels; level++) {
          for (let s = 1; s <= slots; s++) {
            const ly = f.blockStartY[j] + b * bw + ((s - 0.5) * bw) / slots;
            locations.push({
              id: `${id}-${side}-${String(bay).padStart(3, "0")}-${level}-${s}`,
              x: x + sign * (aw / 2 + rd / 2),
              y: ly,
              zone,
              type,
              address: { rack: rackId, bay, level, slot: s },
              capacity: { ...capacity },
              aisle: id,
              access: { x, y: ly, positionM: ly - f.yF },
              level,
              heightM: (level - 1) * levelH,
            });
          }
        }
      }
    }
  }
}

/** Front, middle and back cross aisles, and the side aisle of an L-flow. */
function crossAislesOf(f: Frame, aisleXs: readonly number[]): Aisle[] {
  const { cw, leftX0, crossYs } = f;
  const crossAisles: Aisle[] = [];
  const crossLeft = Math.min(cw / 2, aisleXs[0]);
  const crossRight = Math.max(f.widthM - cw / 2, aisleXs[aisleXs.length - 1]);
  crossYs.forEach((cy, j) => {
    const full = j === 0 || j === crossYs.length - 1;
    const id = j === 0 ? "X-front" : full ? "X-back" : `X-middle-${j}`;
    const x0 = full ? crossLeft : leftX0 > 0 ? leftX0 - cw / 2 : aisleXs[0];
    const x1 = full ? crossRight : aisleXs[aisleXs.length - 1];
    crossAisles.push(
      aisleOf(
        id,
        "cross",
        [
          [x0, cy],
          [x1, cy],
        ],
        cw,
        false,
      ),
    );
  });
  if (leftX0 > 0) {
    crossAisles.push(
      aisleOf(
        "X-side",
        "cross",
        [
          [leftX0 - cw / 2, f.yF],
          [leftX0 - cw / 2, f.yB],
        ],
        cw,
        false,
      ),
    );
  }
  return crossAisles;
}

/** Doors and staging lanes by flow (the L-flow's arrival doors beside the storage blocks). */
function docksOf(f: Frame): { docks: Dock[]; stagingLanes: StagingLane[] } {
  return doorsOf({
    docks: f.spec.docks,
    widthM: f.widthM,
    depthM: f.depthM,
    sideFromY: f.yF + f.cw,
    sideToY: f.yB - f.cw,
  });
}

/** The y of the front row (pack stations and floor positions). */
function packYOf(f: Frame): number {
  return f.spec.docks.stagingDepthM + 2;
}

/** Pack stations at the start of the front row, their zone, and where the row goes on. */
function packStationsOf(f: Frame): { stations: PackStation[]; zone?: Zone; rowX: number } {
  const { spec } = f;
  const packY = packYOf(f);
  const from = f.leftX0 + 1;
  if (spec.packStations === 0) return { stations: [], rowX: from };
  const floorM = (spec.returnsPositions + spec.quarantinePositions) * FLOOR_PITCH_M;
  const room = f.widthM - from - f.cw / 2 - 1 - floorM;
  const step = Math.min(PACK_PITCH_M, room / spec.packStations);
  const stations: PackStation[] = [];
  for (let k = 0; k < spec.packStations; k++) {
    stations.push({ id: `PACK${k + 1}`, x: from + (k + 0.5) * step, y: packY });
  }
  const zone: Zone = {
    id: "pack",
    zoneGroup: spec.zoneGroup,
    kind: "pack",
    rect: { x: from, y: packY - 1.5, widthM: step * spec.packStations, depthM: 3 },
  };
  return { stations, zone, rowX: from + step * spec.packStations + 1 };
}

/**
 * Floor positions for returns and quarantine, in the front row from `rowX` on, reached
 * from the front cross aisle: their zones and locations.
 */
function floorPositions(
  f: Frame,
  front: Aisle,
  fromX: number,
  zones: Zone[],
  locations: Location[],
): void {
  const { spec } = f;
  const packY = packYOf(f);
  let rowX = fromX;
  for (const [kind, count] of [
    ["returns", spec.returnsPositions],
    ["quarantine", spec.quarantinePositions],
  ] as const) {
    if (count === 0) continue;
    zones.push({
      id: kind,
      zoneGroup: spec.zoneGroup,
      kind,
      rect: { x: rowX, y: packY - 0.6, widthM: count * FLOOR_PITCH_M, depthM: 1.2 },
    });
    for (let k = 0; k < count; k++) {
      const x = rowX + (k + 0.5) * FLOOR_PITCH_M;
      locations.push({
        id: `${kind === "returns" ? "RET" : "QUA"}-${String(k + 1).padStart(2, "0")}`,
        x,
        y: packY,
        zone: kind,
        type: "floor",
        address: { rack: kind, bay: k + 1, level: 1, slot: 1 },
        capacity: { ...spec.capacity },
        aisle: front.id,
        access: { x, y: f.yF, positionM: x - front.points[0][0] },
        level: 1,
        heightM: 0,
      });
    }
    rowX += count * FLOOR_PITCH_M + 1;
  }
}
