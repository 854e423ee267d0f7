/**
 * The event: the one thing processes wait on. An event is pending, then triggered (it has
 * a value and sits in the queue), then processed (its waiters have run); or cancelled.
 */
import type { Process } from "./process.ts";
import type { Simulation } from "./simulation.ts";

/** @internal Event states. */
export const PENDING = 0;
/** @internal Triggered: has a value and waits in the queue to be processed. */
export const TRIGGERED = 1;
/** @internal Processed: waiters and callbacks have run. */
export const PROCESSED = 2;
/** @internal Cancelled: never fires. */
export const CANCELLED = 3;

/** @internal Kinds, dispatched on by the kernel (one class shape, numeric kind). */
const KIND_EVENT = 0;
/** @internal A process: its first firing starts it, its last one reports its end. */
export const KIND_PROCESS = 1;
/** @internal An interruption: `_waiter` holds the process to interrupt. */
export const KIND_INTERRUPTION = 2;

/** A callback run when an event is processed. */
export type EventCallback<T = any> = (event: Event<T>) => void;

/** Renders a value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) {
    return String(value);
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    // fall through
  }
  return Object.prototype.toString.call(value);
}

/** An error from a process (or a failed event) that nothing handled, with the sim time. */
export class SimulationError extends Error {
  /** Simulation time at which the failure surfaced, in seconds. */
  readonly timeS: number;
  constructor(message: string, timeS: number, cause: unknown) {
    super(`at t=${timeS} s: ${message}`, { cause });
    this.name = "SimulationError";
    this.timeS = timeS;
  }
}

/** Thrown into a process at its `yield` when another process interrupts it. */
export class Interrupt extends Error {
  /** Why the process was interrupted (whatever the interrupter passed). */
  override readonly cause: unknown;
  constructor(cause?: unknown) {
    super(`interrupted${cause === undefined ? "" : `: ${describe(cause)}`}`);
    this.name = "Interrupt";
    this.cause = cause;
  }
}

/**
 * An event. Yield it from a process to wait for it; `succeed(value)` or `fail(error)`
 * triggers it, and it is processed (waiters resumed) at the current time, in queue order.
 */
export class Event<T = any> {
  // NOTE: `declare` fields are only assigned in the constructor (no define-then-assign
  // class-field initializer): measurably cheaper for the kernel's most allocated object.
  /** The simulation this event belongs to. */
  declare readonly sim: Simulation;
  /** @internal The kind, on the prototype (one per class), not stored per event. */
  declare _kind: number;
  /** @internal */ declare _state: number;
  /** @internal False once failed (on the prototype until then, not stored per event). */
  declare _ok: boolean;
  /** @internal */ declare _value: any;
  /** @internal A failure handled (on the prototype until then, not stored per event). */
  declare _defused: boolean;
  /** @internal The first waiting process (fast path; runs before `_callbacks`). */
  declare _waiter: Process | null;
  /** @internal Further waiters: callbacks or processes, in registration order. */
  declare _callbacks: (EventCallback | Process)[] | null;

  constructor(sim: Simulation) {
    this.sim = sim;
    this._state = PENDING;
    this._value = undefined;
    this._waiter = null;
    this._callbacks = null;
  }

  /** True once the event has a value (scheduled or processed). */
  get triggered(): boolean {
    return this._state === TRIGGERED || this._state === PROCESSED;
  }

  /** True once waiters and callbacks have run. */
  get processed(): boolean {
    return this._state === PROCESSED;
  }

  /** True if the event was cancelled: it never fires. */
  get cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /** True unless the event failed (meaningful once triggered). */
  get ok(): boolean {
    return this._ok;
  }

  /** The value (or error, if it failed); undefined while pending. */
  get value(): T {
    return this._value;
  }

  /** Triggers the event with `value`; it is processed at the current time. Throws if already triggered. */
  succeed(value?: T): this {
    if (this._state !== PENDING) {
      if (this._state === CANCELLED) return this;
      throw alreadyTriggered(this, `succeed with ${describe(value)}`);
    }
    this._state = TRIGGERED;
    this._value = value;
    this.sim._scheduleNow(this);
    return this;
  }

  /** Triggers the event as failed: waiting processes get `error` thrown at their yield. */
  fail(error: unknown): this {
    if (this._state !== PENDING) {
      if (this._state === CANCELLED) return this;
      throw alreadyTriggered(this, `fail with ${describe(error)}`);
    }
    this._state = TRIGGERED;
    this._ok = false;
    this._value = error;
    this.sim._scheduleNow(this);
    return this;
  }

  /**
   * Marks the event dead: it never fires, and processes waiting on it wait forever.
   * A queued entry stays in the queue and is skipped when reached (no queue scan).
   * No effect on an event already processed.
   */
  cancel(): void {
    if (this._state === PENDING || this._state === TRIGGERED) this._state = CANCELLED;
  }

  /** Marks a failure as handled, so it does not stop the run. */
  defuse(): this {
    this._defused = true;
    return this;
  }

  /** Runs `callback(event)` when the event is processed. Throws if already processed. */
  addCallback(callback: EventCallback<T>): this {
    if (this._state === PROCESSED) {
      throw new RangeError("cannot add a callback to an event already processed");
    }
    if (this._callbacks === null) this._callbacks = [callback];
    else this._callbacks.push(callback);
    return this;
  }

  /** @internal Registers a waiting process (first one in the fast slot). */
  _addWaiter(process: Process): void {
    if (this._waiter === null && this._callbacks === null) this._waiter = process;
    else if (this._callbacks === null) this._callbacks = [process];
    else this._callbacks.push(process);
  }

  /** @internal Removes a waiting process (on interrupt). */
  _removeWaiter(process: Process): void {
    if (this._waiter === process) {
      this._waiter = null;
      return;
    }
    const callbacks = this._callbacks;
    if (callbacks !== null) {
      const index = callbacks.indexOf(process);
      if (index >= 0) callbacks.splice(index, 1);
    }
  }
}
Event.prototype._kind = KIND_EVENT;
// NOTE: the rare flags default on the prototype: an event gets its own only when it
// fails or is defused, so the common event carries two fields less.
Event.prototype._ok = true;
Event.prototype._defused = false;

/** @internal An interruption: `_waiter` holds the process to interrupt. */
export class Interruption extends Event {}
Interruption.prototype._kind = KIND_INTERRUPTION;

/** The error for triggering an event twice: what it holds and what was asked of it. */
function alreadyTriggered(event: Event, asked: string): RangeError {
  return new RangeError(
    `event already triggered (value ${describe(event._value)}); cannot ${asked}`,
  );
}
