/**
 * A fixed pool of worker threads that run jobs (one thread per concurrency slot). A thread
 * dies with its process, so a killed worker leaves no orphan behind.
 */
import { Piscina } from "piscina";
import type { ReplicationJob, ReplicationOutcome } from "../experiment/types.ts";
import type { JobKind } from "./jobEnvelope.ts";

/** Runs validated jobs in worker threads. */
export class JobPool {
  private readonly pool: Piscina;

  /** Starts `threads` worker threads (≥ 1). */
  constructor(threads: number) {
    // The thread entry is TypeScript: load tsx in each thread, as bin/whsim.js does here.
    const tsx = import.meta.resolve("tsx");
    this.pool = new Piscina({
      filename: new URL("./jobThread.ts", import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv: [...process.execArgv, "--import", tsx],
    });
  }

  /** Runs one job; aborting `signal` terminates its thread (the pool starts a new one). */
  run(kind: JobKind, job: ReplicationJob, signal?: AbortSignal): Promise<ReplicationOutcome> {
    return this.pool.run({ kind, job }, { signal });
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await this.pool.close({ force: true });
  }
}
