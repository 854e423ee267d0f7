/**
 * Whether a load fits a location: the location's own capacity, its storage category's
 * limits (cube, weight, unit loads, unit-load types) and the SKU and lot mixing rules.
 */
import { InputError, type InputIssue } from "../../common/inputError.ts";
import { unitsPerLoad } from "../location.ts";
import type { LocationContent, Sku, StorageCategory, StorageLocation } from "../types.ts";
import type { ContentsOf, PutawayDecision, PutawayRequest, PutawaySetup } from "./types.ts";

const EPS = 1e-9;

/** Why a load does not fit, or undefined when it does. */
export type MisfitReason =
  | "unitLoadType"
  | "skuMixing"
  | "lotMixing"
  | "cube"
  | "weight"
  | "unitLoads"
  | "units";

/**
 * Checks a load against a location holding `contents`. Contents of SKUs missing from
 * `skus` count for mixing and units but not for cube, weight or unit loads.
 */
export function misfit(
  location: StorageLocation,
  contents: readonly LocationContent[],
  request: PutawayRequest,
  skus: ReadonlyMap<string, Sku>,
  category: StorageCategory | undefined,
): MisfitReason | undefined {
  const sku = request.sku;
  const lot = request.lot ?? "";
  if (category?.unitLoads && !category.unitLoads.includes(sku.unitLoad)) return "unitLoadType";
  let cube = request.quantity * sku.unitCubeM3;
  let weight = request.quantity * sku.unitWeightKg;
  let loads = Math.ceil(request.quantity / unitsPerLoad(sku));
  let units = request.quantity;
  for (const c of contents) {
    if (c.quantity <= 0) continue;
    if (c.sku !== sku.id && !(category?.mixSkus ?? false)) return "skuMixing";
    if (c.sku === sku.id && c.lot !== lot && !(category?.mixLots ?? true)) return "lotMixing";
    const other = c.sku === sku.id ? sku : skus.get(c.sku);
    units += c.quantity;
    if (other) {
      cube += c.quantity * other.unitCubeM3;
      weight += c.quantity * other.unitWeightKg;
      loads += Math.ceil(c.quantity / unitsPerLoad(other));
    }
  }
  const cap = location.capacity ?? NO_CAPACITY;
  if (cube > limit(cap.cubeM3, location.capacityCubeM3, category?.maxCubeM3) + EPS) return "cube";
  if (weight > limit(cap.weightKg, location.capacityWeightKg, category?.maxWeightKg) + EPS) {
    return "weight";
  }
  if (loads > limit(cap.unitLoads, location.capacityUnitLoads, category?.maxUnitLoads)) {
    return "unitLoads";
  }
  if (units > limit(cap.units, location.capacityUnits, undefined)) return "units";
  return undefined;
}

const NO_CAPACITY: NonNullable<StorageLocation["capacity"]> = {};

/** The least of the given limits; an absent one is no limit (+Infinity). */
function limit(a: number | undefined, b: number | undefined, c: number | undefined): number {
  const inf = Number.POSITIVE_INFINITY;
  return Math.min(a ?? inf, b ?? inf, c ?? inf);
}

/** A fit test bound to one setup: `fits(location, request, contentsOf)`. */
export type FitTest = (
  location: StorageLocation,
  request: PutawayRequest,
  contentsOf: ContentsOf,
) => boolean;

/**
 * Validates the setup (every named category exists) and returns the locations in the
 * allowed zones and a fit test. Throws InputError listing every unknown category.
 */
export function prepareSetup(setup: PutawaySetup): {
  locations: StorageLocation[];
  fits: FitTest;
} {
  const categories = setup.categories ?? {};
  const issues: InputIssue[] = [];
  setup.locations.forEach((location, i) => {
    if (location.category !== undefined && !(location.category in categories)) {
      issues.push({
        file: "<putaway>",
        path: `locations[${i}].category`,
        value: location.category,
        expected: `a storage category: one of ${Object.keys(categories).join(", ") || "(none defined)"}`,
      });
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  const skus = new Map((setup.skus ?? []).map((s) => [s.id, s]));
  const zones = setup.zones ? new Set(setup.zones) : undefined;
  const locations = setup.locations.filter(
    (l) => !zones || (l.zone !== undefined && zones.has(l.zone)),
  );
  const fits: FitTest = (location, request, contentsOf) =>
    misfit(
      location,
      contentsOf(location.id),
      request,
      skus,
      location.category === undefined ? undefined : categories[location.category],
    ) === undefined;
  return { locations, fits };
}

/** The first location in `ordered` the load fits, or undefined. */
export function firstFit(
  ordered: readonly StorageLocation[],
  fits: FitTest,
  request: PutawayRequest,
  contentsOf: ContentsOf,
): StorageLocation | undefined {
  for (const location of ordered) if (fits(location, request, contentsOf)) return location;
  return undefined;
}

/** The first of the SKU's own locations the load fits, else the first overflow location it fits. */
export function ownThenOverflow(
  own: readonly StorageLocation[],
  overflow: readonly StorageLocation[],
  fits: FitTest,
  request: PutawayRequest,
  contentsOf: ContentsOf,
): PutawayDecision {
  const hit = firstFit(own, fits, request, contentsOf);
  if (hit) return { status: "placed", locationId: hit.id, overflow: false };
  const spill = firstFit(overflow, fits, request, contentsOf);
  return spill ? { status: "placed", locationId: spill.id, overflow: true } : { status: "noSpace" };
}

/**
 * A uniformly random location among those in `candidates` the load fits, or undefined.
 * NOTE: tries a few uniform draws first (rejection sampling, still uniform over the open
 * locations) and scans all candidates only when they fail, so a mostly open rack costs O(1).
 */
export function randomFit(
  candidates: readonly StorageLocation[],
  fits: FitTest,
  request: PutawayRequest,
  contentsOf: ContentsOf,
  random: { next(): number },
): StorageLocation | undefined {
  const n = candidates.length;
  if (n === 0) return undefined;
  for (let attempt = 0; attempt < 16; attempt++) {
    const location = candidates[Math.min(n - 1, Math.floor(random.next() * n))];
    if (fits(location, request, contentsOf)) return location;
  }
  const open = candidates.filter((l) => fits(l, request, contentsOf));
  if (open.length === 0) return undefined;
  return open[Math.min(open.length - 1, Math.floor(random.next() * open.length))];
}
