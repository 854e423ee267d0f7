/**
 * The job contract shared with the experiment layer (docs/architecture.md, "Experiments and
 * executors"): what crosses a machine is plain JSON, one job per (candidate, replication).
 */

/** One replication of one candidate; the unit a worker runs. */
export interface ReplicationJob {
  /** hash(scenarioHash, candidate, replication, seed): the idempotence key and BullMQ job id. */
  key: string;
  /** Candidate id within an experiment. */
  candidate: string;
  /** Resolved, validated scenario (plain data; no file paths). */
  scenario: unknown;
  /** 0-based replication index; selects the random substreams. */
  replication: number;
  /** Master seed, shared by every candidate (common random numbers). */
  seed: number;
}

/** What a replication produces. */
export interface ReplicationOutcome {
  key: string;
  candidate: string;
  replication: number;
  kpis: Record<string, number>;
  breakdown: unknown;
}

/** Options of one `Executor.run()` call. */
export interface RunOptions {
  /** Called once per finished (or reused) outcome, in completion order. */
  onResult?(outcome: ReplicationOutcome): void;
  /** Aborts the run; finished outcomes stay persisted. */
  signal?: AbortSignal;
}

/** Runs jobs somewhere and returns their outcomes in job order. */
export interface Executor {
  run(jobs: ReplicationJob[], options?: RunOptions): Promise<ReplicationOutcome[]>;
  close(): Promise<void>;
}
