/**
 * Workers as first-class participants: each worker is a process that, while on shift,
 * takes the highest-priority task from its role's queue, uses equipment from a pool, and
 * records how its time splits into travelling loaded or empty, handling, waiting and idle.
 */
import { type Process, type Request, type Simulation, TimeWeighted } from "../../engine/index.ts";
import type { PlaceRef } from "../../layout/index.ts";
import type { EquipmentKind, Role } from "../../scenario/schema.ts";
import type { Tracer } from "../measure/trace.ts";
import type { WorkerState } from "../types.ts";
import type { AisleState } from "./aisleTraffic.ts";
import type { Window } from "./calendar.ts";

/** Trace names of worker states (the architecture's `state` record). */
const TRACE_STATE: Record<WorkerState | "offShift", string> = {
  travelLoaded: "travelling",
  travelEmpty: "travelling",
  handling: "handling",
  waiting: "waiting",
  idle: "idle",
  offShift: "off-shift",
};

/** One worker: role, shift windows, position and time accounting. */
export class Worker {
  /** Seconds per state after the warm-up (off-shift time is not counted). */
  readonly stateS: Record<WorkerState, number> = {
    travelLoaded: 0,
    travelEmpty: 0,
    handling: 0,
    waiting: 0,
    idle: 0,
  };
  state: WorkerState | "offShift" = "offShift";
  /** Seconds waiting after the warm-up, by what was waited for (equipment, aisle, station…). */
  readonly waitingFor: Record<string, number> = {};
  private waitReason = "other";
  /** The state's name in the trace (finer than `state` while picking). */
  private traceState = TRACE_STATE.offShift;
  private sinceS = 0;
  /** Where the worker is: a location id or a point. */
  pos: PlaceRef;
  /** Pick zone (zone picking), 0-based. */
  zone = 0;
  /** Id of the task under way (trace records). */
  taskId = 0;
  /** Factor on every handling time of this worker (1 = the time standard). */
  handlingFactor = 1;
  /** Equipment held now, if any (for the trace header and samples). */
  equipment: EquipmentKind | undefined;
  /** The aisle the worker stands in (aisleTraffic.ts), and its hold on a narrow one. */
  aisle: AisleState | undefined;
  aisleRequest: Request | undefined;
  /** Where the worker stands along a narrow one-way aisle, m from its entry. */
  aislePosM = 0;

  constructor(
    readonly id: string,
    readonly role: Role,
    readonly windows: readonly Window[],
    home: PlaceRef,
    private readonly warmupS: number,
    private readonly tracer: Tracer,
  ) {
    this.pos = home;
  }

  /**
   * Switches state at `nowS`, booking the time spent in the previous one; `reason` says what
   * a wait is for. `traceState` names the state in the trace when it is finer than the
   * booked one (`picking` is booked as `handling`); default: the state's trace name.
   */
  setState(
    state: WorkerState | "offShift",
    nowS: number,
    reason = "other",
    traceState = TRACE_STATE[state],
  ): void {
    if (state === this.state && (state !== "waiting" || reason === this.waitReason)) {
      // Same booked state: only the trace name may change (handling ↔ picking).
      if (traceState !== this.traceState) {
        this.traceState = traceState;
        if (this.tracer.on)
          this.tracer.emit({ t: nowS, kind: "state", id: this.id, state: traceState });
      }
      return;
    }
    this.book(nowS);
    this.state = state;
    this.waitReason = reason;
    this.traceState = traceState;
    if (state === "waiting" && this.waitingFor[reason] === undefined) this.waitingFor[reason] = 0;
    if (this.tracer.on)
      this.tracer.emit({ t: nowS, kind: "state", id: this.id, state: traceState });
  }

  /** Books time up to `nowS` into the current state. */
  book(nowS: number): void {
    if (this.state !== "offShift") {
      const from = Math.max(this.sinceS, this.warmupS);
      if (nowS > from) {
        this.stateS[this.state] += nowS - from;
        if (this.state === "waiting") this.waitingFor[this.waitReason] += nowS - from;
      }
    }
    this.sinceS = nowS;
  }

  /** True when busy (not idle and not off shift). */
  get busy(): boolean {
    return this.state !== "idle" && this.state !== "offShift";
  }
}

/**
 * A role's task queue: a binary heap by (due time, arrival order), earliest due first (the
 * rule is in dueTimes.ts), and the idle workers waiting for work (woken one per new task).
 */
export class TaskQueue<T> {
  /**
   * The heap as three parallel arrays: each entry's priority, arrival number and task
   * (comparisons read the two number arrays, not an object per entry).
   */
  private readonly priorities: number[] = [];
  private readonly seqs: number[] = [];
  private readonly tasks: T[] = [];
  private seq = 0;
  /** The loops of the idle workers, each in a hold that a new task ends (first come, first woken). */
  private idle: Process[] = [];
  /** Time-weighted queue length (reset at the warm-up). */
  readonly lengthStat: TimeWeighted;

