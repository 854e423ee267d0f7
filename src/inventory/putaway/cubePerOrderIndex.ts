/**
 * Cube-per-order index (Heskett 1963): SKUs ranked by COI = storage cube ÷ order
 * frequency, ascending, get the locations nearest the P&D point as dedicated slots.
 * Optimal for the separable case; loads that do not fit their slots overflow to the
 * nearest location dedicated to no SKU.
 */
import { byDistance, unitsPerLoad } from "../location.ts";
import type { Sku } from "../types.ts";
import { ownThenOverflow, prepareSetup } from "./capacity.ts";
import type { PutawayRuleFactory } from "./types.ts";

/** COI of a SKU: storageCubeM3 (default one unit load's cube) ÷ picksPerDay (∞ without picks). */
export function cubePerOrder(sku: Sku): number {
  const cube = sku.storageCubeM3 ?? sku.unitCubeM3 * unitsPerLoad(sku);
  const picks = sku.picksPerDay ?? 0;
  return picks > 0 ? cube / picks : Number.POSITIVE_INFINITY;
}

/**
 * The dedicated slots per SKU: SKUs in ascending COI (ties by id) take `slotsPerSku`
 * (default 1) locations each, nearest first, until the locations run out.
 */
export function coiAssignment(
  skus: readonly Sku[],
  orderedLocationIds: readonly string[],
  slotsPerSku: Readonly<Record<string, number>> = {},
): Map<string, string[]> {
  const ranked = [...skus].sort(
    (a, b) => cubePerOrder(a) - cubePerOrder(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const out = new Map<string, string[]>();
  let next = 0;
  for (const sku of ranked) {
    const n = slotsPerSku[sku.id] ?? 1;
    out.set(sku.id, orderedLocationIds.slice(next, next + n));
    next += n;
  }
  return out;
}

/** Reads `setup.skus` (with picksPerDay) and `setup.slotsPerSku`. */
export const cubePerOrderIndex: PutawayRuleFactory = (setup) => {
  const { locations, fits } = prepareSetup(setup);
  const ordered = byDistance(locations, setup);
  const byId = new Map(ordered.map((l) => [l.id, l]));
  const slots = coiAssignment(
    setup.skus ?? [],
    ordered.map((l) => l.id),
    setup.slotsPerSku,
  );
  const dedicated = new Set([...slots.values()].flat());
  const overflow = ordered.filter((l) => !dedicated.has(l.id));
  return (request, contentsOf) => {
    const own = (slots.get(request.sku.id) ?? []).map((id) => byId.get(id)!);
    return ownThenOverflow(own, overflow, fits, request, contentsOf);
  };
};
