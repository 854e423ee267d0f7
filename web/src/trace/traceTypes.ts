/**
 * The records of trace.ndjson as the viewer reads them (see docs/architecture.md), and the
 * worker states the viewer colours.
 */

/** A worker as listed in the trace header. */
export interface TraceWorker {
  id: string;
  role: string;
  equipment?: string | null;
}

/** First line of trace.ndjson. */
export interface TraceHeader {
  kind: "header";
  version: number;
  scenario?: string;
  seed?: number;
  replication?: number;
  /** Simulated horizon in seconds. */
  horizonS?: number;
  workers: TraceWorker[];
}

/** Worker states in display order; unknown states map to "other". */
export const WORKER_STATES = [
  "travelling",
  "picking",
  "handling",
  "lifting",
  "waiting",
  "idle",
  "off-shift",
  "other",
] as const;

/** A worker state the viewer knows how to colour. */
export type WorkerState = (typeof WORKER_STATES)[number];

/** Numeric code of a state name (index in WORKER_STATES); "other" for unknown names. */
export function stateCode(state: string): number {
  const i = (WORKER_STATES as readonly string[]).indexOf(state);
  return i < 0 ? WORKER_STATES.length - 1 : i;
}

/** Display colour per worker state. */
export const STATE_COLORS: Record<WorkerState, string> = {
  travelling: "#2563eb",
  picking: "#16a34a",
  handling: "#9333ea",
  lifting: "#b91c1c",
  waiting: "#ea580c",
  idle: "#64748b",
  "off-shift": "#cbd5e1",
  other: "#0f172a",
};
