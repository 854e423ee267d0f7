/**
 * The playback clock: simulated time, play/pause and speed, advanced by
 * requestAnimationFrame while playing. Views subscribe with onTime().
 */

/** Playback speeds, simulated seconds per real second. */
export const SPEEDS = [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] as const;

/** One clock per viewer page; compare mode plays both runs on it. */
export class Playback {
  t = 0;
  startT = 0;
  endT = 0;
  playing = false;
  speed = 60;
  private listeners: ((t: number) => void)[] = [];
  private stateListeners: (() => void)[] = [];
  private lastFrame = 0;
  private raf = 0;

  /** Calls `fn` with the time after every change. */
  onTime(fn: (t: number) => void): void {
    this.listeners.push(fn);
  }

  /** Calls `fn` when playing, speed or range change. */
  onState(fn: () => void): void {
    this.stateListeners.push(fn);
  }

  setRange(startT: number, endT: number): void {
    this.startT = startT;
    this.endT = Math.max(startT, endT);
    for (const f of this.stateListeners) f();
    this.seek(Math.min(Math.max(this.t, startT), this.endT));
  }

  seek(t: number): void {
    this.t = Math.min(Math.max(t, this.startT), this.endT);
    for (const f of this.listeners) f(this.t);
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    for (const f of this.stateListeners) f();
  }

  /** Moves one step up (+1) or down (-1) the SPEEDS list. */
  stepSpeed(direction: 1 | -1): void {
    const i = SPEEDS.findIndex((s) => s >= this.speed);
    const next = Math.min(
      SPEEDS.length - 1,
      Math.max(0, (i < 0 ? SPEEDS.length - 1 : i) + direction),
    );
    this.setSpeed(SPEEDS[next]);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    if (this.playing) return;
    if (this.t >= this.endT) this.t = this.startT;
    this.playing = true;
    this.lastFrame = performance.now();
    for (const f of this.stateListeners) f();
    const tick = (now: number) => {
      if (!this.playing) return;
      const dt = Math.min(0.25, (now - this.lastFrame) / 1000);
      this.lastFrame = now;
      const next = this.t + dt * this.speed;
      this.seek(next);
      if (next >= this.endT) this.pause();
      else this.raf = requestAnimationFrame(tick);
    };
    this.raf = requestAnimationFrame(tick);
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    for (const f of this.stateListeners) f();
  }
}
