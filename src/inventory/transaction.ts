/**
 * Stock transactions: the only way stock changes in the ledger. Each carries what the
 * system records and, when an error process made the physical act differ (a mispick, a
 * misplaced putaway), what physically happened.
 */

/** Every kind of stock transaction. */
export type TransactionKind =
  | "receipt"
  | "putaway"
  | "move"
  | "replenishment"
  | "pick"
  | "ship"
  | "adjustment"
  | "count"
  | "return"
  | "scrap"
  | "shrinkage";

/** The transaction kinds, in a fixed order (for menus, validation and tests). */
export const TRANSACTION_KINDS: readonly TransactionKind[] = [
  "receipt",
  "putaway",
  "move",
  "replenishment",
  "pick",
  "ship",
  "adjustment",
  "count",
  "return",
  "scrap",
  "shrinkage",
];

/** Kinds that move stock from one location to another. */
export const MOVE_KINDS: readonly TransactionKind[] = ["putaway", "move", "replenishment", "pick"];

/** The pseudo-location picked stock goes to unless a pick names one, and ships leave from. */
export const PICKED_LOCATION = "picked";

/**
 * What physically happened when it differs from the record. Any field left out equals
 * the recorded one. A mispick takes another location, SKU, lot or quantity; a misplaced
 * putaway puts stock into another location.
 */
export interface PhysicalActual {
  sku?: string;
  lot?: string;
  from?: string;
  to?: string;
  /** Units physically moved (may be 0: nothing physically happened). */
  quantity?: number;
}

/**
 * A transaction as submitted to the ledger.
 * - receipt / return: `to` gains `quantity` (record and physical).
 * - putaway / move / replenishment / pick: `from` → `to` (pick: `to` defaults to "picked").
 * - ship / scrap: `from` loses `quantity` (ship: `from` defaults to "picked").
 * - shrinkage: `from` physically loses `quantity`; the record does not see it.
 * - adjustment: the record at `at` changes by the signed `quantity`; nothing moves.
 * - count: use `ledger.count()`; it logs one count transaction per difference it corrects.
 */
export interface TransactionInput {
  kind: TransactionKind;
  /** Simulation time, s; never earlier than the previous transaction. */
  timeS: number;
  sku: string;
  /** Lot id; "" (the default) when lots are not tracked. */
  lot?: string;
  /** Expiry of a received lot, s (receipt/return only). Defaults to timeS + the SKU's shelf life. */
  expiryS?: number;
  from?: string;
  to?: string;
  /** The location of an adjustment or count. */
  at?: string;
  /** Units: > 0, except adjustments (signed, ≠ 0). */
  quantity: number;
  /** What physically happened, when it differs from the record (error events). */
  actual?: PhysicalActual;
  /** A reservation this pick or move consumes (its units stop being reserved). */
  reservationId?: number;
  /** Free reference: an order, task or trailer id. */
  ref?: string;
  /** Why it happened, for reports: "mispick", "misplacedPutaway", "cycleCount", ... */
  cause?: string;
}

/** A transaction as logged: numbered, with the lot and locations resolved. */
export interface Transaction extends TransactionInput {
  /** 0-based sequence number in the ledger. */
  seq: number;
  lot: string;
}

/** Why the ledger refused a transaction. */
export type LedgerErrorCode =
  | "badKind"
  | "badTime"
  | "badQuantity"
  | "missingLocation"
  | "unknownSku"
  | "insufficientRecord"
  | "insufficientPhysical"
  | "unavailable"
  | "badReservation"
  | "lotConflict";

/** Thrown when a transaction would break the ledger's rules; nothing was changed. */
export class LedgerError extends Error {
  readonly code: LedgerErrorCode;
  constructor(code: LedgerErrorCode, message: string) {
    super(message);
    this.name = "LedgerError";
    this.code = code;
  }
}
