/**
 * The simulation kernel: the clock, the event queue and the run loop. Events are processed
 * in (time, priority, insertion sequence) order: urgent work (process starts, interrupts)
 * before normal work at the same time, and insertion order among equals.
 */
import { allOf, anyOf } from "./condition.ts";
import {
  CANCELLED,
  describe,
  Event,
  KIND_INTERRUPTION,
  KIND_PROCESS,
  PENDING,
  PROCESSED,
  SimulationError,
  TRIGGERED,
} from "./event.ts";
import { Process, type ProcessGenerator } from "./process.ts";
import { createStream, type RandomStream } from "./randomStream.ts";

// NOTE: under CommonJS transpilation (as tsx runs the CLI) every imported binding is a
// getter call; the hot path reads these module-local copies instead.
const EventClass = Event;
const ProcessClass = Process;
const S_PENDING = PENDING;
const S_TRIGGERED = TRIGGERED;
const S_PROCESSED = PROCESSED;
const S_CANCELLED = CANCELLED;
const K_PROCESS = KIND_PROCESS;
const K_INTERRUPTION = KIND_INTERRUPTION;

/** Options of a simulation. */
export interface SimulationOptions {
  /** Master seed of the random streams. Defaults to 0. */
  seed?: number;
  /** Replication index: selects independent substreams. Defaults to 0. */
  replication?: number;
}

/** Options of `run()`. */
export interface RunOptions {
  /** Stop before the first event at or after this time (seconds) and set the clock to it. */
  until?: number;
}

const INITIAL_CAPACITY = 256;

/**
 * A discrete-event simulation: a clock (`now`, seconds), an event queue and named random
 * streams. Drive it with `run()` or `step()`; it never owns a timer.
 */
export class Simulation {
  /** Current simulation time in seconds. */
  now: number;
  /** Master seed of the random streams. */
  readonly seed: number;
  /** Replication index of the random streams. */
  readonly replication: number;
  /** @internal The running process, or null. */
  _active: Process | null;
  /** @internal Insertion counter shared by every queue. */
  private seq: number;
  // NOTE: timed events live in a binary heap over typed arrays keyed by (time, seq);
  // zero-delay work goes to two FIFO rings at the current time (urgent and normal),
  // merged with the heap by sequence. This keeps (time, priority, seq) order without
  // pushing the most common events through the heap.
  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapEvent: (Event | undefined)[];
  private heapSize: number;
  private urgent: (Event | undefined)[];
  private urgentHead: number;
  private urgentTail: number;
  private normal: (Event | undefined)[];
  private normalSeq: Float64Array;
  private normalHead: number;
  private normalTail: number;
  private streams: Map<string, RandomStream>;

