/**
 * Worker-thread entry of `whsim worker`: runs one validated job of a known kind. Running
 * jobs off the main thread keeps the BullMQ lock renewed, so a long job is never taken
 * for stalled.
 */
import type { ReplicationJob, ReplicationOutcome } from "../experiment/types.ts";
import type { JobKind } from "./jobEnvelope.ts";
import { jobKind } from "./jobKinds.ts";

/** Runs `job` with the runner of `kind` (both already validated by the worker). */
export default function runInThread(task: {
  kind: JobKind;
  job: ReplicationJob;
}): ReplicationOutcome {
  return jobKind(task.kind).run(task.job);
}
