/**
 * The data of a queued job and its checks, shared by the coordinator and the workers: the
 * kind (a name from a fixed list, never code), and the job as tagged JSON. Structural
 * checks only; each kind validates its own scenario (see jobKinds.ts).
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import { jobKey, scenarioHash } from "../experiment/hash.ts";
import type { ReplicationJob } from "../experiment/types.ts";
import { decodeJson, encodeJson } from "./numberCodec.ts";

/** The job kinds workers run: the command line's models and the `mm1` calibration job. */
export const JOB_KIND_NAMES = ["warehouse", "queue", "unitLoad", "mm1"] as const;

/** The name of a job kind. */
export type JobKind = (typeof JOB_KIND_NAMES)[number];

/** True if `name` is a known job kind. */
export function isJobKind(name: unknown): name is JobKind {
  return typeof name === "string" && (JOB_KIND_NAMES as readonly string[]).includes(name);
}

/** Checks that a job's key is the hash of its content, so no result is stored under a wrong key. */
export function checkJobKey(job: ReplicationJob): void {
  const expected = jobKey({
    scenarioHash: scenarioHash(job.scenario),
    candidate: job.candidate,
    replication: job.replication,
    seed: job.seed,
  });
  if (job.key !== expected) {
    throw new InputError({ file: "job", path: "key", value: job.key, expected });
  }
}

/** The data of a BullMQ job: a version, the kind, and the job as tagged JSON. */
export interface JobEnvelope {
  v: 1;
  kind: JobKind;
  job: string;
}

/** Wraps a job for the queue. */
export function toEnvelope(kind: JobKind, job: ReplicationJob): JobEnvelope {
  return { v: 1, kind, job: encodeJson(job) };
}

/** Largest job text accepted, in characters (a resolved scenario is far smaller). */
export const MAX_JOB_CHARS = 16 * 1024 * 1024;

/** Parses a job taken from the queue and checks its fields; throws InputError listing every problem. */
export function fromEnvelope(data: unknown): { kind: JobKind; job: ReplicationJob } {
  const file = "job";
  const env = (data ?? {}) as Partial<JobEnvelope>;
  const issues: InputIssue[] = [];
  if (env.v !== 1) issues.push({ file, path: "v", value: env.v, expected: "1" });
  if (!isJobKind(env.kind)) {
    issues.push({
      file,
      path: "kind",
      value: env.kind,
      expected: JOB_KIND_NAMES.join(" or "),
    });
  }
  if (typeof env.job !== "string" || env.job.length > MAX_JOB_CHARS) {
    issues.push({ file, path: "job", value: typeof env.job, expected: "a JSON string" });
  }
  if (issues.length > 0) throw new InputError(issues);
  let job: Partial<ReplicationJob>;
  try {
    job = decodeJson(env.job as string) as Partial<ReplicationJob>;
  } catch {
    throw new InputError({ file, path: "job", value: "(unparsable)", expected: "JSON" });
  }
  if (typeof job !== "object" || job === null) {
    throw new InputError({ file, path: "job", value: job, expected: "an object" });
  }
  if (typeof job.key !== "string" || !/^[A-Za-z0-9:_-]{1,128}$/.test(job.key)) {
    issues.push({ file, path: "job.key", value: job.key, expected: "a key of [A-Za-z0-9:_-]" });
  }
  if (typeof job.candidate !== "string" || job.candidate.length > 1000) {
    issues.push({ file, path: "job.candidate", value: job.candidate, expected: "a string" });
  }
  if (!Number.isSafeInteger(job.replication) || (job.replication as number) < 0) {
    issues.push({
      file,
      path: "job.replication",
      value: job.replication,
      expected: "an integer ≥ 0",
    });
  }
  if (!Number.isSafeInteger(job.seed)) {
    issues.push({ file, path: "job.seed", value: job.seed, expected: "an integer" });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { kind: env.kind as JobKind, job: job as ReplicationJob };
}
