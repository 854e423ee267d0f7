/** Statistics of a level over time (queue length, busy servers, stock): its time average. */
import type { Simulation } from "./simulation.ts";

/**
 * The time-weighted average of a piecewise-constant level. Built on a simulation (times
 * default to `sim.now`) or on a start time in seconds (times must then be given).
 */
export class TimeWeighted {
  /** The current level. */
  current: number;
  /** Largest level seen since the last reset. */
  max: number;
  /** Smallest level seen since the last reset. */
  min: number;
  private readonly sim: Simulation | null;
  private startS: number;
  private lastS: number;
  private area: number;

  constructor(simOrStartS: Simulation | number, initialValue = 0) {
    if (typeof simOrStartS === "number") {
      this.sim = null;
      this.startS = simOrStartS;
    } else {
      this.sim = simOrStartS;
      this.startS = simOrStartS.now;
    }
    this.lastS = this.startS;
    this.current = initialValue;
    this.max = initialValue;
    this.min = initialValue;
    this.area = 0;
  }

  private time(nowS: number | undefined, what: string): number {
    const t = nowS ?? this.sim?.now;
    if (t === undefined)
      throw new RangeError(`TimeWeighted.${what}: give the time (no simulation attached)`);
    if (!(t >= this.lastS)) {
      throw new RangeError(
        `TimeWeighted.${what}: time ${t} is before the last update (${this.lastS})`,
      );
    }
    return t;
  }

  /** Sets the level from time `nowS` (defaults to the simulation's clock). */
  update(value: number, nowS?: number): void {
    const t = this.time(nowS, "update");
    this.area += this.current * (t - this.lastS);
    this.lastS = t;
    this.current = value;
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
  }

  /** The time average from the start (or last reset) to `nowS`; the current level over an empty window. */
  mean(nowS?: number): number {
    const t = this.time(nowS, "mean");
    const duration = t - this.startS;
    if (duration <= 0) return this.current;
    return (this.area + this.current * (t - this.lastS)) / duration;
  }

  /** The integral of the level from the start (or last reset) to `nowS` (level × seconds). */
  integral(nowS?: number): number {
    const t = this.time(nowS, "integral");
    return this.area + this.current * (t - this.lastS);
  }

  /** Starts a new averaging window at `nowS` keeping the current level (warm-up deletion). */
  reset(nowS?: number): void {
    const t = this.time(nowS, "reset");
    this.startS = t;
    this.lastS = t;
    this.area = 0;
    this.max = this.current;
    this.min = this.current;
  }
}
