/**
 * A resource with a capacity (servers, workers, doors): processes request a unit, wait in
 * a priority queue (FIFO among equal priorities), use it and release it. A preemptive
 * resource lets an urgent request evict a less urgent user, which gets an Interrupt.
 */
import { describe, Event } from "./event.ts";
import type { Process } from "./process.ts";
import { RingQueue } from "./ringQueue.ts";
import type { Simulation } from "./simulation.ts";

/** Options of a resource. */
export interface ResourceOptions {
  /** Number of units. Defaults to 1. */
  capacity?: number;
  /** Whether requests with `preempt` may evict less urgent users. Defaults to false. */
  preemptive?: boolean;
}

/** Options of a request. */
export interface RequestOptions {
  /** Lower is served first. Defaults to 0. */
  priority?: number;
  /** On a preemptive resource: evict a user of strictly larger priority number. Defaults to true. */
  preempt?: boolean;
}

/** The cause of the Interrupt a preempted user receives. */
export class Preempted {
  constructor(
    /** The process whose request evicted this one (null outside a process). */
    readonly by: Process | null,
    /** The request that was evicted. */
    readonly request: Request,
    /** When the evicted request was granted, in seconds. */
    readonly usageSinceS: number,
    /** The resource. */
    readonly resource: Resource,
  ) {}
}

const QUEUED = 0;
const HELD = 1;
const RELEASED = 2;
const PREEMPTED = 3;
const WITHDRAWN = 4;
const STATUS = ["queued", "held", "released", "preempted", "withdrawn"];

/** A request for one unit of a resource: an event that succeeds when the unit is granted. */
export class Request extends Event<undefined> {
  /** The resource requested. */
  readonly resource: Resource;
  /** Priority (lower first). */
  readonly priority: number;
  /** Whether this request may preempt. */
  readonly preempt: boolean;
  /** The process that made the request (null outside a process). */
  readonly process: Process | null;
  /** Time of the request, in seconds. */
  readonly requestedS: number;
  /** Time the unit was granted, in seconds (NaN until granted). */
  grantedS: number;
  /** @internal */ _status: number;
  /** @internal */ _order: number;

  constructor(resource: Resource, priority: number, preempt: boolean, order: number) {
    super(resource.sim);
    this.resource = resource;
    this.priority = priority;
    this.preempt = preempt;
    this.process = resource.sim.activeProcess;
    this.requestedS = resource.sim.now;
    this.grantedS = Number.NaN;
    this._status = QUEUED;
    this._order = order;
  }

  /** "queued", "held", "released", "preempted" or "withdrawn". */
  get status(): string {
    return STATUS[this._status];
  }

  /** Withdraws a queued request, or releases a held one. */
  override cancel(): void {
    if (this._status === QUEUED || this._status === HELD) this.resource.release(this);
  }
}

/** A resource with `capacity` identical units. */
export class Resource {
  readonly sim: Simulation;
  /** Number of units. */
  readonly capacity: number;
  /** Whether requests may preempt users. */
  readonly preemptive: boolean;
  /** Units in use now. */
  count: number;
  /** Requests holding a unit now, in grant order (kept for preemptive resources only). */
  readonly users: Request[];
  // NOTE: the queue is a ring sorted by (priority, order); statistics are integrated
  // inline (no calls on the hot path).
  private readonly queue: RingQueue<Request>;
  private orderCounter: number;
  private statsStartS: number;
  private lastChangeS: number;
  private busyArea: number;
  private queueArea: number;

  constructor(sim: Simulation, options: ResourceOptions = {}) {
    const capacity = options.capacity ?? 1;
    if (!(Number.isSafeInteger(capacity) && capacity >= 1)) {
      throw new RangeError(
        `resource capacity must be an integer >= 1: ${describe(options.capacity)}`,
      );
    }
    this.sim = sim;
    this.capacity = capacity;
    this.preemptive = options.preemptive ?? false;
    this.count = 0;
    this.users = [];
    this.queue = new RingQueue<Request>();
    this.orderCounter = 0;
    this.statsStartS = sim.now;
    this.lastChangeS = sim.now;
    this.busyArea = 0;
    this.queueArea = 0;
  }

  /** Number of requests waiting. */
  get queueLength(): number {
    return this.queue.length;
  }

  /** The waiting requests in service order. */
  get queued(): readonly Request[] {
    return this.queue.toArray();
  }

