/**
 * The job kinds a whsim worker runs: a fixed table, never code from the queue. Each kind
 * validates a job's scenario as the command line would, checks its key, and runs it.
 */
import { InputError, type InputIssue } from "../common/inputError.ts";
import { type QueueScenario, runQueueModel } from "../experiment/queueModel.ts";
import { runJob } from "../experiment/runJob.ts";
import type { ReplicationJob, ReplicationOutcome } from "../experiment/types.ts";
import { runWarehouseJob } from "../experiment/warehouseRunner.ts";
import { runUnitLoadModel } from "../optimize/unitLoadModel.ts";
import type { Scenario } from "../scenario/index.ts";
import { checkScenario } from "../scenario/loader.ts";
import { checkJobKey, type JobKind } from "./jobEnvelope.ts";
import { runMm1, validateMm1Scenario } from "./mm1Job.ts";

/** One kind of job: how to check it and how to run it. */
export interface JobKindSpec {
  /** Validates the scenario and the key; throws InputError. */
  validate(job: ReplicationJob): void;
  /** Runs the job; the same job always gives the same outcome. */
  run(job: ReplicationJob): ReplicationOutcome;
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

/** The validator and runner of `kind`. */
export function jobKind(kind: JobKind): JobKindSpec {
  switch (kind) {
    case "warehouse": {
      return {
        validate(job) {
          // The same validation as a scenario file on the command line; the job then runs
          // its scenario exactly as sent, so the outcome matches a local run.
          checkScenario(job.scenario, "job scenario");
          checkJobKey(job);
        },
        run: (job) => runWarehouseJob(job as unknown as ReplicationJob<Scenario>),
      };
    }
    case "unitLoad": {
      return {
        validate(job) {
          const { unitLoadRequests, ...scenario } = (job.scenario ?? {}) as Record<string, unknown>;
          const n = unitLoadRequests;
          if (
            n !== undefined &&
            (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 1e8)
          ) {
            throw new InputError({
              file: "job",
              path: "scenario.unitLoadRequests",
              value: n,
              expected: "an integer from 1 to 100000000",
            });
          }
          checkScenario(scenario, "job scenario");
          checkJobKey(job);
        },
        run: (job) => runJob(job as never, runUnitLoadModel),
      };
    }
    case "queue": {
      return {
        validate(job) {
          validateQueueScenario(job.scenario);
          checkJobKey(job);
        },
        run: (job) => runJob(job as unknown as ReplicationJob<QueueScenario>, runQueueModel),
      };
    }
    case "mm1": {
      return {
        validate(job) {
          validateMm1Scenario(job.scenario);
          checkJobKey(job);
        },
        run: (job) => runJob(job as never, runMm1),
      };
    }
  }
}
