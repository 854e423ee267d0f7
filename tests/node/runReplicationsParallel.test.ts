import { describe, expect, it } from "vitest";
import { runReplicationsParallel } from "../../src/node/pool/runReplicationsParallel.ts";
import { DEFAULT_SCENARIO_PATH, readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { simulate } from "../../src/warehouse/simulate.ts";

describe("runReplicationsParallel()", () => {
  it("runReplicationsParallel() on one thread (sharing the site between replications) matches simulate() per replication", async () => {
    const scenario = { ...readScenarioFile(DEFAULT_SCENARIO_PATH), horizonDays: 2, warmupDays: 1 };
    const results = await runReplicationsParallel(scenario, {
      seed: 4,
      replications: 3,
      workers: 1,
    });
    const fresh = [0, 1, 2].map((replication) => simulate(scenario, { seed: 4, replication }));
    expect(JSON.stringify(results)).toBe(JSON.stringify(fresh));
    // Replications differ, so a result repeated by mistake would show.
    expect(results[1].kpis).not.toEqual(results[0].kpis);
  });
});
