/**
 * The plain-JSON contract between experiments and executors: a replication is a job, an
 * executor runs jobs (in this thread, in worker threads or on other machines) and hands
 * back outcomes in job order. See docs/architecture.md, "Experiments and executors".
 */

/**
 * Where time goes in one replication: mean seconds per order phase, and each role's
 * share of time per worker state (0..1).
 */
export interface Breakdown {
  order: Record<string, number>;
  worker: Record<string, Record<string, number>>;
}

/** A resolved, validated scenario as plain data (no file paths, JSON-serialisable). */
export type ScenarioData = Record<string, unknown>;

/** One replication of one candidate. Crosses threads and machines as plain JSON. */
export interface ReplicationJob<S = ScenarioData> {
  /** hash(scenarioHash, candidate, replication, seed): the same job always has the same key. */
  key: string;
  /** Candidate id within an experiment. */
  candidate: string;
  /** Resolved, validated scenario (plain data; no file paths). */
  scenario: S;
  /** 0-based; selects the random substreams. */
  replication: number;
  /** Master seed, shared by every candidate (common random numbers). */
  seed: number;
}

/** What one replication produced: one number per KPI and the time breakdown. */
export interface ReplicationOutcome {
  key: string;
  candidate: string;
  replication: number;
  kpis: Record<string, number>;
  breakdown: Breakdown;
}

/** Options for one executor run. */
export interface ExecutorRunOptions {
  /** Called once per finished job, in completion order (not job order). */
  onResult?(outcome: ReplicationOutcome): void;
  /** Aborting stops the run; it then rejects with an ExperimentAbortedError. */
  signal?: AbortSignal;
}

/** Runs jobs; resolves with the outcomes in job order whatever the completion order. */
export interface Executor {
  run(jobs: ReplicationJob[], options?: ExecutorRunOptions): Promise<ReplicationOutcome[]>;
  close(): Promise<void>;
}

/** What a model returns for one replication (the part of a RunResult experiments use). */
export interface RunnerResult {
  kpis: Record<string, number>;
  breakdown?: Breakdown;
}

/** What a Runner gets besides the scenario. */
export interface RunnerOptions {
  seed: number;
  replication: number;
  /**
   * The runner's `preparation.prepare(scenario)`, when the caller keeps one (a thread
   * running many jobs): the runner uses it instead of building it again.
   */
  prepared?: unknown;
}

/**
 * Work a model does once per scenario that its replications can share (a run only reads
 * it), e.g. the warehouse's layout, travel model and site.
 */
export interface Preparation<S = ScenarioData> {
  /** The inputs prepare() reads, as a string: equal keys give equal preparations. */
  key(scenario: S): string;
  prepare(scenario: S): unknown;
}

/**
 * A simulation model behind one function: the warehouse's simulate(), or the reference
 * queue model. It must be deterministic in (scenario, seed, replication), with or without
 * `prepared`. A runner with a `preparation` lets callers that run many jobs share it.
 */
export type Runner<S = ScenarioData> = ((scenario: S, options: RunnerOptions) => RunnerResult) & {
  preparation?: Preparation<S>;
};
