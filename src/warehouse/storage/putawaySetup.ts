/**
 * The setup of the scenario's putaway rule over the reserve positions, with the data each
 * rule reads: velocity classes and ABC zones (classBased), dedicated slots (fixed), picks
 * per day and storage cube (cubePerOrderIndex), all from the demand forecast. Data the
 * scenario or layout cannot give is an input error naming the field.
 */
import { InputError, type InputIssue } from "../../common/inputError.ts";
import { classifyAbc, type StorageLocation } from "../../inventory/index.ts";
import type { PutawaySetup } from "../../inventory/putaway/index.ts";
import type { SkuState, World } from "../world.ts";

type SetupWorld = Pick<World, "scenario" | "site" | "sim" | "skus">;

/** Largest reserve stock a SKU holds, in pallets: the initial stock or s + Q, whichever is more. */
export function maxReservePallets(sku: SkuState, initialStockDays: number): number {
  const units = Math.max(initialStockUnits(sku, initialStockDays), sku.reorderPoint + sku.orderQty);
  return Math.max(1, Math.ceil(units / sku.info.unitsPerPallet));
}

/** Units of the initial stock: `days` of demand, at least a pallet (or s + Q if less). */
export function initialStockUnits(sku: SkuState, days: number): number {
  // Slow movers start with a pallet (at most s + Q), so they do not start out short.
  const floor = Math.min(Math.ceil(sku.reorderPoint) + sku.orderQty, sku.info.unitsPerPallet);
  return Math.max(Math.round(days * sku.dailyUnits), floor);
}

/**
 * Throws InputError when the removal rule needs data the SKUs lack: fefo needs every SKU's
 * shelf life (skus.shelfLifeDays, or a shelfLifeDays for every listed SKU).
 */
export function checkRemovalData(world: Pick<World, "scenario" | "skus">, file: string): void {
  if (world.scenario.storage.removal !== "fefo") return;
  const without = world.skus.find((s) => s.info.sku.shelfLifeS === undefined);
  if (!without) return;
  throw new InputError({
    file,
    path: "storage.removal",
    value: "fefo",
    expected: `a rule the SKUs have data for: fefo needs expiry dates, so skus.shelfLifeDays or a shelfLifeDays for every listed SKU (SKU ${without.id} has none)`,
  });
}

/** Builds the putaway setup of `world.scenario.storage.putaway`; throws InputError. */
export function putawaySetup(world: SetupWorld, file: string): PutawaySetup {
  const base: PutawaySetup = {
    locations: world.site.reserveLocations,
    skus: world.skus.map((s) => s.info.sku),
    random: world.sim.random("storage.putaway"),
  };
  switch (world.scenario.storage.putaway) {
    case "classBased":
      return classBasedSetup(world, base, file);
    case "fixed":
      return { ...base, assignment: fixedAssignment(world, file) };
    case "cubePerOrderIndex":
      return coiSetup(world, base);
    default:
      return base;
  }
}

/** Velocity classes of the SKUs by forecast picks, and the reserve positions' ABC zones. */
function classBasedSetup(world: SetupWorld, base: PutawaySetup, file: string): PutawaySetup {
  const cutoffs = world.scenario.storage.abcCutoffs;
  const classes = Array.from({ length: cutoffs.length + 1 }, (_, i) => String.fromCharCode(65 + i));
  const abc = classifyAbc(
    world.skus.map((s) => ({ id: s.id, demand: s.picksPerDay })),
    { cutoffs, classes },
  );
  const byId = new Map(world.skus.map((s) => [s.id, s]));
  for (const r of abc) byId.get(r.id)!.info.sku.velocityClass = r.velocityClass;
  const declared = declaredAbcZones(world, classes, file);
  if (declared) return { ...base, classZones: declared };
  // No ABC zones in the layout: bands of reserve positions by distance from the P&D point,
  // each class's band as large as its share of the largest reserve stock.
  const space = new Map<string, number>(classes.map((c) => [c, 0]));
  const days = world.scenario.storage.initialStockDays;
  for (const s of world.skus) {
    const c = s.info.sku.velocityClass!;
    space.set(c, space.get(c)! + maxReservePallets(s, days));
  }
  const total = [...space.values()].reduce((a, b) => a + b, 0);
  const n = base.locations.length;
  const ends: number[] = [];
  let cumulative = 0;
  for (const c of classes) {
    cumulative += space.get(c)!;
    ends.push(Math.round((cumulative / total) * n));
  }
  // Reserve locations are nearest the P&D point first.
  let band = 0;
  const locations: StorageLocation[] = base.locations.map((l, i) => {
    while (band < classes.length - 1 && i >= ends[band]) band++;
    return { ...l, zone: `abc-${classes[band]}` };
  });
  const classZones = Object.fromEntries(classes.map((c) => [c, [`abc-${c}`]]));
  return { ...base, locations, classZones };
}

