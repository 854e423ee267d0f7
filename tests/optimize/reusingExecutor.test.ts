/** The optimizer's reusing executor: a replication of the same scenario runs once. */
import { describe, expect, it } from "vitest";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { buildJobs } from "../../src/experiment/jobs.ts";
import { runQueueModel } from "../../src/experiment/queueModel.ts";
import { reusingExecutor } from "../../src/optimize/reusingExecutor.ts";

const queue = { arrivalRatePerS: 2, serviceMeanS: 1, servers: 3, horizonS: 600, warmupS: 60 };

describe("reusingExecutor()", () => {
  it("runs a scenario's replication once, whatever candidate ids ask for it", async () => {
    let calls = 0;
    const inner = createInProcessExecutor((s: typeof queue, o) => {
      calls++;
      return runQueueModel(s, o);
    });
    const exec = reusingExecutor(inner);
    // Two ids, equal content (a copy, not the same object), in one batch and again later.
    const both = buildJobs(
      [
        { id: "pilot", scenario: queue },
        { id: "race", scenario: { ...queue } },
      ],
      { seed: 4, replications: 2 },
    );
    const first = await exec.run(both as never);
    expect(calls).toBe(2);
    expect(exec.simulated()).toBe(2);
    expect(first.map((o) => o.candidate)).toEqual(["pilot", "race", "pilot", "race"]);
    expect(first.map((o) => o.key)).toEqual(both.map((j) => j.key));
    expect(first[1].kpis).toEqual(first[0].kpis);
    const other = { ...queue, servers: 4 };
    const later = buildJobs(
      [
        { id: "again", scenario: queue },
        { id: "other", scenario: other },
      ],
      { seed: 4, replications: 1, firstReplication: 1 },
    );
    const second = await exec.run(later as never);
    // Only the new scenario runs; the stored replication 1 comes back under its new id.
    expect(calls).toBe(3);
    expect(second[0]).toMatchObject({ candidate: "again", replication: 1, kpis: first[2].kpis });
    expect(second[1].kpis).not.toEqual(first[3].kpis);
  });
});
