import { describe, expect, it } from "vitest";
import { RunStopped, runReplicationsStoppable } from "../../src/node/runReplicationsStoppable.ts";
import { runReplications } from "../../src/warehouse/index.ts";
import { tinyScenario } from "../warehouse/tiny.ts";

describe("runReplicationsStoppable()", () => {
  it("gives exactly the results of runReplications(), trace included", async () => {
    const scenario = tinyScenario();
    const traceA: unknown[] = [];
    const traceB: unknown[] = [];
    const expected = runReplications(scenario, {
      seed: 3,
      replications: 3,
      trace: (r) => traceA.push(r),
    });
    const actual = await runReplicationsStoppable(scenario, {
      seed: 3,
      replications: 3,
      trace: (r) => traceB.push(r),
    });
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    expect(JSON.stringify(traceB)).toBe(JSON.stringify(traceA));
  });

  it("stops after the replication under way once its signal is aborted", async () => {
    const controller = new AbortController();
    const finished: number[] = [];
    const run = runReplicationsStoppable(tinyScenario(), {
      seed: 3,
      replications: 5,
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
