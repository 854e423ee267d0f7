/**
 * A process: a generator function driven by the events it yields. The process is itself
 * an event that triggers when the generator returns (value) or throws (failure).
 */
import {
  Event,
  Interrupt,
  Interruption,
  KIND_PROCESS,
  PENDING,
  PROCESSED,
  TRIGGERED,
} from "./event.ts";
import type { Simulation } from "./simulation.ts";

// NOTE: under CommonJS transpilation (as tsx runs the CLI) every imported binding is a
// getter call; the hot path reads these module-local copies instead.
const EventClass = Event;
const InterruptionClass = Interruption;
const S_PENDING = PENDING;
const S_TRIGGERED = TRIGGERED;
const S_PROCESSED = PROCESSED;

/**
 * What a process body yields: events (timeouts, requests, other processes, conditions),
 * or a number of seconds to hold: `yield 5` is `yield sim.timeout(5)` without the event
 * object, the cheapest way to pass time.
 */
export type ProcessGenerator<T = any> = Generator<Event | number, T, any>;

/** A running generator. Yield it from another process to wait for its end (its return value). */
export class Process<T = any> extends Event<T> {
  /** A name for messages: the generator function's name unless given. */
  readonly name: string;
  /** @internal */ _gen: ProcessGenerator<T>;
  /** @internal The event the process waits on. */
  _target: Event | null;
  /**
   * @internal Queue sequence of the hold (`yield delay`) the process is in, or -1 (reset
   * when the hold ends). The process itself is the queue entry of its hold; an entry whose
   * sequence differs is stale.
   */
  _holdSeq: number;

  constructor(sim: Simulation, gen: ProcessGenerator<T>, name: string) {
    super(sim);
    this.name = name;
    this._gen = gen;
    this._target = null;
    this._holdSeq = -1;
    sim._scheduleUrgent(this);
  }

  /** True until the generator has returned or thrown. */
  get isAlive(): boolean {
    return this._state === S_PENDING;
  }

  /** The event the process waits on now, or null (also during a hold, `yield delay`). */
  get target(): Event | null {
    return this._target;
  }

  /**
   * Throws an `Interrupt(cause)` into the process at its current yield, at the current
   * time and before normal events. Throws if the process has ended or interrupts itself.
   */
  interrupt(cause?: unknown): void {
    if (this._state !== S_PENDING) {
      throw new RangeError(`cannot interrupt process '${this.name}': it has already ended`);
    }
    if (this.sim.activeProcess === this) {
      throw new RangeError(`process '${this.name}' cannot interrupt itself`);
    }
    const interruption = new InterruptionClass(this.sim);
    interruption._state = S_TRIGGERED;
    interruption._ok = false;
    interruption._value = new Interrupt(cause);
    interruption._waiter = this;
    this.sim._scheduleUrgent(interruption);
  }

  /** True while the process is in a hold (`yield delay`), which wake() can end early. */
  get isHolding(): boolean {
    return this._holdSeq >= 0;
  }

  /**
   * Ends the hold (`yield delay`) the process is in: it continues at the current time,
   * after the events already queued for now, as if its delay had run out. A process that
   * waits for "something or a deadline" this way makes no event per wait (the warehouse's
   * idle workers). Throws unless the process is in a hold.
   */
  wake(): void {
    if (this._holdSeq < 0) {
      throw new RangeError(`cannot wake process '${this.name}': it is not in a hold (yield delay)`);
    }
    // The entry of the hold's old end becomes stale (its sequence differs) and is skipped.
    this._holdSeq = this.sim._schedule(this, this.sim.now);
  }

  override succeed(_value?: T): this {
    throw new RangeError(`process '${this.name}' ends by returning, not by succeed()`);
  }

  override fail(_error: unknown): this {
    throw new RangeError(`process '${this.name}' ends by throwing, not by fail()`);
  }

  override cancel(): void {
    throw new RangeError(`process '${this.name}' cannot be cancelled; interrupt it instead`);
  }

  /** @internal Delivers an interruption (the kernel calls this). */
  _interrupt(interruption: Event): void {
    if (this._state !== S_PENDING) return;
    const target = this._target;
    if (target !== null) {
      target._removeWaiter(this);
      this._target = null;
    }
    // A hold in progress is abandoned: its queue entry becomes stale and is skipped.
    this._holdSeq = -1;
    interruption._defused = true;
    this._resume(false, interruption._value);
  }

  /** @internal Runs the generator until it yields an unprocessed event, returns or throws. */
  _resume(ok: boolean, value: any): void {
    const sim = this.sim;
    const gen = this._gen;
    // NOTE: processes never resume one another synchronously, so there is no outer
    // active process to restore.
    sim._active = this;
    for (;;) {
      let result: IteratorResult<Event | number, T>;
      try {
        result = ok ? gen.next(value) : gen.throw(value);
      } catch (error) {
        sim._active = null;
        this._end(false, error);
        return;
      }
      if (result.done === true) {
        sim._active = null;
        this._end(true, result.value);
        return;
      }
      const event = result.value;
      if (typeof event === "number") {
        if (event >= 0 && event < Number.POSITIVE_INFINITY) {
          this._holdSeq = sim._schedule(this, sim.now + event);
          sim._active = null;
          return;
        }
        ok = false;
        value = new RangeError(
          `process '${this.name}' yielded a delay of ${event} (expected a finite number of seconds >= 0)`,
        );
      } else if (event instanceof EventClass && event.sim === sim) {
        if (event._state !== S_PROCESSED) {
          if (event._waiter === null && event._callbacks === null) event._waiter = this;
          else event._addWaiter(this);
          this._target = event;
          sim._active = null;
          return;
        }
        // Already processed: continue at once with its outcome.
        ok = event._ok;
        value = event._value;
        if (!ok) event._defused = true;
      } else {
        ok = false;
        value = new TypeError(
          `process '${this.name}' yielded ${event instanceof EventClass ? "an event of another simulation" : String(event)}, not an Event`,
        );
      }
    }
  }

  /** @internal */
  _end(ok: boolean, value: any): void {
    this._target = null;
    if (!ok) this._ok = false;
    this._value = value;
    if (ok && this._waiter === null && this._callbacks === null) {
      // NOTE: nobody waits: the end is processed at once instead of going through the
      // queue (a process yielding it later continues at once, as with any processed event).
      this._state = S_PROCESSED;
      return;
    }
    this._state = S_TRIGGERED;
    this.sim._scheduleNow(this);
  }
}
Process.prototype._kind = KIND_PROCESS;
