/**
 * The job kinds a whsim worker runs: a fixed table, never code from the queue. Each kind
 * validates a job's scenario as the command line would, checks its key, and runs it.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import { jobKey, scenarioHash } from "../experiment/hash.ts";
import { runJob } from "../experiment/runJob.ts";
import type { ReplicationJob, ReplicationOutcome } from "../experiment/types.ts";
import { type Mm1Scenario, runMm1, validateMm1Scenario } from "./mm1Job.ts";
import { decodeJson, encodeJson } from "./numberCodec.ts";

/** One kind of job: how to check it and how to run it. */
export interface JobKindSpec {
  /** Validates the scenario and the key; throws InputError. */
  validate(job: ReplicationJob): void;
  /** Runs the job; the same job always gives the same outcome. */
  run(job: ReplicationJob): ReplicationOutcome;
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

/** Every job kind by name. */
export const JOB_KINDS = {
  mm1: {
    validate(job: ReplicationJob): void {
      validateMm1Scenario(job.scenario);
      checkJobKey(job);
    },
    run: (job: ReplicationJob) => runJob(job as unknown as ReplicationJob<Mm1Scenario>, runMm1),
  },
} satisfies Record<string, JobKindSpec>;

/** The name of a job kind. */
export type JobKind = keyof typeof JOB_KINDS;

/** True if `name` is a known job kind. */
export function isJobKind(name: unknown): name is JobKind {
  return typeof name === "string" && Object.hasOwn(JOB_KINDS, name);
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

/** Parses and validates a job taken from the queue; throws InputError listing every problem. */
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
      expected: Object.keys(JOB_KINDS).join(" or "),
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
  const checked = job as ReplicationJob;
  JOB_KINDS[env.kind as JobKind].validate(checked);
  return { kind: env.kind as JobKind, job: checked };
}
