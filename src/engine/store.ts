/**
 * A store of items (totes, pallets, orders): `put(item)` waits while the store is full,
 * `get(filter?)` waits for the first item (in FIFO order) that matches the filter.
 * Waiting gets are served in request order, each taking the first item it accepts.
 */
import { describe, Event, PENDING } from "./event.ts";
import type { Simulation } from "./simulation.ts";

/** Options of a store. */
export interface StoreOptions {
  /** Maximum number of items. Defaults to Infinity. */
  capacity?: number;
}

/** A pending `store.get()`: an event that succeeds with the item. `cancel()` withdraws it. */
export class StoreGet<T> extends Event<T> {
  /** @internal */ readonly _store: Store<T>;
  /** @internal */ readonly _filter: ((item: T) => boolean) | null;
  constructor(store: Store<T>, filter: ((item: T) => boolean) | null) {
    super(store.sim);
    this._store = store;
    this._filter = filter;
  }

  /** Withdraws the get if it is still waiting. */
  override cancel(): void {
    if (this._state === PENDING) this._store._withdraw(this);
    super.cancel();
  }
}

/** A `store.put()`: an event that succeeds once the item is in the store. `cancel()` withdraws a waiting put. */
export class StorePut<T> extends Event<undefined> {
  /** @internal */ readonly _store: Store<T>;
  /** The item to put. */
  readonly item: T;
  constructor(store: Store<T>, item: T) {
    super(store.sim);
    this._store = store;
    this.item = item;
  }

  /** Withdraws the put if it is still waiting. */
  override cancel(): void {
    if (this._state === PENDING) this._store._withdraw(this);
    super.cancel();
  }
}

/** A FIFO store of items with an optional capacity and filtered gets. */
export class Store<T = unknown> {
  readonly sim: Simulation;
  /** Maximum number of items. */
  readonly capacity: number;
  private readonly list: T[];
  private readonly gets: StoreGet<T>[];
  private readonly puts: StorePut<T>[];

  constructor(sim: Simulation, options: StoreOptions = {}) {
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    if (
      !(capacity === Number.POSITIVE_INFINITY || (Number.isSafeInteger(capacity) && capacity >= 1))
    ) {
      throw new RangeError(
        `store capacity must be an integer >= 1 or Infinity: ${describe(options.capacity)}`,
      );
    }
    this.sim = sim;
    this.capacity = capacity;
    this.list = [];
    this.gets = [];
    this.puts = [];
  }

  /** The items in the store, oldest first (do not modify). */
  get items(): readonly T[] {
    return this.list;
  }

  /** Number of gets waiting. */
  get getQueueLength(): number {
    return this.gets.length;
  }

  /** Number of puts waiting. */
  get putQueueLength(): number {
    return this.puts.length;
  }

  /** Puts an item; the event succeeds when it is in the store (at once unless full). */
  put(item: T): StorePut<T> {
    const put = new StorePut(this, item);
    if (this.puts.length === 0 && this.list.length < this.capacity) {
      // Fast path, same order as settle(): the put succeeds, then waiting gets are served.
      this.list.push(item);
      put.succeed(undefined);
      if (this.gets.length !== 0) this.settle();
      return put;
    }
    this.puts.push(put);
    this.settle();
    return put;
  }

  /** Gets the first item accepted by `filter` (any item without one); the event's value is the item. */
  get(filter?: (item: T) => boolean): StoreGet<T> {
    if (filter !== undefined && typeof filter !== "function") {
      throw new TypeError(`store.get: filter must be a function: ${describe(filter)}`);
    }
    const get = new StoreGet(this, filter ?? null);
    if (filter === undefined && this.gets.length === 0 && this.list.length > 0) {
      // Fast path, same order as settle(): the get takes the oldest item, then a put
      // waiting for room (the store was full) is served.
      get.succeed(this.list.shift());
      if (this.puts.length !== 0) this.settle();
      return get;
    }
    this.gets.push(get);
    this.settle();
    return get;
  }

  /** @internal */
  _withdraw(event: StoreGet<T> | StorePut<T>): void {
    const queue: Event[] = event instanceof StoreGet ? this.gets : this.puts;
    const index = queue.indexOf(event);
    if (index >= 0) queue.splice(index, 1);
  }

  /** Serves waiting puts and gets until neither can progress. */
  private settle(): void {
    let progress = true;
    while (progress) {
      progress = false;
      while (this.puts.length > 0 && this.list.length < this.capacity) {
        const put = this.puts.shift()!;
        this.list.push(put.item);
        put.succeed(undefined);
        progress = true;
      }
      if (this.list.length === 0 || this.gets.length === 0) break;
      for (let g = 0; g < this.gets.length && this.list.length > 0; ) {
        const get = this.gets[g];
        const index = get._filter === null ? 0 : this.list.findIndex(get._filter);
        if (index < 0) {
          g++;
          continue;
        }
        const item = index === 0 ? this.list.shift() : this.list.splice(index, 1)[0];
        if (g === 0) this.gets.shift();
        else this.gets.splice(g, 1);
        get.succeed(item);
        progress = true;
      }
    }
  }
}
