/**
 * Plain-data types shared by the inventory (IMS) and the warehouse rules (WMS): the SKU
 * master, storage locations as the rules see them, storage categories and stock records.
 */

/** How a SKU is stored and handled: whole pallets, cases, or single units. */
export type UnitLoadType = "pallet" | "case" | "each";

/** A velocity class label ("A", "B", "C", ...), fastest first in alphabetical order. */
export type VelocityClass = string;

/** One SKU of the item master. Quantities everywhere are in units (eaches). */
export interface Sku {
  /** Unique SKU id. */
  id: string;
  /** Free text. */
  description?: string;
  /** Cube of one unit, m³. */
  unitCubeM3: number;
  /** Weight of one unit, kg. */
  unitWeightKg: number;
  /** The unit load the SKU is stored in (one pallet, one case or loose units). */
  unitLoad: UnitLoadType;
  /** Units in one case. Defaults to 1. */
  unitsPerCase?: number;
  /** Units on one pallet. Defaults to unitsPerCase. */
  unitsPerPallet?: number;
  /** Product family (for family grouping rules). */
  family?: string;
  /** Shelf life from receipt, s; sets the expiry of received lots when none is given. */
  shelfLifeS?: number;
  /** Velocity class ("A", "B", "C"), usually set by `classifyAbc`. */
  velocityClass?: VelocityClass;
  /** Order lines (picks) per day, the order frequency used by the cube-per-order index. */
  picksPerDay?: number;
  /** Storage space one SKU needs in its dedicated slots, m³ (cube-per-order index). Defaults to one unit load's cube. */
  storageCubeM3?: number;
}

/** Capacity of one location; missing limits do not bind. */
export interface StorageCapacity {
  /** Largest cube, m³. */
  cubeM3?: number;
  /** Largest weight, kg. */
  weightKg?: number;
  /** Largest number of unit loads (pallets, cases). */
  unitLoads?: number;
  /** Largest number of units. */
  units?: number;
}

/**
 * A storage location as the rules see it: the fields of the layout's `Location`
 * (src/layout/types.ts) that rules read, all but id and position optional, so a layout
 * location can be passed as it is. Coordinates in metres.
 */
export interface StorageLocation {
  /** Unique location id. */
  id: string;
  /** Position, m. */
  x: number;
  /** Position, m (grows away from the front wall). */
  y: number;
  /** Zone id. */
  zone?: string;
  /** Rack level, 1 = floor. */
  level?: number;
  /** Location type ("pallet", "shelf", "flow", ...). */
  type?: string;
  /** Travel distance from the P&D point, m; closest-first rules use it (see `locationDistanceM`). */
  distanceFromPdM?: number;
  /** Storage category name (see StorageCategory); the location's own capacity applies too. */
  category?: string;
  /** What the location holds at most. */
  capacity?: StorageCapacity;
  /** Flat form of `capacity.cubeM3`, m³ (the tighter of the two binds). */
  capacityCubeM3?: number;
  /** Flat form of `capacity.weightKg`, kg. */
  capacityWeightKg?: number;
  /** Flat form of `capacity.unitLoads`. */
  capacityUnitLoads?: number;
  /** Flat form of `capacity.units`. */
  capacityUnits?: number;
}

/** Limits shared by every location of one storage category. Missing limits do not bind. */
export interface StorageCategory {
  /** Category name. */
  name: string;
  /** Largest cube per location, m³. */
  maxCubeM3?: number;
  /** Largest weight per location, kg. */
  maxWeightKg?: number;
  /** Largest number of unit loads per location. */
  maxUnitLoads?: number;
  /** Whether different SKUs may share a location. Defaults to false. */
  mixSkus?: boolean;
  /** Whether different lots of one SKU may share a location. Defaults to true. */
  mixLots?: boolean;
  /** Unit-load types the category accepts. Defaults to all. */
  unitLoads?: readonly UnitLoadType[];
}

/** What one location holds of one SKU lot. */
export interface LocationContent {
  sku: string;
  /** Lot id ("" when lots are not tracked). */
  lot: string;
  /** Units. */
  quantity: number;
}

/** Which side of the ledger a query reads: the system's record or the physical truth. */
export type StockView = "record" | "physical";

/** Stock of one SKU lot at one location, as removal rules read it. */
export interface StockRecord {
  locationId: string;
  sku: string;
  lot: string;
  /** Units on hand (record view unless asked otherwise). */
  quantity: number;
  /** Units of this lot at this location reserved for orders. */
  reserved: number;
  /** Units free to allocate: quantity − reserved, never below 0. */
  available: number;
  /** When the lot was received, s (or when the location last became non-empty for untracked lots). */
  receivedS: number;
  /** Lot expiry, s; undefined if it does not expire. */
  expiryS?: number;
}

/** A point such as the P&D point or a depot, m. */
export interface Point {
  x: number;
  y: number;
}

/** A source of uniform random numbers in [0, 1): the engine's `RandomStream` fits. */
export interface UniformSource {
  next(): number;
}
