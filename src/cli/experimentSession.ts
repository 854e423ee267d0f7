/**
 * A running experiment's surroundings: the executor's lifetime, Ctrl-C as a clean stop that
 * keeps the finished replications, and a progress bar on a terminal.
 */
import type { Candidate } from "../experiment/jobs.ts";
import { type ExperimentResult, runExperiment } from "../experiment/runExperiment.ts";
import type { Executor } from "../experiment/types.ts";
import type { Scenario } from "../scenario/index.ts";
import { createExecutor } from "./createExecutor.ts";
import { terminalProgressBar } from "./progressBar.ts";
import { stopOnSignals } from "./stopOnSignals.ts";

/** A running experiment's surroundings: executor, Ctrl-C handling, progress bar. */
export interface ExperimentSession {
  executor: Executor;
  signal: AbortSignal;
  /** Reports one finished replication of `total`, and the stage under way if any. */
  progress(done: number, total: number, stage?: string): void;
  close(): Promise<void>;
}

/**
 * Starts an executor with Ctrl-C wired to a clean stop (finished replications are kept)
 * and a progress bar on stderr when it is a terminal.
 */
export function openSession(options: {
  workers: number;
  executor?: string;
  label: string;
  model?: string;
}): ExperimentSession {
  const executor = createExecutor({
    workers: options.workers,
    executor: options.executor,
    model: options.model,
  });
  const stop = stopOnSignals(
    "stopping: keeping the finished replications (Ctrl-C again to quit at once)",
  );
  const bar = terminalProgressBar(
    `${options.label}{stage} [{bar}] {value}/{total} replications | {duration_formatted} elapsed, {eta_formatted} left`,
  );
  let started = false;
  // One line says the run has started and how to stop it (the bar starts with the first
  // finished replication, which may take a while).
  process.stderr.write(
    `${options.label}: running on ${options.workers} worker(s); Ctrl-C stops and keeps the finished replications\n`,
  );
  return {
    executor,
    signal: stop.signal,
    progress(done, total, stage) {
      if (!bar) return;
      const payload = { stage: stage ? `: ${stage}` : "" };
      if (!started) {
        bar.start(total, 0, payload);
        started = true;
      }
      bar.setTotal(Math.max(total, done));
      bar.update(done, payload);
    },
    async close() {
      if (started) bar?.stop();
      stop.dispose();
      await executor.close();
    },
  };
}

/** What an experiment command runs: its candidates on common seeds, maybe to a precision. */
export interface SessionRun {
  label: string;
  workers: number;
  executor?: string;
  seed: number;
  replications: number;
  /** Relative precision to reach by adding replications, if asked. */
  precision?: number;
}

/** Runs `candidates` in a session opened for the run and closed after it. */
export async function runOnSession(
  candidates: Candidate<Scenario>[],
  run: SessionRun,
): Promise<ExperimentResult> {
  const session = openSession({ workers: run.workers, executor: run.executor, label: run.label });
  try {
    return await runExperiment(session.executor, candidates, {
      seed: run.seed,
      replications: run.replications,
      precision: run.precision !== undefined ? { relative: run.precision } : undefined,
      signal: session.signal,
      onProgress: (done, total) => session.progress(done, total),
    });
  } finally {
    await session.close();
  }
}

/** The precision asked and whether it was met, for a results document (nothing if not asked). */
export function precisionFields(precision: number | undefined, result: ExperimentResult) {
  return precision !== undefined ? { precision, precisionMet: result.precisionMet ?? false } : {};
}
