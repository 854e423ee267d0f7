import { describe, expect, it } from "vitest";
import { createTaskPool, threadArgs } from "../../src/node/pool/taskPool.ts";
import { DEFAULT_YOUNG_GENERATION_MB, semiSpaceMb } from "../../src/node/pool/youngGeneration.ts";

describe("threadArgs()", () => {
  it("threadArgs(execArgv) keeps loaders with their values and conditions", () => {
    expect(
      threadArgs([
        "--require",
        "/x/tsx/dist/preflight.cjs",
        "--import",
        "file:///x/tsx/dist/loader.mjs",
        "--conditions=development",
        "-C",
        "worker",
        "--enable-source-maps",
      ]),
    ).toEqual([
      "--require",
      "/x/tsx/dist/preflight.cjs",
      "--import",
      "file:///x/tsx/dist/loader.mjs",
      "--conditions=development",
      "-C",
      "worker",
      "--enable-source-maps",
    ]);
  });

  it("threadArgs(execArgv) drops V8 and per-process options, with their values", () => {
    expect(
      threadArgs([
        "--max-semi-space-size=64",
        "--single-threaded-gc",
        "--title",
        "whsim",
        "--import",
        "tsx",
        "--max-old-space-size",
        "4096",
      ]),
    ).toEqual(["--import", "tsx"]);
  });
});

describe("createTaskPool()", () => {
  const setup = {
    module: new URL("./fixtures/threadLimits.ts", import.meta.url).href,
    exportName: "youngGenerationMb",
    mode: "call" as const,
  };

  it("createTaskPool() gives each thread a DEFAULT_YOUNG_GENERATION_MB young generation, or youngGenerationMb", async () => {
    const pools = [
      createTaskPool<number, number>({ setup, workers: 1 }),
      createTaskPool<number, number>({ setup, workers: 1, youngGenerationMb: 64 }),
    ];
    try {
      expect(await pools[0].run([0])).toEqual([DEFAULT_YOUNG_GENERATION_MB]);
      expect(await pools[1].run([0])).toEqual([64]);
      expect(DEFAULT_YOUNG_GENERATION_MB).toBeGreaterThan(48); // V8's own size for a thread
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
  });

  it("createTaskPool() starts each thread with semi-spaces of a third of its young generation", async () => {
    // V8 alone starts a thread's semi-spaces at 1 MB and grows them as objects survive: a
    // fresh thread's new space was a few MB whatever the limit. A fresh thread has one
    // semi-space committed. The larger size comes second: the flag the pool raises for it
    // must not be the default's.
    const sizes = { ...setup, exportName: "newSpaceMb" };
    for (const [youngGenerationMb, semiSpaceMb] of [
      [undefined, DEFAULT_YOUNG_GENERATION_MB / 3],
      [384, 128],
    ] as const) {
      const pool = createTaskPool<number, number>({ setup: sizes, workers: 1, youngGenerationMb });
      try {
        const [newSpaceMb] = await pool.run([0]);
        expect(newSpaceMb).toBeGreaterThanOrEqual(semiSpaceMb);
      } finally {
        await pool.close();
      }
    }
  });
});

describe("semiSpaceMb()", () => {
  it("semiSpaceMb(young) is a third of the young generation, rounded up to a power of two as V8 does", () => {
    expect(semiSpaceMb(192)).toBe(64);
    expect(semiSpaceMb(384)).toBe(128);
    expect(semiSpaceMb(100)).toBe(64); // a 100 MB limit grows to 64 MB semi-spaces
    expect(semiSpaceMb(48)).toBe(16); // V8's own young generation for a thread
  });
});
