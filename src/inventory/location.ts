/**
 * Helpers rules share about locations: the travel distance a closest-first rule sorts by,
 * and the size of a SKU's unit load.
 */
import type { Point, Sku, StorageLocation } from "./types.ts";

/** How rules measure a location's distance; all optional. */
export interface DistanceOptions {
  /** Distance of a location from the P&D point, m; overrides everything else (e.g. travel-graph distances). */
  distanceM?: (location: StorageLocation) => number;
  /** The P&D point for the rectilinear fallback. Defaults to (0, 0). */
  pdPoint?: Point;
}

/**
 * A location's distance from the P&D point, m: `options.distanceM` if given, else the
 * location's `distanceFromPdM`, else the rectilinear distance to `options.pdPoint`.
 */
export function locationDistanceM(
  location: StorageLocation,
  options: DistanceOptions = {},
): number {
  if (options.distanceM) return options.distanceM(location);
  if (location.distanceFromPdM !== undefined) return location.distanceFromPdM;
  const pd = options.pdPoint ?? { x: 0, y: 0 };
  return Math.abs(location.x - pd.x) + Math.abs(location.y - pd.y);
}

/** Locations sorted by distance (ties by id), nearest first. */
export function byDistance(
  locations: readonly StorageLocation[],
  options: DistanceOptions = {},
): StorageLocation[] {
  const keyed = locations.map((location) => ({
    location,
    d: locationDistanceM(location, options),
  }));
  keyed.sort(
    (a, b) =>
      a.d - b.d || (a.location.id < b.location.id ? -1 : a.location.id > b.location.id ? 1 : 0),
  );
  return keyed.map((k) => k.location);
}

/** Units in one unit load of the SKU: a pallet, a case, or 1 for eaches. */
export function unitsPerLoad(sku: Sku): number {
  if (sku.unitLoad === "pallet") return sku.unitsPerPallet ?? sku.unitsPerCase ?? 1;
  if (sku.unitLoad === "case") return sku.unitsPerCase ?? 1;
  return 1;
}
