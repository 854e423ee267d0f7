/**
 * The stock ledger: quantity per location, SKU and lot, kept twice — the system's record
 * and the physical truth. Stock changes only through transactions; error events make the
 * two drift, counts bring them back together, and neither may ever go negative.
 */
import { type Delta, DeltaList } from "./deltaList.ts";
import {
  LedgerError,
  MOVE_KINDS,
  PICKED_LOCATION,
  TRANSACTION_KINDS,
  type Transaction,
  type TransactionInput,
  type TransactionKind,
} from "./transaction.ts";
import type { LocationContent, Sku, StockRecord, StockView } from "./types.ts";

/** Options of a ledger; all optional. */
export interface StockLedgerOptions {
  /** The SKU master: when given, unknown SKUs are refused and lot expiry defaults to the shelf life. */
  skus?: readonly Sku[];
  /** Keep every transaction in `transactions`. Defaults to true. */
  keepLog?: boolean;
  /** Called after each applied transaction (for traces). */
  onTransaction?: (tx: Transaction) => void;
}

/** Cumulative flows through one view of the ledger, units. */
export interface StockFlows {
  received: number;
  returned: number;
  shipped: number;
  scrapped: number;
  /** Physical losses nobody recorded (physical view only). */
  shrunk: number;
  /** Net record corrections by adjustments and counts (record view only). */
  adjusted: number;
}

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

/** One difference a count found and corrected. */
export interface CountDifference {
  sku: string;
  lot: string;
  record: number;
  physical: number;
  /** physical − record. */
  variance: number;
}

/** What a count of one location found. */
export interface CountResult {
  locationId: string;
  /** Differences found (empty when the record was right). */
  differences: CountDifference[];
}

/** Per-SKU totals and where the SKU is. */
interface SkuState {
  /** Units on hand in each view. */
  record: number;
  physical: number;
  /**
   * Locations holding a bucket of the SKU, with the number of such buckets there (so
   * per-SKU queries skip the rest, and emptying a bucket needs no scan of the location).
   */
  where: Map<string, number>;
}

interface Bucket {
  /** Interned (sku, lot) pair id. */
  pair: number;
  /** The SKU's state, the bucket's location and that location's contents map. */
  state: SkuState;
  locationId: string;
  contents: Map<number, Bucket>;
  sku: string;
  lot: string;
  record: number;
  physical: number;
  reserved: number;
  /** When the record last went from empty to non-empty, s. */
  firstInS: number;
}

interface LotInfo {
  receivedS: number;
  expiryS: number | undefined;
}

function emptyFlows(): StockFlows {
  return { received: 0, returned: 0, shipped: 0, scrapped: 0, shrunk: 0, adjusted: 0 };
}

/**
 * The ledger. Every mutating method validates first and changes nothing when it throws a
 * `LedgerError` (naming the offending value). Conservation holds in both views at all times:
 * received + returned − shipped − scrapped − shrunk + adjusted = on-hand total.
 */
export class StockLedger {
  /** Buckets per location, keyed by interned (sku, lot) pair id. */
  private readonly locations = new Map<string, Map<number, Bucket>>();
  /** Lot dates by (sku, lot) pair id. */
  private readonly lots = new Map<number, LotInfo>();
  /** Interned (sku, lot) pairs: sku → lot → pair id (numbers hash faster than joined strings). */
  private readonly pairIds = new Map<string, Map<string, number>>();
  private nextPairId = 0;
  /** Totals and locations per SKU (kept once made). */
  private readonly skuStates = new Map<string, SkuState>();
  /** Scratch delta lists, refilled by every transaction. */
  private readonly recordDeltas = new DeltaList();
  private readonly physicalDeltas = new DeltaList();
  /**
   * The two buckets looked up last, most recent first: a transaction touches the same one
   * or two buckets several times (check, record change, physical change). A bucket leaves
   * these slots when it is dropped.
   */
  private recent0: Bucket | undefined;
  private recent1: Bucket | undefined;
  private readonly skuMaster: Map<string, Sku> | undefined;
  private readonly totals: Record<StockView, number> = { record: 0, physical: 0 };
  private readonly flowTotals: Record<StockView, StockFlows> = {
    record: emptyFlows(),
    physical: emptyFlows(),
  };
  private readonly reservations = new Map<number, Reservation>();
  private readonly keepLog: boolean;
  private readonly onTransaction: ((tx: Transaction) => void) | undefined;
  private readonly log: Transaction[] = [];
  private nextSeq = 0;
  private nextReservationId = 1;
  private lastTimeS = Number.NEGATIVE_INFINITY;
  private countsDone = 0;
  private countsWithVariance = 0;