  constructor(options: SimulationOptions = {}) {
    const seed = options.seed ?? 0;
    const replication = options.replication ?? 0;
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer: ${seed}`);
    if (!Number.isSafeInteger(replication) || replication < 0) {
      throw new RangeError(`replication must be an integer >= 0: ${replication}`);
    }
    this.now = 0;
    this.seed = seed;
    this.replication = replication;
    this._active = null;
    this.seq = 0;
    this.heapTime = new Float64Array(INITIAL_CAPACITY);
    this.heapSeq = new Float64Array(INITIAL_CAPACITY);
    this.heapEvent = new Array(INITIAL_CAPACITY).fill(undefined);
    this.heapSize = 0;
    this.urgent = new Array(64).fill(undefined);
    this.urgentHead = 0;
    this.urgentTail = 0;
    this.normal = new Array(INITIAL_CAPACITY).fill(undefined);
    this.normalSeq = new Float64Array(INITIAL_CAPACITY);
    this.normalHead = 0;
    this.normalTail = 0;
    this.streams = new Map();
  }

  /** The process running now (inside a generator step), or null. */
  get activeProcess(): Process | null {
    return this._active;
  }

  /** A new pending event; trigger it with `succeed()` or `fail()`. */
  event<T = any>(): Event<T> {
    return new EventClass<T>(this);
  }

  /** An event that succeeds with `value` after `delayS` seconds. Throws on a negative, NaN or infinite delay. */
  timeout<T = undefined>(delayS: number, value?: T): Event<T> {
    const event = new EventClass<T>(this);
    event._state = S_TRIGGERED;
    event._value = value;
    if (delayS > 0 && delayS < Number.POSITIVE_INFINITY) this._schedule(event, this.now + delayS);
    else if (delayS === 0) this._scheduleNow(event);
    else
      throw new RangeError(
        `invalid timeout delay: ${describe(delayS)} (expected a finite number >= 0)`,
      );
    return event;
  }

  /**
   * Starts a process from a generator function (called with no arguments) or a generator
   * object. It starts at the current time, before normal events of this time.
   */
  process<T = any>(
    body: (() => ProcessGenerator<T>) | ProcessGenerator<T>,
    name?: string,
  ): Process<T> {
    let gen: ProcessGenerator<T>;
    let label = name;
    if (typeof body === "function") {
      gen = body();
      label ??= body.name || "process";
    } else {
      gen = body;
      label ??= "process";
    }
    if (
      gen === null ||
      typeof gen !== "object" ||
      typeof gen.next !== "function" ||
      typeof gen.throw !== "function"
    ) {
      throw new TypeError(
        `sim.process() needs a generator or generator function, got ${describe(gen)}`,
      );
    }
    return new ProcessClass<T>(this, gen, label);
  }

  /** An event that succeeds with the array of all values (in order) once every event has; fails with the first failure. */
  allOf(events: readonly Event[]): Event<any[]> {
    return allOf(this, events);
  }

  /** An event that succeeds once any event has, with `{ index, event, value }` of the first; fails with a failure. */
  anyOf(events: readonly Event[]): Event<{ index: number; event: Event; value: any }> {
    return anyOf(this, events);
  }

  /** The independent random stream `name` of this simulation's (seed, replication). */
  random(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      stream = createStream(this.seed, name, this.replication);
      this.streams.set(name, stream);
    }
    return stream;
  }

  /** Time of the next event, or Infinity if none is scheduled. */
  peek(): number {
    if (this.urgentHead !== this.urgentTail || this.normalHead !== this.normalTail) return this.now;
    this.dropDeadTops();
    return this.heapSize > 0 ? this.heapTime[0] : Number.POSITIVE_INFINITY;
  }

  /** Processes the next event. Returns false if there was none. */
  step(): boolean {
    for (;;) {
      const event = this.next(Number.POSITIVE_INFINITY);
      if (event === undefined) return false;
      if (event._state !== S_CANCELLED) {
        this.fire(event);
        return true;
      }
    }
  }

  /**
   * Processes events in order until none is left, or until the next one is at or after
   * `until` (then the clock is set to `until`). A process failure nothing handled stops
   * the run with a `SimulationError` naming the time.
   */
  run(options: RunOptions = {}): void {
    const until = options.until ?? Number.POSITIVE_INFINITY;
    if (!(until >= this.now)) {
      throw new RangeError(`run until ${describe(options.until)} is before now (${this.now})`);
    }
    for (;;) {
      const event = this.next(until);
      if (event === undefined) break;
      // NOTE: the common case inline: a plain successful event with at most one waiting process.
      if (
        event._kind === 0 &&
        event._callbacks === null &&
        event._ok &&
        event._state !== S_CANCELLED
      ) {
        event._state = S_PROCESSED;
        const waiter = event._waiter;
        if (waiter !== null) {
          event._waiter = null;
          waiter._resume(true, event._value);
        }
      } else if (event._kind === K_PROCESS && event._state === S_PENDING) {
        // NOTE: a queued process still pending is one to start or to wake from a hold (its
        // end is queued triggered).
        (event as Process)._holdSeq = -1;
        (event as Process)._resume(true, undefined);
      } else if (event._state !== S_CANCELLED) this.fire(event);
    }
    if (until !== Number.POSITIVE_INFINITY) this.now = until;
  }

  /**
   * @internal Schedules a triggered event (or a holding process) at `timeS` (>= now);
   * returns its queue sequence. Entries at the current time keep their place among the
   * normal events by sequence.
   */
  _schedule(event: Event, timeS: number): number {
    let i = this.heapSize++;
    if (i === this.heapTime.length) this.growHeap();
    const seq = this.seq++;
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const events = this.heapEvent;
    // Sift up; the new entry has the largest seq, so equal times stop the climb (FIFO ties).
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent];
      if (parentTime <= timeS) break;
      times[i] = parentTime;
      seqs[i] = seqs[parent];
      events[i] = events[parent];
      i = parent;
    }
    times[i] = timeS;
    seqs[i] = seq;
    events[i] = event;
    return seq;
  }

  /** @internal Schedules a triggered event at the current time, normal priority. */
  _scheduleNow(event: Event): void {
    const mask = this.normal.length - 1;
    this.normal[this.normalTail] = event;
    this.normalSeq[this.normalTail] = this.seq++;
    this.normalTail = (this.normalTail + 1) & mask;
    if (this.normalTail === this.normalHead) this.growNormal();
  }

  /** @internal Schedules an event at the current time, urgent priority (before normal ones). */
  _scheduleUrgent(event: Event): void {
    this.seq++;
    const mask = this.urgent.length - 1;
    this.urgent[this.urgentTail] = event;
    this.urgentTail = (this.urgentTail + 1) & mask;
    if (this.urgentTail === this.urgentHead) this.growUrgent();
  }

  /** The next queued entry before `until` (advancing the clock), or undefined. */
  private next(until: number): Event | undefined {
    if (this.urgentHead !== this.urgentTail) {
      if (this.now >= until) return undefined;
      const event = this.urgent[this.urgentHead];
      this.urgent[this.urgentHead] = undefined;
      this.urgentHead = (this.urgentHead + 1) & (this.urgent.length - 1);
      return event;
    }
    // Dead entries are dropped first so that they never move the clock nor jump ahead of
    // the normal events of the current time.
    if (this.heapSize > 0) this.dropDeadTops();
    if (this.normalHead !== this.normalTail) {
      if (this.now >= until) return undefined;
      const head = this.normalHead;
      if (
        this.heapSize === 0 ||
        this.heapTime[0] > this.now ||
        this.heapSeq[0] > this.normalSeq[head]
      ) {
        const event = this.normal[head];
        this.normal[head] = undefined;
        this.normalHead = (head + 1) & (this.normal.length - 1);
        return event;
      }
    }
    if (this.heapSize === 0) return undefined;
    const timeS = this.heapTime[0];
    if (timeS >= until) return undefined;
    this.now = timeS;
    return this.popHeap();
  }

  /** Processes one event: starts or resumes processes, runs callbacks, surfaces failures. */
  private fire(event: Event): void {
    const kind = event._kind;
    if (kind !== 0) {
      if (kind === K_PROCESS) {
        if (event._state === S_PENDING) {
          (event as Process)._holdSeq = -1;
          (event as Process)._resume(true, undefined);
          return;
        }
      } else if (kind === K_INTERRUPTION) {
        const process = event._waiter!;
        event._waiter = null;
        event._state = S_PROCESSED;
        process._interrupt(event);
        return;
      }
    }
    event._state = S_PROCESSED;
    const ok = event._ok;
    const waiter = event._waiter;
    if (waiter !== null) {
      event._waiter = null;
      waiter._target = null;
      if (!ok) event._defused = true;
      waiter._resume(ok, event._value);
    }
    const callbacks = event._callbacks;
    if (callbacks !== null) {
      event._callbacks = null;
      for (let i = 0; i < callbacks.length; i++) {
        const callback = callbacks[i];
        if (typeof callback === "function") callback(event);
        else {
          callback._target = null;
          if (!ok) event._defused = true;
          callback._resume(ok, event._value);
        }
      }
    }
    if (!ok && !event._defused) {
      const what =
        event._kind === K_PROCESS ? `process '${(event as Process).name}' failed` : "event failed";
      const cause = event._value;
      throw new SimulationError(
        `${what}: ${cause instanceof Error ? cause.message : describe(cause)}`,
        this.now,
        cause,
      );
    }
  }

  /** Pops cancelled events and stale holds (of an interrupted process) off the heap top. */
  private dropDeadTops(): void {
    while (this.heapSize > 0) {
      const top = this.heapEvent[0]!;
      if (top._state === S_CANCELLED) this.popHeap();
      else if (top._kind === K_PROCESS && (top as Process)._holdSeq !== this.heapSeq[0]) {
        this.popHeap();
      } else return;
    }
  }

  private popHeap(): Event {
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const events = this.heapEvent;
    const top = events[0]!;
    const n = --this.heapSize;
    if (n === 0) {
      events[0] = undefined;
      return top;
    }
    const timeS = times[n];
    const seq = seqs[n];
    const last = events[n];
    events[n] = undefined;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n) {
        const rt = times[right];
        const ct = times[child];
        if (rt < ct || (rt === ct && seqs[right] < seqs[child])) child = right;
      }
      const childTime = times[child];
      if (childTime > timeS || (childTime === timeS && seqs[child] > seq)) break;
      times[i] = childTime;
      seqs[i] = seqs[child];
      events[i] = events[child];
      i = child;
    }
    times[i] = timeS;
    seqs[i] = seq;
    events[i] = last;
    return top;
  }

  private growHeap(): void {
    const size = this.heapTime.length * 2;
    const times = new Float64Array(size);
    times.set(this.heapTime);
    const seqs = new Float64Array(size);
    seqs.set(this.heapSeq);
    this.heapTime = times;
    this.heapSeq = seqs;
    for (let i = this.heapEvent.length; i < size; i++) this.heapEvent.push(undefined);
  }

  /** Doubles a full ring (head === tail after a push), unrolling it to start at 0. */
  private growNormal(): void {
    const old = this.normal;
    const oldSeq = this.normalSeq;
    const size = old.length;
    const events: (Event | undefined)[] = new Array(size * 2).fill(undefined);
    const seqs = new Float64Array(size * 2);
    for (let i = 0; i < size; i++) {
      const j = (this.normalHead + i) & (size - 1);
      events[i] = old[j];
      seqs[i] = oldSeq[j];
    }
    this.normal = events;
    this.normalSeq = seqs;
    this.normalHead = 0;
    this.normalTail = size;
  }

  private growUrgent(): void {
    const old = this.urgent;
    const size = old.length;
    const events: (Event | undefined)[] = new Array(size * 2).fill(undefined);
    for (let i = 0; i < size; i++) events[i] = old[(this.urgentHead + i) & (size - 1)];
    this.urgent = events;
    this.urgentHead = 0;
    this.urgentTail = size;
  }
}
