/**
 * The stock ledger: quantity per location, SKU and lot, kept twice — the system's record
 * and the physical truth. Stock changes only through transactions; error events make the
 * two drift, counts bring them back together, and neither may ever go negative. The parts
 * live in `ledger/`: the bucket store, lot dates, reservations, flows, the read-only view.
 */
import { type CountResult, countDifferences } from "./ledger/countDifferences.ts";
import { DeltaList } from "./ledger/deltaList.ts";
import { FlowBook, type StockFlows } from "./ledger/flowBook.ts";
import { LedgerView } from "./ledger/ledgerView.ts";
import {
  type Reservation,
  ReservationBook,
  type ReserveOptions,
} from "./ledger/reservationBook.ts";
import { type ResolveContext, resolveTransaction } from "./ledger/resolveTransaction.ts";
import { checkDeltas, transactionDeltas } from "./ledger/transactionDeltas.ts";
import {
  LedgerError,
  TRANSACTION_KINDS,
  type Transaction,
  type TransactionInput,
  type TransactionKind,
} from "./transaction.ts";
import type { Sku, StockView } from "./types.ts";

export type { CountDifference, CountResult } from "./ledger/countDifferences.ts";
export type { StockFlows } from "./ledger/flowBook.ts";
export type { Reservation } from "./ledger/reservationBook.ts";

/** Options of a ledger; all optional. */
export interface StockLedgerOptions {
  /** The SKU master: when given, unknown SKUs are refused and lot expiry defaults to the shelf life. */
  skus?: readonly Sku[];
  /** Keep every transaction in `transactions`. Defaults to true. */
  keepLog?: boolean;
  /** Called after each applied transaction (for traces). */
  onTransaction?: (tx: Transaction) => void;
}

/**
 * The ledger. Every mutating method validates first and changes nothing when it throws a
 * `LedgerError` (naming the offending value). Conservation holds in both views at all times:
 * received + returned − shipped − scrapped − shrunk + adjusted = on-hand total.
 */
export class StockLedger extends LedgerView {
  private readonly reservations = new ReservationBook(this.store);
  private readonly flowBook = new FlowBook();
  /** Scratch delta lists, refilled by every transaction. */
  private readonly recordDeltas = new DeltaList();
  private readonly physicalDeltas = new DeltaList();
  private readonly skuMaster: Map<string, Sku> | undefined;
  /** What resolving a transaction reads, made once (not per transaction). */
  private readonly resolveContext: ResolveContext;
  private readonly keepLog: boolean;
  private readonly onTransaction: ((tx: Transaction) => void) | undefined;
  private readonly log: Transaction[] = [];
  private nextSeq = 0;
  private lastTimeS = Number.NEGATIVE_INFINITY;
  private countsDone = 0;
  private countsWithVariance = 0;

  constructor(options: StockLedgerOptions = {}) {
    super();
    this.skuMaster = options.skus ? new Map(options.skus.map((s) => [s.id, s])) : undefined;
    this.resolveContext = {
      skuMaster: this.skuMaster,
      lots: this.lots,
      reservations: this.reservations,
    };
    this.keepLog = options.keepLog ?? true;
    this.onTransaction = options.onTransaction;
  }

  // ---- transactions --------------------------------------------------------------------

  /** Applies one transaction; throws `LedgerError` and changes nothing if it is illegal. */
  apply(input: TransactionInput): Transaction {
    if (input.kind === "count") {
      throw new LedgerError("badKind", 'kind "count": use ledger.count() to count a location');
    }
    if (!TRANSACTION_KINDS.includes(input.kind)) {
      throw new LedgerError(
        "badKind",
        `kind ${JSON.stringify(input.kind)}: expected one of ${TRANSACTION_KINDS.join(", ")}`,
      );
    }
    return this.applyAs(input.kind, input);
  }

  /** Receives `quantity` units into `to` (a dock or receiving location). */
  receive(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("receipt", tx);
  }
  /** Puts stock away from `from` to `to`. */
  putaway(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("putaway", tx);
  }
  /** Moves stock between locations. */
  move(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("move", tx);
  }
  /** Replenishes a pick face `to` from reserve `from`. */
  replenish(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("replenishment", tx);
  }
  /** Picks from `from` to `to` (default "picked"). */
  pick(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("pick", tx);
  }
  /** Ships from `from` (default "picked"): the units leave the building. */
  ship(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("ship", tx);
  }
  /** Changes the record at `at` by the signed quantity; nothing physical moves. */
  adjust(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("adjustment", tx);
  }
  /** A customer return arrives at `to`. */
  returnStock(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("return", tx);
  }
  /** Scraps units at `from` (recorded). */
  scrap(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("scrap", tx);
  }
  /** Physical loss at `from` that the record does not see (theft, damage, evaporation). */
  shrink(tx: Omit<TransactionInput, "kind">): Transaction {
    return this.applyAs("shrinkage", tx);
  }

