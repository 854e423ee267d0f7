import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { fromEnvelope, toEnvelope } from "../../src/distributed/jobEnvelope.ts";
import { jobKind, validateQueueScenario } from "../../src/distributed/jobKinds.ts";
import { mm1Job } from "../../src/distributed/mm1Job.ts";

const scenario = { arrivalRatePerS: 0.5, serviceRatePerS: 1, customers: 1000 };

/** What a worker does before running a job: parse the envelope, then the kind's checks. */
async function issuesOf(data: unknown): Promise<string[]> {
  try {
    const { kind, job } = fromEnvelope(data);
    jobKind(kind).validate(job);
  } catch (error) {
    if (isInputError(error)) return error.issues.map((i) => i.path);
    throw error;
  }
  return [];
}

describe("job checks", () => {
  it("fromEnvelope(toEnvelope(kind, job)) gives the job back", () => {
    const job = mm1Job(scenario, "a", 3, 11);
    expect(fromEnvelope(toEnvelope("mm1", job as never))).toEqual({ kind: "mm1", job });
  });

  it("fromEnvelope() rejects unknown kinds and bad versions together", async () => {
    const job = mm1Job(scenario, "a", 0, 1);
    expect(await issuesOf({ v: 2, kind: "eval", job: JSON.stringify(job) })).toEqual(["v", "kind"]);
  });

  it("validate() rejects a key that is not the hash of the job", async () => {
    const job = { ...mm1Job(scenario, "a", 0, 1), replication: 1 };
    expect(await issuesOf(toEnvelope("mm1", job as never))).toEqual(["key"]);
  });

  it("validate() rejects an invalid scenario before running it", async () => {
    const job = mm1Job({ ...scenario, customers: -5 }, "a", 0, 1);
    expect(await issuesOf(toEnvelope("mm1", job as never))).toEqual(["scenario.customers"]);
  });

  it("fromEnvelope() rejects job text that is not JSON, and bad fields", async () => {
    expect(await issuesOf({ v: 1, kind: "mm1", job: "{not json" })).toEqual(["job"]);
    const bad = JSON.stringify({ key: "../x", replication: -1 });
    expect(await issuesOf({ v: 1, kind: "mm1", job: bad })).toEqual([
      "job.key",
      "job.candidate",
      "job.replication",
      "job.seed",
    ]);
  });

  it("validateQueueScenario() lists every bad field and bounds the work", () => {
    const paths = (value: unknown) => {
      try {
        validateQueueScenario(value);
        return [];
      } catch (error) {
        return isInputError(error) ? error.issues.map((i) => i.path) : ["?"];
      }
    };
    expect(paths({ arrivalRatePerS: 1, serviceMeanS: 0.5, servers: 1, horizonS: 100 })).toEqual([]);
    expect(
      paths({ arrivalRatePerS: 0, serviceMeanS: 0.5, servers: 1.5, horizonS: 100, x: 1 }),
    ).toEqual(["scenario.arrivalRatePerS", "scenario.servers", "scenario.x"]);
    expect(paths({ arrivalRatePerS: 100, serviceMeanS: 0.001, servers: 1, horizonS: 1e8 })).toEqual(
      ["scenario.horizonS"],
    );
  });
});
