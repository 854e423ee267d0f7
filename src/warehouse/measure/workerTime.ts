/**
 * A role's time shares split into the states that add up to its on-shift time and the
 * reasons for waiting (`waiting.<reason>`), which are parts of `waiting`, never added to it.
 */

/** A role's shares: `states` add up to 1; `waitingFor` adds up to `states.waiting`. */
export interface WorkerTime {
  states: Record<string, number>;
  waitingFor: Record<string, number>;
}

const REASON_PREFIX = "waiting.";

/** Whether a worker-time key is a reason for waiting (a part of `waiting`). */
export function isWaitingReason(key: string): boolean {
  return key.startsWith(REASON_PREFIX);
}

/** Splits a role's breakdown shares into states and waiting reasons. */
export function splitWorkerTime(shares: Readonly<Record<string, number>>): WorkerTime {
  const out: WorkerTime = { states: {}, waitingFor: {} };
  for (const [key, share] of Object.entries(shares)) {
    if (isWaitingReason(key)) out.waitingFor[key.slice(REASON_PREFIX.length)] = share;
    else out.states[key] = share;
  }
  return out;
}

/** Only the states of each role (the parts that add up to on-shift time). */
export function workerStatesByRole(
  worker: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(worker).map(([role, shares]) => [role, splitWorkerTime(shares).states]),
  );
}

/** A worker-time key as a reader sees it: `waiting.packStation` → "waiting for packStation (part of waiting)". */
export function stateLabel(key: string): string {
  return isWaitingReason(key)
    ? `waiting for ${key.slice(REASON_PREFIX.length)} (part of waiting)`
    : key;
}