  /**
   * Ships everything at `from` (an order's tote or staging lane): each lot's recorded units
   * leave the record and each lot's physical units leave the building, so a mispicked SKU or
   * quantity ships as it physically is. Returns the transactions (none if `from` is empty).
   */
  shipAll(options: { timeS: number; from: string; ref?: string }): Transaction[] {
    this.checkTime("ship", options.timeS);
    const contents = this.store.contents(options.from);
    if (!contents) return [];
    const buckets = [...contents.values()];
    for (const b of buckets) {
      if (b.reserved > 0) {
        throw new LedgerError(
          "unavailable",
          `shipAll: ${b.reserved} units of sku ${JSON.stringify(b.sku)} at ${JSON.stringify(options.from)} are reserved (release them first)`,
        );
      }
    }
    const out: Transaction[] = [];
    for (const b of buckets) {
      const record = b.record;
      const physical = b.physical;
      if (record === 0 && physical === 0) continue;
      const tx: Transaction = {
        kind: "ship",
        seq: this.nextSeq,
        timeS: options.timeS,
        sku: b.sku,
        lot: b.lot,
        from: options.from,
        quantity: record,
        ref: options.ref,
      };
      if (physical !== record) tx.actual = { quantity: physical };
      const recordDeltas = this.recordDeltas.clear();
      const physicalDeltas = this.physicalDeltas.clear();
      if (record > 0) recordDeltas.push(options.from, b.sku, b.lot, -record);
      if (physical > 0) physicalDeltas.push(options.from, b.sku, b.lot, -physical);
      this.commit(tx, recordDeltas, physicalDeltas);
      out.push(tx);
    }
    return out;
  }

  /**
   * Counts location `locationId` (only `sku` if given): every difference between record
   * and physical is corrected in the record and logged as a "count" transaction.
   */
  count(options: { timeS: number; locationId: string; sku?: string; ref?: string }): CountResult {
    this.checkTime("count", options.timeS);
    this.lastTimeS = options.timeS;
    const differences = countDifferences(this.store, options.locationId, options.sku);
    for (const d of differences) {
      const tx: Transaction = {
        kind: "count",
        seq: this.nextSeq,
        timeS: options.timeS,
        sku: d.sku,
        lot: d.lot,
        at: options.locationId,
        quantity: d.variance,
        ref: options.ref,
        cause: "count",
      };
      const recordDeltas = this.recordDeltas.clear();
      recordDeltas.push(options.locationId, d.sku, d.lot, d.variance);
      this.commit(tx, recordDeltas, this.physicalDeltas.clear());
    }
    this.countsDone++;
    if (differences.length > 0) this.countsWithVariance++;
    return { locationId: options.locationId, differences };
  }

  // ---- reservations --------------------------------------------------------------------

  /** Reserves available units of one lot at one location; throws if fewer are available. */
  reserve(options: ReserveOptions): Reservation {
    return this.reservations.reserve(options);
  }

  /** Releases what is left of a reservation (units become available again). */
  release(reservationId: number): void {
    this.reservations.release(reservationId);
  }

  /** A copy of a live reservation, or undefined once consumed or released. */
  reservation(reservationId: number): Reservation | undefined {
    return this.reservations.get(reservationId);
  }

  // ---- totals and history --------------------------------------------------------------

  /** Cumulative flows through one view. */
  flows(view: StockView = "record"): StockFlows {
    return this.flowBook.get(view);
  }

  /** Counts performed so far, and how many found a difference. */
  countStats(): { counts: number; withVariance: number } {
    return { counts: this.countsDone, withVariance: this.countsWithVariance };
  }

  /** Every transaction applied (empty when `keepLog` is false). */
  get transactions(): readonly Transaction[] {
    return this.log;
  }

  /** Time of the last transaction, s (-Infinity before the first). */
  get lastTransactionS(): number {
    return this.lastTimeS;
  }

  /**
   * The conservation balance of one view: inflow − outflow − on-hand, which is 0 unless the
   * ledger is broken (the property tests check it after every transaction).
   */
  imbalance(view: StockView): number {
    return this.flowBook.imbalance(view, this.store.totals[view]);
  }

  // ---- internals -----------------------------------------------------------------------

  /** Applies `input` as a transaction of `kind` (a valid kind other than "count"). */
  private applyAs(kind: TransactionKind, input: Omit<TransactionInput, "kind">): Transaction {
    this.checkTime(kind, input.timeS);
    const tx = resolveTransaction(kind, input, this.nextSeq, this.resolveContext);
    const record = this.recordDeltas.clear();
    const physical = this.physicalDeltas.clear();
    transactionDeltas(tx, record, physical);
    checkDeltas(tx, record, physical, this.store);
    this.commit(tx, record, physical);
    return tx;
  }

  private checkTime(kind: TransactionKind | "count", timeS: number): void {
    if (!Number.isFinite(timeS)) {
      throw new LedgerError("badTime", `${kind}: timeS ${timeS}: expected a finite number`);
    }
    if (timeS < this.lastTimeS) {
      throw new LedgerError(
        "badTime",
        `${kind}: timeS ${timeS} is earlier than the last transaction at ${this.lastTimeS}`,
      );
    }
  }

  private commit(tx: Transaction, record: DeltaList, physical: DeltaList): void {
    const timeS = tx.timeS;
    this.lastTimeS = timeS;
    if ((tx.kind === "receipt" || tx.kind === "return") && tx.lot !== "") {
      this.lots.note(tx.sku, tx.lot, timeS, tx.expiryS);
      const a = tx.actual;
      if (a && (a.sku !== undefined || a.lot !== undefined)) {
        this.lots.note(a.sku ?? tx.sku, a.lot ?? tx.lot, timeS, tx.expiryS);
      }
    }
    for (let i = 0; i < record.length; i++) this.store.changeRecord(record.items[i], timeS);
    for (let i = 0; i < physical.length; i++) this.store.changePhysical(physical.items[i], timeS);
    this.flowBook.add(tx, record, physical);
    if (tx.reservationId !== undefined) this.reservations.consume(tx.reservationId, tx.quantity);
    this.nextSeq++;
    if (this.keepLog) this.log.push(tx);
    this.onTransaction?.(tx);
  }
}
