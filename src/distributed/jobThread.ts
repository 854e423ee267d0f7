/**
 * Worker-thread entry of `whsim worker`: runs one validated job of a known kind. Running
 * jobs off the main thread keeps the BullMQ lock renewed, so a long job is never taken
 * for stalled.
 */
import type { ReplicationJob, ReplicationOutcome } from "../experiment/types.ts";
import { JOB_KINDS, type JobKind } from "./jobKinds.ts";

/** Runs `job` with the runner of `kind` (both already validated by the worker). */
export default function runInThread(task: {
  kind: JobKind;
  job: ReplicationJob;
}): ReplicationOutcome {
  return JOB_KINDS[task.kind].run(task.job);
}
