/**
 * A container holding a continuous or discrete level (fuel, boxes on a conveyor, stock):
 * `put(amount)` waits for room, `get(amount)` waits for enough level. Requests are
 * served strictly in order: a waiting request holds back the ones behind it.
 */
import { describe, Event, PENDING } from "./event.ts";
import type { Simulation } from "./simulation.ts";
import { TimeWeighted } from "./timeWeighted.ts";

/** Options of a container. */
export interface ContainerOptions {
  /** Maximum level. Defaults to Infinity. */
  capacity?: number;
  /** Initial level. Defaults to 0. */
  init?: number;
}

/** A put or get of an amount: an event that succeeds once done. `cancel()` withdraws it while waiting. */
export class ContainerRequest extends Event<number> {
  /** The amount to put or get. */
  readonly amount: number;
  /** @internal */ readonly _container: Container;
  /** @internal */ readonly _isPut: boolean;
  constructor(container: Container, amount: number, isPut: boolean) {
    super(container.sim);
    this.amount = amount;
    this._container = container;
    this._isPut = isPut;
  }

  /** Withdraws the request if it is still waiting. */
  override cancel(): void {
    if (this._state === PENDING) this._container._withdraw(this);
    super.cancel();
  }
}

/** A level between 0 and `capacity`. */
export class Container {
  readonly sim: Simulation;
  /** Maximum level. */
  readonly capacity: number;
  private current: number;
  private readonly puts: ContainerRequest[];
  private readonly gets: ContainerRequest[];
  private readonly stats: TimeWeighted;

  constructor(sim: Simulation, options: ContainerOptions = {}) {
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    const init = options.init ?? 0;
    if (!(capacity > 0))
      throw new RangeError(`container capacity must be > 0: ${describe(options.capacity)}`);
    if (!(init >= 0 && init <= capacity)) {
      throw new RangeError(
        `container init must be in [0, capacity ${capacity}]: ${describe(options.init)}`,
      );
    }
    this.sim = sim;
    this.capacity = capacity;
    this.current = init;
    this.puts = [];
    this.gets = [];
    this.stats = new TimeWeighted(sim, init);
  }

  /** The current level. */
  get level(): number {
    return this.current;
  }

  /** Time-weighted mean level since the start or the last reset. */
  meanLevel(): number {
    return this.stats.mean();
  }

  /** Restarts the level statistics now (warm-up deletion). */
  reset(): void {
    this.stats.reset();
  }

  /** Adds `amount` (> 0, at most the capacity) once there is room; the event's value is the amount. */
  put(amount: number): ContainerRequest {
    return this.request("put", amount, this.puts);
  }

  /** Removes `amount` (> 0, at most the capacity) once the level allows; the event's value is the amount. */
  get(amount: number): ContainerRequest {
    return this.request("get", amount, this.gets);
  }

  private request(
    verb: "put" | "get",
    amount: number,
    queue: ContainerRequest[],
  ): ContainerRequest {
    if (!(amount > 0 && amount <= this.capacity && Number.isFinite(amount))) {
      throw new RangeError(
        `container.${verb}: amount must be in (0, capacity ${this.capacity}]: ${describe(amount)}`,
      );
    }
    const request = new ContainerRequest(this, amount, verb === "put");
    queue.push(request);
    this.settle();
    return request;
  }

  /** @internal */
  _withdraw(request: ContainerRequest): void {
    const queue = request._isPut ? this.puts : this.gets;
    const index = queue.indexOf(request);
    if (index >= 0) queue.splice(index, 1);
    this.settle();
  }

  private settle(): void {
    let progress = true;
    while (progress) {
      progress = false;
      while (this.puts.length > 0 && this.capacity - this.current >= this.puts[0].amount) {
        const put = this.puts.shift()!;
        this.current += put.amount;
        put.succeed(put.amount);
        progress = true;
      }
      while (this.gets.length > 0 && this.current >= this.gets[0].amount) {
        const get = this.gets.shift()!;
        this.current -= get.amount;
        get.succeed(get.amount);
        progress = true;
      }
    }
    if (this.current !== this.stats.current) this.stats.update(this.current);
  }
}
