/**
 * The front area of an aisle design with a `docks` spec, laid out as a traditional
 * layout's: doors by flow with their staging lanes, a front row for pack stations, and a
 * front cross aisle along the storage that the doors, lanes and P&D point reach it by.
 * The storage design moves behind it (and right of the side aisle of an L-flow).
 */
import type { DocksSpec } from "../spec.ts";
import type { Aisle, Layout, Location, Rack, XY, Zone } from "../types.ts";
import { doorsOf, frontDoorsWidthM, stagingZones } from "./doors.ts";
import { aisleOf } from "./shared.ts";

/** What the front area needs of the design's spec. */
interface FrontSpec {
  crossAisleWidthM: number;
  packStations: number;
  zoneGroup: string;
}

const shift = (p: XY, dx: number, dy: number): XY => [p[0] + dx, p[1] + dy];

function shiftAisle(a: Aisle, dx: number, dy: number): Aisle {
  return { ...a, points: a.points.map((p) => shift(p, dx, dy)) };
}

function shiftRack(r: Rack, dx: number, dy: number): Rack {
  return { ...r, corners: r.corners.map((p) => shift(p, dx, dy)) as Rack["corners"] };
}

function shiftLocation(l: Location, dx: number, dy: number): Location {
  return {
    ...l,
    x: l.x + dx,
    y: l.y + dy,
    access: { ...l.access, x: l.access.x + dx, y: l.access.y + dy },
  };
}

function shiftZone(z: Zone, dx: number, dy: number): Zone {
  return z.rect ? { ...z, rect: { ...z.rect, x: z.rect.x + dx, y: z.rect.y + dy } } : z;
}

/** Cross aisles of the moved design plus the front (and side) aisles that reach the doors. */
function frontAisles(
  moved: readonly Aisle[],
  frontAisle: string | undefined,
  at: { yF: number; x0: number; x1: number; pd: XY; sideX?: number; backY: number; cw: number },
): Aisle[] {
  const { yF, x0, x1, cw } = at;
  const front: XY[] = [
    [x0, yF],
    [x1, yF],
  ];
  const out = moved.filter((a) => a.id !== frontAisle);
  const own = moved.find((a) => a.id === frontAisle);
  const xFrom = Math.min(x0, ...(own ? own.points.map((p) => p[0]) : []));
  const xTo = Math.max(x1, ...(own ? own.points.map((p) => p[0]) : []));
  front[0] = [xFrom, yF];
  front[1] = [xTo, yF];
  out.unshift(aisleOf(own?.id ?? "X-front", "cross", front, cw, false));
  if (!own) out.push(aisleOf("X-pd", "cross", [[at.pd[0], yF], at.pd], cw, false));
  if (at.sideX !== undefined) {
    out.push(
      aisleOf(
        "X-side",
        "cross",
        [
          [at.sideX, yF],
          [at.sideX, at.backY],
        ],
        cw,
        false,
      ),
    );
  }
  return out;
}

/**
 * The layout with a front area: the storage moves back by the staging depth and a front
 * row (and by a cross aisle when the design has no front cross aisle of its own), right
 * by an L-flow's side lanes and aisle; the building grows at the back for an I-flow's lanes.
 */
export function withFrontArea(
  storage: Layout,
  spec: FrontSpec,
  docks: DocksSpec,
  frontAisle: string | undefined,
): Layout {
  const cw = spec.crossAisleWidthM;
  const sideLanes = docks.flow === "L" && docks.inbound > 0;
  const dx = sideLanes ? docks.stagingDepthM + cw : 0;
  const frontD = docks.stagingDepthM + (spec.packStations > 0 ? 4 : 2);
  const dy = frontAisle ? frontD : frontD + cw;
  const backD = docks.flow === "I" && docks.inbound > 0 ? docks.stagingDepthM + 2 : 0;
  const widthM = Math.max(dx + storage.widthM, frontDoorsWidthM(docks));
  const depthM = dy + storage.depthM + backD;
  const yF = frontD + cw / 2;
  const pdX = storage.pdPoints[0].x + dx;
  const pd: XY = [pdX, yF];
  const crossAisles = frontAisles(
    storage.crossAisles.map((a) => shiftAisle(a, dx, dy)),
    frontAisle,
    {
      yF,
      x0: sideLanes ? dx - cw / 2 : cw / 2,
      x1: widthM - cw / 2,
      pd: shift([storage.pdPoints[0].x, storage.pdPoints[0].y], dx, dy),
      sideX: sideLanes ? dx - cw / 2 : undefined,
      backY: dy + storage.depthM - cw / 2,
      cw,
    },
  );
  const { docks: doors, stagingLanes } = doorsOf({
    docks,
    widthM,
    depthM,
    sideFromY: yF + cw,
    sideToY: dy + storage.depthM - cw,
  });
  const packY = docks.stagingDepthM + 2;
  return {
    ...storage,
    widthM,
    depthM,
    zones: [
      ...storage.zones.map((z) => shiftZone(z, dx, dy)),
      ...stagingZones(spec.zoneGroup, stagingLanes),
    ],
    aisles: storage.aisles.map((a) => shiftAisle(a, dx, dy)),
    crossAisles,
    racks: storage.racks.map((r) => shiftRack(r, dx, dy)),
    locations: storage.locations.map((l) => shiftLocation(l, dx, dy)),
    docks: doors,
    stagingLanes,
    packStations: Array.from({ length: spec.packStations }, (_, k) => ({
      id: `PACK${k + 1}`,
      x: pdX + (k - (spec.packStations - 1) / 2) * 3,
      y: packY,
    })),
    pdPoints: [{ id: "PD", x: pd[0], y: pd[1] }],
  };
}
