/**
 * Turns a submitted transaction into the one the ledger logs: defaults filled in (the lot,
 * the "picked" location, a received lot's expiry) and every field checked, so that an
 * illegal transaction is refused before anything changes.
 */
import {
  LedgerError,
  MOVE_KINDS,
  PICKED_LOCATION,
  type Transaction,
  type TransactionInput,
  type TransactionKind,
} from "../transaction.ts";
import type { Sku } from "../types.ts";
import type { LotDates, LotInfo } from "./lotDates.ts";
import type { ReservationBook } from "./reservationBook.ts";

/** What resolving reads besides the input. */
export interface ResolveContext {
  /** The SKU master by id; when given, unknown SKUs are refused. */
  skuMaster: ReadonlyMap<string, Sku> | undefined;
  lots: LotDates;
  reservations: ReservationBook;
}

/**
 * The checked transaction of `kind` for `input`, numbered `seq`; throws `LedgerError` for a
 * bad quantity, a missing location, an unknown SKU, a reservation it cannot consume or a
 * lot expiry that contradicts the lot's known one.
 */
export function resolveTransaction(
  kind: TransactionKind,
  input: Omit<TransactionInput, "kind">,
  seq: number,
  context: ResolveContext,
): Transaction {
  const tx = copyInput(kind, input, seq);
  if (kind === "pick" && tx.to === undefined) tx.to = PICKED_LOCATION;
  if (kind === "ship" && tx.from === undefined) tx.from = PICKED_LOCATION;
  const q = input.quantity;
  if (kind === "adjustment") {
    if (!(Number.isFinite(q) && q !== 0)) {
      throw new LedgerError("badQuantity", `adjustment: quantity ${q}: expected a non-zero number`);
    }
  } else if (!(Number.isFinite(q) && q > 0)) {
    throw new LedgerError("badQuantity", `${kind}: quantity ${q}: expected a number > 0`);
  }
  const needsFrom = kind !== "receipt" && kind !== "return" && kind !== "adjustment";
  const needsTo = kind === "receipt" || kind === "return" || MOVE_KINDS.includes(kind);
  if (needsFrom && !tx.from) {
    throw new LedgerError("missingLocation", `${kind}: from ${tx.from}: expected a location id`);
  }
  if (needsTo && !tx.to) {
    throw new LedgerError("missingLocation", `${kind}: to ${tx.to}: expected a location id`);
  }
  if (kind === "adjustment" && !tx.at) {
    throw new LedgerError("missingLocation", `adjustment: at ${tx.at}: expected a location id`);
  }
  const a = input.actual;
  if (a) {
    if (kind === "adjustment" || kind === "shrinkage") {
      throw new LedgerError(
        "badKind",
        `${kind}: actual ${JSON.stringify(a)}: ${kind} has no physical counterpart to override`,
      );
    }
    if (a.quantity !== undefined && !(Number.isFinite(a.quantity) && a.quantity >= 0)) {
      throw new LedgerError(
        "badQuantity",
        `${kind}: actual.quantity ${a.quantity}: expected a number >= 0`,
      );
    }
  }
  if (tx.sku !== undefined) checkSku(kind, tx.sku, context.skuMaster);
  if (a?.sku !== undefined) checkSku(kind, a.sku, context.skuMaster);
  if (tx.reservationId !== undefined) context.reservations.checkUse(kind, tx);
  if ((kind === "receipt" || kind === "return") && tx.lot !== "") {
    const info = context.lots.get(tx.sku, tx.lot);
    const expiry = tx.expiryS ?? defaultExpiry(tx.sku, tx.timeS, info, context.skuMaster);
    if (info && tx.expiryS !== undefined && info.expiryS !== tx.expiryS) {
      throw new LedgerError(
        "lotConflict",
        `${kind}: expiryS ${tx.expiryS} for lot ${JSON.stringify(tx.lot)} of sku ${JSON.stringify(tx.sku)}: the lot already expires at ${info.expiryS}`,
      );
    }
    if (expiry !== undefined) tx.expiryS = expiry;
  }
  return tx;
}

function checkSku(
  kind: TransactionKind,
  sku: string,
  skuMaster: ReadonlyMap<string, Sku> | undefined,
): void {
  if (typeof sku !== "string" || sku === "") {
    throw new LedgerError("unknownSku", `${kind}: sku ${JSON.stringify(sku)}: expected an id`);
  }
  if (skuMaster && !skuMaster.has(sku)) {
    throw new LedgerError(
      "unknownSku",
      `${kind}: sku ${JSON.stringify(sku)} is not in the SKU master`,
    );
  }
}

/** A received lot's expiry, s: the known lot's, else receipt + the SKU's shelf life. */
function defaultExpiry(
  sku: string,
  timeS: number,
  info: LotInfo | undefined,
  skuMaster: ReadonlyMap<string, Sku> | undefined,
): number | undefined {
  if (info) return info.expiryS;
  const shelfLifeS = skuMaster?.get(sku)?.shelfLifeS;
  return shelfLifeS === undefined ? undefined : timeS + shelfLifeS;
}

/**
 * The transaction to log for an input: its fields (those given) with the kind, sequence
 * number and lot resolved. Built field by field: copying by spread is slow for the many
 * shapes inputs come in.
 */
function copyInput(
  kind: TransactionKind,
  input: Omit<TransactionInput, "kind">,
  seq: number,
): Transaction {
  const tx: Transaction = {
    kind,
    timeS: input.timeS,
    sku: input.sku,
    lot: input.lot ?? "",
    quantity: input.quantity,
    seq,
  };
  if (input.expiryS !== undefined) tx.expiryS = input.expiryS;
  if (input.from !== undefined) tx.from = input.from;
  if (input.to !== undefined) tx.to = input.to;
  if (input.at !== undefined) tx.at = input.at;
  if (input.actual !== undefined) tx.actual = input.actual;
  if (input.reservationId !== undefined) tx.reservationId = input.reservationId;
  if (input.ref !== undefined) tx.ref = input.ref;
  if (input.cause !== undefined) tx.cause = input.cause;
  return tx;
}