/**
 * The layout's own ABC zones (reserve zones with `abcClass`), or undefined when it has none.
 * Throws InputError for a class the scenario's cut-offs do not make.
 */
function declaredAbcZones(
  world: SetupWorld,
  classes: readonly string[],
  file: string,
): Record<string, string[]> | undefined {
  const zones = world.site.layout.zones;
  if (!zones.some((z) => z.abcClass !== undefined)) return undefined;
  const out: Record<string, string[]> = {};
  const issues: InputIssue[] = [];
  zones.forEach((z, i) => {
    if (z.abcClass === undefined) return;
    if (!classes.includes(z.abcClass)) {
      issues.push({
        file,
        path: `layout.zones[${i}].abcClass`,
        value: z.abcClass,
        expected: `a velocity class of storage.abcCutoffs: ${classes.join(", ")}`,
      });
    }
    (out[z.abcClass] ??= []).push(z.id);
  });
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/**
 * Dedicated slots: `storage.fixedSlots` as given (every SKU and location checked), else every
 * SKU in id order gets the nearest free reserve positions for its largest stock.
 */
function fixedAssignment(world: SetupWorld, file: string): Record<string, string[]> {
  const given = world.scenario.storage.fixedSlots;
  if (given) return checkedFixedSlots(world, given, file);
  const days = world.scenario.storage.initialStockDays;
  const ids = world.site.reserveLocations.map((l) => l.id);
  const skus = [...world.skus].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const need = skus.reduce((n, s) => n + maxReservePallets(s, days), 0);
  const places = world.site.reserve.reduce((n, slot) => n + slot.capacityPallets, 0);
  if (need > places) {
    throw new InputError({
      file,
      path: "storage.putaway",
      value: "fixed",
      expected: `reserve room for every SKU's dedicated slots: ${need} pallets of largest stock, ${places} pallet places in the layout (give storage.fixedSlots, a larger layout, or another rule)`,
    });
  }
  const out: Record<string, string[]> = {};
  let next = 0;
  for (const s of skus) {
    let pallets = maxReservePallets(s, days);
    const mine: string[] = [];
    while (pallets > 0 && next < ids.length) {
      pallets -= world.site.reserve[next].capacityPallets;
      mine.push(ids[next++]);
    }
    out[s.id] = mine;
  }
  return out;
}

/** `storage.fixedSlots` with every SKU id and reserve location checked. */
function checkedFixedSlots(
  world: SetupWorld,
  given: Readonly<Record<string, readonly string[]>>,
  file: string,
): Record<string, string[]> {
  const skuIds = new Set(world.skus.map((s) => s.id));
  const issues: InputIssue[] = [];
  const owner = new Map<string, string>();
  for (const [sku, ids] of Object.entries(given)) {
    if (!skuIds.has(sku)) {
      issues.push({ file, path: `storage.fixedSlots.${sku}`, value: sku, expected: "a SKU id" });
    }
    ids.forEach((id, i) => {
      const path = `storage.fixedSlots.${sku}[${i}]`;
      if (!world.site.reserveIndex.has(id)) {
        issues.push({ file, path, value: id, expected: "a reserve location id of the layout" });
      } else if (owner.has(id) && owner.get(id) !== sku) {
        issues.push({
          file,
          path,
          value: id,
          expected: `a location not dedicated to ${owner.get(id)}`,
        });
      }
      owner.set(id, sku);
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return Object.fromEntries(Object.entries(given).map(([k, v]) => [k, [...v]]));
}

/** Cube-per-order index: forecast picks per day and the cube of the largest reserve stock. */
function coiSetup(world: SetupWorld, base: PutawaySetup): PutawaySetup {
  const days = world.scenario.storage.initialStockDays;
  for (const s of world.skus) {
    const sku = s.info.sku;
    sku.picksPerDay = s.picksPerDay;
    sku.storageCubeM3 = maxReservePallets(s, days) * s.info.unitsPerPallet * sku.unitCubeM3;
  }
  return { ...base, skus: world.skus.map((s) => s.info.sku) };
}
