import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/inputError.ts";
import { isExperimentAborted } from "../../src/experiment/abort.ts";
import { createInProcessExecutor } from "../../src/experiment/inProcessExecutor.ts";
import { mmcWaitS, type QueueScenario, runQueueModel } from "../../src/experiment/queueModel.ts";
import { runExperiment } from "../../src/experiment/runExperiment.ts";
import { estimate, replicationsForPrecision } from "../../src/experiment/statistics.ts";

const mm2: QueueScenario = {
  arrivalRatePerS: 1,
  serviceMeanS: 1,
  servers: 2,
  horizonS: 4000,
  warmupS: 400,
};

describe("statistics", () => {
  it("estimate() gives the Student-t half-width (hand-computed)", () => {
    // mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776445 → h = 2.776445·sqrt(2.5)/sqrt(5) = 1.963243.
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.stdDev).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(e.ci95).toBeCloseTo(1.963243, 5);
    expect(estimate([7]).ci95).toBeNaN();
    expect(JSON.parse(JSON.stringify(estimate([7]))).ci95).toBeNull();
  });
  it("replicationsForPrecision() scales n by (h / (γ'·mean))²", () => {
    // h = 2, mean = 10, γ = 0.1 → γ' = 0.0909…, target 0.909…: n* = 5·(2/0.90909)² = 24.2 → 25.
    expect(replicationsForPrecision({ mean: 10, ci95: 2, n: 5, stdDev: 1 }, 0.1)).toBe(25);
    expect(replicationsForPrecision({ mean: 10, ci95: 0.1, n: 5, stdDev: 1 }, 0.1)).toBe(5);
  });
});

describe("runExperiment()", () => {
  it("runExperiment() on the M/M/2 queue brackets the Erlang C wait", async () => {
    const r = await runExperiment(
      createInProcessExecutor(runQueueModel),
      [{ id: "q", scenario: { ...mm2, horizonS: 20000, warmupS: 1000 } }],
      {
        seed: 3,
        replications: 8,
      },
    );
    const e = estimate(r.outcomes.map((o) => o.kpis.waitS));
    const theory = mmcWaitS(1, 1, 2); // 1/3 s
    expect(Math.abs(e.mean - theory)).toBeLessThan(e.ci95 * 1.5 + 0.02);
  });

  it("runExperiment() with precision adds replications until the half-width is within 5 %", async () => {
    const r = await runExperiment(
      createInProcessExecutor(runQueueModel),
      [{ id: "q", scenario: mm2 }],
      {
        seed: 1,
        replications: 3,
        precision: { relative: 0.05, kpis: ["sojournS"], maxReplications: 60 },
      },
    );
    expect(r.precisionMet).toBe(true);
    expect(r.replications).toBeGreaterThan(3);
    const e = estimate(r.outcomes.map((o) => o.kpis.sojournS));
    expect(e.ci95).toBeLessThanOrEqual((0.05 / 1.05) * e.mean);
    expect(r.outcomes.map((o) => o.replication)).toEqual(
      Array.from({ length: r.replications }, (_, i) => i),
    );
  });

  it("runExperiment() stopped by its signal keeps the finished replications", async () => {
    const controller = new AbortController();
    const r = await runExperiment(
      createInProcessExecutor(runQueueModel),
      [
        { id: "a", scenario: mm2 },
        { id: "b", scenario: { ...mm2, servers: 3 } },
      ],
      {
        seed: 1,
        replications: 10,
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 5) controller.abort();
        },
      },
    );
    expect(r.aborted).toBe(true);
    expect(r.outcomes).toHaveLength(5);
    expect(r.outcomes.map((o) => `${o.candidate}${o.replication}`)).toEqual([
      "a0",
      "a1",
      "a2",
      "b0",
      "b1",
    ]);
  });

  it("an executor run aborted before it starts rejects with ExperimentAbortedError", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await createInProcessExecutor(runQueueModel)
      .run([{ key: "k", candidate: "a", scenario: mm2 as never, replication: 0, seed: 1 }], {
        signal: controller.signal,
      })
      .catch((e) => e);
    expect(isExperimentAborted(error)).toBe(true);
  });

  it("createInProcessExecutor().run() names the failing job, keeping input issues as issues", async () => {
    const job = { key: "k", candidate: "b", scenario: mm2 as never, replication: 3, seed: 1 };
    const bug = createInProcessExecutor(() => {
      throw new Error("boom");
    });
    await expect(bug.run([job])).rejects.toThrow("b replication 3: boom");
    const bad = createInProcessExecutor(() => {
      throw new InputError({
        file: "<scenario>",
        path: "storage.initialStockDays",
        value: 7,
        expected: "less",
      });
    });
    const error = await bad.run([job]).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.issues[0]).toEqual({
      file: "b replication 3: <scenario>",
      path: "storage.initialStockDays",
      value: 7,
      expected: "less",
    });
  });
});
