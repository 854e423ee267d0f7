/**
 * Utilisation per role from worker states: the busy share of the time on shift, averaged per
 * hour (or any bucket) and per shift. An hour with nobody of the role on shift has no value
 * (NaN), rather than a 0 that reads as idle.
 */
import type { ShiftWindow } from "./shiftWindows.ts";
import { stepsInWindow, timeInWindow, type WorkerSteps } from "./workerSteps.ts";

/** Roles in the order their workers first appear. */
function rolesOf(workers: WorkerSteps[]): string[] {
  return [...new Set(workers.map((w) => w.role))];
}

function share(workers: WorkerSteps[], fromS: number, toS: number): number {
  let on = 0;
  let busy = 0;
  for (const w of workers) {
    const t = timeInWindow(w, fromS, toS);
    on += t.onS;
    busy += t.busyS;
  }
  return on > 0 ? busy / on : Number.NaN;
}

/**
 * Busy share per role in each bucket of `bucketS` from `fromS` to `toS`: points
 * `[bucket start in hours from Monday 00:00, share 0..1]`.
 */
export function utilizationPerBucket(
  workers: WorkerSteps[],
  range: { fromS: number; toS: number; bucketS?: number },
): { role: string; points: [number, number][] }[] {
  const bucketS = range.bucketS ?? 3600;
  return rolesOf(workers).map((role) => {
    const crew = workers
      .filter((w) => w.role === role)
      .map((w) => stepsInWindow(w, range.fromS, range.toS));
    const points: [number, number][] = [];
    for (let a = range.fromS; a < range.toS; a += bucketS) {
      points.push([a / 3600, share(crew, a, Math.min(range.toS, a + bucketS))]);
    }
    return { role, points };
  });
}

/** The shift whose windows overlap most of the worker's time on shift ("" if none does). */
function shiftOf(w: WorkerSteps, windows: ShiftWindow[]): string {
  const onS = new Map<string, number>();
  for (const win of windows) {
    onS.set(win.shift, (onS.get(win.shift) ?? 0) + timeInWindow(w, win.fromS, win.toS).onS);
  }
  let best = "";
  let most = 0;
  for (const [shift, s] of onS) if (s > most) [best, most] = [shift, s];
  return best;
}

/**
 * Busy share per role and shift: each worker counts in the shift that covers most of its
 * time on shift (its crew's), over the span of `windows` (NaN: no worker of the role there).
 * Overlapping shifts (a handover half hour) so never lend one crew's work to the other.
 */
export function utilizationPerShift(
  workers: WorkerSteps[],
  windows: ShiftWindow[],
): { shifts: string[]; roles: { role: string; shares: number[] }[] } {
  const shifts = [...new Set(windows.map((w) => w.shift))];
  const fromS = Math.min(...windows.map((w) => w.fromS));
  const toS = Math.max(...windows.map((w) => w.toS));
  const crew = workers.map((w) => ({ w, shift: shiftOf(w, windows) }));
  const roles = rolesOf(workers).map((role) => ({
    role,
    shares: shifts.map((shift) =>
      share(
        crew.filter((c) => c.w.role === role && c.shift === shift).map((c) => c.w),
        fromS,
        toS,
      ),
    ),
  }));
  return { shifts, roles };
}
