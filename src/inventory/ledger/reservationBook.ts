/**
 * Reservations: units of one lot at one location set aside for an order. The book keeps
 * them over the buckets' `reserved` counts; a pick or move that names a reservation
 * consumes it, and unreserved moves cannot take reserved units.
 */
import { LedgerError, MOVE_KINDS, type Transaction, type TransactionKind } from "../transaction.ts";
import type { BucketAccess } from "./bucketStore.ts";

/** A reservation of units of one lot at one location for an order. */
export interface Reservation {
  id: number;
  locationId: string;
  sku: string;
  lot: string;
  /** Units still reserved. */
  quantity: number;
  ref?: string;
}

/** What to reserve: `quantity` units of `lot` (default "") of `sku` at `locationId`. */
export interface ReserveOptions {
  locationId: string;
  sku: string;
  lot?: string;
  quantity: number;
  ref?: string;
}

/** The live reservations, numbered from 1. */
export class ReservationBook {
  private readonly live = new Map<number, Reservation>();
  private nextId = 1;

  constructor(private readonly buckets: BucketAccess) {}

  /** Reserves available units of one lot at one location; throws if fewer are available. */
  reserve(options: ReserveOptions): Reservation {
    const lot = options.lot ?? "";
    if (!(Number.isFinite(options.quantity) && options.quantity > 0)) {
      throw new LedgerError(
        "badQuantity",
        `reserve: quantity ${options.quantity}: expected a number > 0`,
      );
    }
    const bucket = this.buckets.find(options.locationId, options.sku, lot);
    const available = bucket ? Math.max(0, bucket.record - bucket.reserved) : 0;
    if (bucket === undefined || options.quantity > available) {
      throw new LedgerError(
        "unavailable",
        `reserve: ${options.quantity} of sku ${JSON.stringify(options.sku)} lot ${JSON.stringify(lot)} at ${JSON.stringify(options.locationId)}: only ${available} available`,
      );
    }
    bucket.reserved += options.quantity;
    const reservation: Reservation = {
      id: this.nextId++,
      locationId: options.locationId,
      sku: options.sku,
      lot,
      quantity: options.quantity,
      ref: options.ref,
    };
    this.live.set(reservation.id, reservation);
    return { ...reservation };
  }

  /** Releases what is left of a reservation (units become available again). */
  release(reservationId: number): void {
    const reservation = this.live.get(reservationId);
    if (!reservation) {
      throw new LedgerError(
        "badReservation",
        `release: reservation ${reservationId} does not exist`,
      );
    }
    this.live.delete(reservationId);
    this.unreserve(reservation, reservation.quantity);
  }

  /** A copy of a live reservation, or undefined once consumed or released. */
  get(reservationId: number): Reservation | undefined {
    const r = this.live.get(reservationId);
    return r ? { ...r } : undefined;
  }

  /**
   * Checks that `tx` may consume its `reservationId`: the reservation is live, the kind moves
   * or scraps stock, it takes the reserved lot from the reserved location, and no more than
   * is left on it.
   */
  checkUse(kind: TransactionKind, tx: Transaction): void {
    const r = this.live.get(tx.reservationId!);
    if (!r) {
      throw new LedgerError(
        "badReservation",
        `${kind}: reservationId ${tx.reservationId} does not exist`,
      );
    }
    if (!(MOVE_KINDS.includes(kind) || kind === "scrap")) {
      throw new LedgerError(
        "badReservation",
        `${kind}: reservationId: ${kind} cannot consume a reservation`,
      );
    }
    if (r.locationId !== tx.from || r.sku !== tx.sku || r.lot !== tx.lot) {
      throw new LedgerError(
        "badReservation",
        `${kind}: reservationId ${r.id} is for sku ${JSON.stringify(r.sku)} lot ${JSON.stringify(r.lot)} at ${JSON.stringify(r.locationId)}, not sku ${JSON.stringify(tx.sku)} lot ${JSON.stringify(tx.lot)} at ${JSON.stringify(tx.from)}`,
      );
    }
    if (tx.quantity > r.quantity) {
      throw new LedgerError(
        "badReservation",
        `${kind}: quantity ${tx.quantity} exceeds the ${r.quantity} units left on reservation ${r.id}`,
      );
    }
  }

  /** Takes `quantity` units off a reservation checked by `checkUse`; ends it when none are left. */
  consume(reservationId: number, quantity: number): void {
    const r = this.live.get(reservationId)!;
    r.quantity -= quantity;
    this.unreserve(r, quantity);
    if (r.quantity <= 0) this.live.delete(r.id);
  }

  private unreserve(r: Reservation, quantity: number): void {
    const bucket = this.buckets.find(r.locationId, r.sku, r.lot);
    if (bucket) {
      bucket.reserved -= quantity;
      this.buckets.dropIfEmpty(bucket);
    }
  }
}
