/**
 * runReplicationsStoppable(): hands the event loop back between chunks of simulated time, so
 * a signal stops a run within a long replication, and gives the results simulate() gives.
 */
import { describe, expect, it } from "vitest";
import { RunStopped, runReplicationsStoppable } from "../../src/node/runReplicationsStoppable.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { runReplications } from "../../src/warehouse/index.ts";

const scenario = loadScenario(
  `name: chunks
horizonDays: 2
warmupDays: 0.5
layout: { generator: traditional, name: s, aisles: 4, baysPerAisle: 6, levels: 3, packStations: 2 }
skus: { count: 80 }
outbound: { ordersPerDay: 150 }
`,
  "s.yaml",
);

describe("runReplicationsStoppable()", () => {
  it("stops within the replication under way once the signal is aborted", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runReplicationsStoppable(scenario, {
      seed: 1,
      replications: 1,
      signal: controller.signal,
      onProgress: (f) => {
        seen.push(f);
        if (f >= 0.1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(RunStopped);
    await run.catch((error: RunStopped) => expect(error.finished).toBe(0));
    // Progress comes in 50 chunks: it stopped after the fifth, not at the end.
    expect(seen.at(-1)).toBeCloseTo(0.1, 10);
  });

  it("gives byte-identical results to runReplications for the same seed", async () => {
    const chunked = await runReplicationsStoppable(scenario, { seed: 7, replications: 2 });
    const plain = runReplications(scenario, { seed: 7, replications: 2 });
    expect(JSON.stringify(chunked)).toBe(JSON.stringify(plain));
  });

  it("gives the trace runReplications gives", async () => {
    const plainTrace: unknown[] = [];
    const chunkedTrace: unknown[] = [];
    runReplications(scenario, { seed: 3, replications: 1, trace: (r) => plainTrace.push(r) });
    await runReplicationsStoppable(scenario, {
      seed: 3,
      replications: 1,
      trace: (r) => chunkedTrace.push(r),
    });
    expect(chunkedTrace.length).toBeGreaterThan(0);
    expect(JSON.stringify(chunkedTrace)).toBe(JSON.stringify(plainTrace));
  });

  it("stops before the next replication when the signal is aborted between two", async () => {
    const controller = new AbortController();
    const finished: number[] = [];
    const run = runReplicationsStoppable(scenario, {
      seed: 3,
      replications: 4,
      signal: controller.signal,
      onResult: (r) => {
        finished.push(r);
        if (r === 1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(RunStopped);
    await run.catch((error: RunStopped) => expect(error.finished).toBe(2));
    expect(finished).toEqual([0, 1]);
  });
});
