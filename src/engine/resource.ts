/**
 * A resource with a capacity (servers, workers, doors): processes request a unit, wait in
 * a priority queue (FIFO among equal priorities), use it and release it. A preemptive
 * resource lets an urgent request evict a less urgent user, which gets an Interrupt.
 */
import { describe, Event, PENDING } from "./event.ts";
import type { Process } from "./process.ts";
import type { Simulation } from "./simulation.ts";
import { TimeWeighted } from "./timeWeighted.ts";

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
  /** Requests holding a unit now, in grant order. */
  readonly users: Request[];
  private readonly queue: Request[];
  private orderCounter: number;
  private readonly busy: TimeWeighted;
  private readonly waiting: TimeWeighted;

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
    this.queue = [];
    this.orderCounter = 0;
    this.busy = new TimeWeighted(sim, 0);
    this.waiting = new TimeWeighted(sim, 0);
  }

  /** Number of requests waiting. */
  get queueLength(): number {
    return this.queue.length;
  }

  /** The waiting requests in service order. */
  get queued(): readonly Request[] {
    return this.queue;
  }

  /** Requests a unit; yield the request to wait for it, then `release(request)`. */
  request(options: RequestOptions = {}): Request {
    const priority = options.priority ?? 0;
    if (!Number.isFinite(priority))
      throw new RangeError(`request priority must be a finite number: ${priority}`);
    const request = new Request(this, priority, options.preempt ?? true, this.orderCounter++);
    if (this.count < this.capacity && this.queue.length === 0) {
      this.grant(request);
      return request;
    }
    if (this.preemptive && request.preempt && this.count >= this.capacity) {
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
    if (!(request instanceof Request) || request.resource !== this) {
      throw new RangeError(`release: ${describe(request)} is not a request of this resource`);
    }
    switch (request._status) {
      case HELD: {
        request._status = RELEASED;
        if (this.users.length > 0) {
          const index = this.users.indexOf(request);
          if (index >= 0) this.users.splice(index, 1);
        }
        this.count--;
        this.busy.update(this.count);
        this.serveQueue();
        return;
      }
      case QUEUED: {
        request._status = WITHDRAWN;
        const index = this.queue.indexOf(request);
        if (index >= 0) this.queue.splice(index, 1);
        this.waiting.update(this.queue.length);
        if (request._state === PENDING) Event.prototype.cancel.call(request);
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
    return this.busy.mean() / this.capacity;
  }

  /** Time-weighted mean number of waiting requests since the start or the last reset. */
  meanQueueLength(): number {
    return this.waiting.mean();
  }

  /** Restarts the utilisation and queue statistics now (warm-up deletion). */
  reset(): void {
    this.busy.reset();
    this.waiting.reset();
  }

  private grant(request: Request): void {
    request._status = HELD;
    request.grantedS = this.sim.now;
    this.count++;
    this.busy.update(this.count);
    if (this.preemptive) this.users.push(request);
    request.succeed(undefined);
  }

  private serveQueue(): void {
    const queue = this.queue;
    if (queue.length === 0) return;
    while (this.count < this.capacity && queue.length > 0) this.grant(queue.shift()!);
    this.waiting.update(queue.length);
  }

  private enqueue(request: Request): void {
    const queue = this.queue;
    // Sorted by (priority, order): append when no waiting request is less urgent (the common case).
    let i = queue.length;
    if (i > 0 && queue[i - 1].priority > request.priority) {
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (queue[mid].priority <= request.priority) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    if (i === queue.length) queue.push(request);
    else queue.splice(i, 0, request);
    this.waiting.update(queue.length);
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
    victim._status = PREEMPTED;
    this.users.splice(this.users.indexOf(victim), 1);
    this.count--;
    this.busy.update(this.count);
    const process = victim.process;
    if (process?.isAlive && process !== this.sim.activeProcess) {
      process.interrupt(new Preempted(by.process, victim, victim.grantedS, this));
    }
  }
}
