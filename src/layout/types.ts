/**
 * The plain-data warehouse layout: geometry in metres (x along the front wall, y away from
 * it), the zone → location hierarchy, aisles the travel graph is built on, docks, staging,
 * pack stations and P&D points. JSON-serialisable; written as `layout.json` for the viewer.
 */

/** A point `[x, y]` in metres. */
export type XY = [number, number];

/** An axis-aligned rectangle: lower-left corner `x, y`, extent `widthM` (x) × `depthM` (y). */
export interface Rect {
  x: number;
  y: number;
  widthM: number;
  depthM: number;
}

/** What a zone is for. */
export type ZoneKind =
  | "forward"
  | "reserve"
  | "bulk"
  | "staging"
  | "quarantine"
  | "returns"
  | "pack"
  | "dock";

/** A zone: a named part of the building inside a zone group (e.g. "ambient"). */
export interface Zone {
  id: string;
  /** The zone group this zone belongs to (top of the hierarchy). */
  zoneGroup: string;
  kind: ZoneKind;
  /** Bounding rectangle for drawing, if the zone is rectangular. */
  rect?: Rect;
  /** ABC zone: the velocity class whose SKUs class-based storage puts here (A fastest). */
  abcClass?: string;
}

/** A travel aisle: a centre-line polyline the workers move along. */
export interface Aisle {
  id: string;
  /** `picking` aisles hold locations; `cross` aisles only connect (front, back, middle, diagonal). */
  kind: "picking" | "cross";
  /** Centre line, at least two points; segments may be diagonal. */
  points: XY[];
  /** Clear width between rack faces, metres. */
  widthM: number;
  /** Travel only from `points[0]` towards the last point. */
  oneWay: boolean;
  /** Narrow aisle (e.g. VNA: only one truck at a time, no passing). */
  narrow: boolean;
  /** Centre-line length, metres. */
  lengthM: number;
  /** Zone of the locations along this aisle, if any. */
  zone?: string;
}

/** A rack run, for drawing: a (possibly rotated) rectangle given by its four corners. */
export interface Rack {
  id: string;
  zone: string;
  /** The aisle the rack faces. */
  aisle: string;
  /** Corners in order (counter-clockwise). */
  corners: [XY, XY, XY, XY];
  /** Number of storage levels. */
  levels: number;
}

/** What kind of storage position a location is. */
export type LocationType = "pallet" | "shelf" | "flow" | "floor" | "staging";

/** Physical address of a location. */
export interface LocationAddress {
  rack: string;
  /** Bay along the rack, 1-based. */
  bay: number;
  /** Level, 1 = floor level. */
  level: number;
  /** Slot within the bay level, 1-based. */
  slot: number;
}

/** Storage capacity of one location. */
export interface LocationCapacity {
  cubeM3: number;
  weightKg: number;
  /** Unit loads (pallets, totes, cases) the location holds. */
  unitLoads: number;
}

/** A storage location and where a worker stands to reach it. */
export interface Location {
  id: string;
  /** Centre of the location's footprint, metres. */
  x: number;
  y: number;
  zone: string;
  type: LocationType;
  address: LocationAddress;
  capacity: LocationCapacity;
  /** Aisle whose centre line gives the access point. */
  aisle: string;
  /** Access point on the aisle centre line, and its distance along the aisle from `points[0]`. */
  access: { x: number; y: number; positionM: number };
  /** Level, 1 = floor (same as `address.level`). */
  level: number;
  /** Height of the level's beam above the floor, metres (0 on the floor). */
  heightM: number;
}

/** A dock door. */
export interface Dock {
  id: string;
  kind: "inbound" | "outbound";
  /** Door centre on the wall, metres. */
  x: number;
  y: number;
  widthM: number;
}

/** A staging lane in front of a dock door. */
export interface StagingLane {
  id: string;
  /** The door it serves. */
  dock: string;
  kind: "inbound" | "outbound";
  rect: Rect;
  /** Centre of the lane (where loads are dropped). */
  x: number;
  y: number;
  capacityUnitLoads: number;
}

/** A pack station. */
export interface PackStation {
  id: string;
  x: number;
  y: number;
}

/** A pickup-and-deposit point (input/output point) of the storage area. */
export interface PdPoint {
  id: string;
  x: number;
  y: number;
}

/**
 * Geometry of a parallel-aisle storage area, so the classic routing policies can run on the
 * real layout: picking aisles left to right, all vertical, between a front and a back
 * cross aisle with optional middle cross aisles.
 */
export interface PickGrid {
  /** Picking aisle ids, left to right. */
  aisles: string[];
  /** x of each aisle centre line, metres. */
  aisleXsM: number[];
  /** y of the front cross aisle centre line. */
  frontYM: number;
  /** y of the back cross aisle centre line. */
  backYM: number;
  /** y of the middle cross aisle centre lines, ascending. */
  middleYsM: number[];
}

/** The list fields every built layout has (layout.json readers check these are arrays). */
export const LAYOUT_LIST_FIELDS = [
  "zones",
  "aisles",
  "crossAisles",
  "racks",
  "locations",
  "docks",
  "stagingLanes",
  "packStations",
  "pdPoints",
] as const;

/** A complete built layout. */
export interface Layout {
  name: string;
  /** Building extent along the front wall, metres. */
  widthM: number;
  /** Building extent away from the front wall, metres. */
  depthM: number;
  zones: Zone[];
  /** Picking aisles (and any other aisle with locations). */
  aisles: Aisle[];
  /** Connecting aisles: front, back, middle and diagonal cross aisles, main aisles. */
  crossAisles: Aisle[];
  racks: Rack[];
  locations: Location[];
  docks: Dock[];
  stagingLanes: StagingLane[];
  packStations: PackStation[];
  pdPoints: PdPoint[];
  /** Present when the storage area is parallel aisles (traditional generator). */
  pickGrid?: PickGrid;
  /** The generator name and parameters the layout was built from (resolved, with defaults). */
  parameters: { generator: string } & Record<string, unknown>;
}
