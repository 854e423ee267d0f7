/**
 * The protocol of forward-pick replenishment rules: which pick faces to top up from
 * reserve, and by how much. The removal rule then picks the reserve locations.
 */

/** A forward pick face of one SKU with its min/max levels, units. */
export interface PickFace {
  locationId: string;
  sku: string;
  /** Replenish when on-hand + pending falls to this or below. */
  minUnits: number;
  /** Top up to this. */
  maxUnits: number;
  /** Round replenishments down to whole multiples of this (e.g. a case or pallet), at least one. Defaults to 1. */
  multipleUnits?: number;
}

/** A face's level: record units on hand and units already on their way. */
export interface FaceLevel {
  onHand: number;
  pending: number;
}

/** What a replenishment rule reads. */
export interface ReplenishmentInput {
  faces: readonly PickFace[];
  /** The face's current level. */
  levelOf: (face: PickFace) => FaceLevel;
  /** Units the next wave will pick from the face (demandTriggered). */
  waveDemandOf?: (face: PickFace) => number;
}

/** Move `quantity` units of `sku` from reserve to the face `toLocationId`. */
export interface ReplenishmentTask {
  sku: string;
  toLocationId: string;
  quantity: number;
  reason: "belowMin" | "waveDemand";
  /** (onHand + pending) / maxUnits before the task: lower is more urgent. */
  cover: number;
}

/** A replenishment rule: tasks most urgent first; never mutates. */
export type ReplenishmentRule = (input: ReplenishmentInput) => ReplenishmentTask[];
