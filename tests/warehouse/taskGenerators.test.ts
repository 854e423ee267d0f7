/**
 * Tasks call generator functions made once; they are not generator functions made per task.
 * V8 gives every generator function object its own initial map, maps live in old space and
 * point back at the function, so a generator function made per task keeps everything its
 * closure reaches (order, lines, task) alive through every scavenge until the next full
 * collection: in a default replication that tripled the bytes each scavenge copied.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { simulate } from "../../src/warehouse/simulate.ts";
import { TaskQueue } from "../../src/warehouse/workforce/workforce.ts";
import type { Task } from "../../src/warehouse/world.ts";

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const originalPush = TaskQueue.prototype.push;

afterEach(() => {
  TaskQueue.prototype.push = originalPush;
});

describe("warehouse tasks", () => {
  it("every kind of task, in every bundled scenario with operations, runs through a plain function", () => {
    const kinds = new Map<string, boolean>();
    TaskQueue.prototype.push = function (this: TaskQueue<unknown>, task: unknown, dueS: number) {
      const t = task as Partial<Task>;
      if (typeof t?.run === "function") {
        const perTask = t.run instanceof GeneratorFunction;
        kinds.set(t.kind ?? "?", (kinds.get(t.kind ?? "?") ?? false) || perTask);
      }
      return originalPush.call(this, task, dueS);
    };
    for (const name of ["default", "counts", "cross-dock", "high-returns", "production-supply"]) {
      const scenario = readScenarioFile(`scenarios/${name}.yaml`);
      // Long enough for the first trailers; quality sampling on in one of them.
      const operations =
        name === "counts"
          ? {
              ...scenario.operations,
              quality: { ...scenario.operations.quality, sampleShare: 0.5 },
            }
          : scenario.operations;
      simulate({ ...scenario, horizonDays: 4, warmupDays: 0, operations }, { seed: 3 });
    }
    // The kinds seen, so that the check covers the whole flow (and fails if a kind vanished).
    expect([...kinds.keys()].sort()).toEqual(
      expect.arrayContaining([
        "count",
        "lineFeed",
        "load",
        "pack",
        "pick",
        "putaway",
        "replenish",
        "return",
        "unload",
      ]),
    );
    const madePerTask = [...kinds].filter(([, perTask]) => perTask).map(([kind]) => kind);
    expect(madePerTask).toEqual([]);
  });
});