  constructor(
    private readonly sim: Simulation,
    readonly name: string,
    private readonly tracer: Tracer,
  ) {
    this.lengthStat = new TimeWeighted(sim, 0);
  }

  get length(): number {
    return this.tasks.length;
  }

  /** Priority of the most urgent task (lower is more urgent), or Infinity when empty. */
  peekPriority(): number {
    return this.tasks.length > 0 ? this.priorities[0] : Number.POSITIVE_INFINITY;
  }

  /** Adds a task due at `dueS` (its priority: earliest due first); wakes one idle worker. */
  push(task: T, dueS: number): void {
    const seq = this.seq++;
    this.priorities.push(dueS);
    this.seqs.push(seq);
    this.tasks.push(task);
    this.siftUp(this.tasks.length - 1, dueS, seq, task);
    this.changed();
    const waiter = this.idle.shift();
    if (waiter) waiter.wake();
  }

  /** The `window` most urgent tasks, most urgent first, with their heap index (for `removeAt`). */
  topTasks(window: number): { task: T; index: number }[] {
    const { priorities: p, seqs } = this;
    return this.tasks
      .map((_, index) => index)
      .sort((a, b) => (p[a] < p[b] || (p[a] === p[b] && seqs[a] < seqs[b]) ? -1 : 1))
      .slice(0, window)
      .map((index) => ({ task: this.tasks[index], index }));
  }

  /** Removes and returns the task at heap index `i` (from `topTasks`, before any other change). */
  removeAt(i: number): T {
    const task = this.tasks[i];
    this.removeEntry(i);
    this.changed();
    return task;
  }

  /** Removes the heap entry at `i` (swap with the last, then sift up or down). */
  private removeEntry(i: number): void {
    const priority = this.priorities.pop()!;
    const seq = this.seqs.pop()!;
    const task = this.tasks.pop()!;
    if (i >= this.tasks.length) return;
    const k = this.siftUp(i, priority, seq, task);
    this.siftDown(k, priority, seq, task);
  }

  /** Moves the entry (priority, seq, task) up from index `i` past less urgent parents; its index. */
  private siftUp(i: number, priority: number, seq: number, task: T): number {
    const { priorities: p, seqs, tasks } = this;
    let k = i;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (p[parent] < priority || (p[parent] === priority && seqs[parent] < seq)) break;
      p[k] = p[parent];
      seqs[k] = seqs[parent];
      tasks[k] = tasks[parent];
      k = parent;
    }
    p[k] = priority;
    seqs[k] = seq;
    tasks[k] = task;
    return k;
  }

  /** Places the entry at index `k` or below it, moving more urgent children up. */
  private siftDown(k: number, priority: number, seq: number, task: T): void {
    const { priorities: p, seqs, tasks } = this;
    const n = tasks.length;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (p[r] < p[l] || (p[r] === p[l] && seqs[r] < seqs[l])) ? r : l;
      if (priority < p[c] || (priority === p[c] && seq < seqs[c])) break;
      p[k] = p[c];
      seqs[k] = seqs[c];
      tasks[k] = tasks[c];
      k = c;
    }
    p[k] = priority;
    seqs[k] = seq;
    tasks[k] = task;
  }

  /** Removes and returns the most urgent task, or undefined. */
  take(): T | undefined {
    const tasks = this.tasks;
    if (tasks.length === 0) return undefined;
    const top = tasks[0];
    const priority = this.priorities.pop()!;
    const seq = this.seqs.pop()!;
    const last = tasks.pop()!;
    if (tasks.length > 0) this.siftDown(0, priority, seq, last);
    this.changed();
    return top;
  }

  /**
   * Puts the active process (a worker's loop) on the idle list and returns `maxS`, the hold
   * it yields next: a pushed task ends the hold early (Process.wake), else it runs out.
   * After the hold, the loop calls leaveIdle().
   */
  idleFor(maxS: number): number {
    const process = this.sim.activeProcess;
    if (!process) throw new RangeError(`${this.name}.idleFor: call it from a worker's process`);
    this.idle.push(process);
    return maxS;
  }

  /**
   * After the idle hold: takes the active process off the idle list if no task woke it and
   * returns true (the hold ran out), else false.
   */
  leaveIdle(): boolean {
    const i = this.idle.indexOf(this.sim.activeProcess!);
    if (i < 0) return false;
    this.idle.splice(i, 1);
    return true;
  }

  private changed(): void {
    this.lengthStat.update(this.tasks.length);
    if (this.tracer.on)
      this.tracer.emit({
        t: this.sim.now,
        kind: "queue",
        name: this.name,
        length: this.tasks.length,
      });
  }
}
