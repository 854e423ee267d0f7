/**
 * The protocol every removal rule follows: given where a SKU is stored (the ledger's
 * `stockOf`), decide which locations and lots to take a quantity from.
 */
import type { DistanceOptions } from "../location.ts";
import type { StockRecord, StorageLocation } from "../types.ts";

/** What to take. */
export interface RemovalRequest {
  sku: string;
  /** Units wanted. */
  quantity: number;
  /** Now, s: fefo skips lots expired by then. */
  nowS?: number;
}

/** Units to take from one lot at one location. */
export interface RemovalPick {
  locationId: string;
  lot: string;
  quantity: number;
}

/** Picks in the order to make them; `shortQuantity` units could not be found. */
export interface RemovalPlan {
  picks: RemovalPick[];
  shortQuantity: number;
}

/** Static setup of removal rules (only `closest` reads it). */
export interface RemovalSetup extends DistanceOptions {
  /** Locations, for their distances. */
  locations?: readonly StorageLocation[];
}

/** A removal rule: plans picks from the available units of `stock`; never mutates. */
export type RemovalRule = (request: RemovalRequest, stock: readonly StockRecord[]) => RemovalPlan;

/** Builds a removal rule from its setup. */
export type RemovalRuleFactory = (setup?: RemovalSetup) => RemovalRule;
