import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { fromEnvelope, toEnvelope } from "../../src/distributed/jobKinds.ts";
import { mm1Job } from "../../src/distributed/mm1Job.ts";

const scenario = { arrivalRatePerS: 0.5, serviceRatePerS: 1, customers: 1000 };

function issuesOf(data: unknown): string[] {
  try {
    fromEnvelope(data);
  } catch (error) {
    if (isInputError(error)) return error.issues.map((i) => i.path);
    throw error;
  }
  return [];
}

describe("fromEnvelope()", () => {
  it("fromEnvelope(toEnvelope(kind, job)) gives the job back", () => {
    const job = mm1Job(scenario, "a", 3, 11);
    expect(fromEnvelope(toEnvelope("mm1", job as never))).toEqual({ kind: "mm1", job });
  });

  it("fromEnvelope() rejects unknown kinds and bad versions together", () => {
    const job = mm1Job(scenario, "a", 0, 1);
    expect(issuesOf({ v: 2, kind: "eval", job: JSON.stringify(job) })).toEqual(["v", "kind"]);
  });

  it("fromEnvelope() rejects a key that is not the hash of the job", () => {
    const job = { ...mm1Job(scenario, "a", 0, 1), replication: 1 };
    expect(issuesOf(toEnvelope("mm1", job as never))).toEqual(["key"]);
  });

  it("fromEnvelope() rejects an invalid scenario before running it", () => {
    const job = mm1Job({ ...scenario, customers: -5 }, "a", 0, 1);
    expect(issuesOf(toEnvelope("mm1", job as never))).toEqual(["scenario.customers"]);
  });

  it("fromEnvelope() rejects job text that is not JSON, and bad fields", () => {
    expect(issuesOf({ v: 1, kind: "mm1", job: "{not json" })).toEqual(["job"]);
    expect(
      issuesOf({ v: 1, kind: "mm1", job: JSON.stringify({ key: "../x", replication: -1 }) }),
    ).toEqual(["job.key", "job.candidate", "job.replication", "job.seed"]);
  });
});
