/**
 * The site: what the warehouse processes need from a built layout — the depot, dock doors,
 * pack stations, the pick faces (one per SKU, the most forecast lines closest to the depot) and
 * the reserve positions and pick zones.
 */
import { InputError } from "../../common/inputError.ts";
import type { StorageLocation } from "../../inventory/index.ts";
import type { Layout, Location, TravelModel } from "../../layout/index.ts";

/** A reserve storage position (pallets of one SKU). */
export interface ReserveSlot {
  /** Index in `Site.reserve`. */
  index: number;
  location: Location;
  /** Travel distance from the depot, metres. */
  distanceM: number;
  /** Pallets it holds. */
  capacityPallets: number;
}

/** The layout as the processes see it. */
export interface Site {
  layout: Layout;
  travel: TravelModel;
  /** Where pick tours start and end (the first P&D point). */
  depot: string;
  inboundDocks: string[];
  outboundDocks: string[];
  packStations: string[];
  /** Pick face location per SKU rank, slotted by the forecast (nearest the depot first). */
  faces: Location[];
  /** Forward locations holding no face, nearest the depot first (room to re-slot into). */
  spareFaces: Location[];
  /** Reserve positions, nearest the depot first. */
  reserve: ReserveSlot[];
  /** Index in `reserve` of each reserve location id. */
  reserveIndex: ReadonlyMap<string, number>;
  /** The reserve positions as storage locations for the putaway and removal rules (read only). */
  reserveLocations: readonly StorageLocation[];
  /** Pick zone (0-based) of each face, by aisle, for zone picking. */
  faceZone: number[];
  /** Storage locations in use (faces and reserve). */
  storageLocations: number;
  /** Travel-model place index of each face and of the depot (fast distance queries). */
  facePlace: Int32Array;
  depotPlace: number;
}

const STORAGE_KINDS = new Set(["forward", "reserve", "bulk"]);

/** A storage location with its travel distance from the depot, m. */
interface Candidate {
  loc: Location;
  d: number;
}

