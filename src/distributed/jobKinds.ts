/**
 * The job kinds a whsim worker runs: a fixed table, never code from the queue. Each kind
 * validates a job's scenario as the command line would, checks its key, and runs it.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import { jobKey, scenarioHash } from "../experiment/hash.ts";
import { type QueueScenario, runQueueModel } from "../experiment/queueModel.ts";
import { runJob } from "../experiment/runJob.ts";
import type { ReplicationJob, ReplicationOutcome } from "../experiment/types.ts";
import { runWarehouseJob } from "../experiment/warehouseRunner.ts";
import type { Scenario } from "../scenario/index.ts";
import { checkScenario } from "../scenario/loader.ts";
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

/** Largest number of customers a `queue` job may simulate (horizon × arrival rate). */
export const QUEUE_MAX_CUSTOMERS = 1e9;

/** Checks a `queue` (M/M/c reference model) scenario; throws InputError listing every problem. */
export function validateQueueScenario(value: unknown, file = "job"): QueueScenario {
  const spec = (value ?? {}) as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const positive = (name: string) => {
    const v = spec[name];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      issues.push({ file, path: `scenario.${name}`, value: v, expected: "a number > 0" });
    }
  };
  positive("arrivalRatePerS");
  positive("serviceMeanS");
  positive("horizonS");
  const c = spec.servers;
  if (typeof c !== "number" || !Number.isInteger(c) || c < 1 || c > 10_000) {
    issues.push({
      file,
      path: "scenario.servers",
      value: c,
      expected: "an integer from 1 to 10000",
    });
  }
  const w = spec.warmupS;
  if (w !== undefined && (typeof w !== "number" || !(w >= 0) || w >= (spec.horizonS as number))) {
    issues.push({ file, path: "scenario.warmupS", value: w, expected: "0 ≤ warmupS < horizonS" });
  }
  const customers = (spec.arrivalRatePerS as number) * (spec.horizonS as number);
  if (issues.length === 0 && customers > QUEUE_MAX_CUSTOMERS) {
    issues.push({
      file,
      path: "scenario.horizonS",
      value: spec.horizonS,
      expected: `at most ${QUEUE_MAX_CUSTOMERS} expected arrivals`,
    });
  }
  const known = ["arrivalRatePerS", "serviceMeanS", "servers", "horizonS", "warmupS"];
  for (const k of Object.keys(spec).filter((k) => !known.includes(k))) {
    issues.push({ file, path: `scenario.${k}`, value: spec[k], expected: "no such field" });
  }
  if (issues.length > 0) throw new InputError(issues);
  return spec as unknown as QueueScenario;
}

/** Every job kind by name (the names of the command line's models). */
export const JOB_KINDS = {
  warehouse: {
    validate(job: ReplicationJob): void {
      // The same validation as a scenario file on the command line; the job then runs its
      // scenario exactly as sent, so the outcome matches a local run.
      checkScenario(job.scenario, "job scenario");
      checkJobKey(job);
    },
    run: (job: ReplicationJob) => runWarehouseJob(job as unknown as ReplicationJob<Scenario>),
  },
  queue: {
    validate(job: ReplicationJob): void {
      validateQueueScenario(job.scenario);
      checkJobKey(job);
    },
    run: (job: ReplicationJob) =>
      runJob(job as unknown as ReplicationJob<QueueScenario>, runQueueModel),
  },
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
