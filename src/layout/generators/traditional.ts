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
  XY,
  Zone,
} from "../types.ts";
import { aisleOf, rectCorners } from "./shared.ts";

/** Floor positions (returns, quarantine) are 1.2 m squares at this pitch, metres. */
const FLOOR_PITCH_M = 1.3;
/** Pack stations take this much of the front row each, metres (at most, at least). */
const PACK_PITCH_M = 4;
const MIN_PACK_PITCH_M = 1.5;

/** Building width of a traditional layout, metres. */
export function traditionalWidthM(spec: TraditionalSpec): number {
  const d = spec.docks;
  const lanePitch = Math.max(d.doorWidthM + 1.5, d.stagingLanesPerDoor * d.doorWidthM + 1);
  const leftX0 = d.flow === "L" && d.inbound > 0 ? d.stagingDepthM + spec.crossAisleWidthM : 0;
  const storageW = spec.aisles * (spec.aisleWidthM + 2 * spec.rackDepthM);
  const frontDoors = d.outbound + (d.flow === "U" ? d.inbound : 0);
  return Math.max(leftX0 + storageW, frontDoors * lanePitch + 2);
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

/** Builds a traditional parallel-aisle layout from a validated spec. */
export function traditionalLayout(spec: TraditionalSpec): Layout {
  const aw = spec.aisleWidthM;
  const cw = spec.crossAisleWidthM;
  const rd = spec.rackDepthM;
  const bw = spec.bayWidthM;
  const pitch = aw + 2 * rd;
  const d = spec.docks;

  const leftX0 = d.flow === "L" && d.inbound > 0 ? d.stagingDepthM + cw : 0;
  const storageW = spec.aisles * pitch;
  const widthM = traditionalWidthM(spec);
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
  const yB = crossYs[crossYs.length - 1];
  const backD = d.flow === "I" && d.inbound > 0 ? d.stagingDepthM + 2 : 0;
  const depthM = y + backD;

  const zones: Zone[] = [];
  const forwardAisles = spec.forward ? Math.min(spec.forward.aisles, spec.aisles) : 0;
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

  const aisles: Aisle[] = [];
  const racks: Rack[] = [];
  const locations: Location[] = [];
  const aisleXs: number[] = [];
  const width = Math.max(2, String(spec.aisles).length);
  for (let i = 0; i < spec.aisles; i++) {
    const id = `A${String(i + 1).padStart(width, "0")}`;
    const x = leftX0 + rd + aw / 2 + i * pitch;
    aisleXs.push(x);
    const forward = i < forwardAisles && spec.forward ? spec.forward : undefined;
    const zone = forward ? "forward" : "reserve";
    aisles.push(
      aisleOf(
        id,
        "picking",
        [
          [x, yF],
          [x, yB],
        ],
        aw,
        spec.narrowAisles,
        zone,
      ),
    );
    const levels = forward ? forward.levels : spec.levels;
    const levelH = forward ? forward.levelHeightM : spec.levelHeightM;
    const slots = forward ? forward.slotsPerBay : spec.slotsPerBay;
    const type = forward ? forward.locationType : spec.locationType;
    const capacity = forward ? forward.capacity : spec.capacity;
    for (const side of ["L", "R"] as const) {
      const sign = side === "L" ? -1 : 1;
      const rackX0 = side === "L" ? x - aw / 2 - rd : x + aw / 2;
      let bay = 0;
      for (let j = 0; j < blocks; j++) {
        const rackId = `${id}-${side}${j + 1}`;
        racks.push({
          id: rackId,
          zone,
          aisle: id,
          corners: rectCorners(rackX0, blockStartY[j], rd, baysInBlock[j] * bw),
          levels,
        });
        for (let b = 0; b < baysInBlock[j]; b++) {
          bay++;
          for (let level = 1; level <= levels; level++) {
            for (let s = 1; s <= slots; s++) {
              const ly = blockStartY[j] + b * bw + ((s - 0.5) * bw) / slots;
              locations.push({
                id: `${id}-${side}-${String(bay).padStart(3, "0")}-${level}-${s}`,
                x: x + sign * (aw / 2 + rd / 2),
                y: ly,
                zone,
                type,
                address: { rack: rackId, bay, level, slot: s },
                capacity: { ...capacity },
                aisle: id,
                access: { x, y: ly, positionM: ly - yF },
                level,
                heightM: (level - 1) * levelH,
              });
            }
          }
        }
      }
    }
  }

  const crossAisles: Aisle[] = [];
  const crossLeft = Math.min(cw / 2, aisleXs[0]);
  const crossRight = Math.max(widthM - cw / 2, aisleXs[aisleXs.length - 1]);
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
          [leftX0 - cw / 2, yF],
          [leftX0 - cw / 2, yB],
        ],
        cw,
        false,
      ),
    );
  }

  // Doors and staging lanes.
  const docks: Dock[] = [];
  const stagingLanes: StagingLane[] = [];
  const addDoor = (
    kind: "inbound" | "outbound",
    n: number,
    at: XY,
    wall: "front" | "back" | "left",
  ) => {
    const id = `${kind === "inbound" ? "IN" : "OUT"}${n}`;
    docks.push({ id, kind, x: at[0], y: at[1], widthM: d.doorWidthM });
    for (let k = 0; k < d.stagingLanesPerDoor; k++) {
      const offset = (k - (d.stagingLanesPerDoor - 1) / 2) * d.doorWidthM;
      const lw = d.doorWidthM * 0.9;
      const rect =
        wall === "front"
          ? { x: at[0] + offset - lw / 2, y: 0, widthM: lw, depthM: d.stagingDepthM }
          : wall === "back"
            ? {
                x: at[0] + offset - lw / 2,
                y: depthM - d.stagingDepthM,
                widthM: lw,
                depthM: d.stagingDepthM,
              }
            : { x: 0, y: at[1] + offset - lw / 2, widthM: d.stagingDepthM, depthM: lw };
      stagingLanes.push({
        id: `${id}-S${k + 1}`,
        dock: id,
        kind,
        rect,
        x: rect.x + rect.widthM / 2,
        y: rect.y + rect.depthM / 2,
        capacityUnitLoads: d.stagingCapacityUnitLoads,
      });
    }
  };
  const row = (count: number, from: number, to: number): number[] =>
    Array.from({ length: count }, (_, k) => from + ((k + 0.5) * (to - from)) / count);
  if (d.flow === "U") {
    const split = (widthM * d.outbound) / Math.max(1, d.outbound + d.inbound);
    row(d.outbound, 0, split).forEach((x, k) => {
      addDoor("outbound", k + 1, [x, 0], "front");
    });
    row(d.inbound, split, widthM).forEach((x, k) => {
      addDoor("inbound", k + 1, [x, 0], "front");
    });
  } else {
    row(d.outbound, 0, widthM).forEach((x, k) => {
      addDoor("outbound", k + 1, [x, 0], "front");
    });
    if (d.flow === "I") {
      row(d.inbound, 0, widthM).forEach((x, k) => {
        addDoor("inbound", k + 1, [x, depthM], "back");
      });
    } else {
      row(d.inbound, yF + cw, yB - cw).forEach((yy, k) => {
        addDoor("inbound", k + 1, [0, yy], "left");
      });
    }
  }
  for (const kind of ["inbound", "outbound"] as const) {
    const lanes = stagingLanes.filter((s) => s.kind === kind);
    if (lanes.length === 0) continue;
    // Bounding box of the lanes, for drawing.
    const x0 = Math.min(...lanes.map((l) => l.rect.x));
    const y0 = Math.min(...lanes.map((l) => l.rect.y));
    const x1 = Math.max(...lanes.map((l) => l.rect.x + l.rect.widthM));
    const y1 = Math.max(...lanes.map((l) => l.rect.y + l.rect.depthM));
    zones.push({
      id: `staging-${kind === "inbound" ? "in" : "out"}`,
      zoneGroup: g,
      kind: "staging",
      rect: { x: x0, y: y0, widthM: x1 - x0, depthM: y1 - y0 },
    });
  }

  const packStations: PackStation[] = [];
  const packY = d.stagingDepthM + 2;
  let rowX = leftX0 + 1;
  if (spec.packStations > 0) {
    const from = rowX;
    const floorM = (spec.returnsPositions + spec.quarantinePositions) * FLOOR_PITCH_M;
    const room = widthM - from - cw / 2 - 1 - floorM;
    const step = Math.min(PACK_PITCH_M, room / spec.packStations);
    rowX = from + step * spec.packStations + 1;
    for (let k = 0; k < spec.packStations; k++) {
      packStations.push({ id: `PACK${k + 1}`, x: from + (k + 0.5) * step, y: packY });
    }
    zones.push({
      id: "pack",
      zoneGroup: g,
      kind: "pack",
      rect: { x: from, y: packY - 1.5, widthM: step * spec.packStations, depthM: 3 },
    });
  }

  // Floor positions for returns and quarantine, in the front row, reached from the front
  // cross aisle.
  const front = crossAisles[0];
  for (const [kind, count] of [
    ["returns", spec.returnsPositions],
    ["quarantine", spec.quarantinePositions],
  ] as const) {
    if (count === 0) continue;
    zones.push({
      id: kind,
      zoneGroup: g,
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
        access: { x, y: yF, positionM: x - front.points[0][0] },
        level: 1,
        heightM: 0,
      });
    }
    rowX += count * FLOOR_PITCH_M + 1;
  }

  const pdX = spec.pd === "center" ? leftX0 + storageW / 2 : aisleXs[0];
  return {
    name: spec.name,
    widthM,
    depthM,
    zones,
    aisles,
    crossAisles,
    racks,
    locations,
    docks,
    stagingLanes,
    packStations,
    pdPoints: [{ id: "PD", x: pdX, y: yF }],
    pickGrid: {
      aisles: aisles.map((a) => a.id),
      aisleXsM: aisleXs,
      frontYM: yF,
      backYM: yB,
      middleYsM: crossYs.slice(1, -1),
    },
    parameters: { ...spec },
  };
}