  /** Requests a unit; yield the request to wait for it, then `release(request)`. */
  request(options?: RequestOptions): Request {
    let priority = 0;
    let preempt = true;
    if (options !== undefined) {
      priority = options.priority ?? 0;
      preempt = options.preempt ?? true;
      if (!Number.isFinite(priority))
        throw new RangeError(`request priority must be a finite number: ${priority}`);
    }
    const request = new Request(this, priority, preempt, this.orderCounter++);
    if (this.count < this.capacity && this.queue.length === 0) {
      this.grant(request);
      return request;
    }
    if (this.preemptive && preempt && this.count >= this.capacity) {
      const victim = this.worstUser();
      if (victim !== null && victim.priority > priority) {
        this.evict(victim, request);
        this.grant(request);
        return request;
      }
    }
    this.enqueue(request);
    return request;
  }

  /**
   * Releases a held unit and grants it to the next request. A queued request is withdrawn,
   * a preempted one ignored. Throws for a request already released or of another resource.
   */
  release(request: Request): void {
    if (request == null || request.resource !== this || !(request instanceof Request)) {
      throw new RangeError(`release: ${describe(request)} is not a request of this resource`);
    }
    switch (request._status) {
      case HELD: {
        request._status = RELEASED;
        if (this.preemptive) {
          const index = this.users.indexOf(request);
          if (index >= 0) this.users.splice(index, 1);
        }
        this.account();
        this.count--;
        if (this.queue.length !== 0) this.serveQueue();
        return;
      }
      case QUEUED: {
        request._status = WITHDRAWN;
        const index = this.queue.indexOf(request);
        this.account();
        if (index >= 0) this.queue.removeAt(index);
        if (request._state === 0) Event.prototype.cancel.call(request);
        return;
      }
      case PREEMPTED:
        return;
      default:
        throw new RangeError(
          `release: request (priority ${request.priority}, requested at ${request.requestedS} s) is not held: it was ${STATUS[request._status]}`,
        );
    }
  }

  /** Time-weighted share of units in use since the start or the last reset (0..1). */
  utilization(): number {
    const now = this.sim.now;
    const duration = now - this.statsStartS;
    if (duration <= 0) return this.count / this.capacity;
    return (this.busyArea + this.count * (now - this.lastChangeS)) / duration / this.capacity;
  }

  /** Time-weighted mean number of waiting requests since the start or the last reset. */
  meanQueueLength(): number {
    const now = this.sim.now;
    const duration = now - this.statsStartS;
    const length = this.queue.length;
    if (duration <= 0) return length;
    return (this.queueArea + length * (now - this.lastChangeS)) / duration;
  }

  /** Restarts the utilisation and queue statistics now (warm-up deletion). */
  reset(): void {
    this.statsStartS = this.sim.now;
    this.lastChangeS = this.sim.now;
    this.busyArea = 0;
    this.queueArea = 0;
  }

  /** Adds the areas under the busy and queue-length curves up to now; call before a change. */
  private account(): void {
    const now = this.sim.now;
    const dt = now - this.lastChangeS;
    if (dt > 0) {
      this.busyArea += this.count * dt;
      this.queueArea += this.queue.length * dt;
      this.lastChangeS = now;
    }
  }

  private grant(request: Request): void {
    this.account();
    request._status = HELD;
    request.grantedS = this.sim.now;
    this.count++;
    if (this.preemptive) this.users.push(request);
    request.succeed(undefined);
  }

  private serveQueue(): void {
    const queue = this.queue;
    while (this.count < this.capacity && queue.length > 0) this.grant(queue.shift()!);
  }

  private enqueue(request: Request): void {
    this.account();
    const queue = this.queue;
    // Sorted by (priority, order): append when no waiting request is less urgent (the common case).
    const end = queue.length;
    if (end === 0 || queue.get(end - 1).priority <= request.priority) {
      queue.push(request);
      return;
    }
    let lo = 0;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (queue.get(mid).priority <= request.priority) lo = mid + 1;
      else hi = mid;
    }
    queue.insertAt(lo, request);
  }

  /** The user a new request would evict: largest priority number, latest among equals. */
  private worstUser(): Request | null {
    let worst: Request | null = null;
    for (const user of this.users) {
      if (
        worst === null ||
        user.priority > worst.priority ||
        (user.priority === worst.priority && user._order > worst._order)
      ) {
        worst = user;
      }
    }
    return worst;
  }

  private evict(victim: Request, by: Request): void {
    this.account();
    victim._status = PREEMPTED;
    this.users.splice(this.users.indexOf(victim), 1);
    this.count--;
    const process = victim.process;
    if (process?.isAlive && process !== this.sim.activeProcess) {
      process.interrupt(new Preempted(by.process, victim, victim.grantedS, this));
    }
  }
}
