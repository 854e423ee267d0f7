import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isExperimentAborted } from "../../src/experiment/abort.ts";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { buildJobs } from "../../src/experiment/jobs.ts";
import { type QueueScenario, runQueueModel } from "../../src/experiment/queueModel.ts";
import { createPoolExecutor } from "../../src/node/pool/poolExecutor.ts";

const fixtures = new URL("./fixtures/runners.ts", import.meta.url).href;
const base: QueueScenario = {
  arrivalRatePerS: 1.5,
  serviceMeanS: 1,
  servers: 2,
  horizonS: 2000,
  warmupS: 200,
};
const tmp = mkdtempSync(join(tmpdir(), "whsim-pool-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function jobs(scenario: Record<string, unknown>, replications: number) {
  return buildJobs(
    [
      { id: "two", scenario },
      { id: "three", scenario: { ...scenario, servers: 3 } as Record<string, unknown> },
    ],
    { seed: 9, replications },
  );
}

describe("createPoolExecutor()", () => {
  it("pool.run() with 1 (TypeScript through tsx), 2 and 3 (bundled) workers and shuffled completion gives byte-identical outcomes", async () => {
    // Replication r sleeps sleepMs[r]: later jobs finish first. The first sleep outlasts a
    // thread's start-up, so the second thread takes jobs while the first still sleeps.
    const scenario = { ...base, sleepMs: [2000, 0, 30, 0, 45, 5] };
    const list = jobs(scenario, 6);
    const order: string[] = [];
    const one = createPoolExecutor({
      runner: { module: fixtures, exportName: "shuffledQueueRunner" },
      workers: 1,
      bundle: false,
    });
    const two = createPoolExecutor({
      runner: { module: fixtures, exportName: "shuffledQueueRunner" },
      workers: 2,
    });
    const three = createPoolExecutor({
      runner: { module: fixtures, exportName: "shuffledQueueRunner" },
      workers: 3,
    });
    try {
      const a = await one.run(list);
      const b = await two.run(list, { onResult: (o) => order.push(o.key) });
      const c = await three.run(list);
      const local = await createInProcessExecutor(runQueueModel).run(list as never);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(JSON.stringify(c)).toBe(JSON.stringify(a));
      expect(JSON.stringify(a)).toBe(JSON.stringify(local));
      expect(a.map((o) => o.key)).toEqual(list.map((j) => j.key));
      expect(order).not.toEqual(list.map((j) => j.key)); // completion order did differ
      expect(order.slice().sort()).toEqual(list.map((j) => j.key).sort());
    } finally {
      await one.close();
      await two.close();
      await three.close();
    }
  });

  it("pool.run() restarts a crashed worker and re-runs its job", async () => {
    const scenario = { ...base, crashMarker: join(tmp, "crashed"), crashReplication: 1 };
    const list = jobs(scenario, 3);
    const pool = createPoolExecutor({
      runner: { module: fixtures, exportName: "crashOnceRunner" },
      workers: 2,
    });
    try {
      const outcomes = await pool.run(list);
      const local = await createInProcessExecutor(runQueueModel).run(list as never);
      expect(outcomes).toHaveLength(6);
      expect(JSON.stringify(outcomes)).toBe(JSON.stringify(local));
    } finally {
      await pool.close();
    }
  });

  it("pool.run() fails with the model's message when a model throws", async () => {
    const pool = createPoolExecutor({
      runner: { module: fixtures, exportName: "failingRunner" },
      workers: 2,
    });
    try {
      await expect(pool.run(jobs({ ...base, failReplication: 1 }, 3))).rejects.toThrow(
        /replication 1: model failed on purpose/,
      );
    } finally {
      await pool.close();
    }
  });

  it("pool.run() stopped by its signal keeps the finished outcomes", async () => {
    const scenario = { ...base, sleepMs: [0, 0, 300, 300, 300, 300] };
    const list = jobs(scenario, 6);
    const controller = new AbortController();
    const pool = createPoolExecutor({
      runner: { module: fixtures, exportName: "shuffledQueueRunner" },
      workers: 2,
    });
    let finished = 0;
    try {
      const error = await pool
        .run(list, {
          signal: controller.signal,
          onResult: () => {
            if (++finished === 4) controller.abort();
          },
        })
        .catch((e) => e);
      expect(isExperimentAborted(error)).toBe(true);
      const completed = error.completed as { key: string }[];
      expect(completed.length).toBeGreaterThanOrEqual(4);
      expect(completed.length).toBeLessThan(12);
      const keys = list.map((j) => j.key);
      // Kept in job order.
      expect(completed.map((o) => keys.indexOf(o.key))).toEqual(
        completed.map((o) => keys.indexOf(o.key)).sort((x, y) => x - y),
      );
    } finally {
      await pool.close();
    }
  });
});