/** Throws InputError unless the layout has inbound and outbound doors and a P&D point. */
function checkDoors(layout: Layout, file: string): void {
  const issues = [];
  const inboundDocks = layout.docks.filter((d) => d.kind === "inbound");
  const outboundDocks = layout.docks.filter((d) => d.kind === "outbound");
  if (inboundDocks.length === 0) {
    issues.push({
      file,
      path: "layout",
      value: layout.name,
      expected: "a layout with at least one inbound dock door",
    });
  }
  if (outboundDocks.length === 0) {
    issues.push({
      file,
      path: "layout",
      value: layout.name,
      expected: "a layout with at least one outbound dock door",
    });
  }
  if (layout.pdPoints.length === 0) {
    issues.push({
      file,
      path: "layout",
      value: layout.name,
      expected: "a layout with a P&D point (the pick depot)",
    });
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** Nearest first; equal distances by location id. */
function byDistance(a: Candidate, b: Candidate): number {
  return a.d - b.d || (a.loc.id < b.loc.id ? -1 : a.loc.id > b.loc.id ? 1 : 0);
}

/** The forward and the other storage locations, each nearest the depot first. */
function storageByDistance(
  layout: Layout,
  travel: TravelModel,
  depot: string,
): { forward: Candidate[]; reserve: Candidate[] } {
  const zoneKind = new Map(layout.zones.map((z) => [z.id, z.kind]));
  const withDistance = (loc: Location): Candidate => ({ loc, d: travel.distanceM(depot, loc.id) });
  const forward = layout.locations
    .filter((l) => zoneKind.get(l.zone) === "forward")
    .map(withDistance)
    .sort(byDistance);
  const reserve = layout.locations
    .filter(
      (l) => STORAGE_KINDS.has(zoneKind.get(l.zone) ?? "") && zoneKind.get(l.zone) !== "forward",
    )
    .map(withDistance)
    .sort(byDistance);
  return { forward, reserve };
}

/** Pick zones: the aisles holding faces, ordered along the front wall, cut into `zones` runs. */
function pickZones(layout: Layout, faces: readonly Location[], zones: number): number[] {
  const aisleX = new Map<string, number>();
  for (const a of layout.aisles) aisleX.set(a.id, Math.min(...a.points.map((p) => p[0])));
  const faceAisles = [...new Set(faces.map((f) => f.aisle))].sort(
    (a, b) => (aisleX.get(a) ?? 0) - (aisleX.get(b) ?? 0) || (a < b ? -1 : 1),
  );
  const zoneOfAisle = new Map(
    faceAisles.map((a, i) => [a, Math.min(zones - 1, Math.floor((i * zones) / faceAisles.length))]),
  );
  return faces.map((f) => zoneOfAisle.get(f.aisle) ?? 0);
}

/** The reserve positions as storage locations for the putaway and removal rules. */
function storageLocationsOf(slots: readonly ReserveSlot[]): StorageLocation[] {
  return slots.map((slot) => ({
    id: slot.location.id,
    x: slot.location.x,
    y: slot.location.y,
    zone: slot.location.zone,
    level: slot.location.level,
    distanceFromPdM: slot.distanceM,
    capacityCubeM3: slot.location.capacity.cubeM3,
    capacityWeightKg: slot.location.capacity.weightKg,
    capacityUnitLoads: slot.capacityPallets,
  }));
}

/**
 * Builds the site for `skuCount` SKUs and `zones` pick zones; `slotOrder` lists the SKU
 * ranks in slotting order (the k-th gets the k-th face nearest the depot; default by rank).
 * Throws InputError when the layout cannot hold the scenario (no doors, fewer locations
 * than SKUs).
 */
export function buildSite(
  layout: Layout,
  travel: TravelModel,
  skuCount: number,
  zones: number,
  file: string,
  slotOrder?: readonly number[],
): Site {
  checkDoors(layout, file);
  const inboundDocks = layout.docks.filter((d) => d.kind === "inbound").map((d) => d.id);
  const outboundDocks = layout.docks.filter((d) => d.kind === "outbound").map((d) => d.id);
  const depot = layout.pdPoints[0].id;
  const { forward, reserve } = storageByDistance(layout, travel, depot);
  const candidates = [...forward, ...reserve];
  if (candidates.length < skuCount) {
    throw new InputError({
      file,
      path: "skus.count",
      value: skuCount,
      expected: `at most ${candidates.length}, the storage locations of layout "${layout.name}" (one pick face per SKU)`,
    });
  }
  const faces = candidates.slice(0, skuCount).map((c) => c.loc);
  if (slotOrder) {
    const nearestFirst = [...faces];
    slotOrder.forEach((rank, k) => {
      faces[rank] = nearestFirst[k];
    });
  }
  const faceIds = new Set(faces.map((f) => f.id));
  const reserveSlots: ReserveSlot[] = reserve
    .filter((c) => !faceIds.has(c.loc.id))
    .map((c, index) => ({
      index,
      location: c.loc,
      distanceM: c.d,
      capacityPallets: Math.max(1, c.loc.capacity.unitLoads),
    }));
  return {
    layout,
    travel,
    depot,
    inboundDocks,
    outboundDocks,
    packStations: layout.packStations.map((p) => p.id),
    faces,
    spareFaces: forward.filter((c) => !faceIds.has(c.loc.id)).map((c) => c.loc),
    reserve: reserveSlots,
    reserveIndex: new Map(reserveSlots.map((s) => [s.location.id, s.index])),
    reserveLocations: storageLocationsOf(reserveSlots),
    faceZone: pickZones(layout, faces, zones),
    storageLocations: faces.length + reserveSlots.length,
    facePlace: Int32Array.from(faces, (f) => travel.placeIndex(f.id)),
    depotPlace: travel.placeIndex(depot),
  };
}
