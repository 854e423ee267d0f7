import { describe, expect, it } from "vitest";
import { buildJobs } from "../../src/experiment/jobs.ts";
import { runJob } from "../../src/experiment/runJob.ts";
import { sharePreparations } from "../../src/experiment/sharePreparations.ts";
import type { Runner, RunnerOptions } from "../../src/experiment/types.ts";
import { runWarehouse } from "../../src/experiment/warehouseRunner.ts";
import { createPoolExecutor } from "../../src/node/pool/poolExecutor.ts";
import { DEFAULT_SCENARIO_PATH, readScenarioFile } from "../../src/node/readScenarioFile.ts";
import type { Scenario } from "../../src/scenario/index.ts";

/** A runner whose preparation is `size * 10`, recording every prepare() and run. */
function countingRunner() {
  const prepared: number[] = [];
  const seen: unknown[] = [];
  const runner: Runner<{ size: number }> = Object.assign(
    (scenario: { size: number }, options: RunnerOptions) => {
      seen.push(options.prepared);
      return { kpis: { size: scenario.size, replication: options.replication } };
    },
    {
      preparation: {
        key: (scenario: { size: number }) => String(scenario.size),
        prepare: (scenario: { size: number }) => {
          prepared.push(scenario.size);
          return scenario.size * 10;
        },
      },
    },
  );
  return { runner, prepared, seen };
}

/** The default scenario cut to two days (one of warm-up), with `aisles` aisles. */
function shortScenario(aisles?: number): Scenario {
  const scenario = readScenarioFile(DEFAULT_SCENARIO_PATH);
  const layout = aisles === undefined ? scenario.layout : { ...scenario.layout, aisles };
  return { ...scenario, horizonDays: 2, warmupDays: 1, layout } as Scenario;
}

describe("sharePreparations()", () => {
  it("sharePreparations(runner) prepares once per key and passes it as `prepared`", () => {
    const { runner, prepared, seen } = countingRunner();
    const shared = sharePreparations(runner);
    shared({ size: 1 }, { seed: 1, replication: 0 });
    shared({ size: 2 }, { seed: 1, replication: 0 });
    shared({ size: 1 }, { seed: 1, replication: 1 });
    shared({ size: 2 }, { seed: 1, replication: 1 });
    expect(prepared).toEqual([1, 2]);
    expect(seen).toEqual([10, 20, 10, 20]);
  });

  it("sharePreparations(runner, 2) forgets the least recently used key first", () => {
    const { runner, prepared } = countingRunner();
    const shared = sharePreparations(runner, 2);
    for (const size of [1, 2, 1, 3, 1, 2]) shared({ size }, { seed: 1, replication: 0 });
    // 3 evicts 2 (1 was used after it); 2 then evicts 3.
    expect(prepared).toEqual([1, 2, 3, 2]);
  });

  it("sharePreparations(runner) returns a runner without a preparation unchanged", () => {
    const plain: Runner<{ size: number }> = () => ({ kpis: {} });
    expect(sharePreparations(plain)).toBe(plain);
  });

  it("runJob(job, sharePreparations(runWarehouse)) matches runWarehouse byte for byte, in any order and across two layouts", () => {
    const jobs = buildJobs(
      [
        { id: "ten", scenario: shortScenario() },
        { id: "eight", scenario: shortScenario(8) },
      ],
      { seed: 5, replications: 2 },
    );
    const outcomes = jobs.map((job) => runJob(job, runWarehouse));
    const fresh = outcomes.map((outcome) => JSON.stringify(outcome));
    const shared = sharePreparations(runWarehouse);
    const order = [3, 0, 2, 1];
    const reused = order.map((i) => JSON.stringify(runJob(jobs[i], shared)));
    expect(reused).toEqual(order.map((i) => fresh[i]));
    // The two layouts give different outcomes, so a site shared across them would show.
    expect(outcomes[1].kpis).not.toEqual(outcomes[0].kpis);
  });

  it("createPoolExecutor() with the warehouse runner on 2 threads matches the unshared runner", async () => {
    const jobs = buildJobs(
      [
        { id: "ten", scenario: shortScenario() },
        { id: "eight", scenario: shortScenario(8) },
      ],
      { seed: 6, replications: 3 },
    );
    const fresh = JSON.stringify(jobs.map((job) => runJob(job, runWarehouse)));
    const pool = createPoolExecutor({
      runner: {
        module: new URL("../../src/experiment/warehouseRunner.ts", import.meta.url).href,
        exportName: "runWarehouse",
      },
      workers: 2,
    });
    try {
      expect(JSON.stringify(await pool.run(jobs as never))).toBe(fresh);
    } finally {
      await pool.close();
    }
  });
});
