/**
 * Storage: the per-SKU stock state (pick face and reserve pallets) kept in step with the
 * inventory ledger, the initial stock, and where a pallet goes (straight to its face when
 * the face has room, else a reserve position chosen by the scenario's putaway rule).
 */
import { InputError } from "../../common/inputError.ts";
import type { LocationContent } from "../../inventory/index.ts";
import { putawayRules } from "../../inventory/putaway/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { SkuState, World } from "../world.ts";
import { type CaseSource, faceCapacityUnits, faceFitIssue } from "./faceCapacity.ts";
import { setFaceUnits } from "./pickFace.ts";
import { initialStockUnits, putawaySetup } from "./putawaySetup.ts";
import type { Site } from "./site.ts";
import type { SkuInfo } from "./skuMaster.ts";

/** Mean demand per SKU, units/day: orders/day × lines/order × units/line × line share. */
export function meanDailyUnits(
  scenario: Scenario,
  info: SkuInfo,
  linesPerOrder: number,
  unitsPerLine: number,
): number {
  return scenario.outbound.ordersPerDay * linesPerOrder * unitsPerLine * info.lineShare;
}

/**
 * Builds the SKU states with their faces, capacities and (s, Q) levels in units. Throws
 * InputError naming every SKU whose case does not fit its pick face.
 */
export function createSkuStates(
  scenario: Scenario,
  site: Site,
  infos: readonly SkuInfo[],
  linesPerOrder: number,
  unitsPerLine: number,
): SkuState[] {
  const { csv, list } = scenario.skus;
  const source: CaseSource =
    csv !== undefined ? { kind: "csv", csv } : list ? { kind: "list" } : { kind: "generated" };
  const issues = infos.flatMap((info) => faceFitIssue(site.faces[info.rank], info, source) ?? []);
  if (issues.length > 0) throw new InputError(issues);
  const st = scenario.storage;
  return infos.map((info) => {
    const dailyUnits = meanDailyUnits(scenario, info, linesPerOrder, unitsPerLine);
    return {
      info,
      id: info.sku.id,
      face: site.faces[info.rank].id,
      faceCapacity: faceCapacityUnits(site.faces[info.rank], info, st.faceCapacityPallets),
      faceUnits: 0,
      faceAllocated: 0,
      faceIncoming: 0,
      reserve: [],
      reserveUnits: 0,
      dockUnits: 0,
      onOrderUnits: 0,
      waiting: [],
      waitingUnits: 0,
      replenishing: false,
      moving: false,
      dailyUnits,
      picksPerDay: scenario.outbound.ordersPerDay * linesPerOrder * info.lineShare,
      reorderPoint: st.reorderPointDays * dailyUnits,
      orderQty:
        Math.max(1, Math.ceil((st.orderQuantityDays * dailyUnits) / info.unitsPerPallet)) *
        info.unitsPerPallet,
    };
  });
}

/** Inventory position: on hand, not committed, plus on order, minus backorders (units). */
export function inventoryPosition(sku: SkuState): number {
  return (
    sku.faceUnits -
    sku.faceAllocated +
    sku.faceIncoming +
    sku.reserveUnits +
    sku.dockUnits +
    sku.onOrderUnits -
    sku.waitingUnits
  );
}

const EMPTY: readonly LocationContent[] = [];

/** The putaway rule of the scenario over the reserve positions (throws InputError). */
export function createPutawayRule(
  world: Pick<World, "scenario" | "site" | "sim" | "skus">,
  file: string,
) {
  return putawayRules[world.scenario.storage.putaway](putawaySetup(world, file));
}

/** Contents of reserve positions as the putaway rule reads them (pallets stored or on their way). */
export function slotContents(world: World): (locationId: string) => readonly LocationContent[] {
  const index = world.site.reserveIndex;
  // NOTE: the putaway rule reads many slots per pallet; each slot keeps its last answer and
  // reuses it while the SKU and quantity are unchanged, so a scan allocates nothing.
  const last: (readonly LocationContent[] | undefined)[] = [];
  return (locationId) => {
    const i = index.get(locationId);
    if (i === undefined || world.slotPallets[i] === 0) return EMPTY;
    const sku = world.skus[world.slotSku[i]];
    const quantity = world.slotPallets[i] * sku.info.unitsPerPallet;
    const kept = last[i];
    if (kept !== undefined && kept[0].sku === sku.id && kept[0].quantity === quantity) return kept;
    const made = [{ sku: sku.id, lot: "", quantity }];
    last[i] = made;
    return made;
  };
}

/** Where a pallet goes: its face if there is room, else a reserve slot; undefined when full. */
export type Destination = { kind: "face" } | { kind: "reserve"; slot: number };

/** Chooses (and reserves) a destination for `units` of `sku`. */
export function chooseDestination(
  world: World,
  sku: SkuState,
  units: number,
  contents: (id: string) => readonly LocationContent[],
): Destination | undefined {
  if (!sku.moving && sku.faceUnits + sku.faceIncoming + units <= sku.faceCapacity) {
    sku.faceIncoming += units;
    return { kind: "face" };
  }
  const decision = world.putawayRule({ sku: sku.info.sku, quantity: units }, contents);
  if (decision.status !== "placed") return undefined;
  const slot = world.site.reserveIndex.get(decision.locationId)!;
  world.slotSku[slot] = sku.info.rank;
  world.slotPallets[slot]++;
  return { kind: "reserve", slot };
}

/**
 * Puts the initial stock in place at time 0 — `initialStockDays` of demand, at least a
 * pallet (or s + Q if less): the face filled first, the rest as full
 * pallets in reserve by the putaway rule. Throws InputError if the reserve cannot hold it.
 */
export function placeInitialStock(
  world: World,
  contents: (id: string) => readonly LocationContent[],
  file: string,
): void {
  const days = world.scenario.storage.initialStockDays;
  let needed = 0;
  let failed = 0;
  for (const sku of world.skus) {
    let units = initialStockUnits(sku, days);
    const toFace = Math.min(units, sku.faceCapacity);
    if (toFace > 0) {
      world.ledger.receive({ timeS: 0, sku: sku.id, to: sku.face, quantity: toFace });
      setFaceUnits(world, sku, toFace);
      world.stats.total.unitsInitial += toFace;
    }
    units -= toFace;
    while (units > 0) {
      const pallet = Math.min(units, sku.info.unitsPerPallet);
      needed++;
      const decision = world.putawayRule({ sku: sku.info.sku, quantity: pallet }, contents);
      if (decision.status !== "placed") {
        failed++;
        units -= pallet;
        continue;
      }
      const slot = world.site.reserveIndex.get(decision.locationId)!;
      world.slotSku[slot] = sku.info.rank;
      world.slotPallets[slot]++;
      world.ledger.receive({ timeS: 0, sku: sku.id, to: decision.locationId, quantity: pallet });
      sku.reserve.push({
        slot,
        units: pallet,
        receivedS: 0,
        expiryS: sku.info.sku.shelfLifeS ?? Number.POSITIVE_INFINITY,
      });
      sku.reserveUnits += pallet;
      world.stats.total.unitsInitial += pallet;
      units -= pallet;
    }
  }
  if (failed > 0) {
    throw new InputError({
      file,
      path: "storage.initialStockDays",
      value: days,
      expected: `initial stock that fits the reserve: ${needed} pallets needed, ${needed - failed} placed (${world.site.reserve.length} reserve positions)`,
    });
  }
}