  constructor(options: StockLedgerOptions = {}) {
    this.skuMaster = options.skus ? new Map(options.skus.map((s) => [s.id, s])) : undefined;
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

  /** Applies `input` as a transaction of `kind` (a valid kind other than "count"). */
  private applyAs(kind: TransactionKind, input: Omit<TransactionInput, "kind">): Transaction {
    this.checkTime(kind, input.timeS);
    const tx = this.resolve(kind, input);
    const record = this.recordDeltas.clear();
    const physical = this.physicalDeltas.clear();
    this.deltas(tx, record, physical);
    this.checkDeltas(tx, record, physical);
    this.commit(tx, record, physical);
    return tx;
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
    const contents = this.locations.get(options.from);
    if (!contents) return [];
    const out: Transaction[] = [];
    for (const b of [...contents.values()]) {
      if (b.reserved > 0) {
        throw new LedgerError(
          "unavailable",
          `shipAll: ${b.reserved} units of sku ${JSON.stringify(b.sku)} at ${JSON.stringify(options.from)} are reserved (release them first)`,
        );
      }
    }
    for (const b of [...contents.values()]) {
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
    const contents = this.locations.get(options.locationId);
    const differences: CountDifference[] = [];
    if (contents) {
      for (const bucket of [...contents.values()]) {
        if (options.sku !== undefined && bucket.sku !== options.sku) continue;
        if (bucket.record === bucket.physical) continue;
        const variance = bucket.physical - bucket.record;
        differences.push({
          sku: bucket.sku,
          lot: bucket.lot,
          record: bucket.record,
          physical: bucket.physical,
          variance,
        });
        const tx: Transaction = {
          kind: "count",
          seq: this.nextSeq,
          timeS: options.timeS,
          sku: bucket.sku,
          lot: bucket.lot,
          at: options.locationId,
          quantity: variance,
          ref: options.ref,
          cause: "count",
        };
        const recordDeltas = this.recordDeltas.clear();
        recordDeltas.push(options.locationId, bucket.sku, bucket.lot, variance);
        this.commit(tx, recordDeltas, this.physicalDeltas.clear());
      }
    }
    this.countsDone++;
    if (differences.length > 0) this.countsWithVariance++;
    return { locationId: options.locationId, differences };
  }

  // ---- reservations --------------------------------------------------------------------

  /** Reserves available units of one lot at one location; throws if fewer are available. */
  reserve(options: {
    locationId: string;
    sku: string;
    lot?: string;
    quantity: number;
    ref?: string;
  }): Reservation {
    const lot = options.lot ?? "";
    if (!(Number.isFinite(options.quantity) && options.quantity > 0)) {
      throw new LedgerError(
        "badQuantity",
        `reserve: quantity ${options.quantity}: expected a number > 0`,
      );
    }
    const available = this.available(options.locationId, options.sku, lot);
    if (options.quantity > available) {
      throw new LedgerError(
        "unavailable",
        `reserve: ${options.quantity} of sku ${JSON.stringify(options.sku)} lot ${JSON.stringify(lot)} at ${JSON.stringify(options.locationId)}: only ${available} available`,
      );
    }
    const bucket = this.bucket(options.locationId, options.sku, lot, true);
    bucket.reserved += options.quantity;
    const reservation: Reservation = {
      id: this.nextReservationId++,
      locationId: options.locationId,
      sku: options.sku,
      lot,
      quantity: options.quantity,
      ref: options.ref,
    };
    this.reservations.set(reservation.id, reservation);
    return { ...reservation };
  }

  /** Releases what is left of a reservation (units become available again). */
  release(reservationId: number): void {
    const reservation = this.reservations.get(reservationId);
    if (!reservation) {
      throw new LedgerError(
        "badReservation",
        `release: reservation ${reservationId} does not exist`,
      );
    }
    this.reservations.delete(reservationId);
    const bucket = this.bucket(reservation.locationId, reservation.sku, reservation.lot, false);
    if (bucket) {
      bucket.reserved -= reservation.quantity;
      this.dropIfEmpty(reservation.locationId, bucket);
    }
  }

  /** A copy of a live reservation, or undefined once consumed or released. */
  reservation(reservationId: number): Reservation | undefined {
    const r = this.reservations.get(reservationId);
    return r ? { ...r } : undefined;
  }

  // ---- queries -------------------------------------------------------------------------

  /**
   * Units on hand in one view (default the record): at a location, of a SKU (and lot),
   * or in total, depending on which filters are given.
   */
  onHand(
    filter: { locationId?: string; sku?: string; lot?: string } = {},
    view: StockView = "record",
  ): number {
    if (filter.locationId === undefined) {
      if (filter.sku === undefined) return this.totals[view];
      if (filter.lot === undefined) return this.skuStates.get(filter.sku)?.[view] ?? 0;
      let sum = 0;
      const pair = this.pairId(filter.sku, filter.lot);
      const where = this.skuStates.get(filter.sku)?.where;
      if (where) {
        for (const id of where.keys()) sum += this.locations.get(id)?.get(pair)?.[view] ?? 0;
      }
      return sum;
    }
    const contents = this.locations.get(filter.locationId);
    if (!contents) return 0;
    let sum = 0;
    for (const bucket of contents.values()) {
      if (filter.sku !== undefined && bucket.sku !== filter.sku) continue;
      if (filter.lot !== undefined && bucket.lot !== filter.lot) continue;
      sum += bucket[view];
    }
    return sum;
  }

  /** Record units of a lot at a location not reserved (never below 0). */
  available(locationId: string, sku: string, lot = ""): number {
    const bucket = this.bucket(locationId, sku, lot, false);
    return bucket ? Math.max(0, bucket.record - bucket.reserved) : 0;
  }

  /** Units reserved: at a location for a SKU (all lots), or for a SKU everywhere. */
  reserved(filter: { locationId?: string; sku: string }): number {
    let sum = 0;
    const ids =
      filter.locationId !== undefined
        ? [filter.locationId]
        : (this.skuStates.get(filter.sku)?.where.keys() ?? []);
    for (const id of ids) {
      for (const bucket of this.locations.get(id)?.values() ?? []) {
        if (bucket.sku === filter.sku) sum += bucket.reserved;
      }
    }
    return sum;
  }

  /** Every location holding the SKU in the given view, with lot dates, for removal rules. */
  stockOf(sku: string, view: StockView = "record"): StockRecord[] {
    const out: StockRecord[] = [];
    for (const locationId of this.skuStates.get(sku)?.where.keys() ?? []) {
      for (const bucket of this.locations.get(locationId)!.values()) {
        if (bucket.sku !== sku || bucket[view] <= 0) continue;
        const lot = this.lots.get(bucket.pair);
        const record: StockRecord = {
          locationId,
          sku,
          lot: bucket.lot,
          quantity: bucket[view],
          reserved: bucket.reserved,
          available: Math.max(0, bucket[view] - bucket.reserved),
          receivedS: lot ? lot.receivedS : bucket.firstInS,
        };
        if (lot?.expiryS !== undefined) record.expiryS = lot.expiryS;
        out.push(record);
      }
    }
    return out;
  }

  /** What a location holds in one view (non-zero contents only). */
  contentsOf(locationId: string, view: StockView = "record"): LocationContent[] {
    const contents = this.locations.get(locationId);
    if (!contents) return [];
    const out: LocationContent[] = [];
    for (const b of contents.values()) {
      if (b[view] !== 0) out.push({ sku: b.sku, lot: b.lot, quantity: b[view] });
    }
    return out;
  }

  /** Ids of locations that hold anything in either view. */
  locationIds(): string[] {
    const out: string[] = [];
    for (const [id, contents] of this.locations) if (contents.size > 0) out.push(id);
    return out;
  }

  /** The lot's receipt time and expiry, s, if the lot is known. */
  lotInfo(sku: string, lot: string): { receivedS: number; expiryS?: number } | undefined {
    const info = this.lots.get(this.pairId(sku, lot));
    if (!info) return undefined;
    return info.expiryS === undefined
      ? { receivedS: info.receivedS }
      : { receivedS: info.receivedS, expiryS: info.expiryS };
  }

  /** Whether a location's record equals its physical contents, lot by lot. */
  matches(locationId: string): boolean {
    const contents = this.locations.get(locationId);
    if (!contents) return true;
    for (const b of contents.values()) if (b.record !== b.physical) return false;
    return true;
  }

  /**
   * Inventory record accuracy: the share of locations whose record matches the physical
   * stock exactly. Over `locationIds` when given (empty locations count as matching), else
   * over every location holding anything in either view. 1 when there is none.
   */
  recordAccuracy(locationIds?: Iterable<string>): number {
    let n = 0;
    let ok = 0;
    for (const id of locationIds ?? this.locationIds()) {
      n++;
      if (this.matches(id)) ok++;
    }
    return n === 0 ? 1 : ok / n;
  }

  /** Cumulative flows through one view. */
  flows(view: StockView = "record"): StockFlows {
    return { ...this.flowTotals[view] };
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
    const f = this.flowTotals[view];
    return (
      f.received + f.returned + f.adjusted - f.shipped - f.scrapped - f.shrunk - this.totals[view]
    );
  }

  // ---- internals -----------------------------------------------------------------------

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

  /** Fills defaults and checks fields; returns the transaction to log. */
  private resolve(kind: TransactionKind, input: Omit<TransactionInput, "kind">): Transaction {
    const tx = copyInput(kind, input, this.nextSeq);
    if (kind === "pick" && tx.to === undefined) tx.to = PICKED_LOCATION;
    if (kind === "ship" && tx.from === undefined) tx.from = PICKED_LOCATION;
    const q = input.quantity;
    if (kind === "adjustment") {
      if (!(Number.isFinite(q) && q !== 0)) {
        throw new LedgerError(
          "badQuantity",
          `adjustment: quantity ${q}: expected a non-zero number`,
        );
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
    if (tx.sku !== undefined) this.checkSku(kind, tx.sku);
    if (a?.sku !== undefined) this.checkSku(kind, a.sku);
    if (tx.reservationId !== undefined) {
      const r = this.reservations.get(tx.reservationId);
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
      if (q > r.quantity) {
        throw new LedgerError(
          "badReservation",
          `${kind}: quantity ${q} exceeds the ${r.quantity} units left on reservation ${r.id}`,
        );
      }
    }
    if ((kind === "receipt" || kind === "return") && tx.lot !== "") {
      const info = this.lots.get(this.pairId(tx.sku, tx.lot));
      const expiry = tx.expiryS ?? this.defaultExpiry(tx.sku, tx.timeS, info);
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

  private checkSku(kind: TransactionKind, sku: string): void {
    if (typeof sku !== "string" || sku === "") {
      throw new LedgerError("unknownSku", `${kind}: sku ${JSON.stringify(sku)}: expected an id`);
    }
    if (this.skuMaster && !this.skuMaster.has(sku)) {
      throw new LedgerError(
        "unknownSku",
        `${kind}: sku ${JSON.stringify(sku)} is not in the SKU master`,
      );
    }
  }

  private defaultExpiry(sku: string, timeS: number, info: LotInfo | undefined): number | undefined {
    if (info) return info.expiryS;
    const shelfLifeS = this.skuMaster?.get(sku)?.shelfLifeS;
    return shelfLifeS === undefined ? undefined : timeS + shelfLifeS;
  }

  /** The record and physical changes a transaction makes, appended to the two lists. */
  private deltas(tx: Transaction, record: DeltaList, physical: DeltaList): void {
    const q = tx.quantity;
    const a = tx.actual;
    const psku = a?.sku ?? tx.sku;
    const plot = a?.lot ?? tx.lot;
    const pq = a?.quantity ?? q;
    const kind = tx.kind;
    if (kind === "adjustment") {
      record.push(tx.at!, tx.sku, tx.lot, q);
    } else if (kind === "shrinkage") {
      physical.push(tx.from!, tx.sku, tx.lot, -q);
    } else {
      if (tx.from !== undefined && kind !== "receipt" && kind !== "return") {
        record.push(tx.from, tx.sku, tx.lot, -q);
        physical.push(a?.from ?? tx.from, psku, plot, -pq);
      }
      if (tx.to !== undefined && kind !== "ship" && kind !== "scrap") {
        record.push(tx.to, tx.sku, tx.lot, q);
        physical.push(a?.to ?? tx.to, psku, plot, pq);
      }
    }
  }

  /** Refuses changes that would leave a negative quantity or dip into others' reservations. */
  private checkDeltas(tx: Transaction, record: DeltaList, physical: DeltaList): void {
    for (let i = 0; i < record.length; i++) {
      const d = record.items[i];
      if (d.amount >= 0) continue;
      const bucket = this.bucket(d.locationId, d.sku, d.lot, false);
      const have = bucket?.record ?? 0;
      if (have + d.amount < 0) {
        throw new LedgerError(
          "insufficientRecord",
          `${tx.kind}: quantity ${-d.amount} of sku ${JSON.stringify(d.sku)} lot ${JSON.stringify(d.lot)} at ${JSON.stringify(d.locationId)}: the record holds only ${have}`,
        );
      }
      if (tx.kind !== "adjustment") {
        const reserved = bucket?.reserved ?? 0;
        const own = tx.reservationId !== undefined ? -d.amount : 0;
        const free = have - reserved + own;
        if (-d.amount > free) {
          throw new LedgerError(
            "unavailable",
            `${tx.kind}: quantity ${-d.amount} of sku ${JSON.stringify(d.sku)} lot ${JSON.stringify(d.lot)} at ${JSON.stringify(d.locationId)}: only ${Math.max(0, free)} not reserved (pass the reservationId to take reserved units)`,
          );
        }
      }
    }
    // Physical deltas may hit the same bucket twice (a move onto itself): net them per
    // bucket, in order of first appearance, before checking.
    const items = physical.items;
    for (let i = 0; i < physical.length; i++) {
      const d = items[i];
      let seen = false;
      for (let j = 0; j < i && !seen; j++) seen = sameBucket(items[j], d);
      if (seen) continue;
      let net = d.amount;
      for (let j = i + 1; j < physical.length; j++) {
        if (sameBucket(items[j], d)) net += items[j].amount;
      }
      if (net >= 0) continue;
      const have = this.bucket(d.locationId, d.sku, d.lot, false)?.physical ?? 0;
      if (have + net < 0) {
        throw new LedgerError(
          "insufficientPhysical",
          `${tx.kind}: quantity ${-net} of sku ${JSON.stringify(d.sku)} lot ${JSON.stringify(d.lot)} at ${JSON.stringify(d.locationId)}: physically only ${have} there`,
        );
      }
    }
  }

  private commit(tx: Transaction, record: DeltaList, physical: DeltaList): void {
    this.lastTimeS = tx.timeS;
    if ((tx.kind === "receipt" || tx.kind === "return") && tx.lot !== "") {
      const key = this.internPair(tx.sku, tx.lot);
      if (!this.lots.has(key)) this.lots.set(key, { receivedS: tx.timeS, expiryS: tx.expiryS });
      const a = tx.actual;
      if (a && (a.sku !== undefined || a.lot !== undefined)) {
        const pkey = this.internPair(a.sku ?? tx.sku, a.lot ?? tx.lot);
        if (!this.lots.has(pkey)) {
          this.lots.set(pkey, { receivedS: tx.timeS, expiryS: tx.expiryS });
        }
      }
    }
    for (let i = 0; i < record.length; i++) this.changeRecord(record.items[i], tx.timeS);
    for (let i = 0; i < physical.length; i++) this.changePhysical(physical.items[i]);
    this.countFlows(tx, record, physical);
    if (tx.reservationId !== undefined) {
      const r = this.reservations.get(tx.reservationId)!;
      r.quantity -= tx.quantity;
      const bucket = this.bucket(r.locationId, r.sku, r.lot, false);
      if (bucket) {
        bucket.reserved -= tx.quantity;
        this.dropIfEmpty(r.locationId, bucket);
      }
      if (r.quantity <= 0) this.reservations.delete(r.id);
    }
    this.nextSeq++;
    if (this.keepLog) this.log.push(tx);
    this.onTransaction?.(tx);
  }

  private countFlows(tx: Transaction, record: DeltaList, physical: DeltaList): void {
    const r = this.flowTotals.record;
    const p = this.flowTotals.physical;
    switch (tx.kind) {
      case "receipt":
        r.received += inflow(record);
        p.received += inflow(physical);
        break;
      case "return":
        r.returned += inflow(record);
        p.returned += inflow(physical);
        break;
      case "ship":
        r.shipped += outflow(record);
        p.shipped += outflow(physical);
        break;
      case "scrap":
        r.scrapped += outflow(record);
        p.scrapped += outflow(physical);
        break;
      case "shrinkage":
        p.shrunk += outflow(physical);
        break;
      case "adjustment":
      case "count":
        r.adjusted += tx.quantity;
        break;
      default:
        break;
    }
  }

  private changeRecord(d: Delta, timeS: number): void {
    const amount = d.amount;
    if (amount === 0) return;
    const bucket = this.bucket(d.locationId, d.sku, d.lot, true);
    if (bucket.record <= 0 && amount > 0) bucket.firstInS = timeS;
    bucket.record += amount;
    this.totals.record += amount;
    bucket.state.record += amount;
    this.dropIfEmpty(d.locationId, bucket);
  }

  private changePhysical(d: Delta): void {
    const amount = d.amount;
    if (amount === 0) return;
    const bucket = this.bucket(d.locationId, d.sku, d.lot, true);
    bucket.physical += amount;
    this.totals.physical += amount;
    bucket.state.physical += amount;
    this.dropIfEmpty(d.locationId, bucket);
  }

  /** The id of a known (sku, lot) pair, or -1. */
  private pairId(sku: string, lot: string): number {
    return this.pairIds.get(sku)?.get(lot) ?? -1;
  }

  /** The id of a (sku, lot) pair, interning it if new. */
  private internPair(sku: string, lot: string): number {
    let bySku = this.pairIds.get(sku);
    if (!bySku) this.pairIds.set(sku, (bySku = new Map()));
    let id = bySku.get(lot);
    if (id === undefined) bySku.set(lot, (id = this.nextPairId++));
    return id;
  }

  private bucket(locationId: string, sku: string, lot: string, create: true): Bucket;
  private bucket(locationId: string, sku: string, lot: string, create: false): Bucket | undefined;
  private bucket(
    locationId: string,
    sku: string,
    lot: string,
    create: boolean,
  ): Bucket | undefined {
    const r0 = this.recent0;
    if (r0 !== undefined && r0.locationId === locationId && r0.sku === sku && r0.lot === lot) {
      return r0;
    }
    const r1 = this.recent1;
    if (r1 !== undefined && r1.locationId === locationId && r1.sku === sku && r1.lot === lot) {
      this.recent1 = r0;
      this.recent0 = r1;
      return r1;
    }
    const found = this.lookUpBucket(locationId, sku, lot, create);
    if (found !== undefined) {
      this.recent1 = r0;
      this.recent0 = found;
    }
    return found;
  }

  private lookUpBucket(
    locationId: string,
    sku: string,
    lot: string,
    create: boolean,
  ): Bucket | undefined {
    let contents = this.locations.get(locationId);
    if (!contents) {
      if (!create) return undefined;
      contents = new Map();
      this.locations.set(locationId, contents);
    }
    if (!create) {
      const pair = this.pairId(sku, lot);
      return pair < 0 ? undefined : contents.get(pair);
    }
    const pair = this.internPair(sku, lot);
    let bucket = contents.get(pair);
    if (!bucket) {
      let state = this.skuStates.get(sku);
      if (!state) this.skuStates.set(sku, (state = { record: 0, physical: 0, where: new Map() }));
      bucket = {
        pair,
        state,
        locationId,
        contents,
        sku,
        lot,
        record: 0,
        physical: 0,
        reserved: 0,
        firstInS: this.lastTimeS,
      };
      contents.set(pair, bucket);
      const where = state.where;
      where.set(locationId, (where.get(locationId) ?? 0) + 1);
    }
    return bucket;
  }

  private dropIfEmpty(locationId: string, bucket: Bucket): void {
    if (bucket.record !== 0 || bucket.physical !== 0 || bucket.reserved > 0) return;
    const contents = bucket.contents;
    if (contents.get(bucket.pair) !== bucket) return;
    contents.delete(bucket.pair);
    if (this.recent0 === bucket) this.recent0 = undefined;
    if (this.recent1 === bucket) this.recent1 = undefined;
    const where = bucket.state.where;
    const left = (where.get(locationId) ?? 0) - 1;
    if (left > 0) where.set(locationId, left);
    else where.delete(locationId);
    // NOTE: an emptied location keeps its (empty) map: deleting and re-adding keys of a
    // large Map is slow in V8, and a tote or staging lane empties many times a day.
  }
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

/** Whether two deltas touch the same bucket (location, SKU and lot). */
function sameBucket(a: Delta, b: Delta): boolean {
  return a.locationId === b.locationId && a.sku === b.sku && a.lot === b.lot;
}

/** Units flowing in: the sum of the positive deltas (in list order). */
function inflow(ds: DeltaList): number {
  let s = 0;
  for (let i = 0; i < ds.length; i++) s += Math.max(0, ds.items[i].amount);
  return s;
}

/** Units flowing out: the sum of the negative deltas' sizes (in list order). */
function outflow(ds: DeltaList): number {
  let s = 0;
  for (let i = 0; i < ds.length; i++) s += Math.max(0, -ds.items[i].amount);
  return s;
}
